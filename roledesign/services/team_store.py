"""The only module that reads the team survey's raw tables (responses, answers, running tallies
and counts), and the only one that writes them.

Reads serve two purposes only: the one live counter (``response_total``, passed through
``disclosure.counter``) and the release of a closed survey (``release_figures``, passed through
``disclosure.release``). Everything else in the app reads releases (``TeamRelease``), never these
tables: ``tests/web/test_disclosure_gate.py`` checks it. The consistency checks at the end
(recounting from every answer) are for tests, benchmarks and bulk loads; nothing shows them.

Services flush; the view commits.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache

from sqlalchemy import bindparam, case, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from roledesign.domain import disclosure
from roledesign.domain.scoring import ScoredItem
from roledesign.domain.team import STATUS_FIELDS, Tally
from roledesign.extensions import db
from roledesign.models import TeamAnswer, TeamCount, TeamResponse, TeamSurvey, TeamTally

TALLY_KEY = ("survey_id", "stakeholder_group", "item_id")
TALLY_COUNTS = (*STATUS_FIELDS, "importance_total", "importance_given")
COUNT_KEY = ("survey_id", "stakeholder_group")
COUNT_COLUMNS = ("responses", "comments")


def response_total(survey: TeamSurvey) -> int:
    """How many people have responded: the one figure shown while a survey is open."""
    total = db.session.scalar(_response_total_query(), {"survey_id": survey.id})
    return disclosure.counter(total)


def latest_with_total(plan_id: int) -> tuple[TeamSurvey | None, int]:
    """The plan's current survey and its counter, in one query (for the task list)."""
    row = db.session.execute(_latest_with_total_query(), {"plan_id": plan_id}).first()
    return (row[0], disclosure.counter(row[1])) if row else (None, disclosure.counter(0))


# The two queries above run on every task list and team report: built once, with bound
# parameters (building a statement cost as much as running it).
@cache
def _response_total_query():
    return select(_total(TeamCount.responses, bindparam("survey_id")))


@cache
def _latest_with_total_query():
    return (
        select(TeamSurvey, _total(TeamCount.responses, TeamSurvey.id))
        .where(TeamSurvey.plan_id == bindparam("plan_id"))
        .order_by(TeamSurvey.id.desc())
        .limit(1)
    )


def release_figures(
    survey: TeamSurvey,
    items: Sequence[ScoredItem],
    *,
    k: int,
    order: Sequence[str],
    pooled_only: Sequence[str],
) -> dict:
    """Read the survey's raw figures and return only what ``disclosure.release`` publishes."""
    return disclosure.release(
        items,
        _group_counts(survey),
        load_tallies(survey),
        _all_comments(survey),
        k=k,
        order=order,
        pooled_only=pooled_only,
    )


def _group_counts(survey: TeamSurvey) -> dict[str, int]:
    return {group: responses for group, (responses, _) in running_counts(survey).items()}


def _all_comments(survey: TeamSurvey) -> list[str]:
    return list(
        db.session.scalars(
            select(TeamResponse.comment).where(
                TeamResponse.survey_id == survey.id, TeamResponse.comment.is_not(None)
            )
        )
    )


def delete_answers(survey_ids) -> None:
    """Remove the raw answers of the given surveys (a select of ids), for deleting a plan."""
    response_ids = select(TeamResponse.id).where(TeamResponse.survey_id.in_(survey_ids))
    db.session.execute(delete(TeamAnswer).where(TeamAnswer.response_id.in_(response_ids)))
    db.session.execute(delete(TeamResponse).where(TeamResponse.survey_id.in_(survey_ids)))
    db.session.execute(delete(TeamTally).where(TeamTally.survey_id.in_(survey_ids)))
    db.session.execute(delete(TeamCount).where(TeamCount.survey_id.in_(survey_ids)))


def _total(column, survey_id):
    """The sum of a running count over the survey's groups (0 before anyone responds)."""
    return (
        select(func.coalesce(func.sum(column), 0))
        .where(TeamCount.survey_id == survey_id)
        .scalar_subquery()
    )


def count_responses(survey: TeamSurvey) -> dict[str, tuple[int, int]]:
    """(responses, comments) per group, recounted from every response: to rebuild the running
    counts after a bulk load, and to check that they agree."""
    rows = db.session.execute(_recount_responses(survey.id))
    return {group: (int(n), int(c)) for _, group, n, c in rows}


def running_counts(survey: TeamSurvey) -> dict[str, tuple[int, int]]:
    """(responses, comments) per group as the running counts have them."""
    rows = db.session.execute(
        select(TeamCount.stakeholder_group, TeamCount.responses, TeamCount.comments).where(
            TeamCount.survey_id == survey.id
        )
    )
    return {group: (int(n), int(c)) for group, n, c in rows}


