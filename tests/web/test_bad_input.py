"""Bad input gets a clear message beside the field and in the summary, and nothing typed is lost."""

import re
from html import unescape

from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models import Answer, Organisation, RolePlan, User
from tests.helpers import PLAN_FORM


def text(response) -> str:
    return response.get_data(as_text=True)


def summary_links(page: str) -> list[tuple[str, str]]:
    """(href, message) pairs from the error summary."""
    summary = page[page.index("nhsuk-error-summary") :]
    summary = summary[: summary.index("</ul>")]
    found = re.findall(r'<a href="([^"]+)"\s*>(.*?)</a>', summary, re.S)
    return [(h, unescape(" ".join(m.split()))) for h, m in found]


def test_sign_up_errors_are_summarised_and_shown_beside_fields(client, browser):
    response = browser.submit(
        "/sign-up",
        {
            "name": "Alex Morgan",
            "email": "not-an-email",
            "password": "short",
            "confirm": "different",
        },
    )
    page = text(response)
    assert response.status_code == 200
    assert "<title>Error: Create an account" in page
    assert summary_links(page) == [
        ("#email", "Enter an email address in the correct format, like name@example.org"),
        ("#password", "Password must be between 10 and 256 characters"),
        ("#confirm", "The passwords do not match"),
    ]
    assert 'id="email-error"' in page and 'id="password-error"' in page
    assert 'value="Alex Morgan"' in page and 'value="not-an-email"' in page  # kept
    assert 'value="short"' not in page  # passwords are never echoed back


def test_wrong_password_is_one_message_for_both_fields(client, auth, browser):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    page = text(auth.sign_in(password="not the password"))
    assert "Enter a correct email address and password" in page
    assert 'value="manager@example.org"' in page
    page = text(auth.sign_in(email="nobody@example.org"))
    assert "Enter a correct email address and password" in page


def test_organisation_needs_name_and_known_sector(client, auth, browser):
    auth.sign_up()
    page = text(browser.submit("/organisations/new", {"name": "", "sector": "private"}))
    assert summary_links(page) == [
        ("#name", "Enter the name of your organisation"),
        ("#sector", "Select the sector your organisation is in"),
    ]
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(Organisation)) == 0


def test_plan_form_keeps_everything_typed_when_one_field_fails(client, auth, browser):
    auth.manager()
    data = {**PLAN_FORM, "team": "Early intervention team", "hours": "lots", "peer_workers": "0"}
    page = text(browser.submit("/plans/new", data))
    assert summary_links(page) == [
        ("#hours", "Hours per week must be a number, like 22.5"),
        ("#peer_workers", "The number of peer workers must be between 1 and 50"),
    ]
    assert 'value="Early intervention team"' in page
    assert 'value="lots"' in page  # the bad value itself is shown back for correction
    assert re.search(r'value="community"\s+checked', page)
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(RolePlan)) == 0


def test_paid_post_needs_a_band_and_voluntary_post_drops_it(client, auth, browser, make_plan, app):
    auth.manager()
    page = text(browser.submit("/plans/new", {**PLAN_FORM, "band": ""}))
    assert (
        "#band",
        "Select the pay band, or 'Local pay scale' if it is not on Agenda for Change",
    ) in summary_links(page)
    plan_id = make_plan(employment="voluntary", band="5")
    with app.app_context():
        assert db.session.get(RolePlan, plan_id).band is None


def test_tampered_plan_choices_are_refused(client, auth, browser):
    auth.manager()
    page = text(
        browser.submit(
            "/plans/new",
            {**PLAN_FORM, "setting": "spaceship", "introduction": "<script>", "band": "99"},
        )
    )
    assert summary_links(page) == [
        ("#setting", "Select the kind of service"),
        ("#introduction", "Select how the post is being introduced"),
        ("#band", "Select a pay band from the list"),
    ]
    assert "<script>" not in page.split("nhsuk-error-summary")[1][:2000]


def test_tampered_answers_are_refused_and_nothing_is_saved(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    url = f"/plans/{plan_id}/domains/distinctiveness"
    response = browser.submit(
        url,
        {
            "DIS_01-status": "yes",
            "DIS_01-importance": "4",
            "DIS_01-note": "Kept note",
            "DIS_02-status": "definitely",
            "DIS_03-importance": "9",
            "DIS_04-importance": "x",
            "DIS_05-note": "n" * 2001,
            "then": "next",
        },
    )
    page = text(response)
    assert response.status_code == 200
    assert summary_links(page) == [
        ("#DIS_02-status", "Select Yes, Partly, No, Don't know or Not relevant"),
        (
            "#DIS_03-importance",
            "Select how important this is, from 1 (not at all) to 4 (extremely)",
        ),
        (
            "#DIS_04-importance",
            "Select how important this is, from 1 (not at all) to 4 (extremely)",
        ),
        ("#DIS_05-note", "Note must be 2000 characters or fewer"),
    ]
    # What was valid is shown back, not lost.
    assert re.search(r'id="DIS_01-status"[^>]*value="yes"\s+checked', page)
    assert "Kept note" in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_answers_for_unknown_items_are_ignored(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    browser.submit(
        f"/plans/{plan_id}/domains/distinctiveness",
        {"XYZ_99-status": "yes", "SUP_01-status": "yes", "DIS_01-status": "no"},
    )
    with app.app_context():
        saved = db.session.scalars(select(Answer.item_id)).all()
    assert saved == ["DIS-01"]  # SUP-01 belongs to another page; XYZ-99 does not exist


def test_posts_without_csrf_token_are_refused(app, client, auth, make_plan):
    auth.manager()
    plan_id = make_plan()
    response = client.post(
        f"/plans/{plan_id}/domains/distinctiveness", data={"DIS_01-status": "no"}
    )
    assert response.status_code == 400
    assert "there is a problem with that request" in text(response)
    assert "security check was missing or did not match" in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_emails_are_stored_lowercase(app, auth):
    auth.sign_up(email="  Mixed.Case@Example.ORG ")
    with app.app_context():
        assert db.session.scalar(select(User.email)) == "mixed.case@example.org"


def test_markup_in_user_text_is_shown_as_text_everywhere(client, auth, browser, make_plan):
    auth.manager()
    script = "<script>alert(1)</script>"
    plan_id = make_plan(team=script, line_manager='"><img src=x onerror=alert(1)>')
    browser.submit(
        f"/plans/{plan_id}/domains/distinctiveness", {"DIS_01-status": "no", "DIS_01-note": script}
    )
    for url in (
        f"/plans/{plan_id}",
        f"/plans/{plan_id}/check-answers",
        f"/plans/{plan_id}/report",
        f"/plans/{plan_id}/domains/distinctiveness",
        "/dashboard",
    ):
        page = client.get(url).get_data(as_text=True)
        assert script not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url


def test_special_numbers_are_refused_plainly(client, auth, browser):
    auth.manager()
    for hours in ("NaN", "Infinity", "-0", "1e309", "sNaN"):
        page = text(browser.submit("/plans/new", {**PLAN_FORM, "hours": hours}))
        assert summary_links(page)[0][0] == "#hours", hours


def test_control_characters_are_dropped_from_what_is_saved(app, auth, make_plan):
    auth.manager()
    plan_id = make_plan(team="North\x00 team\x07", line_manager="Team\tmanager")
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        assert plan.team == "North team" and plan.line_manager == "Team\tmanager"
