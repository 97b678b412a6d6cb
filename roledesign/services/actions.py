"""The action plan: actions linked to readiness gaps, with owners, dates and status."""

import csv
import io
from datetime import date

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from roledesign.extensions import db
from roledesign.models import Action, ActionItem, Membership, RolePlan, User
from roledesign.models.base import utcnow
from roledesign.models.learning import ACTION_STATUSES, CLOSED_STATUSES


def plan_actions(plan: RolePlan) -> list[Action]:
    """All actions of a plan with their items and owners, in a fixed number of queries."""
    return db.session.scalars(
        select(Action)
        .where(Action.plan_id == plan.id)
        .options(selectinload(Action.items), selectinload(Action.owner_user))
        .order_by(Action.due_on, Action.id)
    ).all()


def action_or_404(plan: RolePlan, action_id: int) -> Action:
    action = db.session.scalar(
        select(Action).where(Action.id == action_id, Action.plan_id == plan.id)
    )
    if action is None:
        abort(404)
    return action


def members(plan: RolePlan) -> list[User]:
    """People who can own actions: the members of the plan's organisation."""
    return db.session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.organisation_id == plan.organisation_id)
        .order_by(User.name)
    ).all()


def _apply(action: Action, data: dict) -> None:
    was_closed = action.status in CLOSED_STATUSES
    for key in ("title", "owner_user_id", "owner_name", "due_on", "status", "drop_reason", "notes"):
        setattr(action, key, data[key])
    now_closed = action.status in CLOSED_STATUSES
    if now_closed and not was_closed:
        action.closed_at = utcnow()
    elif not now_closed:
        action.closed_at = None
    wanted = set(data["item_ids"])
    for link in list(action.items):
        if link.item_id not in wanted:
            action.items.remove(link)
    have = {link.item_id for link in action.items}
    for item_id in sorted(wanted - have):
        action.items.append(ActionItem(item_id=item_id))


def create_action(plan: RolePlan, data: dict) -> Action:
    action = Action(plan=plan, status="not_started")
    _apply(action, data)
    db.session.add(action)
    db.session.flush()
    return action


def update_action(action: Action, data: dict) -> None:
    links = action.item_ids
    _apply(action, data)
    if action.item_ids != links:  # the row changes too, so its version counts the new links
        action.updated_at = utcnow()
    db.session.flush()


def _safe_cell(value: str) -> str:
    """Spreadsheets treat cells starting with = + - @ as formulas; show them as text instead."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def actions_csv(actions: list[Action], catalog, today: date) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["Action", "Statements", "Owner", "Due", "Status", "Overdue", "Reason dropped", "Notes"]
    )
    for action in actions:
        statements = "; ".join(
            f"{i}: {catalog.item(i).statement}" for i in action.item_ids if catalog.has_item(i)
        )
        writer.writerow(
            [
                _safe_cell(v)
                for v in (
                    action.title,
                    statements,
                    action.owner,
                    action.due_on.isoformat(),
                    ACTION_STATUSES[action.status],
                    "yes" if action.is_overdue(today) else "no",
                    action.drop_reason,
                    action.notes,
                )
            ]
        )
    return buffer.getvalue()
