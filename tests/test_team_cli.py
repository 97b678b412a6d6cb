"""`demo --responses N` and `team-report PLAN_ID`."""

import json
from collections import Counter

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Organisation, RolePlan, TeamResponse, TeamSurvey
from roledesign.services import team as services
from roledesign.services import team_store as store
from roledesign.web.template_helpers import catalog

KEYS = {"status", "k", "total", "groups", "consensus", "gaps"}


def close_latest(app):
    """Close the latest survey as its manager would on the web: its results are released."""
    with app.app_context():
        survey = db.session.scalar(select(TeamSurvey).order_by(TeamSurvey.id.desc()))
        services.close(catalog(), survey, services.today())
        db.session.commit()


DOMAINS = {
    "distinctiveness",
    "shared_expectations",
    "strategic_alignment",
    "organisational_support",
}


def test_demo_adds_uneven_synthetic_responses_and_the_report_prints_as_json(runner, app):
    result = runner.invoke(args=["demo", "--responses", "60"])
    assert result.exit_code == 0, result.output
    assert "Added 60 team survey responses to plan 1" in result.output
    with app.app_context():
        groups = Counter(db.session.scalars(select(TeamResponse.stakeholder_group)))
        survey = db.session.scalar(select(TeamSurvey))
        assert store.load_tallies(survey) == store.count_answers(survey)
        assert store.running_counts(survey) == store.count_responses(survey)
    assert sum(groups.values()) == 60 and len(groups) >= 4
    assert min(groups.values()) < 5 <= max(groups.values())  # some groups too small to show

    # While open: the number of responses and nothing else.
    data = json.loads(runner.invoke(args=["team-report", "1"]).output)
    assert data == {"status": "open", "total": 60}
    close_latest(app)
    data = json.loads(runner.invoke(args=["team-report", "1"]).output)
    assert set(data) == KEYS and data["k"] == 5 and data["total"] == 60
    by_group = {g["group"]: g for g in data["groups"]}
    for key in (*services.pooled_only(catalog_of(app)), *(g for g in by_group if g not in groups)):
        if key != "other_respondents":  # nobody answered: looks exactly like a small group
            assert by_group[key] == {
                "group": key,
                "n": None,
                "shown": False,
                "domains": dict.fromkeys(DOMAINS),
            }
    for key, n in groups.items():
        entry = by_group[key]
        assert set(entry) == {"group", "n", "shown", "domains"} and set(entry["domains"]) == DOMAINS
        if n < 5:
            assert entry == {
                "group": key,
                "n": None,
                "shown": False,
                "domains": dict.fromkeys(DOMAINS),
            }
    pool = by_group["other_respondents"]
    assert pool["shown"] and pool["n"] >= 5
    shown_total = sum(g["n"] for g in data["groups"] if g["shown"])
    assert shown_total == 60  # shown groups and the pool account for everyone
    assert set(data["consensus"]) == DOMAINS
    for gap in data["gaps"]:
        assert set(gap) == {"item", "gap", "high_group", "low_group"} and gap["gap"] >= 0.5
        assert by_group[gap["high_group"]]["shown"] and gap["low_group"] != "other_respondents"

    # More demo answers go to a new round: the release does not change.
    assert runner.invoke(args=["demo", "--responses", "5"]).exit_code == 0
    assert json.loads(runner.invoke(args=["team-report", "1"]).output) == {
        "status": "open",
        "total": 5,
    }


def test_team_report_applies_the_organisations_k_and_hides_everything_below_it(runner, app):
    runner.invoke(args=["demo", "--responses", "4"])
    with app.app_context():
        db.session.scalar(select(Organisation)).anonymity_k = 5
        db.session.commit()
    close_latest(app)
    data = json.loads(runner.invoke(args=["team-report", "1"]).output)
    assert data["total"] == 4 and data["gaps"] == []
    assert all(g["n"] is None and not g["shown"] for g in data["groups"])
    assert data["consensus"] == dict.fromkeys(DOMAINS)
    # The k a release was made with stays with it.
    with app.app_context():
        db.session.scalar(select(Organisation)).anonymity_k = 3
        db.session.commit()
    assert json.loads(runner.invoke(args=["team-report", "1"]).output)["k"] == 5


def test_team_report_bad_input_exits_2(runner, app):
    assert runner.invoke(args=["team-report", "99"]).exit_code == 2
    runner.invoke(args=["demo"])
    result = runner.invoke(args=["team-report", "1"])
    assert result.exit_code == 2 and "no team self-assessment" in result.output
    assert runner.invoke(args=["team-report", "one"]).exit_code == 2
    assert runner.invoke(args=["demo", "--responses", "-1"]).exit_code == 2
    with app.app_context():
        assert db.session.scalar(select(RolePlan)).id == 1


def catalog_of(app):
    with app.app_context():
        return catalog()
