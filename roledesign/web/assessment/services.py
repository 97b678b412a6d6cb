"""Reading and writing one assessment round's answers."""

from sqlalchemy import select

from roledesign.domain.scoring import Answer as ScoredAnswer
from roledesign.extensions import db
from roledesign.models import Answer, Assessment, RolePlan
from roledesign.models.base import utcnow
from roledesign.web.assessment.forms import field_name


def current_round(plan: RolePlan) -> Assessment:
    """The newest assessment round of the plan."""
    return db.session.scalar(
        select(Assessment).where(Assessment.plan_id == plan.id).order_by(Assessment.round_no.desc())
    )


def load_answers(assessment: Assessment) -> tuple[dict[str, ScoredAnswer], dict[str, str]]:
    """All answers of a round in one query, as scoring values and notes keyed by item id."""
    rows = db.session.scalars(select(Answer).where(Answer.assessment_id == assessment.id)).all()
    answers = {r.item_id: ScoredAnswer(status=r.status, importance=r.importance) for r in rows}
    notes = {r.item_id: r.note for r in rows if r.note}
    return answers, notes


def form_data(items, answers, notes) -> dict:
    """Saved answers shaped as the domain form's initial data."""
    data = {}
    for item in items:
        answer = answers.get(item.id)
        data[field_name(item.id)] = {
            "status": answer.status if answer else None,
            "importance": answer.importance if answer else None,
            "note": notes.get(item.id, ""),
        }
    return data


def save_domain(assessment: Assessment, items, form) -> int:
    """Upsert the answers on one domain page; returns how many items changed."""
    existing = {
        r.item_id: r
        for r in db.session.scalars(
            select(Answer).where(
                Answer.assessment_id == assessment.id,
                Answer.item_id.in_([item.id for item in items]),
            )
        )
    }
    changed = 0
    for item in items:
        group = form[field_name(item.id)]
        status = group.status.data or None
        importance = group.importance.data or None
        note = group.note.data or ""
        row = existing.get(item.id)
        if row is None:
            if status is None and importance is None and not note:
                continue
            row = Answer(assessment=assessment, item_id=item.id)
            db.session.add(row)
        elif (row.status, row.importance, row.note) == (status, importance, note):
            continue
        row.status, row.importance, row.note = status, importance, note
        changed += 1
    if changed:
        assessment.updated_at = utcnow()
    db.session.flush()
    return changed


def confirm(assessment: Assessment) -> None:
    assessment.confirmed_at = utcnow()
    db.session.flush()
