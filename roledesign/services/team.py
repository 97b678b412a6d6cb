"""The team self-assessment in the database: surveys, their releases, and what the pages show.

While a survey is open the only figure is the number of responses. When it closes (by hand, or
on the next read after its closing date) its release is worked out once by the disclosure gate
(``roledesign.domain.disclosure``) and stored; every page, download and command reads that
release. The raw tables are read and written by ``store`` alone. Services flush; the view
commits.
"""

import secrets
import string
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select

from roledesign.catalog import Catalog
from roledesign.domain import disclosure
from roledesign.domain.anonymity import MAX_K, MIN_K
from roledesign.domain.context import applicable
from roledesign.domain.sectors import Contribution
from roledesign.domain.team import TeamResult
from roledesign.extensions import db
from roledesign.models import Organisation, RolePlan, TeamRelease, TeamSurvey, User
from roledesign.services.memo import Same, app_memo
from roledesign.services.team_store import latest_with_total, response_total, submit_response

__all__ = ["submit_response"]  # the respondent side stores answers through here

UK = ZoneInfo("Europe/London")
COMMENTS_SHOWN = 100


def today() -> date:
    """The date in the UK: closing dates and response dates are UK dates."""
    return datetime.now(UK).date()


def k_for(organisation: Organisation) -> int:
    """The organisation's anonymity threshold, never below the floor whatever the database says."""
    return min(max(organisation.anonymity_k, MIN_K), MAX_K)


@cache
def _latest():
    """Built once, with a bound parameter: the team pages run it on every view."""
    return (
        select(TeamSurvey)
        .where(TeamSurvey.plan_id == bindparam("plan_id"))
        .order_by(TeamSurvey.id.desc())
        .limit(1)
    )


def survey_for(plan: RolePlan) -> TeamSurvey | None:
    """The plan's current survey: the latest round asked."""
    return db.session.scalar(_latest(), {"plan_id": plan.id})


def survey_and_count(plan: RolePlan) -> tuple[TeamSurvey | None, int]:
    """The plan's survey and how many have responded, in one query (for the task list)."""
    return latest_with_total(plan.id)


def response_count(survey: TeamSurvey) -> int:
    return response_total(survey)


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


def pooled_only(catalog: Catalog) -> tuple[str, ...]:
    """Groups never shown on their own ("Prefer not to say")."""
    return tuple(g.key for g in catalog.team.groups if g.pooled_only)


def close(catalog: Catalog, survey: TeamSurvey, on: date) -> dict:
    """Close the survey for good and freeze its release (see ``disclosure.release``)."""
    survey.is_open = False
    db.session.flush()
    return release_for(catalog, survey, on=on)


def ask_again(plan: RolePlan, survey: TeamSurvey, creator: User) -> TeamSurvey:
    """A new round: a new survey with a new link and the same statements."""
    return create_survey(plan=plan, creator=creator, item_ids=survey.item_ids, closes_on=None)


def stored_release(survey: TeamSurvey) -> TeamRelease | None:
    return survey.release


def set_k(organisation: Organisation, k: int) -> None:
    """The organisation's anonymity threshold; releases already made keep the k they had."""
    organisation.anonymity_k = k
    db.session.flush()


def release_for(catalog: Catalog, survey: TeamSurvey, *, on: date | None = None) -> dict | None:
    """The survey's release, or None while it is open.

    The one place a release is made: when the survey is closed by hand, or on the first read
    after its closing date. Once made it is stored and never changes, whatever happens later
    (a late answer, a new k), so no two views of a survey can differ. The caller commits.
    """
    stored = stored_release(survey)
    if stored is not None:
        return stored.figures
    on = on or today()
    if survey.is_accepting(on):
        return None
    survey.is_open = False
    figures = store_release(
        survey,
        store_figures(catalog, survey),
        closed_on=min(on, survey.closes_on) if survey.closes_on else on,
    )
    return figures


def store_figures(catalog: Catalog, survey: TeamSurvey) -> dict:
    from roledesign.services.team_store import release_figures

    return release_figures(
        survey,
        survey_items(catalog, survey),
        k=k_for(survey.plan.organisation),
        order=catalog.team.group_keys,
        pooled_only=pooled_only(catalog),
    )


def store_release(survey: TeamSurvey, figures: dict, *, closed_on: date) -> dict:
    survey.release = TeamRelease(closed_on=closed_on, figures=figures)
    db.session.flush()
    return figures


def team_report(catalog: Catalog, survey: TeamSurvey) -> TeamResult | None:
    """The team report from the survey's release; None while the survey is open.

    Kept under the survey's token: a release is stored once and never changed (nothing updates
    team_releases), and the token, random and never reused (unlike an id, which SQLite can give
    a new survey after a deletion), names the survey and so its one release. The statements
    are in the key too: they can still change after a release when nobody answered."""
    figures = release_for(catalog, survey)
    if figures is None:
        return None
    key = (survey.token, tuple(survey.item_ids), Same(catalog))
    return app_memo("team_reports").get_or_compute(
        key,
        lambda: disclosure.result(survey_items(catalog, survey), figures, catalog.team.group_keys),
    )


def sector_contributions() -> list[Contribution]:
    """Each organisation's latest release that could be reported, with its noisy counts (one
    query). Nothing else from a survey ever reaches the sector comparison."""
    rows = db.session.execute(
        select(Organisation.id, Organisation.sector, TeamRelease.figures)
        .join(RolePlan, RolePlan.organisation_id == Organisation.id)
        .join(TeamSurvey, TeamSurvey.plan_id == RolePlan.id)
        .join(TeamRelease, TeamRelease.survey_id == TeamSurvey.id)
        .order_by(Organisation.id, TeamRelease.closed_on.desc(), TeamRelease.id.desc())
    ).all()
    found = []
    for org_id, sector, figures in rows:
        if figures.get("sector") and figures["total"] >= figures["k"]:
            found.append(Contribution(org_id, sector, figures["total"], figures["sector"]))
    return found


def released(catalog: Catalog, plan_ids) -> list[tuple[TeamSurvey, TeamRelease]]:
    """Every stored release of these plans' surveys, oldest first (one query)."""
    rows = db.session.execute(
        select(TeamSurvey, TeamRelease)
        .join(TeamRelease, TeamRelease.survey_id == TeamSurvey.id)
        .where(TeamSurvey.plan_id.in_(plan_ids))
        .order_by(TeamRelease.closed_on, TeamSurvey.id)
    ).all()
    return [(survey, release) for survey, release in rows]
