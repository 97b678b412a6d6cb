"""The attacks of issue 13, done as a manager or admin would, through the web with the test
client: each failed to protect respondents before releases and the disclosure gate, and each is
stopped now (docs/team-survey.md, "Threat model")."""

import csv
import io
import json
import re
from datetime import date

from roledesign.extensions import db
from roledesign.models import RolePlan
from roledesign.services import team as services
from tests.helpers import Auth, Browser
from tests.web.team_helpers import close_survey, respond, set_up_survey, text

TWO = {"items_distinctiveness": ["DIS-01"], "items_shared_expectations": ["EXP-01"]}


def everything(browser, plan_id) -> dict:
    """Everything a manager can see or download about the survey, with the per-request nonce
    and CSRF tokens taken out."""
    seen = {}
    for path in ("", "/report", "/responses.csv", "/figures.csv", "/comments.csv"):
        response = browser.client.get(f"/plans/{plan_id}/team{path}")
        body = re.sub(r'(nonce|value)="[^"]+"', "", text(response))
        seen[path] = (response.status_code, body)
    seen["task list"] = (
        200,
        re.sub(r'(nonce|value)="[^"]+"', "", text(browser.client.get(f"/plans/{plan_id}"))),
    )
    return seen


def test_attack_1_differencing_views_before_and_after_one_response(app, auth, browser, make_plan):
    """Download everything, let one more person (a lone senior manager) respond, download
    again: the only difference is the number of responses, and after closing nothing moves."""
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id, data=TWO)
    for n in range(10):
        respond(
            app,
            token,
            ("non_peer_staff", "peer_worker")[n % 2],
            {"distinctiveness": {"DIS-01": "yes"}, "shared_expectations": {"EXP-01": "yes"}},
            comment=f"Fine {n}",
        )
    before = everything(browser, plan_id)
    respond(
        app,
        token,
        "senior_manager",
        {"distinctiveness": {"DIS-01": "no"}, "shared_expectations": {"EXP-01": "no"}},
        comment="As the only senior manager I disagree.",
    )
    after = everything(browser, plan_id)
    for path in before:
        was, now = before[path][1], after[path][1]
        assert "senior manager I disagree" not in now
        # The one live figure, the count, moves; nothing else does.
        assert re.sub(r"\b1[01]\b", "N", was) == re.sub(r"\b1[01]\b", "N", now), path

    close_survey(browser, plan_id)
    released = everything(browser, plan_id)
    assert Browser(app.test_client()).client.get(f"/s/{token}").status_code == 410
    with app.app_context():  # a submission that raced the close and was stored after it
        services.submit_response(
            services.survey_by_token(token),
            group="line_manager",
            answers={"DIS-01": ("no", None)},
            submission_key="late",
            comment="Late comment",
            on=services.today(),
        )
        db.session.commit()
    assert everything(browser, plan_id) == released


def _two_surveys(app, browser, make_plan, service_users: int) -> int:
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id, data=TWO)
    answers = {"distinctiveness": {"DIS-01": "yes"}, "shared_expectations": {"EXP-01": "partly"}}
    for _ in range(6):
        respond(app, token, "non_peer_staff", answers)
    for _ in range(service_users):
        respond(app, token, "service_user", answers)
    close_survey(browser, plan_id)
    return plan_id


def test_attack_2_nobody_and_a_hidden_small_group_look_the_same(
    app, auth, browser, make_plan, runner
):
    auth.manager()
    nobody = _two_surveys(app, browser, make_plan, service_users=0)
    one = _two_surveys(app, browser, make_plan, service_users=1)

    def line(plan_id):
        page = text(browser.client.get(f"/plans/{plan_id}/team/report"))
        return re.search(r"People who use the service:[^<]*", page).group(0).split()

    assert line(nobody) == line(one)

    def entry(plan_id):
        data = json.loads(runner.invoke(args=["team-report", str(plan_id)]).output)
        return next(g for g in data["groups"] if g["group"] == "service_user")

    assert (
        entry(nobody)
        == entry(one)
        == {
            "group": "service_user",
            "n": None,
            "shown": False,
            "domains": dict.fromkeys(
                [
                    "distinctiveness",
                    "shared_expectations",
                    "strategic_alignment",
                    "organisational_support",
                ]
            ),
        }
    )
    for plan_id in (nobody, one):
        rows = csv.reader(
            io.StringIO(text(browser.client.get(f"/plans/{plan_id}/team/figures.csv")))
        )
        assert not [r for r in rows if "service_user" in r]


def test_attack_3_the_organisation_export_carries_released_aggregates_only(
    app, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id, data=TWO)
    respond(app, token, "peer_worker", {"distinctiveness": {"DIS-01": "no"}})
    respond(app, token, "non_peer_staff", {"distinctiveness": {"DIS-01": "yes"}})
    exported = browser.client.get("/organisation/export.json").get_data(as_text=True)
    assert "tallies" not in exported and "group_counts" not in exported
    assert '"peer_worker"' not in exported and '"release": null' in exported
    close_survey(browser, plan_id)  # two people: fewer than k, so nothing is published
    [survey] = json.loads(browser.client.get("/organisation/export.json").get_data(as_text=True))[
        "plans"
    ][0]["team_surveys"]
    figures = survey["release"]["figures"]
    assert figures["total"] == 2 and figures["groups"] == {} and figures["cells"] == {}
    assert figures["sector"] == {} and figures["comments"] == []
    # A survey whose closing date passed unread is released by the export, like any read.
    other = make_plan()
    token = set_up_survey(browser, other, data=TWO)
    for _ in range(5):
        respond(app, token, "non_peer_staff", {"distinctiveness": {"DIS-01": "yes"}})
    with app.app_context():
        services.survey_for(db.session.get(RolePlan, other)).closes_on = date(2026, 1, 1)
        db.session.commit()
    plans = json.loads(browser.client.get("/organisation/export.json").get_data(as_text=True))
    [survey] = plans["plans"][1]["team_surveys"]
    assert survey["release"]["figures"]["cells"]["team"] == {"DIS-01": [5, 0, 0, 0]}


