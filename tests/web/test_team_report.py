"""The manager's side: set up and share the survey, and the team report with anonymity applied."""

import csv
import io
import re
from datetime import timedelta

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Membership, Organisation, TeamSurvey
from roledesign.services import team as services
from tests.web.team_helpers import close_survey, seed_sectors, set_up_survey, text


def survey_for(app, plan_id) -> TeamSurvey:
    return db.session.scalar(
        select(TeamSurvey).where(TeamSurvey.plan_id == plan_id).order_by(TeamSurvey.id.desc())
    )


def add_responses(app, plan_id, groups: dict, answers=None, comment=None):
    """Store responses directly: {group: how many}, each with ``answers``."""
    answers = answers or {"DIS-01": ("yes", 3), "EXP-01": ("partly", 4)}
    with app.app_context():
        survey = survey_for(app, plan_id)
        n = services.response_count(survey)
        for group, count in groups.items():
            for _ in range(count):
                n += 1
                services.submit_response(
                    survey,
                    group=group,
                    answers=answers(group) if callable(answers) else answers,
                    submission_key=f"key-{n}",
                    comment=comment(n) if callable(comment) else comment,
                    on=services.today(),
                )
        db.session.commit()


def test_the_task_list_offers_the_team_self_assessment(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    page = text(client.get(f"/plans/{plan_id}"))
    assert "Team self-assessment" in page and "Not set up" in page
    assert f'href="/plans/{plan_id}/team"' in page
    overview = text(client.get(f"/plans/{plan_id}/team"))
    assert "Set up the team self-assessment" in overview
    set_up_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}"))
    assert "Open" in page and "0 people have responded" in page