def _recount_responses(survey_id: int):
    return (
        select(
            TeamResponse.survey_id,
            TeamResponse.stakeholder_group,
            func.count().label("responses"),
            func.count(TeamResponse.comment).label("comments"),
        )
        .where(TeamResponse.survey_id == survey_id)
        .group_by(TeamResponse.survey_id, TeamResponse.stakeholder_group)
    )


def load_tallies(survey: TeamSurvey) -> dict[tuple[str, str], Tally]:
    """The running tallies: one row per group and statement, however many responses."""
    columns = [getattr(TeamTally, c) for c in TALLY_COUNTS]
    rows = db.session.execute(
        select(TeamTally.stakeholder_group, TeamTally.item_id, *columns).where(
            TeamTally.survey_id == survey.id
        )
    )
    return {(group, item_id): Tally(*counts) for group, item_id, *counts in rows}


def count_answers(survey: TeamSurvey) -> dict[tuple[str, str], Tally]:
    """The same figures as the tallies, recounted from every answer with GROUP BY.

    Used to rebuild the tallies after a bulk load, and to check that they agree.
    """
    rows = db.session.execute(_recount_select(survey.id))
    return {(row[1], row[2]): Tally(*(int(n) for n in row[3:])) for row in rows}


def _recount_select(survey_id: int):
    counts = [
        func.sum(case((TeamAnswer.status == status, 1), else_=0)).label(status)
        for status in STATUS_FIELDS
    ]
    return (
        select(
            TeamResponse.survey_id,
            TeamResponse.stakeholder_group,
            TeamAnswer.item_id,
            *counts,
            func.coalesce(func.sum(TeamAnswer.importance), 0).label("importance_total"),
            func.count(TeamAnswer.importance).label("importance_given"),
        )
        .join(TeamResponse, TeamResponse.id == TeamAnswer.response_id)
        .where(TeamResponse.survey_id == survey_id)
        .group_by(TeamResponse.survey_id, TeamResponse.stakeholder_group, TeamAnswer.item_id)
    )


def rebuild_tallies(survey: TeamSurvey) -> None:
    """Replace the survey's tallies and counts with a recount of its responses, in the database."""
    db.session.execute(delete(TeamTally).where(TeamTally.survey_id == survey.id))
    db.session.execute(
        insert(TeamTally).from_select([*TALLY_KEY, *TALLY_COUNTS], _recount_select(survey.id))
    )
    rebuild_counts(survey)


def rebuild_counts(survey: TeamSurvey) -> None:
    """Replace the survey's running counts with a recount of its responses."""
    db.session.flush()
    db.session.execute(delete(TeamCount).where(TeamCount.survey_id == survey.id))
    db.session.execute(
        insert(TeamCount).from_select([*COUNT_KEY, *COUNT_COLUMNS], _recount_responses(survey.id))
    )
    db.session.flush()


def _upsert(model, key: tuple[str, ...], columns: tuple[str, ...], rows: list[dict]):
    """INSERT … ON CONFLICT DO UPDATE adding to the counts: atomic under concurrent submissions."""
    dialect = db.session.get_bind().dialect.name
    insert_for = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    table = model.__table__
    statement = insert_for(table).values(rows)
    return statement.on_conflict_do_update(
        index_elements=list(key),
        set_={c: table.c[c] + statement.excluded[c] for c in columns},
    )


def submit_response(
    survey: TeamSurvey,
    *,
    group: str,
    answers: Mapping[str, tuple[str, int | None]],
    submission_key: str,
    comment: str | None,
    on: date,
) -> TeamResponse:
    """Store one response and add it to the tallies, in the caller's transaction.

    A second submission with the same key fails on the unique constraint (IntegrityError) before
    anything is added, so the caller's rollback leaves exactly one response.
    """
    response = TeamResponse(
        survey_id=survey.id,
        stakeholder_group=group,
        submission_key=submission_key,
        submitted_on=on,
        comment=comment or None,
    )
    db.session.add(response)
    db.session.flush()
    ordered = sorted(answers.items())  # one lock order for every transaction: no deadlocks
    if ordered:  # someone may skip every statement and still send (a comment, say)
        db.session.execute(
            insert(TeamAnswer),
            [
                {"response_id": response.id, "item_id": i, "status": s, "importance": imp}
                for i, (s, imp) in ordered
            ],
        )
    tallies = [
        {
            "survey_id": survey.id,
            "stakeholder_group": group,
            "item_id": item_id,
            **dict.fromkeys(TALLY_COUNTS, 0),
            status: 1,
            "importance_total": importance or 0,
            "importance_given": 0 if importance is None else 1,
        }
        for item_id, (status, importance) in ordered
    ]
    if tallies:
        db.session.execute(_upsert(TeamTally, TALLY_KEY, TALLY_COUNTS, tallies))
    count = {
        "survey_id": survey.id,
        "stakeholder_group": group,
        "responses": 1,
        "comments": 1 if response.comment else 0,
    }
    db.session.execute(_upsert(TeamCount, COUNT_KEY, COUNT_COLUMNS, [count]))
    return response
