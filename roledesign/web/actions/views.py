"""The action plan: turn readiness gaps into actions, track them, export them."""

from datetime import date

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from roledesign.documents import FORMATS, render
from roledesign.documents.action_plan import ActionRow, action_plan_document
from roledesign.domain.report import build_report
from roledesign.models import ACTION_STATUSES
from roledesign.services import actions as services
from roledesign.services.assessment import current_round, load_answers
from roledesign.services.transaction import transaction
from roledesign.web import concurrency
from roledesign.web.access import organisation_required, plan_or_404
from roledesign.web.actions.forms import ActionForm
from roledesign.web.template_helpers import catalog

bp = Blueprint("actions", __name__, url_prefix="/plans/<int:plan_id>/actions")


def _gap_items(plan):
    """Items that are gaps in the current round, highest priority first, then the rest."""
    answers, _ = load_answers(current_round(plan))
    report = build_report(catalog(), plan.context, answers)
    return [p.item for p in report.priorities]


def _form(plan, action=None):
    gaps = _gap_items(plan)
    if action is not None:  # keep links to statements that are no longer gaps
        gaps += [
            catalog().item(i)
            for i in action.item_ids
            if catalog().has_item(i) and catalog().item(i) not in gaps
        ]
    return ActionForm(obj=action, members=services.members(plan), gap_items=gaps)


@bp.get("/")
@organisation_required
def index(plan_id: int):
    """The plan's actions, overdue ones flagged."""
    plan = plan_or_404(plan_id)
    actions = services.plan_actions(plan)
    return render_template(
        "actions/index.html",
        plan=plan,
        actions=actions,
        today=date.today(),
        statuses=ACTION_STATUSES,
    )


@bp.route("/new", methods=["GET", "POST"])
@organisation_required
def new(plan_id: int):
    """Add an action, suggested from a gap's evidence when opened from the report."""
    plan = plan_or_404(plan_id, "edit")
    form = _form(plan)
    if form.validate_on_submit():
        with transaction(current_user) as tx:
            action = services.create_action(plan, form.action_data())
            tx.record(
                plan.organisation_id,
                "created",
                f"action {action.id} on plan {plan.id}",
                action.title,
            )
        _flash_saved(action)
        return redirect(url_for("actions.index", plan_id=plan.id))
    if not form.is_submitted():
        item_id = request.args.get("item", "")
        if catalog().has_item(item_id) and item_id in {c.value for c in form.item_ids.choices}:
            form.item_ids.data = [item_id]
            form.title.data = catalog().item(item_id).action
        form.owner_user_id.data = str(current_user.id)
    return render_template("actions/edit.html", plan=plan, form=form, action=None)


@bp.route("/<int:action_id>", methods=["GET", "POST"])
@organisation_required
def edit(plan_id: int, action_id: int):
    """Change an action: its wording, owner, date or status."""
    plan = plan_or_404(plan_id, "edit")
    action = services.action_or_404(plan, action_id)
    form = _form(plan, action)
    concurrency.start(form, action)
    if form.validate_on_submit() and not concurrency.is_stale(form, action):
        with concurrency.saving(form, lambda: (action,)):
            with transaction(current_user) as tx:
                services.update_action(action, form.action_data())
                tx.record(
                    plan.organisation_id,
                    "changed",
                    f"action {action.id} on plan {plan.id}",
                    f"status: {ACTION_STATUSES[action.status]}",
                )
            _flash_saved(action)
            return redirect(url_for("actions.index", plan_id=plan.id))
    if not form.is_submitted():
        form.item_ids.data = action.item_ids
        form.owner_user_id.data = str(action.owner_user_id or "")
    return render_template(
        "actions/edit.html", plan=plan, form=form, action=action
    ), concurrency.status(form)


def _flash_saved(action) -> None:
    if action.is_overdue(date.today()):
        flash(
            "The action has been saved. Its due date is in the past, so it is shown as overdue.",
            "info",
        )
    else:
        flash("The action has been saved.", "success")


def _rows(plan):
    today = date.today()
    rows = []
    for action in services.plan_actions(plan):
        statements = "; ".join(
            f"{i}: {catalog().item(i).statement}" for i in action.item_ids if catalog().has_item(i)
        )
        rows.append(
            ActionRow(
                title=action.title,
                statements=statements,
                owner=action.owner,
                due=action.due_on,
                status=ACTION_STATUSES[action.status],
                is_overdue=action.is_overdue(today),
                notes=action.notes,
            )
        )
    return rows


@bp.get("/export.<any(csv, pdf, docx):fmt>")
@organisation_required
def export(plan_id: int, fmt: str):
    """The action plan as CSV, PDF or Word."""
    plan = plan_or_404(plan_id)
    stem = f"action-plan-{plan.id}"
    with transaction(current_user) as tx:
        tx.record(plan.organisation_id, "exported", f"action plan of plan {plan.id}", fmt.upper())
    if fmt == "csv":
        body = services.actions_csv(services.plan_actions(plan), catalog(), date.today())
        return Response(
            body,
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'},
        )
    document = action_plan_document(
        organisation=plan.organisation.name,
        post=f"{plan.title} – {plan.team}",
        rows=_rows(plan),
        issued=date.today(),
        author=current_user.name,
    )
    return Response(
        render(document, fmt),
        mimetype=FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
    )
