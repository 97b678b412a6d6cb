"""The manager's side of the team self-assessment: set up, share, close, report and export."""

import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from roledesign.domain import disclosure
from roledesign.domain.anonymity import POOL, comment_threshold
from roledesign.domain.disclosure import SECTOR_EPSILON
from roledesign.domain.scoring import score
from roledesign.domain.sectors import (
    SECTOR_MIN_ANSWERS,
    SECTOR_MIN_ORGANISATIONS,
    SECTOR_MIN_RESPONDENTS,
    compare_sectors,
)
from roledesign.models.accounts import SECTORS
from roledesign.services import team as services
from roledesign.services import team_export as export
from roledesign.services.assessment import current_round, load_answers
from roledesign.services.transaction import transaction
from roledesign.web.access import current_membership, may, organisation_required, plan_or_404
from roledesign.web.charts import bar_chart
from roledesign.web.team.forms import ActionForm, AnonymityForm, setup_form
from roledesign.web.team_charts import group_chart
from roledesign.web.template_helpers import catalog

bp = Blueprint("team", __name__)


def _survey_or_404(plan):
    survey = services.survey_for(plan)
    if survey is None:
        abort(404)
    return survey


def survey_link(survey) -> str:
    return url_for("survey.start", token=survey.token, _external=True)


@bp.app_template_global()
def team_task(plan) -> dict:
    """The Team self-assessment line of a plan's task list."""
    survey, n = services.survey_and_count(plan)
    if survey is None:
        return {"status": "not_started", "hint": "Ask your team the same statements, anonymously"}
    if not survey.is_accepting(services.today()):
        return {"status": "closed", "hint": "Closed: the results are ready to read"}
    people = "1 person has" if n == 1 else f"{n} people have"
    return {"status": "open", "hint": f"{people} responded"}


@bp.get("/plans/<int:plan_id>/team")
@organisation_required
def overview(plan_id: int):
    """Set up the survey, or see its link, status and responses so far."""
    plan = plan_or_404(plan_id)
    survey = services.survey_for(plan)
    n = services.response_count(survey) if survey else 0
    with transaction(current_user):  # a release falls due on the first read after closing
        figures = services.release_for(catalog(), survey) if survey else None
    return render_template(
        "team/overview.html",
        plan=plan,
        survey=survey,
        released=figures is not None,
        responses=n if figures is None else figures["total"],
        k=services.k_for(plan.organisation),
        link=survey_link(survey) if survey else None,
        is_accepting=survey.is_accepting(services.today()) if survey else False,
        items=services.survey_items(catalog(), survey) if survey else (),
        action_form=ActionForm(),
        can_set_k=_can_set_k(),
    )


def _domains_items(plan):
    offered = services.offered_items(catalog(), plan)
    return [(d, [i for i in offered if i.domain == d.key]) for d in catalog().domains]


@bp.route("/plans/<int:plan_id>/team/setup", methods=["GET", "POST"])
@organisation_required
def setup(plan_id: int):
    """Choose the statements (all, by default) and an optional closing date."""
    plan = plan_or_404(plan_id, "edit")
    survey = services.survey_for(plan)
    locked = survey is not None and services.response_count(survey) > 0
    domains_items = _domains_items(plan)
    today = services.today()
    if request.method == "POST":
        form = setup_form(domains_items, today=today)
        if locked:  # the statements cannot change once people have answered them
            for name in form.domain_fields:
                form[name].data = [i for i in survey.item_ids if i in _choice_values(form[name])]
        if form.validate():
            with transaction(current_user):
                if survey is None:
                    survey = services.create_survey(
                        plan=plan,
                        creator=current_user,
                        item_ids=form.item_ids(),
                        closes_on=form.closes_on,
                    )
                    message = "Your team self-assessment is ready. Share the link with your team."
                else:
                    services.update_survey(
                        survey,
                        item_ids=None if locked else form.item_ids(),
                        closes_on=form.closes_on,
                    )
                    message = "The team self-assessment has been updated."
            flash(message, "success")
            return redirect(url_for("team.overview", plan_id=plan.id))
    else:
        form = setup_form(domains_items, today=today, data=_setup_data(domains_items, survey))
    return render_template(
        "team/setup.html", plan=plan, survey=survey, form=form, locked=locked, today=today
    )


