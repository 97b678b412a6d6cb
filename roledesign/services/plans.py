from functools import cache
from types import SimpleNamespace

from sqlalchemy import bindparam, func, select

from roledesign.extensions import db
from roledesign.models import Action, Assessment, CheckIn, Organisation, RolePlan, User


def create_plan(*, organisation: Organisation, creator: User, data: dict) -> RolePlan:
    """A new plan, with its first assessment round ready to fill in."""
    plan = RolePlan(organisation=organisation, created_by=creator, **data)
    plan.assessments.append(Assessment(round_no=1))
    db.session.add(plan)
    db.session.flush()
    return plan


def plans_of(organisation: Organisation) -> list[RolePlan]:
    """The organisation's plans, the most recently changed first."""
    return db.session.scalars(
        select(RolePlan)
        .where(RolePlan.organisation_id == organisation.id)
        .order_by(RolePlan.updated_at.desc(), RolePlan.id.desc())
    ).all()


def update_plan(plan: RolePlan, data: dict) -> bool:
    """Apply the description; returns whether anything changed."""
    changed = False
    for key, value in data.items():
        if getattr(plan, key) != value:
            setattr(plan, key, value)
            changed = True
    db.session.flush()
    return changed


def counts(plan: RolePlan) -> SimpleNamespace:
    """How many actions and check-ins the plan has, for its task list (one query)."""
    row = db.session.execute(_counts_query(), {"plan_id": plan.id}).one()
    return SimpleNamespace(actions=row[0], check_ins=row[1])


@cache
def _counts_query():
    """Built once, with a bound parameter: the task list runs it on every view."""
    plan_id = bindparam("plan_id")
    actions = select(func.count()).select_from(Action).where(Action.plan_id == plan_id)
    check_ins = select(func.count()).select_from(CheckIn).where(CheckIn.plan_id == plan_id)
    return select(actions.scalar_subquery(), check_ins.scalar_subquery())