def _org_with_survey(app, browser, sector, name, status):
    """Create an organisation through the web, ask ten staff DIS-01 and close the survey."""
    Auth(browser).create_organisation(name=name, sector=sector)
    plan_id = _make(browser)
    token = set_up_survey(browser, plan_id, data=TWO)
    for n in range(10):
        respond(app, token, "non_peer_staff", {"distinctiveness": {"DIS-01": status(n)}})
    close_survey(browser, plan_id)
    return plan_id


def sector_cells(browser):
    # The nonce, and the sign-out form's CSRF token (timestamped to the second), change.
    page = re.sub(r'(nonce|value)="[^"]+"', "", text(browser.client.get("/team/sector-comparison")))
    body = page[page.index("<tbody") :] if "<tbody" in page else ""
    return page, re.findall(r"(\d+)% to (\d+)%", body)


def test_attack_4_subtracting_your_own_organisations_does_not_recover_another(app, auth, browser):
    # The target, an NHS trust, and an innocent voluntary organisation, each with real staff.
    auth.sign_up(email="target@example.org")
    _org_with_survey(app, browser, "nhs", "Target Trust", lambda n: "no" if n < 3 else "yes")
    innocent = Browser(app.test_client())
    Auth(innocent).sign_up(email="innocent@example.org")
    _org_with_survey(app, innocent, "voluntary", "Helping Hands", lambda n: "yes")
    # The attacker creates eight organisations and fills their surveys with answers they chose:
    # everyone Yes, so anything other than Yes in the NHS figure is the target's.
    attacker = Browser(app.test_client())
    Auth(attacker).sign_up(email="attacker@example.org")
    for n in range(8):
        sector = "nhs" if n < 4 else "voluntary"
        _org_with_survey(app, attacker, sector, f"Fake {n}", lambda n: "yes")
    page, ranges = sector_cells(attacker)
    assert "0.70" not in page and "0.94" not in page  # no exact average to subtract from
    nhs_low, nhs_high = map(int, ranges[0])
    # Subtract: the NHS sector is 50 answers, 40 of them the attacker's (all Yes), so the
    # target's average is 5 × sector average − 4. What the range allows for the target:
    target_low = max(0.0, 5 * nhs_low / 100 - 4)
    target_high = min(1.0, 5 * nhs_high / 100 - 4)
    one_answer = 1 / 10  # one of the target's ten people changing their answer
    assert target_high - target_low > 2 * one_answer, (nhs_low, nhs_high)
    # Looking again draws no new noise to average away: the figures were fixed at release.
    assert sector_cells(attacker) == (page, ranges)


def _make(browser):
    from tests.helpers import PLAN_FORM

    response = browser.submit("/plans/new", PLAN_FORM)
    assert response.status_code == 302, text(response)[:2000]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_attack_6_a_statement_few_answered_does_not_make_a_score(
    app, auth, browser, make_plan, runner
):
    """Four of five staff skip DIS-01 and one answers No: the distinctiveness score must not be
    that one answer."""
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id, data=TWO)
    for n in range(5):
        answers = {"shared_expectations": {"EXP-01": "yes"}}
        if n == 0:
            answers["distinctiveness"] = {"DIS-01": "no"}
        respond(app, token, "non_peer_staff", answers)
    close_survey(browser, plan_id)
    page = text(browser.client.get(f"/plans/{plan_id}/team/report"))
    table = page[page.index('id="team-scores"') : page.index('id="groups"')]
    row = table[table.index("Distinctiveness of the role</th>") :].split("</tr>")[0]
    assert re.findall(r'cell--numeric">\s*([^<]*?)\s*</td>', row)[0] == "Not assessed"
    data = json.loads(runner.invoke(args=["team-report", str(plan_id)]).output)
    assert data["groups"][1]["domains"]["distinctiveness"] is None  # other staff: 5 people
    assert data["groups"][1]["domains"]["shared_expectations"] == 100
    rows = list(
        csv.reader(io.StringIO(text(browser.client.get(f"/plans/{plan_id}/team/figures.csv"))))
    )
    assert [r[2] for r in rows[1:]] == ["EXP-01", "EXP-01"]  # whole team, other staff


def test_attack_8_a_lone_self_identifying_comment_is_not_shown(app, auth, browser, make_plan):
    """Ten people respond and one comments "As the only senior manager…": fewer than k people
    commented, so no comment is released, on screen or in the download."""
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id, data=TWO)
    for n in range(10):
        respond(
            app,
            token,
            "non_peer_staff" if n else "senior_manager",
            {"distinctiveness": {"DIS-01": "yes"}},
            comment="" if n else "As the only senior manager, I think this is rushed.",
        )
    page = text(browser.client.get(f"/plans/{plan_id}/team/report"))
    assert "only senior manager" not in page
    close_survey(browser, plan_id)
    page = text(browser.client.get(f"/plans/{plan_id}/team/report"))
    assert "only senior manager" not in page and "No comments are shown" in page
    assert browser.client.get(f"/plans/{plan_id}/team/comments.csv").status_code == 302
