from roledesign.extensions import db
from roledesign.models import Assessment, Organisation, RolePlan, User


def create_plan(*, organisation: Organisation, creator: User, data: dict) -> RolePlan:
    """A new plan, with its first assessment round ready to fill in."""
    plan = RolePlan(organisation=organisation, created_by=creator, **data)
    plan.assessments.append(Assessment(round_no=1))
    db.session.add(plan)
    db.session.flush()
    return plan


def update_plan(plan: RolePlan, data: dict) -> bool:
    """Apply the description; returns whether anything changed."""
    changed = False
    for key, value in data.items():
        if getattr(plan, key) != value:
            setattr(plan, key, value)
            changed = True
    db.session.flush()
    return changed