def test_setting_up_chooses_statements_and_a_closing_date(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    page = text(client.get(f"/plans/{plan_id}/team/setup"))
    assert page.count('type="checkbox"') >= 40 and page.count("checked") >= 40
    assert 'value="DIS-12"' not in page  # only asked when the post replaces another
    closes = services.today() + timedelta(days=14)
    response = browser.submit(
        f"/plans/{plan_id}/team/setup",
        {
            "items_distinctiveness": ["DIS-01", "DIS-02"],
            "items_shared_expectations": ["EXP-01"],
            "closes-day": str(closes.day),
            "closes-month": str(closes.month),
            "closes-year": str(closes.year),
        },
    )
    assert response.headers["Location"] == f"/plans/{plan_id}/team"
    overview = text(client.get(f"/plans/{plan_id}/team"))
    assert "3 statements" in overview and closes.strftime("%-d %B %Y") in overview
    assert re.search(r"http://localhost/s/[A-Za-z0-9_-]{32}", overview)
    with app.app_context():
        survey = survey_for(app, plan_id)
        assert survey.item_ids == ["DIS-01", "DIS-02", "EXP-01"] and survey.closes_on == closes
        assert len(survey.token) == 32


def test_setup_errors_are_explained_and_nothing_typed_is_lost(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    url = f"/plans/{plan_id}/team/setup"
    page = text(
        browser.submit(url, {"closes-day": "31", "closes-month": "2", "closes-year": "2030"})
    )
    assert "Closing date must be a real date" in page
    assert "Select at least one statement to ask your team" not in page  # one problem at a time
    assert 'value="2030"' in page
    page = text(browser.submit(url, {"closes-day": "1"}))
    assert "Closing date must include a day, month and year" in page
    past = services.today() - timedelta(days=1)
    page = text(
        browser.submit(
            url,
            {
                "items_distinctiveness": ["DIS-01"],
                "closes-day": str(past.day),
                "closes-month": str(past.month),
                "closes-year": str(past.year),
            },
        )
    )
    assert "Closing date must be today or in the future" in page
    assert "Select at least one statement to ask your team" in text(browser.submit(url, {}))
    page = text(browser.submit(url, {"items_distinctiveness": ["DIS-01", "DIS-12", "XYZ-01"]}))
    assert "Choose statements from the list under Distinctiveness of the role" in page
    assert 'href="#closes-day"' in text(
        browser.submit(url, {"closes-day": "x", "closes-month": "1", "closes-year": "2030"})
    )
    with app.app_context():
        assert survey_for(app, plan_id) is None


def test_statements_are_fixed_once_people_have_answered(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"peer_worker": 1})
    page = text(client.get(f"/plans/{plan_id}/team/setup"))
    assert "the statements cannot change" in page and 'type="checkbox"' not in page
    browser.submit(f"/plans/{plan_id}/team/setup", {"items_distinctiveness": ["DIS-01"]})
    with app.app_context():
        assert len(survey_for(app, plan_id).item_ids) > 40


def test_the_invitation_has_the_link_and_a_qr_code(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/invitation"))
    assert f"http://localhost/s/{token}" in page
    assert '<svg role="img" aria-label="QR code for the survey link"' in page
    assert "<path" in page and "not be asked your name" in page


def test_closing_for_good_and_asking_again(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    old_token = set_up_survey(browser, plan_id)
    # Without the CSRF token nothing changes.
    client.post(f"/plans/{plan_id}/team/close")
    with app.app_context():
        assert survey_for(app, plan_id).is_open
    response = close_survey(browser, plan_id)
    assert response.headers["Location"] == f"/plans/{plan_id}/team"
    page = text(client.get(f"/plans/{plan_id}/team"))
    assert "Closed" in page and "Ask your team again" in page and "Reopen" not in page
    assert client.post(f"/plans/{plan_id}/team/reopen").status_code in (404, 405)
    browser.submit(f"/plans/{plan_id}/team/again", {}, page=f"/plans/{plan_id}/team")
    page = text(client.get(f"/plans/{plan_id}/team"))
    assert "Close the survey" in page and old_token not in page
    with app.app_context():
        surveys = db.session.scalars(select(TeamSurvey).where(TeamSurvey.plan_id == plan_id))
        assert [s.is_open for s in surveys] == [False, True]


def test_no_report_until_k_people_have_responded(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"peer_worker": 2, "non_peer_staff": 2})
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert "4 people have responded so far" in page and "worked out when the survey closes" in page
    assert client.get(f"/plans/{plan_id}/team/figures.csv").status_code == 302
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert "Fewer than 5 people responded before the survey closed" in page
    assert 'id="groups"' not in page and "Whole team" not in page


def test_the_report_shows_groups_pools_small_ones_and_flags_gaps(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)

    def answers(group):
        # Staff think the team is ready to share expectations; peer workers do not.
        if group == "non_peer_staff":
            return {"EXP-01": ("yes", 3), "DIS-01": ("dont_know", 3)}
        return {"EXP-01": ("no", 4), "DIS-01": ("dont_know", 3)}

    add_responses(
        app,
        plan_id,
        {"non_peer_staff": 7, "peer_worker": 6, "line_manager": 2, "other": 3},
        answers,
    )
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    groups = page[page.index('id="groups"') : page.index('id="gaps"')]
    assert re.search(r"Peer workers:\s+6 people", groups)
    assert re.search(r"Other staff:\s+7 people", groups)
    assert re.search(r"Line managers:\s+not shown separately", groups)
    assert re.search(r"Others:\s+not shown separately", groups)
    # Nobody, and too few, look the same.
    assert re.search(r"People who use the service:\s+not shown separately", groups)
    assert re.search(r"Other respondents \(smaller groups combined\):\s+5 people", groups)
    gaps = page[page.index('id="gaps"') : page.index('id="knowledge-gaps"')]
    assert (
        "Gap <strong>1.00</strong>: Other staff see this as more in place (1.00) than peer workers (0.00)"
        in gaps
    )
    knowledge = page[page.index('id="knowledge-gaps"') : page.index('id="comments"')]
    assert "(100% answered Don't know)" in knowledge
    assert "Prefer not to say" not in groups  # never a group of its own
    assert page.count('role="img"') >= 2 and "Domain scores by group, out of 100" in page


def test_the_report_runs_the_same_queries_for_few_or_many_responses(
    app, client, auth, browser, make_plan, count_queries
):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"non_peer_staff": 3, "peer_worker": 3})
    close_survey(browser, plan_id)
    with count_queries() as few:
        assert client.get(f"/plans/{plan_id}/team/report").status_code == 200
    browser.submit(f"/plans/{plan_id}/team/again", {}, page=f"/plans/{plan_id}/team")
    add_responses(
        app,
        plan_id,
        {"non_peer_staff": 260, "peer_worker": 40, "service_user": 30},
        comment=lambda n: f"Comment {n}",
    )
    close_survey(browser, plan_id)
    with count_queries() as many:
        page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert len(many) == len(few), (len(few), len(many))
    assert "The first 100 of 330 are shown" in page
    assert sum("team_releases" in statement for statement in many) == 1  # read once


def test_exports_show_only_what_the_report_shows(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(
        app,
        plan_id,
        {"non_peer_staff": 5, "peer_worker": 2, "line_manager": 3},
        comment=lambda n: '=HYPERLINK("x")' if n == 1 else f"note {n}",
    )
    close_survey(browser, plan_id)
    response = client.get(f"/plans/{plan_id}/team/figures.csv")
    assert (
        response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    )
    rows = list(csv.reader(io.StringIO(text(response))))
    assert rows[0][:3] == ["group", "people in group", "statement"]
    assert "comment" not in rows[0]
    # One row per group and statement, never per person: team, shown group, pool.
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        (unit, n, item)
        for unit, n in (("team", "10"), ("non_peer_staff", "5"), ("other_respondents", "5"))
        for item in ("DIS-01", "EXP-01")
    ]
    assert rows[1][3:8] == ["10", "0", "0", "0", "1.00"]
    # Ten people: exactly the comment threshold for k = 5.
    comments = list(
        csv.reader(io.StringIO(text(client.get(f"/plans/{plan_id}/team/comments.csv"))))
    )
    assert comments[0] == ["comment"] and len(comments) == 11
    assert ['\'=HYPERLINK("x")'] in comments  # a spreadsheet will not run it
    assert all(len(r) == 1 for r in comments)


