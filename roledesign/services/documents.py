"""Document details, versions and checklist ticks: reading and changing them (flush, never commit)."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from roledesign.catalog import Catalog
from roledesign.documents.plan_common import Stamp
from roledesign.domain.tailoring import Details, DocumentInputs, Post, hours_text
from roledesign.extensions import db
from roledesign.models import ChecklistTick, DocumentDetails, DocumentVersion, RolePlan, User
from roledesign.models.base import utcnow
from roledesign.models.documents import DETAIL_FIELDS
from roledesign.services.assessment import current_round, load_answers

UK_TIME = ZoneInfo("Europe/London")


def details_of(plan: RolePlan) -> DocumentDetails | None:
    return db.session.scalar(select(DocumentDetails).where(DocumentDetails.plan_id == plan.id))


def save_details(plan: RolePlan, data: dict, user: User) -> bool:
    """Store the typed-in details; returns whether anything changed."""
    details = details_of(plan)
    if details is None:
        if not any(data.values()):
            return False
        details = DocumentDetails(plan=plan)
        db.session.add(details)
    changed = False
    for key in DETAIL_FIELDS:
        if getattr(details, key) != data[key]:
            setattr(details, key, data[key])
            changed = True
    if changed:
        details.updated_by = user
    db.session.flush()
    return changed


def _details_value(details: DocumentDetails | None) -> Details:
    if details is None:
        return Details()
    return Details(
        base=details.base,
        salary=details.salary,
        closing_date=details.closing_date,
        accountable_to=details.accountable_to,
        duties=tuple(line for line in details.duties.splitlines() if line.strip()),
        provider=details.provider,
        peer_supervision_by=details.peer_supervision_by,
        line_frequency=details.line_frequency,
        peer_frequency=details.peer_frequency,
        reflective_frequency=details.reflective_frequency,
        high_cost_area=details.high_cost_area or "",
    )


def inputs_for(plan: RolePlan) -> DocumentInputs:
    """Everything the documents are built from, as the plan stands now."""
    assessment = current_round(plan)
    answers, _ = load_answers(assessment)
    return DocumentInputs(
        organisation=plan.organisation.name,
        post=Post(
            title=plan.title,
            team=plan.team,
            setting=plan.setting,
            introduction=plan.introduction,
            employment=plan.employment,
            band=plan.band,
            hours=hours_text(plan.hours),
            peer_workers=plan.peer_workers,
            line_manager=plan.line_manager,
        ),
        answers=answers,
        details=_details_value(details_of(plan)),
        assessment_confirmed=assessment.confirmed_at is not None,
    )


def fingerprint(inputs_json: str, catalog: Catalog) -> str:
    """Changes when the inputs change, and when the document rules or evidence change."""
    text = catalog.documents.digest + "\n" + inputs_json
    return hashlib.sha256(text.encode()).hexdigest()


def latest_version(plan: RolePlan) -> DocumentVersion | None:
    return db.session.scalar(
        select(DocumentVersion)
        .where(DocumentVersion.plan_id == plan.id)
        .order_by(DocumentVersion.number.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Current:
    """The documents as the plan stands now, built on every request and never stored by reading."""

    inputs_json: str
    fingerprint: str
    latest: DocumentVersion | None  # the newest saved version
    saved: DocumentVersion | None  # the saved version these documents match, if any


def current(plan: RolePlan, catalog: Catalog) -> Current:
    inputs_json = inputs_for(plan).to_json()
    new_fingerprint = fingerprint(inputs_json, catalog)
    latest = latest_version(plan)
    saved = latest if latest is not None and latest.fingerprint == new_fingerprint else None
    return Current(inputs_json, new_fingerprint, latest, saved)


def current_version(plan: RolePlan, catalog: Catalog, user: User | None) -> DocumentVersion:
    """Save the documents as the plan stands as a new version, unless the newest one matches.

    Only a POST (or the CLI) calls this. Two requests racing to store the same new number make
    the second one fail on the unique constraint; the caller rolls back and asks again.
    """
    now = current(plan, catalog)
    if now.saved is not None:
        return now.saved
    version = DocumentVersion(
        plan_id=plan.id,
        number=(now.latest.number + 1) if now.latest else 1,
        inputs=now.inputs_json,
        fingerprint=now.fingerprint,
        created_by=user,
    )
    db.session.add(version)
    db.session.flush()
    return version


def versions(plan: RolePlan) -> list[DocumentVersion]:
    """Every version, newest first."""
    return db.session.scalars(
        select(DocumentVersion)
        .where(DocumentVersion.plan_id == plan.id)
        .order_by(DocumentVersion.number.desc())
    ).all()


def version_number(plan: RolePlan, number: int) -> DocumentVersion | None:
    return db.session.scalar(
        select(DocumentVersion).where(
            DocumentVersion.plan_id == plan.id, DocumentVersion.number == number
        )
    )


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def stamp(version: DocumentVersion | None) -> Stamp:
    """The saved version's number and date; for documents not saved as a version, today."""
    if version is None:
        return Stamp(version=None, issued=datetime.now(UK_TIME).date())
    return Stamp(
        version=version.number, issued=_aware(version.created_at).astimezone(UK_TIME).date()
    )


def ticks(plan: RolePlan) -> dict[str, ChecklistTick]:
    rows = db.session.scalars(select(ChecklistTick).where(ChecklistTick.plan_id == plan.id))
    return {row.line_key: row for row in rows}


def done_notes(found: dict[str, ChecklistTick]) -> dict[str, str]:
    """'Done: Sam Manager, 3 December 2026 at 14:05' for each ticked line, in UK time."""
    notes = {}
    for key, tick in found.items():
        when = _aware(tick.ticked_at).astimezone(UK_TIME)
        notes[key] = f"Done: {tick.ticked_by_name}, {when.strftime('%-d %B %Y at %H:%M')}"
    return notes


def save_ticks(
    plan: RolePlan, user: User, *, shown: set[str], ticked: set[str], valid: set[str]
) -> int:
    """Apply what this person changed on the page they saw: lines they ticked are recorded with
    their name and the time; lines they unticked are cleared. Lines ticked by someone else
    since the page was loaded are left alone. Returns the number of lines changed."""
    existing = ticks(plan)
    changed = 0
    for key in (ticked - shown) & valid:
        if key not in existing:
            db.session.add(
                ChecklistTick(
                    plan_id=plan.id,
                    line_key=key,
                    ticked_by_id=user.id,
                    ticked_by_name=user.name,
                    ticked_at=utcnow(),
                )
            )
            changed += 1
    for key in shown - ticked:
        if key in existing:
            db.session.delete(existing[key])
            changed += 1
    db.session.flush()
    return changed
