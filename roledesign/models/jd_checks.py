from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roledesign.extensions import db
from roledesign.models.accounts import Organisation, User
from roledesign.models.base import created_at_column
from roledesign.models.plans import RolePlan


class JdCheck(db.Model):
    """A job description or advert checked against checklists/jd_check.yaml.

    Only the text is kept; the report is worked out again each time it is shown, so it always
    reflects the current rules.
    """

    __tablename__ = "jd_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("role_plans.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))  # the file name, or "Pasted text"
    source: Mapped[str] = mapped_column(String(8))  # paste, txt, docx or pdf
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()

    organisation: Mapped[Organisation] = relationship()
    plan: Mapped[RolePlan | None] = relationship()
    created_by: Mapped[User | None] = relationship()
