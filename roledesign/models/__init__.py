"""ORM tables. Business rules live in roledesign.domain and the web services, not here."""

from roledesign.models.accounts import ROLES, Membership, Organisation, User
from roledesign.models.plans import Answer, Assessment, RolePlan
from roledesign.models.team import TeamAnswer, TeamResponse, TeamSurvey, TeamTally

__all__ = [
    "ROLES",
    "Answer",
    "Assessment",
    "Membership",
    "Organisation",
    "RolePlan",
    "TeamAnswer",
    "TeamResponse",
    "TeamSurvey",
    "TeamTally",
    "User",
]
