"""ORM tables. Business rules live in roledesign.domain and the web services, not here."""

from roledesign.models.accounts import ROLES, Membership, Organisation, User
from roledesign.models.documents import ChecklistTick, DocumentDetails, DocumentVersion
from roledesign.models.plans import Answer, Assessment, RolePlan

__all__ = [
    "ROLES",
    "Answer",
    "Assessment",
    "ChecklistTick",
    "DocumentDetails",
    "DocumentVersion",
    "Membership",
    "Organisation",
    "RolePlan",
    "User",
]
