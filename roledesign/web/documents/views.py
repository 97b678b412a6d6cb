"""The plan's documents: overview, details, previews, downloads and checklist ticks."""

from io import BytesIO

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from roledesign.documents.plan_common import KIND_BY_SLUG, KINDS
from roledesign.documents.plan_documents import (
    FORMATS,
    build_documents,
    bundle,
    bundle_name,
    file_name,
    render,
)
from roledesign.documents.recruitment_checklist import checklist_keys
from roledesign.domain.tailoring import DocumentInputs, tailor
from roledesign.services import documents as services
from roledesign.services.transaction import Conflict, transaction
from roledesign.web import concurrency
from roledesign.web.access import organisation_required, plan_or_404
from roledesign.web.documents.forms import DetailsForm
from roledesign.web.template_helpers import catalog

bp = Blueprint("documents", __name__, url_prefix="/plans/<int:plan_id>/documents")
CHECKLIST = "recruitment_checklist"


def _save_version(plan, tx):
    """Store the documents as the plan stands as a new version (in the transaction ``tx``)
    unless the newest saved version matches them; returns the version and whether it is new.
    A request storing the same number a moment earlier makes the transaction a Conflict."""
    before = services.latest_version(plan)
    version = services.current_version(plan, catalog(), current_user)
    made = before is None or version.number != before.number
    if made:
        tx.record(
            plan.organisation_id,
            "created",
            f"documents of plan {plan.id}",
            f"version {version.number}",
        )
    return version, made


def _documents(plan, inputs_json: str, stamp, *, with_ticks: bool):
    """The built documents from some inputs, and the tailoring behind them."""
    tailored = tailor(catalog(), DocumentInputs.from_json(inputs_json))
    done = services.done_notes(services.ticks(plan)) if with_ticks else {}
    return build_documents(catalog(), tailored, stamp, done), tailored


@bp.get("/")
@organisation_required
def index(plan_id: int):
    """The documents as the plan stands now, the details, and the saved versions. Reading
    never saves: a new version is made by the button on this page or by saving the details."""
    plan = plan_or_404(plan_id)
    now = services.current(plan, catalog())
    tailored = tailor(catalog(), DocumentInputs.from_json(now.inputs_json))
    return render_template(
        "documents/index.html",
        plan=plan,
        now=now,
        stamp=services.stamp(now.saved),
        tailored=tailored,
        details=services.details_of(plan),
        versions=services.versions(plan),
        kinds=KINDS,
    )


@bp.route("/details", methods=["GET", "POST"])
@organisation_required
def details(plan_id: int):
    """The parts of the documents only the organisation knows: base, salary, duties and so on."""
    plan = plan_or_404(plan_id, "documents")
    saved = services.details_of(plan)
    form = DetailsForm(obj=saved) if request.method == "GET" else DetailsForm()
    concurrency.start(form, saved)
    if form.validate_on_submit() and not concurrency.is_stale(form, saved):
        with concurrency.saving(form, lambda: (services.details_of(plan),)):
            with transaction(current_user) as tx:
                changed = services.save_details(plan, form.details_data(), current_user)
                if changed:
                    tx.record(
                        plan.organisation_id, "changed", f"document details of plan {plan.id}"
                    )
                    version, _ = _save_version(plan, tx)
            if changed:
                flash(
                    "The details have been saved. The documents now include them: "
                    f"they are saved as version {version.number}.",
                    "success",
                )
            return redirect(url_for("documents.index", plan_id=plan.id))
    elif request.method == "GET":
        # Duties kept anyway before are still kept: the box stays ticked until they change.
        form.keep_anyway.data = bool(form.duty_flags())
    return render_template(
        "documents/details.html", plan=plan, form=form, pay=catalog().pay
    ), concurrency.status(form)


@bp.get("/<slug>")
@organisation_required
def preview(plan_id: int, slug: str):
    """One document of the current version as a web page; the checklist can be ticked here."""
    kind = KIND_BY_SLUG.get(slug)
    if kind is None:
        abort(404)
    plan = plan_or_404(plan_id)
    now = services.current(plan, catalog())
    documents, tailored = _documents(
        plan, now.inputs_json, services.stamp(now.saved), with_ticks=True
    )
    return render_template(
        "documents/preview.html",
        plan=plan,
        kind=kind,
        now=now,
        document=documents[kind.key],
        duty_flags=tailored.duty_flags if kind.key == "job_description" else (),
        tickable=kind.key == CHECKLIST,
    )


