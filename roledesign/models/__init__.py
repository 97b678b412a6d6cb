"""ORM tables. Business rules live in roledesign.domain and the web services, not here."""

from roledesign.models.accounts import ROLES, Membership, Organisation, User
from roledesign.models.jd_checks import JdCheck
from roledesign.models.plans import Answer, Assessment, RolePlan

__all__ = [
    "ROLES",
    "Answer",
    "Assessment",
    "JdCheck",
    "Membership",
    "Organisation",
    "RolePlan",
    "User",
]
