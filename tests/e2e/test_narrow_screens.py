"""Seen in screenshots at 375 and 1280 pixels wide: the team report's tables ran off a phone's
screen, and the organisation overview hid its last columns on a desktop."""

import pytest

from tests.e2e.test_accessibility_sweep import REFLOW, WIDE_FONT
from tests.e2e.test_long_pages import sign_in
from tests.web.team_helpers import close_survey, set_up_survey
from tests.web.test_team_report import add_responses

pytestmark = pytest.mark.e2e
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_team_report_does_not_scroll_sideways_on_a_phone(
    app, page, live_server, accessible, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"non_peer_staff": 6, "peer_worker": 5, "other": 4})
    close_survey(browser, plan_id)
    sign_in(page, live_server)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server}/plans/{plan_id}/team/report")
    accessible(page, "Team report")
    assert page.evaluate(SIDEWAYS) == 0


def test_the_organisation_overview_shows_every_column_on_a_desktop(
    page, live_server, accessible, auth, make_plan
):
    auth.manager()
    make_plan()
    sign_in(page, live_server)  # 1280 wide
    page.goto(f"{live_server}/overview")
    accessible(page, "Organisation overview")
    table = page.locator(".nhsuk-table-container")
    # The design system's tables reach 2 pixels past their column by themselves (as in the
    # sweep's check); before, the last column was 16 or more pixels out of view.
    assert table.evaluate("el => el.scrollWidth - el.clientWidth") <= 4
    assert page.get_by_role("columnheader", name="Overdue actions").is_visible()


# The sweep's reflow check, fed markup it must refuse: a wide table loose on the page, one in a
# scrolling region without a name, and hidden words placed out of a region onto the page.
WIDE = "<table><caption>{}</caption><tr><td style='min-width: 600px'>Wide</td></tr></table>"
HIDDEN = "<span class='nhsuk-u-visually-hidden' style='position: absolute; left: 500px'>Hid</span>"


def region(body: str, name: str = "", style: str = "") -> str:
    label = f"aria-label='{name}'" if name else ""
    return f"<div role='region' tabindex='0' {label} style='overflow-x: auto; {style}'>{body}</div>"


def test_the_sweep_refuses_tables_that_make_a_phone_page_scroll_sideways(page):
    page.set_viewport_size({"width": 320, "height": 600})
    page.set_content(
        "<!DOCTYPE html>"
        + WIDE.format("Loose")
        + region(WIDE.format("Unnamed"))
        + region(WIDE.format("In"), "In")
    )
    found = page.evaluate(REFLOW, WIDE_FONT)
    assert [f.split('"')[1] for f in found if f.startswith("table")] == ["Loose", "Unnamed"]
    page.set_content("<!DOCTYPE html>" + region(WIDE.format("In") + HIDDEN, "In"))
    found = page.evaluate(REFLOW, WIDE_FONT)
    assert [f.split(" by ")[0] for f in found] == ["the page scrolls sideways"]
    page.set_content(
        "<!DOCTYPE html>" + region(WIDE.format("In") + HIDDEN, "In", style="position: relative")
    )
    assert page.evaluate(REFLOW, WIDE_FONT) == []
