"""The four-domain walkthrough, check your answers, and the readiness report."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from roledesign.catalog import DOMAIN_KEYS
from roledesign.domain.context import applicable
from roledesign.domain.report import build_report
from roledesign.services import assessment as services
from roledesign.services.transaction import transaction
from roledesign.web import concurrency
from roledesign.web.access import organisation_required, plan_or_404
from roledesign.web.assessment.forms import domain_form, field_name, form_data, submitted_values
from roledesign.web.charts import bar_chart
from roledesign.web.template_helpers import catalog

bp = Blueprint("assessment", __name__, url_prefix="/plans/<int:plan_id>")


def _next_step(plan_id: int, domain_key: str) -> str:
    position = DOMAIN_KEYS.index(domain_key)
    if position + 1 < len(DOMAIN_KEYS):
        return url_for("assessment.domain", plan_id=plan_id, domain_key=DOMAIN_KEYS[position + 1])
    return url_for("assessment.check", plan_id=plan_id)


@bp.route("/domains/<domain_key>", methods=["GET", "POST"])
@organisation_required
def domain(plan_id: int, domain_key: str):
    """One domain's statements: in place? how important? and a note. Saves on every submit."""
    if domain_key not in DOMAIN_KEYS:
        abort(404)
    plan = plan_or_404(plan_id, "edit")
    assessment = services.current_round(plan)
    items = applicable(catalog().items_in(domain_key), plan.context)
    page = services.page_of(assessment, domain_key)
    if request.method == "POST":
        form = domain_form(items)
        # The plan's version counts too: its description decides which statements are shown.
        if form.validate() and not concurrency.is_stale(form, plan, page):
            with concurrency.saving(form, lambda: (plan, services.page_of(assessment, domain_key))):
                with transaction(current_user) as tx:
                    changed = services.save_domain(
                        assessment, domain_key, submitted_values(items, form)
                    )
                    if changed:
                        tx.record(
                            plan.organisation_id,
                            "changed",
                            f"plan {plan.id}",
                            f"{changed} answer(s) in {catalog().domain(domain_key).title}, "
                            f"round {assessment.round_no}",
                        )
                if changed:
                    flash("Your answers have been saved.", "success")
                if request.form.get("then") == "task-list":
                    return redirect(url_for("plans.show", plan_id=plan.id))
                return redirect(_next_step(plan.id, domain_key))
    else:
        answers, notes = services.load_answers(assessment)
        form = domain_form(items, data=form_data(items, answers, notes))
        concurrency.start(form, plan, page)
    step = DOMAIN_KEYS.index(domain_key) + 1
    status = concurrency.status(form)
    return render_template(
        "assessment/domain.html",
        plan=plan,
        domain=catalog().domain(domain_key),
        items=items,
        form=form,
        field_name=field_name,
        step=step,
        steps=len(DOMAIN_KEYS),
    ), status


@bp.route("/check-answers", methods=["GET", "POST"])
@organisation_required
def check(plan_id: int):
    """Every answer on one page, with links back to change them."""
    plan = plan_or_404(plan_id, "edit" if request.method == "POST" else "read")
    assessment = services.current_round(plan)
    answers, notes = services.load_answers(assessment)
    report = build_report(catalog(), plan.context, answers, notes)
    if request.method == "POST":
        # The button is a form with only the CSRF token; Flask-WTF has checked it already.
        with transaction(current_user):
            services.confirm(assessment)
        return redirect(url_for("assessment.report", plan_id=plan.id))
    return render_template("assessment/check.html", plan=plan, report=report)


@bp.get("/report")
@organisation_required
def report(plan_id: int):
    """The readiness report: scores, band, gaps and priorities, each with its evidence."""
    plan = plan_or_404(plan_id)
    assessment = services.current_round(plan)
    answers, notes = services.load_answers(assessment)
    report = build_report(catalog(), plan.context, answers, notes)
    chart = bar_chart(
        [(row.domain.title, row.score.score) for row in report.domains],
        title="Readiness score by domain",
        description="Bar chart of the four domain scores out of 100; the table below gives the same figures.",
        chart_id="domain-chart",
    )
    return render_template(
        "assessment/report.html", plan=plan, assessment=assessment, report=report, chart=chart
    )
