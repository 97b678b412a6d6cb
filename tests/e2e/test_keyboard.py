"""Keyboard only: Tab, Shift+Tab, Enter, Space, and the arrow keys within a group of radios.

A manager signs in, opens a plan, answers statements and reads the report; a team member
answers the survey from its link. Every element that takes focus on the way must show it (the
NHS.UK yellow focus style), the skip link must move focus to the content, and after a failed
submit focus must go to the error summary, whose links lead to the fields."""

import pytest
from playwright.sync_api import expect

from tests.helpers import TEST_PASSWORD
from tests.web.team_helpers import set_up_survey

pytestmark = pytest.mark.e2e

# What has focus, and whether it shows: NHS.UK styles draw focus in yellow (#ffeb3b), as a
# background (links, buttons), an outline (text fields) or a ring on the label (radios).
FOCUSED = """() => {
  const el = document.activeElement;
  const yellow = "rgb(255, 235, 59)";
  const shows = (node, pseudo) => {
    if (!node) return false;
    const s = getComputedStyle(node, pseudo);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 &&
      s.outlineColor === yellow;
    return outline || s.backgroundColor === yellow || s.boxShadow.includes(yellow);
  };
  const label = el.labels && el.labels[0];
  const text = (label || el).textContent.replace(/\\s+/g, " ").trim();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute("name") || "",
    value: el.value || "",
    checked: !!el.checked,
    classes: el.className || "",
    text: text.slice(0, 120),
    visible: shows(el) || shows(el.firstElementChild) || (!!label && shows(label, "::before")),
    inView: (() => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    })(),
  };
}"""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.stops = 0

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED)

    def tab(self, backwards=False) -> dict:
        self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = self.focused()
        assert now["visible"], f"focus is not visible on {now}"
        assert now["inView"], f"the focused element is off screen: {now}"
        self.stops += 1
        return now

    def tab_to(self, text=None, *, name=None, backwards=False, limit=120) -> dict:
        """Tab until the focused element's text (or label) starts with text, or its name is name."""
        for _ in range(limit):
            now = self.tab(backwards)
            if name is not None and now["name"] == name:
                return now
            if text is not None and now["text"].startswith(text):
                return now
        raise AssertionError(f"Tab never reached {text or name}")

    def press(self, key: str, heading: str | None = None):
        if heading is None:
            self.page.keyboard.press(key)
            return
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        expect(self.page.locator("h1")).to_contain_text(heading)

    def skip_to_content(self):
        """The first Tab on a page reaches the skip link; Enter moves focus to the content."""
        now = self.tab()
        assert now["text"] == "Skip to main content", now
        self.page.keyboard.press("Enter")
        assert self.focused()["id"] == "maincontent"

    def error_summary_has_focus(self, field_id: str):
        """After a failed submit: focus on the summary; its first link leads to the field."""
        now = self.focused()
        assert "nhsuk-error-summary" in now["classes"], now
        link = self.tab()
        assert link["tag"] == "a" and link["text"], link
        self.page.keyboard.press("Enter")
        assert self.focused()["id"] == field_id


def test_the_readiness_walkthrough_by_keyboard(page, live_server, auth, make_plan):
    auth.manager()
    auth.create_organisation(name="Riverside Mind", sector="voluntary")
    make_plan()
    keys = Keyboard(page)
    page.goto(live_server + "/sign-in")
    keys.skip_to_content()
    keys.tab_to("Sign in")
    keys.press("Enter", "Sign in")
    keys.error_summary_has_focus("email")
    page.keyboard.type("manager@example.org")
    assert keys.tab()["id"] == "password"
    page.keyboard.type(TEST_PASSWORD)
    keys.tab_to("Sign in")
    keys.press("Enter", "Role plans")

    # The plan belongs to the second organisation and signing in opens the first: switch on
    # the account page, whose buttons are our own link-style ones.
    keys.tab_to("Sam Manager")
    keys.press("Enter", "Your account")
    button = keys.tab_to("Work in this organisation")
    assert "app-link-button" in button["classes"]
    keys.press("Space", "Role plans")
    expect(page.get_by_text("You are now working in Riverside Mind.")).to_be_visible()
    keys.tab_to("Peer support worker")
    keys.press("Enter", "Peer support worker")
    keys.tab_to("Distinctiveness of the role")
    keys.press("Enter", "Distinctiveness of the role")

    # The first statement: Space chooses the focused radio, the arrows move along the group.
    keys.tab_to("Why this matters")
    keys.press("Enter")
    expect(page.locator("#item-DIS-01 details.app-item__why")).to_have_attribute("open", "")
    first = keys.tab_to(name="DIS_01-status")
    assert first["value"] == "yes" and not first["checked"]
    keys.press("Space")
    assert keys.focused()["checked"]
    keys.press("ArrowRight")
    now = keys.focused()
    assert (now["value"], now["checked"], now["visible"]) == ("partly", True, True)
    importance = keys.tab()
    assert importance["name"] == "DIS_01-importance"
    keys.press("Space")
    for _ in range(3):
        keys.press("ArrowDown")
    now = keys.focused()
    assert (now["value"], now["checked"]) == ("4", True)
    # The optional note is behind "Add a note": Enter opens it, Tab reaches the box.
    assert keys.tab()["text"].startswith("Add a note")
    keys.press("Enter")
    note = keys.tab()
    assert note["name"] == "DIS_01-note"
    page.keyboard.type("Answered by keyboard.")
    # Shift+Tab goes back past "Add a note" to the group, onto its chosen radio.
    assert keys.tab(backwards=True)["text"].startswith("Add a note")
    back = keys.tab(backwards=True)
    assert (back["name"], back["value"]) == ("DIS_01-importance", "4")
    keys.tab_to("Save and return to task list")
    keys.press("Space", "Peer support worker")
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()

    keys.tab_to("Readiness report")
    keys.press("Enter", "Readiness report")
    keys.tab_to("How the band is decided")
    keys.press("Enter")
    expect(page.locator("details", has_text="How the band is decided")).to_have_attribute(
        "open", ""
    )
    assert "Partly" in page.locator("table", has_text="Answers behind the Distinc").text_content()
    assert keys.stops > 20


def test_the_team_survey_by_keyboard(page, live_server, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    keys = Keyboard(page)
    page.goto(f"{live_server}/s/{token}")
    keys.skip_to_content()
    keys.tab_to("Start now")
    keys.press("Enter", "Which of these best describes you?")
    keys.tab_to("Continue")
    keys.press("Enter", "Which of these best describes you?")
    keys.error_summary_has_focus("group")
    keys.press("ArrowDown")
    chosen = keys.focused()
    assert chosen["checked"] and chosen["id"] == "group-2"
    keys.tab_to("Continue")
    keys.press("Enter", "Distinctiveness of the role")

    keys.tab_to(name="DIS_01-status")
    keys.press("Space")
    keys.press("ArrowRight")
    now = keys.focused()
    assert (now["name"], now["value"], now["checked"]) == ("DIS_01-status", "partly", True)
    while page.locator("h1").inner_text() != "Send your answers":
        keys.tab_to("Save and continue")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    keys.tab_to("Anything else")
    page.keyboard.type("Typed without a mouse.")
    keys.tab_to("Send your answers")
    keys.press("Enter", "Your answers have been sent")