def test_comments_wait_for_the_higher_threshold(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"non_peer_staff": 9}, comment="Hello")
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert "Comments are shown only when at least 10 people responded" in page
    assert "Hello" not in page
    assert client.get(f"/plans/{plan_id}/team/comments.csv").status_code == 302


def test_k_can_be_raised_or_lowered_but_never_below_3(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"non_peer_staff": 3, "peer_worker": 1})
    page = text(browser.submit("/organisation/anonymity", {"k": "2"}))
    assert "The smallest group must be between 3 and 50 people" in page and 'value="2"' in page
    assert "Enter a whole number from 3 to 50, like 5" in text(
        browser.submit("/organisation/anonymity", {"k": "five"})
    )
    response = browser.submit("/organisation/anonymity", {"k": "4"})
    assert response.status_code == 302
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert "shown when at least 4 people gave them" in page
    assert "No group can be shown on its own without exposing a smaller one" in page
    assert "The team's view and yours" in page


def test_viewers_cannot_change_k(app, client, auth, browser):
    auth.manager()
    with app.app_context():
        db.session.scalar(select(Membership)).role = "viewer"
        db.session.commit()
    assert client.get("/organisation/anonymity").status_code == 403


def test_another_organisations_team_pages_are_404(app, client, auth, browser, make_plan):
    auth.manager(email="a@example.org", organisation="Trust A")
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    for path in ("", "/setup", "/invitation", "/report", "/figures.csv", "/comments.csv"):
        assert client.get(f"/plans/{plan_id}/team{path}").status_code == 404, path
    assert browser.submit(f"/plans/{plan_id}/team/close", {}, page="/dashboard").status_code == 404
    own = make_plan()
    assert client.get(f"/plans/{own}/team/report").status_code == 404  # no survey yet


def test_sector_comparison_needs_enough_organisations_and_people(
    app, client, auth, browser, make_plan
):
    auth.manager()
    assert "not enough answers yet to compare sectors" in text(
        client.get("/team/sector-comparison")
    )
    # Everyone in the NHS says Yes; half in the voluntary sector say No.
    seed_sectors(app, lambda sector, r: "yes" if sector == "nhs" or r % 2 else "no")
    page = text(client.get("/team/sector-comparison"))
    assert "NHS (5 organisations, 50 or more people)" in page
    assert "Voluntary or community sector (5 organisations, 50 or more people)" in page
    row = page[page.index("<tbody") :]
    assert row.count("<tr") == 1  # only DIS-01 was asked
    # Ranges that allow for the noise (where they fall depends on the random draw).
    ranges = [tuple(map(int, r)) for r in re.findall(r"(\d+)% to (\d+)%", row)]
    assert len(ranges) == 2
    assert all(0 <= low < high <= 100 and low % 5 == high % 5 == 0 for low, high in ranges)


def test_a_passed_closing_date_is_explained_to_the_manager(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    with app.app_context():
        survey_for(app, plan_id).closes_on = services.today() - timedelta(days=2)
        db.session.commit()
    page = text(client.get(f"/plans/{plan_id}/team"))
    assert "Closed" in page and "See the team report" in page  # released on this first read
    assert "Closed" in text(client.get(f"/plans/{plan_id}"))


def test_a_threshold_below_3_in_the_database_still_counts_as_3(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"non_peer_staff": 2})
    with app.app_context():
        db.session.scalar(select(Organisation)).anonymity_k = 1
        db.session.commit()
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert "Fewer than 3 people responded" in page


def test_a_release_is_remembered_and_never_follows_later_answers_or_a_new_k(
    app, client, auth, browser, make_plan, count_queries
):
    def report():
        page = text(client.get(f"/plans/{plan_id}/team/report"))
        return re.sub(r'(nonce|value)="[^"]+"', "", page)  # nonce and CSRF token change

    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(
        app,
        plan_id,
        {"peer_worker": 5, "non_peer_staff": 5},
        answers=lambda g: {"DIS-01": ("no" if g == "peer_worker" else "yes", 3)},
        comment=lambda n: f"Comment number {n}" if n % 2 else None,
    )
    close_survey(browser, plan_id)
    first = report()
    with count_queries() as remembered:
        assert report() == first
    # The report reads its release, never the responses, answers or tallies.
    raw = ("team_responses", "team_answers", "team_tallies", "team_counts")
    assert not [s for s in remembered if any(t in s for t in raw)], remembered
    assert first.count("<li>Comment number") == 5
    # An answer stored late (a submission racing the close) and a new k change nothing.
    add_responses(app, plan_id, {"peer_worker": 5}, answers=lambda g: {"DIS-01": ("yes", 3)})
    browser.submit("/organisation/anonymity", {"k": "6"})
    client.get("/organisation/anonymity")  # where the confirmation is read
    assert report() == first and "10 people responded" in first