@bp.post("/recruitment-checklist")
@organisation_required
def save_ticks(plan_id: int):
    """Save the ticks changed on the checklist page, with who ticked and when."""
    plan = plan_or_404(plan_id, "documents")
    tailored = tailor(catalog(), services.inputs_for(plan))
    with transaction(current_user) as tx:
        changed = services.save_ticks(
            plan,
            current_user,
            shown=set(request.form.getlist("shown")),
            ticked=set(request.form.getlist("done")),
            valid=checklist_keys(tailored),
        )
        if changed:
            tx.record(
                plan.organisation_id,
                "changed",
                f"recruitment checklist of plan {plan.id}",
                f"{changed} line(s) ticked or unticked",
            )
    if changed:
        flash("Your ticks have been saved.", "success")
    return redirect(url_for("documents.preview", plan_id=plan.id, slug="recruitment-checklist"))


@bp.post("/versions")
@organisation_required
def save_version(plan_id: int):
    """Save the documents as the plan stands now as a new version."""
    plan = plan_or_404(plan_id, "documents")
    try:
        with transaction(current_user) as tx:
            version, made = _save_version(plan, tx)
    except Conflict:  # a colleague saved the same version a moment ago: nothing to do
        return redirect(url_for("documents.index", plan_id=plan.id))
    if made:
        flash(f"The documents have been saved as version {version.number}.", "success")
    return redirect(url_for("documents.index", plan_id=plan.id))


def _version_or_current(plan, number: int | None):
    """(inputs, stamp, whether the checklist ticks belong) of saved version `number`, or of
    the documents as the plan stands now (numbered if a saved version matches them)."""
    if number is None:
        now = services.current(plan, catalog())
        return now.inputs_json, services.stamp(now.saved), True
    version = services.version_number(plan, number) or abort(404)
    is_latest = services.latest_version(plan).number == version.number
    return version.inputs, services.stamp(version), is_latest


def _version_text(stamp) -> str:
    return f"version {stamp.version}" if stamp.version is not None else "not saved as a version"


@bp.get("/current/<slug>.<fmt>", defaults={"number": None})
@bp.get("/v<int:number>/<slug>.<fmt>")
@organisation_required
def download(plan_id: int, number: int | None, slug: str, fmt: str):
    """One document, as the plan stands now or of one saved version, as PDF or Word."""
    kind = KIND_BY_SLUG.get(slug)
    if kind is None or fmt not in FORMATS:
        abort(404)
    plan = plan_or_404(plan_id)
    inputs_json, stamp, with_ticks = _version_or_current(plan, number)
    documents, tailored = _documents(plan, inputs_json, stamp, with_ticks=with_ticks)
    with transaction(current_user) as tx:
        tx.record(
            plan.organisation_id,
            "exported",
            f"{kind.title} of plan {plan.id}",
            f"{_version_text(stamp)}, {fmt.upper()}",
        )
    return send_file(
        BytesIO(render(documents[kind.key], fmt)),
        mimetype=FORMATS[fmt],
        as_attachment=True,
        download_name=file_name(tailored.inputs.post.title, kind, stamp.version, fmt),
    )


@bp.get("/current/documents.zip", defaults={"number": None})
@bp.get("/v<int:number>/documents.zip")
@organisation_required
def download_all(plan_id: int, number: int | None):
    """Every document, as the plan stands now or of one saved version, as PDF and Word, in a
    ZIP file."""
    plan = plan_or_404(plan_id)
    inputs_json, stamp, with_ticks = _version_or_current(plan, number)
    documents, tailored = _documents(plan, inputs_json, stamp, with_ticks=with_ticks)
    title = tailored.inputs.post.title
    with transaction(current_user) as tx:
        tx.record(
            plan.organisation_id,
            "exported",
            f"all documents of plan {plan.id}",
            f"{_version_text(stamp)}, ZIP",
        )
    return send_file(
        BytesIO(bundle(documents, title, stamp)),
        mimetype="application/zip",
        as_attachment=True,
        download_name=bundle_name(title, stamp.version),
    )
