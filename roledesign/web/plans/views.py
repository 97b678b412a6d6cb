"""Create and describe a role plan; the plan's task list."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from roledesign.domain.report import build_report
from roledesign.services import plans as services
from roledesign.services.assessment import current_round, load_answers
from roledesign.services.jd_check import attach_to_new_plan, checks_for_plan
from roledesign.services.transaction import transaction
from roledesign.web import concurrency
from roledesign.web.access import current_organisation, organisation_required, plan_or_404
from roledesign.web.ids import query_id
from roledesign.web.plans.forms import BAND_LABELS, PlanForm, prefill_data
from roledesign.web.template_helpers import catalog

bp = Blueprint("plans", __name__, url_prefix="/plans")


@bp.route("/new", methods=["GET", "POST"])
@organisation_required(need="edit")
def new():
    """Describe a new peer worker post (pre-filled when started from a job description check)."""
    form = PlanForm(data=prefill_data(request.args))
    if form.validate_on_submit():
        with transaction(current_user) as tx:
            plan = services.create_plan(
                organisation=current_organisation(), creator=current_user, data=form.plan_data()
            )
            tx.record(plan.organisation_id, "created", f"plan {plan.id}", plan.title)
            attach_to_new_plan(query_id("from_check"), plan)
        flash("The plan has been created. Work through the four domains next.", "success")
        return redirect(url_for("plans.show", plan_id=plan.id))
    if not form.is_submitted() and not form.title.data:
        form.title.data = "Peer support worker"
    return render_template("plans/describe.html", form=form, plan=None)


@bp.get("/<int:plan_id>")
@organisation_required
def show(plan_id: int):
    """The plan's task list."""
    plan = plan_or_404(plan_id)
    assessment = current_round(plan)
    answers, _ = load_answers(assessment)
    report = build_report(catalog(), plan.context, answers)
    return render_template(
        "plans/show.html",
        plan=plan,
        assessment=assessment,
        report=report,
        band_labels=BAND_LABELS,
        jd_checks=checks_for_plan(plan),
        counts=services.counts(plan),
    )


@bp.route("/<int:plan_id>/describe", methods=["GET", "POST"])
@organisation_required
def describe(plan_id: int):
    """Change the description of the post."""
    plan = plan_or_404(plan_id, "edit")
    form = PlanForm(obj=plan)
    concurrency.start(form, plan)
    if form.validate_on_submit() and not concurrency.is_stale(form, plan):
        with concurrency.saving(form, lambda: (plan,)):
            with transaction(current_user) as tx:
                changed = services.update_plan(plan, form.plan_data())
                if changed:
                    tx.record(
                        plan.organisation_id,
                        "changed",
                        f"plan {plan.id}",
                        "description of the post",
                    )
            if changed:
                flash("The description of the post has been saved.", "success")
            return redirect(url_for("plans.show", plan_id=plan.id))
    if not form.is_submitted() and plan.band is None:
        form.band.data = ""
    return render_template("plans/describe.html", form=form, plan=plan), concurrency.status(form)