def _choice_values(field) -> set:
    return {c.value for c in field.choices}


def _setup_data(domains_items, survey) -> dict:
    chosen = set(survey.item_ids) if survey else None
    data = {
        f"items_{d.key}": [i.id for i in items if chosen is None or i.id in chosen]
        for d, items in domains_items
    }
    if survey and survey.closes_on:
        c = survey.closes_on
        data["closes"] = {"day": str(c.day), "month": str(c.month), "year": str(c.year)}
    return data


@bp.post("/plans/<int:plan_id>/team/close")
@organisation_required
def close(plan_id: int):
    """Close for good: the results are worked out now, once, and never change."""
    plan = plan_or_404(plan_id, "edit")
    survey = _survey_or_404(plan)
    if ActionForm().validate_on_submit() and survey.is_open:
        with transaction(current_user) as tx:
            services.close(catalog(), survey, services.today())
            tx.record(plan.organisation_id, "changed", f"team survey of plan {plan.id}", "closed")
        flash("The survey is closed and its results are ready.", "success")
    return redirect(url_for("team.overview", plan_id=plan.id))


@bp.post("/plans/<int:plan_id>/team/again")
@organisation_required
def ask_again(plan_id: int):
    """A new round with a new link; the closed round keeps its results."""
    plan = plan_or_404(plan_id, "edit")
    survey = _survey_or_404(plan)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("team.overview", plan_id=plan.id))
    with transaction(current_user) as tx:
        again = services.release_for(catalog(), survey) is not None
        if again:
            services.ask_again(plan, survey, current_user)
            tx.record(plan.organisation_id, "created", f"team survey of plan {plan.id}", "again")
    if again:
        flash("A new round is open. Share the new link with your team.", "success")
    return redirect(url_for("team.overview", plan_id=plan.id))


def qr_svg(link: str) -> Markup:
    """The link as a QR code, drawn as SVG here: no outside service sees the link."""
    # Imported here, on the first QR code: with lxml under it, tens of milliseconds that
    # start-up need not pay.
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg") :]  # drop the XML declaration to inline it
    label = 'role="img" aria-label="QR code for the survey link" class="app-qr" '
    return Markup(svg.replace("<svg ", "<svg " + label, 1))  # noqa: S704 - qrcode's own markup


@bp.get("/plans/<int:plan_id>/team/invitation")
@organisation_required
def invitation(plan_id: int):
    """A page to print or pin up: the link, a QR code and what the survey is for."""
    plan = plan_or_404(plan_id)
    survey = _survey_or_404(plan)
    link = survey_link(survey)
    return render_template(
        "team/invitation.html",
        plan=plan,
        survey=survey,
        link=link,
        qr=qr_svg(link),
        items=services.survey_items(catalog(), survey),
    )


@bp.get("/plans/<int:plan_id>/team/report")
@organisation_required
def report(plan_id: int):
    """The survey's release: team scores, group differences, consensus and comments."""
    plan = plan_or_404(plan_id)
    survey = _survey_or_404(plan)
    # A release falls due on the first read after closing. The page is rendered before the
    # commit, which expires the user, plan and survey it shows: five queries to read them again.
    with transaction(current_user):
        return _report_page(plan, survey)


def _report_page(plan, survey):
    result = services.team_report(catalog(), survey)
    release = services.stored_release(survey)
    figures, closed_on = (release.figures, release.closed_on) if release else (None, None)
    if result is None:
        return render_template(
            "team/report_open.html",
            plan=plan,
            survey=survey,
            responses=services.response_count(survey),
        )
    items = services.survey_items(catalog(), survey)
    answers, _ = load_answers(current_round(plan))
    own = score(items, answers)
    k = result.disclosure.k
    return render_template(
        "team/report.html",
        plan=plan,
        survey=survey,
        result=result,
        k=k,
        own=own,
        own_answers=answers,
        comments=disclosure.comments(figures)[: services.COMMENTS_SHOWN],
        comment_threshold=comment_threshold(k),
        comment_total=len(disclosure.comments(figures)),
        team_chart=_team_chart(result, own) if result.team else None,
        groups_chart=_groups_chart(result) if result.units else None,
        label=_label,
        POOL=POOL,
        closed_on=closed_on,
        pooled_only=services.pooled_only(catalog()),
    )


