"""The team self-assessment in the database: surveys, responses, and the figures the report needs.

Reports read aggregated figures only: respondents per group (GROUP BY over responses) and the
running tallies per group and statement, so a report runs the same few queries whatever the
number of responses. Services flush; the view commits.
"""

import secrets
import string
from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from roledesign.catalog import Catalog
from roledesign.domain.anonymity import MAX_K, MIN_K, comment_threshold, disclose
from roledesign.domain.context import applicable
from roledesign.domain.sectors import SectorFigures
from roledesign.domain.team import STATUS_FIELDS, Tally, TeamResult, team_result
from roledesign.extensions import db
from roledesign.models import (
    Organisation,
    RolePlan,
    TeamAnswer,
    TeamCount,
    TeamResponse,
    TeamSurvey,
    TeamTally,
    User,
)
from roledesign.web.memo import Memo, Same

UK = ZoneInfo("Europe/London")
TALLY_KEY = ("survey_id", "stakeholder_group", "item_id")
TALLY_COUNTS = (*STATUS_FIELDS, "importance_total", "importance_given")
COUNT_KEY = ("survey_id", "stakeholder_group")
COUNT_COLUMNS = ("responses", "comments")
COMMENTS_SHOWN = 100


def today() -> date:
    """The date in the UK: closing dates and response dates are UK dates."""
    return datetime.now(UK).date()


def k_for(organisation: Organisation) -> int:
    """The organisation's anonymity threshold, never below the floor whatever the database says."""
    return min(max(organisation.anonymity_k, MIN_K), MAX_K)


def survey_for(plan: RolePlan) -> TeamSurvey | None:
    return db.session.scalar(select(TeamSurvey).where(TeamSurvey.plan_id == plan.id))


def survey_and_count(plan: RolePlan) -> tuple[TeamSurvey | None, int]:
    """The plan's survey and how many have responded, in one query (for the task list)."""
    row = db.session.execute(
        select(TeamSurvey, _total(TeamCount.responses, TeamSurvey.id)).where(
            TeamSurvey.plan_id == plan.id
        )
    ).first()
    return (row[0], row[1]) if row else (None, 0)


URL_SAFE = string.ascii_letters + string.digits + "-_"


def survey_by_token(token: str) -> TeamSurvey | None:
    # Links are secrets.token_urlsafe: anything else (a NUL byte, which PostgreSQL refuses in
    # text, or 10 kB of junk) cannot be one, and is not looked up.
    if not token or len(token) > 64 or token.strip(URL_SAFE):
        return None
    return db.session.scalar(select(TeamSurvey).where(TeamSurvey.token == token))


def offered_items(catalog: Catalog, plan: RolePlan) -> tuple:
    """The statements a manager can choose from: those that apply to this post."""
    return applicable(catalog.items, plan.context)


def survey_items(catalog: Catalog, survey: TeamSurvey) -> tuple:
    """The survey's statements in catalogue order (ids the catalogue no longer has are skipped)."""
    chosen = set(survey.item_ids)
    return tuple(item for item in catalog.items if item.id in chosen)


def create_survey(
    *, plan: RolePlan, creator: User, item_ids: list[str], closes_on: date | None
) -> TeamSurvey:
    survey = TeamSurvey(
        plan=plan,
        created_by=creator,
        token=secrets.token_urlsafe(24),
        item_ids=list(item_ids),
        closes_on=closes_on,
    )
    db.session.add(survey)
    db.session.flush()
    return survey


def update_survey(
    survey: TeamSurvey, *, item_ids: list[str] | None, closes_on: date | None
) -> None:
    """Change the closing date, and the statements while nobody has answered yet."""
    if item_ids is not None:
        survey.item_ids = list(item_ids)
    survey.closes_on = closes_on
    db.session.flush()


def set_open(survey: TeamSurvey, is_open: bool) -> None:
    survey.is_open = is_open
    db.session.flush()


def _total(column, survey_id):
    """The sum of a running count over the survey's groups (0 before anyone responds)."""
    return (
        select(func.coalesce(func.sum(column), 0))
        .where(TeamCount.survey_id == survey_id)
        .scalar_subquery()
    )


def response_count(survey: TeamSurvey) -> int:
    return db.session.scalar(select(_total(TeamCount.responses, survey.id)))


def comment_count(survey: TeamSurvey) -> int:
    return db.session.scalar(select(_total(TeamCount.comments, survey.id)))


def group_counts(survey: TeamSurvey) -> dict[str, int]:
    """Respondents per stakeholder group, from the running counts (one row per group)."""
    return {group: responses for group, (responses, _) in running_counts(survey).items()}


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
    db.session.execute(_upsert(TeamTally, TALLY_KEY, TALLY_COUNTS, tallies))
    count = {
        "survey_id": survey.id,
        "stakeholder_group": group,
        "responses": 1,
        "comments": 1 if response.comment else 0,
    }
    db.session.execute(_upsert(TeamCount, COUNT_KEY, COUNT_COLUMNS, [count]))
    return response


