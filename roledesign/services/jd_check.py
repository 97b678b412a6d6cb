"""Store and find job description checks. Services flush; the view commits."""

from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import defer, joinedload

from roledesign.extensions import db
from roledesign.models import JdCheck, Organisation, RolePlan, User

RECENT = 20
PASTED = "Pasted text"


def recent_checks(organisation: Organisation) -> list[JdCheck]:
    return db.session.scalars(
        select(JdCheck)
        .where(JdCheck.organisation_id == organisation.id)
        .options(joinedload(JdCheck.plan), defer(JdCheck.text, raiseload=True))
        .order_by(JdCheck.created_at.desc(), JdCheck.id.desc())
        .limit(RECENT)
    ).all()


def checks_for_plan(plan: RolePlan) -> list[JdCheck]:
    """The plan's checks, for listing: without their texts (a few pages each)."""
    return db.session.scalars(_plan_checks_query(), {"plan_id": plan.id}).all()


@cache
def _plan_checks_query():
    """Built once, with a bound parameter: the task list runs it on every view."""
    return (
        select(JdCheck)
        .options(defer(JdCheck.text, raiseload=True))
        .where(JdCheck.plan_id == bindparam("plan_id"))
        .order_by(JdCheck.created_at.desc(), JdCheck.id.desc())
    )


def create_check(
    *,
    organisation: Organisation,
    creator: User,
    text: str,
    name: str = PASTED,
    source: str = "paste",
    plan: RolePlan | None = None,
) -> JdCheck:
    """Keep the text to check; the report is worked out from it whenever it is shown."""
    check = JdCheck(
        organisation=organisation,
        created_by=creator,
        plan=plan,
        name=name[:200],
        source=source,
        text=text,
    )
    db.session.add(check)
    db.session.flush()
    return check


def attach_to_new_plan(check_id: int | None, plan: RolePlan) -> None:
    """Attach a check of the plan's organisation to a plan started from it; ignore any other."""
    if check_id is None:
        return
    check = db.session.get(JdCheck, check_id)
    if check is not None and check.organisation_id == plan.organisation_id and check.plan is None:
        check.plan = plan
        db.session.flush()
