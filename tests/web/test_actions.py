"""The action plan: from a gap to an owned, dated action; validation; exports."""

import csv
import io
import re
from datetime import date, timedelta

import docx
import pypdf
from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Action
from tests.web.test_bad_input import summary_links


def text(response):
    return response.get_data(as_text=True)


def due(days: int) -> dict:
    when = date.today() + timedelta(days=days)
    return {
        "due_on[day]": str(when.day),
        "due_on[month]": str(when.month),
        "due_on[year]": str(when.year),
    }


def gap_plan(auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    browser.submit(
        f"/plans/{plan_id}/domains/organisational_support",
        {"SUP-01".replace("-", "_") + "-status": "no", "SUP_02-status": "partly"},
    )
    return plan_id


def test_report_offers_each_priority_as_an_action_with_suggested_wording(
    client, auth, browser, make_plan
):
    plan_id = gap_plan(auth, browser, make_plan)
    report = text(client.get(f"/plans/{plan_id}/report"))
    assert f'href="/plans/{plan_id}/actions/new?item=SUP-01"' in report
    form = text(client.get(f"/plans/{plan_id}/actions/new?item=SUP-01"))
    assert "Name the line manager and agree how often management supervision will happen." in form
    assert re.search(r'value="SUP-01"\s+checked', form)
    assert 'value="SUP-02"' in form and not re.search(r'value="SUP-02"\s+checked', form)


def test_create_edit_and_close_an_action(app, client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    response = browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": "Agree monthly management supervision",
            "item_ids": ["SUP-01", "SUP-02"],
            "owner_user_id": "",
            "owner_name": "Jo Lead, team manager",
            **due(30),
            "status": "in_progress",
            "notes": "",
        },
        page=f"/plans/{plan_id}/actions/new",
    )
    assert response.headers["Location"] == f"/plans/{plan_id}/actions/"
    page = text(client.get(f"/plans/{plan_id}/actions/"))
    assert "Agree monthly management supervision" in page and "Jo Lead, team manager" in page
    assert "Addresses SUP-01, SUP-02" in page and "Overdue" not in page
    with app.app_context():
        action = db.session.scalar(select(Action))
        assert action.closed_at is None and action.item_ids == ["SUP-01", "SUP-02"]
        action_id = action.id
    browser.submit(
        f"/plans/{plan_id}/actions/{action_id}",
        {
            "title": "Agree monthly management supervision",
            "item_ids": ["SUP-01"],
            "owner_user_id": "",
            "owner_name": "Jo Lead",
            **due(30),
            "status": "done",
            "notes": "",
        },
    )
    with app.app_context():
        action = db.session.get(Action, action_id)
        assert action.status == "done" and action.closed_at is not None
        assert action.item_ids == ["SUP-01"]


def owners_after_adding(client, browser, plan_id: int, owner_name: str) -> list[str]:
    """Add an action with Sam Manager chosen in the list and ``owner_name`` typed; return the
    owner column of the action plan."""
    page = text(client.get(f"/plans/{plan_id}/actions/new"))
    member_id = re.search(r'<option value="(\d+)"[^>]*>Sam Manager</option>', page).group(1)
    browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": "Brief the team",
            "owner_user_id": member_id,
            "owner_name": owner_name,
            **due(7),
            "status": "not_started",
        },
    )
    listing = text(client.get(f"/plans/{plan_id}/actions/"))
    return re.findall(r'<td class="nhsuk-table__cell">([^<]*)</td>', listing)


