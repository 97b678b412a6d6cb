"""Organisational learning: assessment rounds, progress over time, check-ins, the overview."""

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from roledesign.domain.context import applicable
from roledesign.domain.progress import closed_between, moved_items, weakest_domains
from roledesign.domain.report import build_report
from roledesign.domain.scoring import score
from roledesign.services import assessment as assessment
from roledesign.services import progress as services
from roledesign.services.transaction import transaction
from roledesign.web.access import current_organisation, organisation_required, plan_or_404
from roledesign.web.charts import bar_chart, line_chart
from roledesign.web.progress.forms import (
    CHECKIN_ANSWERS,
    CHECKIN_MONTHS,
    PERSPECTIVES,
    checkin_form,
)
from roledesign.web.template_helpers import catalog

bp = Blueprint("progress", __name__)


@bp.route("/plans/<int:plan_id>/rounds/new", methods=["GET", "POST"])
@organisation_required
def new_round(plan_id: int):
    """Close the current round and start the next from the same answers."""
    plan = plan_or_404(plan_id, "edit")
    current = assessment.current_round(plan)
    if request.method == "POST":
        with transaction(current_user) as tx:
            following = assessment.start_new_round(plan)
            tx.record(
                plan.organisation_id,
                "created",
                f"round {following.round_no} of plan {plan.id}",
                f"round {following.round_no - 1} closed",
            )
        flash(
            f"Round {following.round_no} has started with your previous answers. Change only "
            "what is different now.",
            "success",
        )
        return redirect(url_for("plans.show", plan_id=plan.id))
    return render_template("progress/new_round.html", plan=plan, current=current)


@bp.get("/plans/<int:plan_id>/rounds/<int:round_no>/report")
@organisation_required
def round_report(plan_id: int, round_no: int):
    """The readiness report of any round, as it was."""
    plan = plan_or_404(plan_id)
    round_ = assessment.round_or_404(plan, round_no)
    answers, notes = assessment.load_answers(round_)
    report = build_report(catalog(), plan.context, answers, notes)
    chart = bar_chart(
        [(row.domain.title, row.score.score) for row in report.domains],
        title=f"Readiness score by domain, round {round_no}",
        description="Bar chart of the four domain scores out of 100; the table "
        "below gives the same figures.",
        chart_id="domain-chart",
    )
    return render_template(
        "assessment/report.html", plan=plan, assessment=round_, report=report, chart=chart
    )


@bp.get("/plans/<int:plan_id>/progress")
@organisation_required
def progress(plan_id: int):
    """Domain scores per round, what moved, and the actions closed in between."""
    plan = plan_or_404(plan_id)
    rounds = assessment.rounds(plan)
    by_round = assessment.answers_by_round(plan)
    items = applicable(catalog().items, plan.context)
    results = [score(items, by_round.get(r.round_no, {})) for r in rounds]
    labels = [f"Round {r.round_no}" for r in rounds]
    series = [(d.title, [res.domains[d.key].score for res in results]) for d in catalog().domains]
    series.append(("Overall", [res.overall for res in results]))
    chart = line_chart(
        labels,
        series,
        title="Readiness scores by round",
        description="Line chart of the four domain scores and the overall score "
        "for each round; the table below gives the same figures.",
    )
    closed = services.actions_closed(plan)
    titles = {action_id: title for action_id, title, _ in closed}
    periods = []
    for n in range(1, len(rounds)):
        earlier, later = rounds[n - 1], rounds[n]
        periods.append(
            {
                "from": earlier,
                "to": later,
                "moves": moved_items(
                    [i.id for i in items],
                    by_round.get(earlier.round_no, {}),
                    by_round.get(later.round_no, {}),
                ),
                "closed": [
                    titles[a]
                    for a in closed_between(
                        [(i, when) for i, _, when in closed], earlier.created_at, later.created_at
                    )
                ],
            }
        )
    consensus = services.team_consensus_by_round(catalog(), plan, rounds)
    return render_template(
        "progress/progress.html",
        consensus=consensus,
        plan=plan,
        rounds=rounds,
        results=results,
        chart=chart,
        series=series,
        labels=labels,
        periods=periods,
    )


@bp.route("/plans/<int:plan_id>/check-ins", methods=["GET", "POST"])
@organisation_required
def check_ins(plan_id: int):
    """After the peer worker starts: is the role working as planned? Beside the baseline."""
    plan = plan_or_404(plan_id, "edit" if request.method == "POST" else "read")
    questions = catalog().checkin_questions
    form = checkin_form(questions)
    if form.validate_on_submit():
        data = {
            "month": form.month.data,
            "perspective": form.perspective.data,
            "note": form.note.data or "",
            "answers": {q.key: form[f"q_{q.key}"].answer.data for q in questions},
        }
        with transaction(current_user) as tx:
            services.save_check_in(plan, data, current_user)
            tx.record(
                plan.organisation_id,
                "changed",
                f"check-ins of plan {plan.id}",
                f"{data['month']} months, {PERSPECTIVES[data['perspective']].lower()}",
            )
        flash("The check-in has been saved.", "success")
        return redirect(url_for("progress.check_ins", plan_id=plan.id))
    baseline = build_report(catalog(), plan.context, assessment.answers_by_round(plan).get(1, {}))
    return render_template(
        "progress/check_ins.html",
        plan=plan,
        form=form,
        questions=questions,
        saved=services.check_ins(plan),
        baseline=baseline,
        months=CHECKIN_MONTHS,
        perspectives=PERSPECTIVES,
        answer_labels=CHECKIN_ANSWERS,
    )


@bp.get("/overview")
@organisation_required
def overview():
    """All the organisation's plans: band, latest scores, overdue actions, weakest domains."""
    organisation = current_organisation()
    rows = services.organisation_overview(catalog(), organisation.id, date.today())
    weakest = weakest_domains([result for _, result, _, _ in rows])
    return render_template(
        "progress/overview.html", organisation=organisation, rows=rows, weakest=weakest
    )
