"""Rounds over time, check-ins, and the organisation overview: each page in a fixed number of
queries, whatever the number of rounds or plans."""

from collections import defaultdict
from datetime import date

from sqlalchemy import bindparam, func, select

from roledesign.domain.context import applicable
from roledesign.domain.scoring import Answer as ScoredAnswer
from roledesign.domain.scoring import score
from roledesign.extensions import db
from roledesign.models import Action, Answer, Assessment, CheckIn, RolePlan
from roledesign.models.learning import CLOSED_STATUSES
from roledesign.services.memo import Same, app_memo


def actions_closed(plan: RolePlan) -> list[tuple[int, str, object]]:
    """(id, title, closed_at) of the plan's done or dropped actions."""
    return db.session.execute(
        select(Action.id, Action.title, Action.closed_at).where(
            Action.plan_id == plan.id, Action.status.in_(CLOSED_STATUSES)
        )
    ).all()


def check_ins(plan: RolePlan) -> list[CheckIn]:
    return db.session.scalars(
        select(CheckIn)
        .where(CheckIn.plan_id == plan.id)
        .order_by(CheckIn.month, CheckIn.perspective)
    ).all()


def save_check_in(plan: RolePlan, data: dict, user) -> CheckIn:
    """One check-in per month and point of view: saving again replaces it."""
    check_in = db.session.scalar(
        select(CheckIn).where(
            CheckIn.plan_id == plan.id,
            CheckIn.month == data["month"],
            CheckIn.perspective == data["perspective"],
        )
    )
    if check_in is None:
        check_in = CheckIn(plan=plan, month=data["month"], perspective=data["perspective"])
        db.session.add(check_in)
    check_in.answers = data["answers"]
    check_in.note = data["note"]
    check_in.recorded_on = date.today()
    check_in.recorded_by_id = user.id
    db.session.flush()
    return check_in


# The overview's statements, built once: the organisation and the day are bound per request.
_ORGANISATION = bindparam("organisation_id")
_LATEST = (
    select(Assessment.plan_id, func.max(Assessment.round_no).label("round_no"))
    .join(RolePlan, RolePlan.id == Assessment.plan_id)
    .where(RolePlan.organisation_id == _ORGANISATION)
    .group_by(Assessment.plan_id)
    .subquery()
)
# Each plan with its latest round: id, number and answers revision.
_PLANS = (
    select(RolePlan, Assessment.id, Assessment.round_no, Assessment.answers_revision)
    .outerjoin(_LATEST, _LATEST.c.plan_id == RolePlan.id)
    .outerjoin(
        Assessment,
        (Assessment.plan_id == RolePlan.id) & (Assessment.round_no == _LATEST.c.round_no),
    )
    .where(RolePlan.organisation_id == _ORGANISATION)
    .order_by(RolePlan.title)
)
_ANSWERS = select(Answer.assessment_id, Answer.item_id, Answer.status, Answer.importance).where(
    Answer.assessment_id.in_(bindparam("rounds", expanding=True))
)
_OVERDUE = (
    select(Action.plan_id, func.count())
    .join(RolePlan, RolePlan.id == Action.plan_id)
    .where(
        RolePlan.organisation_id == _ORGANISATION,
        Action.due_on < bindparam("today"),
        Action.status.not_in(CLOSED_STATUSES),
    )
    .group_by(Action.plan_id)
)


def organisation_overview(catalog, organisation_id: int, today: date):
    """Every plan with its latest round's result and its overdue actions.

    score() is pure, so a plan's context and its latest round's answers fix its result: it is
    kept under the context (on the plan row, read anyway) and the round's answers revision,
    renewed with any change to its answers. Answers are read only for rounds worked out for
    the first time: two queries, a third when some result is new. A result is about 10 KB, so
    the memo holds at most about 10 MB per worker.
    """
    where = {"organisation_id": organisation_id}
    rows = db.session.execute(_PLANS, where).all()
    memo = app_memo("overview_results", size=1024)
    keys = {plan.id: (Same(catalog), tuple(plan.context.items()), rev) for plan, *_, rev in rows}
    results = {plan_id: memo.get(key) for plan_id, key in keys.items()}
    new = [(plan, round_id) for plan, round_id, *_ in rows if results[plan.id] is None]
    if new:
        answers: dict[int, dict] = defaultdict(dict)
        rounds = [round_id for _, round_id in new if round_id is not None]
        for round_id, item_id, status, importance in db.session.execute(
            _ANSWERS, {"rounds": rounds}
        ):
            answers[round_id][item_id] = ScoredAnswer(status, importance)
        for plan, round_id in new:
            result = score(applicable(catalog.items, plan.context), answers[round_id])
            results[plan.id] = memo.put(keys[plan.id], result)
    overdue = dict(db.session.execute(_OVERDUE, {**where, "today": today}).all())
    return [
        (plan, results[plan.id], round_no or 1, overdue.get(plan.id, 0))
        for plan, _, round_no, _ in rows
    ]


def team_consensus_by_round(catalog, plan: RolePlan, rounds: list) -> list[dict | None]:
    """The team's consensus per domain for each round's period: from the last survey release
    closed from the day the round started until the next one started.

    Releases only (roledesign.domain.disclosure), never live responses: one query, however many
    responses or rounds. None for a round without a release that can be reported; an empty list
    when the plan has no team survey release.
    """
    from roledesign.domain import disclosure
    from roledesign.services.team import released, survey_items

    found = released(catalog, [plan.id])
    if not found or not rounds:
        return []
    starts = [r.created_at.date() for r in rounds]
    per_round: list[dict | None] = [None] * len(rounds)
    for survey, release in found:  # oldest first, so a later release in a period wins
        n = max((i for i, start in enumerate(starts) if release.closed_on >= start), default=0)
        result = disclosure.result(
            survey_items(catalog, survey), release.figures, catalog.team.group_keys
        )
        per_round[n] = result.consensus if result.disclosure.is_reportable else None
    return per_round