def test_owner_can_be_a_member(app, client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    assert "Sam Manager" in owners_after_adding(client, browser, plan_id, "")


def test_a_typed_owner_wins_over_the_member_still_selected(app, client, auth, browser, make_plan):
    """Typing a name is the later, deliberate choice: it must not be dropped silently."""
    plan_id = gap_plan(auth, browser, make_plan)
    owners = owners_after_adding(client, browser, plan_id, "Jo Lead, team manager")
    assert "Jo Lead, team manager" in owners and "Sam Manager" not in owners


def test_validation_messages_and_nothing_saved(app, client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    page = text(
        browser.submit(
            f"/plans/{plan_id}/actions/new",
            {
                "title": "",
                "owner_user_id": "99999",
                "owner_name": "",
                "due_on[day]": "31",
                "due_on[month]": "2",
                "due_on[year]": "2027",
                "status": "dropped",
                "drop_reason": "",
                "item_ids": ["XYZ-01"],
            },
        )
    )
    assert summary_links(page) == [
        ("#title", "Say what will be done"),
        ("#item_ids", "Choose statements from the list"),
        ("#owner_user_id", "Choose a member of your organisation from the list"),
        ("#due_on-day", "Enter a real date, for example 15 3 2027"),
        ("#drop_reason", "Say why the action is being dropped"),
    ]
    assert 'value="31"' in page  # what was typed stays
    page = text(
        browser.submit(
            f"/plans/{plan_id}/actions/new",
            {"title": "Something", "owner_user_id": "", "owner_name": "", "status": "not_started"},
        )
    )
    assert summary_links(page) == [
        ("#owner_name", "Choose who owns this action, or type their name"),
        ("#due_on-day", "Enter the date the action is due"),
    ]
    with app.app_context():
        assert db.session.scalar(select(Action)) is None


def test_past_due_dates_are_allowed_but_flagged(client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    response = browser.submit(
        f"/plans/{plan_id}/actions/new",
        {"title": "Late thing", "owner_name": "Jo", **due(-3), "status": "not_started"},
        follow=True,
    )
    page = text(response)
    assert "Its due date is in the past" in page
    assert "Overdue" in page


def test_foreign_and_unknown_actions_are_not_found(client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    browser.submit(
        f"/plans/{plan_id}/actions/new",
        {"title": "Mine", "owner_name": "Jo", **due(3), "status": "not_started"},
    )
    other_plan = make_plan(team="Another team")
    assert client.get(f"/plans/{other_plan}/actions/1").status_code == 404  # wrong plan
    assert client.get(f"/plans/{plan_id}/actions/999").status_code == 404
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Other trust")
    assert client.get(f"/plans/{plan_id}/actions/").status_code == 404
    assert client.get(f"/plans/{plan_id}/actions/1").status_code == 404
    assert client.get(f"/plans/{plan_id}/actions/export.csv").status_code == 404


def test_exports_parse_back(client, auth, browser, make_plan):
    plan_id = gap_plan(auth, browser, make_plan)
    browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": '=HYPERLINK("http://evil")',
            "owner_name": "Jo",
            "item_ids": ["SUP-01"],
            **due(-1),
            "status": "in_progress",
            "notes": "Check with HR",
        },
    )
    rows = list(csv.reader(io.StringIO(text(client.get(f"/plans/{plan_id}/actions/export.csv")))))
    assert rows[0][:5] == ["Action", "Statements", "Owner", "Due", "Status"]
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'  # not a live formula
    assert rows[1][1].startswith("SUP-01: A named line manager") and rows[1][5] == "yes"
    pdf = client.get(f"/plans/{plan_id}/actions/export.pdf")
    assert pdf.mimetype == "application/pdf"
    pdf_text = " ".join(pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text().split())
    assert "Action plan" in pdf_text and "In progress (overdue)" in pdf_text
    assert "1 action, 1 overdue." in pdf_text
    assert "SUP-01: A named line manager will give the peer worker" in pdf_text
    word = docx.Document(io.BytesIO(client.get(f"/plans/{plan_id}/actions/export.docx").data))
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Action",
        "Addresses",
        "Owner",
        "Due",
        "Status",
    ]
    assert table.rows[1].cells[2].text == "Jo"


def test_an_action_with_the_longest_notes_allowed_still_exports_as_a_pdf(
    client, auth, browser, make_plan
):
    """2,000 characters of notes (here one short line each) make a cell taller than a page:
    the cell must split across pages rather than stop the PDF (reportlab's LayoutError)."""
    plan_id = gap_plan(auth, browser, make_plan)
    notes = ("Ring Jo\n" * 250)[:2000]
    response = browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": "Agree monthly management supervision",
            "item_ids": ["SUP-01"],
            "owner_user_id": "",
            "owner_name": "Jo Lead",
            **due(30),
            "status": "in_progress",
            "notes": notes,
        },
        page=f"/plans/{plan_id}/actions/new",
    )
    assert response.status_code == 302
    pdf = client.get(f"/plans/{plan_id}/actions/export.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    pages = pypdf.PdfReader(io.BytesIO(pdf.data)).pages
    assert len(pages) > 1
    assert "Ring Jo" in pages[-1].extract_text()
