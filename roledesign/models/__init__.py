"""ORM tables. Business rules live in roledesign.domain and the web services, not here."""

from roledesign.models.accounts import (
    ROLES,
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    OutboxMail,
    User,
    UserSession,
)
from roledesign.models.documents import ChecklistTick, DocumentDetails, DocumentVersion
from roledesign.models.invitations import TeamInvitation, TeamInvitedAddress
from roledesign.models.jd_checks import JdCheck
from roledesign.models.learning import ACTION_STATUSES, Action, ActionItem, CheckIn
from roledesign.models.plans import (
    Answer,
    Assessment,
    AssessmentPage,
    ClosedRoundError,
    RolePlan,
)
from roledesign.models.team import (
    TeamAnswer,
    TeamCount,
    TeamRelease,
    TeamResponse,
    TeamSurvey,
    TeamTally,
)

__all__ = [
    "ACTION_STATUSES",
    "ROLES",
    "Action",
    "ActionItem",
    "Answer",
    "Assessment",
    "AssessmentPage",
    "AuditEvent",
    "CheckIn",
    "ChecklistTick",
    "ClosedRoundError",
    "DocumentDetails",
    "DocumentVersion",
    "Invitation",
    "JdCheck",
    "Membership",
    "Organisation",
    "OutboxMail",
    "RolePlan",
    "TeamAnswer",
    "TeamCount",
    "TeamInvitation",
    "TeamInvitedAddress",
    "TeamRelease",
    "TeamResponse",
    "TeamSurvey",
    "TeamTally",
    "User",
    "UserSession",
]