# A survey's tallies only ever grow with new responses (answers are never edited, and the
# statements asked are locked once anyone has answered), so the respondents per group identify
# the tallies exactly. With the survey's random token in the key, a reused id of a deleted survey
# cannot match an old entry. The report then costs one small query while nothing has changed.
_report_cache = Memo()


def team_report(catalog: Catalog, survey: TeamSurvey, k: int) -> TeamResult:
    """The team report's figures: one aggregate query, and a second one only when responses
    have arrived since the figures were last worked out."""
    counts = group_counts(survey)
    key = (
        survey.id,
        survey.token,
        tuple(sorted(counts.items())),
        k,
        tuple(survey.item_ids),
        Same(catalog),
    )

    def compute():
        items = survey_items(catalog, survey)
        disclosure = disclose(counts, k, catalog.team.group_keys)
        return team_result(items, disclosure, load_tallies(survey))

    return _report_cache.get_or_compute(key, compute)


def comments(survey: TeamSurvey, k: int, total: int, limit: int | None = COMMENTS_SHOWN):
    """Comments in alphabetical order (never by time or group), once enough people responded."""
    if total < comment_threshold(k):
        return []
    query = (
        select(TeamResponse.comment)
        .where(TeamResponse.survey_id == survey.id, TeamResponse.comment.is_not(None))
        .order_by(TeamResponse.comment)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


# At most 100 comments of up to 1,000 characters each: about 6 MB per worker at the most.
_comments_cache = Memo(size=64)


def report_comments(survey: TeamSurvey, k: int, total: int) -> tuple[list[str], int]:
    """The comments the report lists (the first COMMENTS_SHOWN alphabetically) and how many
    there are in all; none until enough people have responded.

    Responses are only ever added, never edited, so the number of responses and of comments
    fix the comments exactly: sorting them again waits until one of the two has grown.
    """
    if total < comment_threshold(k):
        return [], 0
    count = comment_count(survey)
    key = (survey.id, survey.token, total, count)
    return _comments_cache.get_or_compute(key, lambda: comments(survey, k, total)), count


def response_rows(survey: TeamSurvey) -> dict[int, tuple[str, dict[str, tuple[str, int | None]]]]:
    """Every response's group and answers, for the CSV export (one query, joined)."""
    rows = db.session.execute(
        select(
            TeamResponse.id,
            TeamResponse.stakeholder_group,
            TeamAnswer.item_id,
            TeamAnswer.status,
            TeamAnswer.importance,
        )
        .outerjoin(TeamAnswer, TeamAnswer.response_id == TeamResponse.id)
        .where(TeamResponse.survey_id == survey.id)
    )
    found: dict[int, tuple[str, dict]] = {}
    for response_id, group, item_id, status, importance in rows:
        entry = found.setdefault(response_id, (group, {}))
        if item_id is not None:
            entry[1][item_id] = (status, importance)
    return found


def sector_figures() -> list[SectorFigures]:
    """Every sector's tallies, counting only surveys that reached their organisation's k."""
    sizes = (
        select(TeamResponse.survey_id, func.count().label("n"))
        .group_by(TeamResponse.survey_id)
        .subquery()
    )
    eligible = (
        select(
            TeamSurvey.id.label("survey_id"),
            Organisation.id.label("org_id"),
            Organisation.sector,
            sizes.c.n,
        )
        .join(sizes, sizes.c.survey_id == TeamSurvey.id)
        .join(RolePlan, RolePlan.id == TeamSurvey.plan_id)
        .join(Organisation, Organisation.id == RolePlan.organisation_id)
        .where(
            sizes.c.n
            >= case((Organisation.anonymity_k < MIN_K, MIN_K), else_=Organisation.anonymity_k)
        )
        .subquery()
    )
    people = db.session.execute(
        select(
            eligible.c.sector,
            func.count(func.distinct(eligible.c.org_id)),
            func.sum(eligible.c.n),
        ).group_by(eligible.c.sector)
    ).all()
    cells = db.session.execute(
        select(
            eligible.c.sector,
            TeamTally.item_id,
            *(func.sum(getattr(TeamTally, c)) for c in TALLY_COUNTS),
        )
        .join(eligible, eligible.c.survey_id == TeamTally.survey_id)
        .group_by(eligible.c.sector, TeamTally.item_id)
    ).all()
    by_sector: dict[str, dict[str, Tally]] = {}
    for sector, item_id, *counts in cells:
        by_sector.setdefault(sector, {})[item_id] = Tally(*(int(c) for c in counts))
    return [
        SectorFigures(sector, organisations, int(respondents), by_sector.get(sector, {}))
        for sector, organisations, respondents in people
    ]