def _label(key: str) -> str:
    return "Whole team" if key == "team" else catalog().team.plural(key)


def _team_chart(result, own):
    rows = []
    for d in catalog().domains:
        rows.append((f"{d.title}: team", result.team.domains[d.key]))
        rows.append((f"{d.title}: you", own.domains[d.key].score))
    return bar_chart(
        rows,
        title="Team score and your own score by domain",
        description="Bar chart of each domain's score out of 100 for the whole team and for your own assessment; the table below gives the same figures.",
        chart_id="team-chart",
    )


def _groups_chart(result):
    sections = []
    for d in catalog().domains:
        bars = [("Whole team", result.team.domains[d.key])]
        bars += [
            ("Other respondents" if u.key == POOL else _label(u.key), u.domains[d.key])
            for u in result.units
        ]
        sections.append((d.title, bars))
    return group_chart(
        sections,
        title="Domain scores by group",
        description="Bar chart of each domain's score out of 100 for the whole team and each group shown; the table below gives the same figures.",
    )


def _released_or_redirect(plan):
    survey = _survey_or_404(plan)
    with transaction(current_user):  # a release falls due on the first read after closing
        figures = services.release_for(catalog(), survey)
    if figures is None:
        flash("Downloads are ready once the survey has closed.", "info")
    return survey, figures


@bp.get("/plans/<int:plan_id>/team/figures.csv")
@organisation_required
def figures_csv(plan_id: int):
    """The released figures: one row per group and statement shown, never one per person."""
    plan = plan_or_404(plan_id)
    survey, figures = _released_or_redirect(plan)
    if figures is None:
        return redirect(url_for("team.report", plan_id=plan.id))
    rows = disclosure.figures_rows(
        services.survey_items(catalog(), survey), figures, catalog().team.group_keys
    )
    return _csv(export.rows_csv(rows), f"team-figures-plan-{plan.id}.csv")


@bp.get("/plans/<int:plan_id>/team/comments.csv")
@organisation_required
def comments_csv(plan_id: int):
    """The released comments alone, in the random order fixed when the survey closed."""
    plan = plan_or_404(plan_id)
    _, figures = _released_or_redirect(plan)
    found = disclosure.comments(figures) if figures else []
    if not found:
        if figures is not None:
            flash("No comments can be shown for this survey.", "info")
        return redirect(url_for("team.report", plan_id=plan.id))
    return _csv(export.comments_csv(found), f"team-comments-plan-{plan.id}.csv")


def _csv(body: str, filename: str) -> Response:
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _can_set_k() -> bool:
    return may("admin")


@bp.route("/organisation/anonymity", methods=["GET", "POST"])
@organisation_required(need="admin")
def anonymity():
    """The organisation's anonymity threshold k (never below 3), set by its admins."""
    organisation = current_membership().organisation
    form = AnonymityForm(data={"k": organisation.anonymity_k})
    if form.validate_on_submit():
        if form.k.data != organisation.anonymity_k:
            with transaction(current_user) as tx:
                tx.record(
                    organisation.id,
                    "changed",
                    "anonymity threshold",
                    f"{organisation.anonymity_k} to {form.k.data}",
                )
                services.set_k(organisation, form.k.data)
            flash(f"Team results now need at least {form.k.data} people in a group.", "success")
        return redirect(url_for("team.anonymity"))
    return render_template("team/anonymity.html", form=form, organisation=organisation)


@bp.get("/team/sector-comparison")
@organisation_required
def sectors():
    """How organisations in each sector answered, where enough have for nobody to stand out."""
    comparison = compare_sectors(services.sector_contributions(), catalog().items, tuple(SECTORS))
    return render_template(
        "team/sectors.html",
        comparison=comparison,
        sectors=SECTORS,
        min_organisations=SECTOR_MIN_ORGANISATIONS,
        min_respondents=SECTOR_MIN_RESPONDENTS,
        min_answers=SECTOR_MIN_ANSWERS,
        epsilon=SECTOR_EPSILON,
    )
