"""Check a job description: the form, the report, its PDF and Word versions, and a plan from it."""

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import joinedload

from roledesign.catalog import DOMAIN_KEYS
from roledesign.documents import FORMATS, render
from roledesign.documents.jd_check_document import (
    build_document,
    grouped,
    scoring_note,
    summary_line,
)
from roledesign.domain.jd_check import check_text
from roledesign.domain.jd_duties import duty_summary
from roledesign.domain.jd_facts import extract_facts
from roledesign.models import JdCheck
from roledesign.services import jd_check as services
from roledesign.services.plans import plans_of
from roledesign.services.transaction import transaction
from roledesign.web.access import (
    current_organisation,
    organisation_required,
    owned_or_404,
    plan_or_404,
)
from roledesign.web.ids import query_id
from roledesign.web.jd_check.forms import JdCheckForm
from roledesign.web.template_helpers import catalog

bp = Blueprint("jd_check", __name__, url_prefix="/job-description-checks")


def check_or_404(check_id: int, need: str = "read") -> JdCheck:
    """A check of one of the user's organisations: foreign or unknown ones are 404, and a role
    there that does not allow ``need`` is 403 (as for plans)."""
    check, _ = owned_or_404(
        JdCheck, check_id, need, joinedload(JdCheck.plan), joinedload(JdCheck.organisation)
    )
    return check


@bp.route("/new", methods=["GET", "POST"])
@organisation_required(need="documents")
def new():
    """Paste or upload a job description, optionally for one of the organisation's plans."""
    organisation = current_organisation()
    plans = plans_of(organisation)
    form = JdCheckForm(plans)
    if form.validate_on_submit():
        text, source, name = form.checked
        plan = next((p for p in plans if str(p.id) == form.plan_id.data), None)
        with transaction(current_user) as tx:
            check = services.create_check(
                organisation=organisation,
                creator=current_user,
                text=text,
                name=name,
                source=source,
                plan=plan,
            )
            tx.record(organisation.id, "created", f"job description check {check.id}", name)
        return redirect(url_for("jd_check.show", check_id=check.id))
    if not form.is_submitted() and "plan_id" in request.args:
        # Opened from a plan's task list: that plan is preselected, and a foreign one is 404.
        form.plan_id.data = str(plan_or_404(query_id("plan_id") or 0).id)
    return render_template(
        "jd_check/new.html", form=form, checks=services.recent_checks(organisation)
    )


def _report(check):
    return check_text(check.text, catalog().jd_check, DOMAIN_KEYS)


@bp.get("/<int:check_id>")
@organisation_required
def show(check_id: int):
    """The report: drift highlighted in the text, missing essentials, evaluation, language."""
    check = check_or_404(check_id)
    report = _report(check)
    return render_template(
        "jd_check/report.html",
        check=check,
        report=report,
        summary=summary_line(report),
        duties=duty_summary(report, catalog().jd_check.peer_work),
        scoring_note=scoring_note(catalog()),
        grouped=grouped,
        facts=extract_facts(check.text),
    )


@bp.get("/<int:check_id>/report.<any(pdf, docx):kind>")
@organisation_required
def download(check_id: int, kind: str):
    """The report as an editable Word file or a PDF."""
    check = check_or_404(check_id)
    with transaction(current_user) as tx:
        tx.record(
            check.organisation_id, "exported", f"job description check {check.id}", kind.upper()
        )
    document = build_document(
        _report(check),
        catalog(),
        organisation=check.organisation.name,
        name=check.name,
        plan_title=check.plan.title if check.plan else "",
        checked_on=check.created_at.date(),
        author=current_user.name,
    )
    data = render(document, kind)
    filename = f"job-description-check-{check.id}.{kind}"
    return Response(
        data,
        mimetype=FORMATS[kind],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/<int:check_id>/start-plan")
@organisation_required
def start_plan(check_id: int):
    """Open the new plan form with what the text says about the post already filled in."""
    check = check_or_404(check_id, "edit")
    facts = extract_facts(check.text).as_plan_args()
    return redirect(url_for("plans.new", from_check=check.id, **facts))
