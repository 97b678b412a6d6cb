"""Reading and writing one assessment round's answers."""

from functools import cache

from flask import abort
from sqlalchemy import bindparam, select

from roledesign.domain.scoring import Answer as ScoredAnswer
from roledesign.extensions import db
from roledesign.models import Answer, Assessment, AssessmentPage, RolePlan
from roledesign.models.base import utcnow


def current_round(plan: RolePlan) -> Assessment:
    """The newest assessment round of the plan."""
    return db.session.scalar(_current_round_query(), {"plan_id": plan.id})


@cache
def _current_round_query():
    """Built once, with a bound parameter, as are the other queries every task list and report
    runs: building a statement cost as much as running it."""
    return (
        select(Assessment)
        .where(Assessment.plan_id == bindparam("plan_id"))
        .order_by(Assessment.round_no.desc())
    )


def load_answers(assessment: Assessment) -> tuple[dict[str, ScoredAnswer], dict[str, str]]:
    """All answers of a round in one query, as scoring values and notes keyed by item id."""
    rows = db.session.execute(_answers_query(), {"assessment_id": assessment.id}).all()
    answers = {item_id: ScoredAnswer(status, importance) for item_id, status, importance, _ in rows}
    notes = {item_id: note for item_id, _, _, note in rows if note}
    return answers, notes


@cache
def _answers_query():
    return select(Answer.item_id, Answer.status, Answer.importance, Answer.note).where(
        Answer.assessment_id == bindparam("assessment_id")
    )


def page_of(assessment: Assessment, domain_key: str) -> AssessmentPage | None:
    """The record that counts saves of one domain page of the round (None before the first)."""
    return db.session.scalar(
        select(AssessmentPage).where(
            AssessmentPage.assessment_id == assessment.id, AssessmentPage.domain_key == domain_key
        )
    )


def save_domain(
    assessment: Assessment, domain_key: str, values: dict[str, tuple[str | None, int | None, str]]
) -> int:
    """Upsert the answers on one domain page, given as {item id: (status, importance, note)};
    returns how many items changed."""
    if assessment.closed_at is not None:
        abort(409)  # only the newest round is open; closed rounds are a record
    existing = {
        r.item_id: r
        for r in db.session.scalars(
            select(Answer).where(
                Answer.assessment_id == assessment.id,
                Answer.item_id.in_(list(values)),
            )
        )
    }
    changed = 0
    for item_id, (status, importance, note) in values.items():
        row = existing.get(item_id)
        if row is None:
            if status is None and importance is None and not note:
                continue
            row = Answer(assessment=assessment, item_id=item_id)
            db.session.add(row)
        elif (row.status, row.importance, row.note) == (status, importance, note):
            continue
        row.status, row.importance, row.note = status, importance, note
        changed += 1
    if changed:
        assessment.updated_at = utcnow()
        page = page_of(assessment, domain_key)
        if page is None:
            page = AssessmentPage(assessment_id=assessment.id, domain_key=domain_key)
            db.session.add(page)
        page.updated_at = utcnow()  # a new version of the page, checked against the one shown
    db.session.flush()
    return changed


def confirm(assessment: Assessment) -> None:
    assessment.confirmed_at = utcnow()
    db.session.flush()


def rounds(plan: RolePlan) -> list[Assessment]:
    """Every round of the plan, oldest first."""
    return db.session.scalars(
        select(Assessment).where(Assessment.plan_id == plan.id).order_by(Assessment.round_no)
    ).all()


def round_or_404(plan: RolePlan, round_no: int) -> Assessment:
    assessment = db.session.scalar(
        select(Assessment).where(Assessment.plan_id == plan.id, Assessment.round_no == round_no)
    )
    if assessment is None:
        abort(404)
    return assessment


def answers_by_round(plan: RolePlan) -> dict[int, dict[str, ScoredAnswer]]:
    """The answers of every round of a plan in one query: {round_no: {item_id: answer}}."""
    rows = db.session.execute(
        select(Assessment.round_no, Answer.item_id, Answer.status, Answer.importance)
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(Assessment.plan_id == plan.id)
    )
    result: dict[int, dict[str, ScoredAnswer]] = {}
    for round_no, item_id, status, importance in rows:
        result.setdefault(round_no, {})[item_id] = ScoredAnswer(status, importance)
    return result


def start_new_round(plan: RolePlan) -> Assessment:
    """Close the current round and open the next, starting from the same answers so that only
    what has changed needs entering."""
    current = current_round(plan)
    current.closed_at = utcnow()
    following = Assessment(plan=plan, round_no=current.round_no + 1)
    db.session.add(following)
    for row in db.session.scalars(select(Answer).where(Answer.assessment_id == current.id)):
        db.session.add(
            Answer(
                assessment=following,
                item_id=row.item_id,
                status=row.status,
                importance=row.importance,
                note=row.note,
            )
        )
    db.session.flush()
    return following
