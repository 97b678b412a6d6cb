"""Who may see and do what.

Everything an organisation owns is looked up through its membership of the signed-in user, so
another organisation's ids behave exactly like ids that do not exist (404). Within their own
organisation, people can do what their role allows; anything more is 403.
"""

from functools import cache, wraps

from flask import abort, g, has_app_context, redirect, session, url_for
from flask_login import current_user, login_required
from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session, joinedload

from roledesign.extensions import db
from roledesign.models import Membership, Organisation, RolePlan

# What each need allows, by role. Viewers read; HR reads and produces paperwork; managers plan,
# assess, survey and act; admins also run the organisation.
PERMISSIONS = {
    "read": frozenset({"admin", "manager", "hr", "viewer"}),
    "documents": frozenset({"admin", "manager", "hr"}),
    "edit": frozenset({"admin", "manager"}),
    "admin": frozenset({"admin"}),
}


def can(role: str | None, need: str) -> bool:
    return role in PERMISSIONS[need]


def memberships() -> list[Membership]:
    """The signed-in user's memberships, with their organisations: one query per request.

    Pages ask several times (the view, the header, what the user may do); the answer is kept
    in flask.g for the request, and forgotten as soon as a membership is added or removed.
    """
    if not current_user.is_authenticated:
        return []
    cached = g.get("_memberships")
    if cached is not None and cached[0] == current_user.id:
        return cached[1]
    found = db.session.scalars(
        select(Membership)
        .options(joinedload(Membership.organisation))
        .where(Membership.user_id == current_user.id)
        .order_by(Membership.id)
    ).all()
    return remember_memberships(current_user, found)


def remember_memberships(user, found: list[Membership]) -> list[Membership]:
    """Keep ``found`` as the user's memberships for the rest of the request (the user loader
    reads them with the user)."""
    g._memberships = (user.id, found)
    return found


@event.listens_for(Session, "after_flush")
def _forget_memberships(session, flush_context) -> None:
    changed = (*session.new, *session.deleted)
    if has_app_context() and any(isinstance(o, Membership | Organisation) for o in changed):
        g.pop("_memberships", None)


def current_membership() -> Membership | None:
    """The membership for the organisation the user is working in (the first, unless chosen).

    Kept for the request beside the memberships it was chosen from: the header, the view and
    every may() in a template ask (a list page asks once a row)."""
    mine = memberships()
    chosen = session.get("org_id")
    kept = g.get("_current_membership")
    if kept is not None and kept[0] is mine and kept[1] == chosen:
        return kept[2]
    found = next((m for m in mine if m.organisation_id == chosen), mine[0] if mine else None)
    g._current_membership = (mine, chosen, found)
    return found


def current_organisation() -> Organisation | None:
    membership = current_membership()
    return membership.organisation if membership else None


def current_role() -> str | None:
    membership = current_membership()
    return membership.role if membership else None


def organisation_required(view=None, *, need: str = "read"):
    """Signed in, belonging to an organisation (else go and create one), with a role that
    allows ``need`` in the current organisation (else 403). Use bare or as (need="edit")."""

    def decorate(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            membership = current_membership()
            if membership is None:
                return redirect(url_for("orgs.new"))
            if not can(membership.role, need):
                abort(403)
            return view(*args, **kwargs)

        wrapped.need = need  # read by the route audit test
        return wrapped

    return decorate(view) if view is not None else decorate


def plan_or_404(plan_id: int, need: str = "read") -> RolePlan:
    """A plan of one of the user's organisations: 404 for unknown or foreign plans, 403 when the
    user's role there does not allow ``need``."""
    plan, role = owned_or_404(RolePlan, plan_id, need)
    g.plan_role = role  # so templates can offer only what this person may do
    return plan


def owned_or_404(model, object_id: int, need: str, *options):
    """The ``model`` row with this id and the user's role in the organisation that owns it:
    404 when it is unknown or another organisation's, 403 when the role does not allow
    ``need``. ``options`` are loader options for the query."""
    query = _owned_query(model)
    row = db.session.execute(
        query.options(*options) if options else query,
        {"object_id": object_id, "user_id": current_user.id},
    ).first()
    if row is None:
        abort(404)
    found, role = row
    if not can(role, need):
        abort(403)
    return found, role


@cache
def _owned_query(model):
    """Built once per model, with bound parameters: building it cost as much as running it."""
    return (
        select(model, Membership.role)
        .join(Membership, Membership.organisation_id == model.organisation_id)
        .where(model.id == bindparam("object_id"), Membership.user_id == bindparam("user_id"))
    )


def may(need: str) -> bool:
    """For templates: does the user's role (in the plan's organisation, on plan pages) allow it?"""
    return can(g.get("plan_role") or current_role(), need)
