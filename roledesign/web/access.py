"""Who may see what: the current organisation and plan look-ups that 404 on anything foreign."""

from functools import wraps

from flask import abort, redirect, session, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Membership, Organisation, RolePlan


def memberships() -> list[Membership]:
    if not current_user.is_authenticated:
        return []
    return db.session.scalars(
        select(Membership).where(Membership.user_id == current_user.id).order_by(Membership.id)
    ).all()


def current_membership() -> Membership | None:
    """The membership for the organisation the user is working in (the first, unless chosen)."""
    mine = memberships()
    chosen = session.get("org_id")
    for membership in mine:
        if membership.organisation_id == chosen:
            return membership
    return mine[0] if mine else None


def current_organisation() -> Organisation | None:
    membership = current_membership()
    return membership.organisation if membership else None


def organisation_required(view):
    """Signed in and belonging to an organisation; otherwise go and create one."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_membership() is None:
            return redirect(url_for("orgs.new"))
        return view(*args, **kwargs)

    return wrapped


def plan_or_404(plan_id: int) -> RolePlan:
    """A plan of one of the user's organisations; anything else, including foreign plans, is 404."""
    plan = db.session.scalar(
        select(RolePlan)
        .join(Membership, Membership.organisation_id == RolePlan.organisation_id)
        .where(RolePlan.id == plan_id, Membership.user_id == current_user.id)
    )
    if plan is None:
        abort(404)
    return plan
