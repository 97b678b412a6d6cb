"""Every page of the app, in every state that matters, checked in Chromium with axe-core.

One pass through the app in one browser page: signed out, as a survey respondent, as an admin
with an empty and a filled plan, with validation errors shown, and every error page. Beside axe
(WCAG 2.0-2.2 A and AA, plus the landmark and heading rules), each page gets our own checks:
"Error: " in the title exactly when an error summary shows (and has focus), one h1, every hint
and error message tied to its field, link text that says where it goes and contains what it
shows, charts with a name and a table, nothing outside a landmark, and reflow at 320 pixels.

The app's url_map drives it: a GET route that the sweep never reached, or a template it never
rendered, fails the test, so a new page cannot go unchecked."""

import re
from datetime import timedelta

import pytest
from flask import has_request_context, request, request_finished, template_rendered
from playwright.sync_api import expect
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import InternalServerError

from roledesign.config import PROJECT_ROOT
from roledesign.extensions import db
from roledesign.models import Invitation, Membership, Organisation, TeamSurvey, User
from roledesign.services import auth as auth_services
from roledesign.services import orgs as org_services
from roledesign.services import team as team_services
from tests.e2e.conftest import axe_violations
from tests.helpers import PLAN_FORM, TEST_PASSWORD, Outbox
from tests.web.team_helpers import seed_sectors
from tests.world import build, build_world

pytestmark = pytest.mark.e2e

# GET routes that answer with a file, not a page: the sweep checks they really are not HTML.
FILES = {
    "static",
    "nhsuk_assets",
    "documents.download",
    "documents.download_all",
    "jd_check.download",
    "actions.export",
    "orgs.export",
    "team.figures_csv",
    "team.comments_csv",
}
# Templates that are only ever part of another page.
PARTIALS = {
    "base.html",
    "team/macros.html",
    "team/_invitations.html",  # included in the team report
    "invitations/_overview.html",  # included in the team overview
}
ERROR_CODES = {400, 403, 404, 405, 409, 410, 413, 429, 500}

# Our own checks on every page, beside axe's. Returns a list of problems.
PAGE_CHECKS = r"""() => {
  const problems = [];
  const text = (el) => el.textContent.replace(/\s+/g, " ").trim();
  const summary = document.querySelector(".nhsuk-error-summary");
  if (!!summary !== document.title.startsWith("Error: ")) {
    problems.push(`title "${document.title}" ${summary ? "needs" : "must not have"} "Error: "`);
  }
  if (!/^(Error: )?\S.* – Peer worker role design$/.test(document.title)) {
    problems.push(`title "${document.title}" does not name the page, then the service`);
  }
  if (summary && document.activeElement !== summary) {
    problems.push("the error summary does not have focus");
  }
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  const described = new Set();
  document.querySelectorAll("[aria-describedby]").forEach((el) =>
    el.getAttribute("aria-describedby").split(/\s+/).forEach((id) => described.add(id)));
  document.querySelectorAll("form .nhsuk-hint, form .nhsuk-error-message").forEach((el) => {
    if (!el.id || !described.has(el.id)) {
      problems.push(`"${text(el).slice(0, 60)}" is not tied to its field`);
    }
  });
  const vague = new Set(["here", "click here", "more", "read more", "link", "this", "change"]);
  const hrefs = new Map();
  document.querySelectorAll("a[href]").forEach((a) => {
    const name = (a.getAttribute("aria-label") || text(a)).toLowerCase();
    if (vague.has(name)) problems.push(`link text "${name}" does not say where it goes`);
    // WCAG 2.4.4: the link's text, with the sentence, list item or table cell it sits in.
    const context = text(a.closest("p, li, td, th, dd") || a).toLowerCase();
    const key = `${name} | ${context}`;
    const href = a.href.split("#")[0];
    if (hrefs.has(key) && hrefs.get(key) !== href) {
      problems.push(`links named "${name}" lead to different places`);
    }
    hrefs.set(key, href);
  });
  // WCAG 2.5.3: what a link or button shows is part of its name, so speech users can say it.
  const textOf = (el, skip) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let out = "";
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest(skip)) out += walker.currentNode.textContent;
    }
    return out.replace(/\s+/g, " ").trim().toLowerCase();
  };
  document.querySelectorAll("a[href], button").forEach((el) => {
    const shown = textOf(el, ".nhsuk-u-visually-hidden, [hidden]");
    const name = (el.getAttribute("aria-label") || textOf(el, "[aria-hidden='true']")).toLowerCase();
    if (shown && !name.includes(shown)) {
      problems.push(`"${shown}" is shown, but the name is "${name.slice(0, 60)}"`);
    }
  });
  document.querySelectorAll("svg").forEach((svg) => {
    if (svg.closest("[aria-hidden='true']")) return;
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    const named = svg.getAttribute("aria-label") ||
      ids.map((id) => document.getElementById(id)).filter(Boolean).map(text).join(" ");
    if (svg.getAttribute("role") !== "img" || !named) {
      problems.push("a picture (svg) with no role and name, that is not hidden either");
    }
  });
  const order = [...document.querySelectorAll("svg.app-chart, table")];
  order.forEach((el, n) => {
    if (el.tagName.toLowerCase() !== "svg") return;
    const table = order.slice(n + 1).find((t) => t.tagName.toLowerCase() === "table");
    if (!table || !table.querySelector("caption")) {
      problems.push(`chart "${text(el).slice(0, 40)}" has no table with a caption after it`);
    }
  });
  // Everything is in a landmark but the skip link and the back link, which the design system
  // puts before <main> on purpose (so "Skip to main content" skips it too).
  const landmarks = ["header", "main", "footer", "nav", "aside", "[role=banner]", "[role=main]",
    "[role=contentinfo]", "[role=navigation]", ".nhsuk-skip-link", ".nhsuk-back-link"].join();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent.checkVisibility()) continue;
    if (!parent.closest(landmarks)) {
      problems.push(`"${node.textContent.trim().slice(0, 40)}" is outside every landmark`);
    }
  }
  // A table runs past the content column only inside a container that scrolls it. (The design
  // system's tables reach 2 pixels past the column on each side by themselves.)
  const column = document.querySelector("main").getBoundingClientRect();
  document.querySelectorAll("main table").forEach((table) => {
    const inside = table.closest(".nhsuk-table-container");
    if (!inside && table.getBoundingClientRect().right > column.right + 4) {
      problems.push(`table "${text(table).slice(0, 40)}" spills past the content column`);
    }
  });
  document.querySelectorAll("[tabindex]").forEach((el) => {
    if (el.tabIndex > 0) problems.push("a positive tabindex changes the tab order");
  });
  return problems;
}"""

WIDE_FONT = "DejaVu Sans"

REFLOW = """(font) => {
  // A constructed style sheet, which the page's Content-Security-Policy does not block.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`body, body * { font-family: "${font}" !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const width = document.documentElement.clientWidth;
  const wide = [];
  const tables = [];
  document.querySelectorAll("body *").forEach((el) => {
    if (el.closest("table, svg, pre, .nhsuk-u-visually-hidden")) return;
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1) wide.push(`${el.tagName}.${el.className}`);
  });
  // A table wider than the screen scrolls inside a labelled region that a keyboard can reach
  // and scroll (the NHS.UK and GOV.UK pattern), not the whole page.
  document.querySelectorAll("table").forEach((table) => {
    if (table.getBoundingClientRect().right <= width + 1) return;
    const box = table.closest("[role=region][tabindex='0']");
    const named = box && (box.getAttribute("aria-label") ||
      document.getElementById(box.getAttribute("aria-labelledby") || "")?.textContent.trim());
    const scrolls = box && ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
    if (!named || !scrolls) {
      const caption = table.caption ? table.caption.textContent : table.textContent;
      tables.push(`table "${caption.replace(/\\s+/g, " ").trim().slice(0, 40)}" is wider than ` +
        "320 pixels but not in a labelled region that scrolls (role=region, tabindex=0)");
    }
  });
  // However it comes about (a visually hidden text absolutely placed out of a scrolling table,
  // say), the page itself does not scroll sideways.
  const sideways = document.documentElement.scrollWidth - width;
  if (sideways > 1) tables.push(`the page scrolls sideways by ${sideways} pixels at 320`);
  // Chart text must stay inside the chart's own box, or it is cut off at the edge.
  document.querySelectorAll("svg.app-chart").forEach((svg) => {
    const view = svg.viewBox.baseVal;
    svg.querySelectorAll("text").forEach((t) => {
      const b = t.getBBox();
      if (b.x < view.x - 1 || b.x + b.width > view.x + view.width + 1) {
        wide.push(`chart text cut off: "${t.textContent.slice(0, 40)}"`);
      }
    });
  });
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  return [...tables, ...wide.slice(0, 5)];
}"""

# Beside the WCAG tags: landmarks and headings, which WCAG 1.3.1 and 2.4.6 ask for in general
# terms and axe checks under "best-practice".
STRUCTURE_RULES = [
    "heading-order",
    "empty-heading",
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "skip-link",
    "tabindex",
    "aria-allowed-role",
    "empty-table-header",
]


class Sweep:
    """The one page the sweep drives, with a record of every page checked and what was found."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.checked: list[str] = []
        self.found: dict[str, list] = {}

    def goto(self, path: str, heading: str, status: int = 200):
        response = self.page.goto(self.base + path)
        assert response.status == status, (path, response.status)
        self.check(heading)

    def press(self, button: str, heading: str, status: int | None = None):
        """Press a button (or follow a button-like link) in the main content and check the result."""
        main = self.page.locator("main")
        target = main.get_by_role("button", name=button, exact=True)
        if not target.count():
            target = main.get_by_role("link", name=button, exact=True)
        with self.page.expect_navigation() as navigation:
            target.first.click()
        if status is not None:
            assert navigation.value.status == status, (button, navigation.value.status)
        self.check(heading)

    def reflow(self) -> list:
        """WCAG 1.4.10: at 320 pixels wide nothing but a table or chart needs scrolling sideways."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": 320, "height": size["height"]})
        # Measure with the widest common fallback font, so the answer does not depend on which
        # fonts this machine has (.ci/test installs DejaVu; Arial-like fonts are narrower).
        wide = self.page.evaluate(REFLOW, WIDE_FONT)
        self.page.set_viewport_size(size)
        return [
            w if w.startswith(("chart", "table", "the page")) else f"wider than 320 pixels: {w}"
            for w in wide
        ]

    def check(self, heading: str, *, on_screen=True):
        expect(self.page.locator("h1")).to_contain_text(heading)
        self.page.wait_for_load_state("load")
        where = f"{len(self.checked) + 1}. {self.page.url} ({heading})"
        found = axe_violations(self.page, extra_rules=STRUCTURE_RULES)
        found += self.page.evaluate(PAGE_CHECKS)
        if on_screen:
            found += self.reflow()
        if found:
            self.found[where] = found
        self.checked.append(where)


@pytest.fixture
def served(app):
    """What the server did for the browser: (method, endpoint, status) and templates rendered."""
    requests, templates = [], set()

    def from_browser() -> bool:
        return has_request_context() and "Chrome" in request.user_agent.string

    def finished(sender, response, **extra):
        if from_browser():
            requests.append((request.method, request.endpoint, response.status_code))

    def rendered(sender, template, context, **extra):
        if from_browser():
            templates.add(template.name)

    request_finished.connect(finished, app)
    template_rendered.connect(rendered, app)
    yield requests, templates
    request_finished.disconnect(finished, app)
    template_rendered.disconnect(rendered, app)


def test_every_page_in_every_state_passes_axe(
    app, page, live_server, served, auth, browser, make_plan, monkeypatch
):
    world = build_world(app, auth, browser, make_plan)
    plan_id = world.values["plan_id"]
    filled = fill_a_plan(app, browser, make_plan)
    sweep = Sweep(page, live_server)

    invitation = signed_out(sweep, app)
    respondent(sweep, world.token)
    manager(sweep, app, world, plan_id)
    filled_plan(sweep, app, browser, filled)
    organisation(sweep, app)
    error_pages(sweep, app, monkeypatch)
    other_people(sweep, invitation, Outbox(app))
    too_many_attempts(sweep)

    requests, templates = served
    routes = {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods}
    reached = {endpoint for method, endpoint, _ in requests if method == "GET"}
    assert sorted(routes - FILES - reached) == [], "visit these pages in the sweep"
    statuses = {status for _, _, status in requests}
    assert sorted(ERROR_CODES - statuses) == [], "show these error pages in the sweep"
    every = {
        str(p.relative_to(PROJECT_ROOT / "templates"))
        for p in (PROJECT_ROOT / "templates").rglob("*.html")
        if "macros" not in p.parts
    }
    assert sorted(every - PARTIALS - templates) == [], "render these templates in the sweep"
    files_are_not_pages(app, world, filled)
    assert sweep.found == {}, format_found(sweep.found)
    assert len(sweep.checked) >= 140


def format_found(found: dict) -> str:
    lines = [f"{len(found)} pages with problems:"]
    for where, problems in found.items():
        lines.append(where)
        lines += [f"    {p}" for p in problems]
    return "\n".join(lines)


def files_are_not_pages(app, world, filled: int):
    """The routes the sweep leaves out really answer with files (a page there must be swept)."""
    client = world.people["admin"].client
    for rule in app.url_map.iter_rules():
        if rule.endpoint in FILES:
            values = dict(world.values)
            if rule.endpoint.startswith("team."):
                values["plan_id"] = filled  # the plan whose survey has enough responses
            if rule.endpoint == "nhsuk_assets":
                values["filename"] = "images/favicon.svg"
            with client.get(build(rule, values)) as response:
                assert response.status_code == 200, rule.rule
                assert response.mimetype != "text/html", rule.rule


# The world -------------------------------------------------------------------------------------


def fill_a_plan(app, browser, make_plan) -> int:
    """A second plan in organisation A with everything done: answers in two rounds, confirmed,
    details, ticks, actions, check-ins, and a team survey with enough responses for a report."""
    from tests.web.team_helpers import set_up_survey

    plan_id = make_plan(title="Senior peer support worker", introduction="replacement")
    base = f"/plans/{plan_id}"
    answers = ["yes", "yes", "partly", "no", "dont_know", "not_relevant"]
    for domain in ("distinctiveness", "shared_expectations", "strategic_alignment"):
        names = re.findall(
            r'name="([A-Z]+_\d+)-status"', browser.client.get(f"{base}/domains/{domain}").text
        )
        data = {}
        for n, name in enumerate(dict.fromkeys(names)):
            data[f"{name}-status"] = answers[n % len(answers)]
            data[f"{name}-importance"] = str(n % 4 + 1)
        data[f"{names[0]}-note"] = "Agreed at the team meeting in March."
        assert browser.submit(f"{base}/domains/{domain}", data).status_code == 302
    assert browser.submit(f"{base}/check-answers", {}).status_code == 302
    saved = browser.submit(
        f"{base}/documents/details",
        {
            "base": "Riverside Resource Centre",
            "accountable_to": "Head of Community Services",
            "closing_date-day": "31",
            "closing_date-month": "3",
            "closing_date-year": "2031",
            "duties": "Co-facilitate the weekly recovery group",
            "peer_supervision_by": "Jo Smith, senior peer worker",
            "line_frequency": "Every two weeks",
        },
    )
    assert saved.status_code == 302
    ticks = {"done": ["RC-BA-01"]}
    assert browser.submit(f"{base}/documents/recruitment-checklist", ticks).status_code == 302
    for title, status in (
        ("Arrange peer supervision", "done"),
        ("Agree boundaries", "in_progress"),
    ):
        action = browser.submit(
            f"{base}/actions/new",
            {
                "title": title,
                "owner_name": "Jo",
                "due_on[day]": "1",
                "due_on[month]": "6",
                "due_on[year]": "2030",
                "status": status,
            },
        )
        assert action.status_code == 302
    check_in = browser.submit(
        f"{base}/check-ins",
        {
            "month": "3",
            "perspective": "peer_worker",
            "q_used_as_intended-answer": "yes",
            "q_lived_experience-answer": "partly",
            "q_supervision-answer": "yes",
            "q_drift-answer": "yes",
            "note": "Asked to do observations twice.",
        },
    )
    assert check_in.status_code == 302
    assert browser.submit(f"{base}/rounds/new", {}).status_code == 302
    browser.submit(f"{base}/domains/distinctiveness", {"DIS_01-status": "yes"})
    set_up_survey(browser, plan_id)
    with app.app_context():
        survey = db.session.scalar(select(TeamSurvey).where(TeamSurvey.plan_id == plan_id))
        groups = ["non_peer_staff"] * 6 + ["peer_worker"] * 5 + ["line_manager"] * 3 + ["other"]
        for n, group in enumerate(groups):
            team_services.submit_response(
                survey,
                group=group,
                answers={
                    "DIS-01": ("yes" if group == "non_peer_staff" else "no", 4),
                    "EXP-01": ("partly", 3),
                    "SUP-02": ("dont_know", None),
                },
                submission_key=f"respondent-{n}",
                comment=f"Comment number {n}." if n % 3 == 0 else None,
                on=team_services.today(),
            )
        db.session.commit()
    return plan_id


# The sweep, part by part -----------------------------------------------------------------------


def signed_out(sweep, app) -> str:
    sweep.goto("/", "Plan a peer worker role that works")
    sweep.goto("/evidence/", "The evidence behind this service")
    sweep.goto("/sign-up", "Create an account")
    sweep.press("Create account", "Create an account", status=200)
    sweep.goto("/sign-in", "Sign in")
    sweep.press("Sign in", "Sign in")
    sweep.page.get_by_label("Email address").fill("admin@a.example")
    sweep.page.get_by_label("Password").fill("not the password")
    sweep.press("Sign in", "Sign in")  # the error not tied to one field
    sweep.goto("/forgot-password", "Reset your password")
    sweep.press("Send reset link", "Reset your password")
    sweep.page.get_by_label("Email address").fill("admin@a.example")
    sweep.press("Send reset link", "Check your email")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "admin@a.example"))
        token = auth_services.reset_token(user)
        organisation = db.session.get(Organisation, user.memberships[0].organisation_id)
        invitations = {
            state: org_services.invite(
                organisation, email=f"{state}@a.example", role="hr", by=user, days=7
            )
            for state in ("ok", "used", "expired")
        }
        for invitation in db.session.scalars(select(Invitation)):
            if invitation.email == "used@a.example":
                invitation.used_at = invitation.created_at
            if invitation.email == "expired@a.example":
                invitation.expires_at = invitation.created_at - timedelta(days=1)
        db.session.commit()
    sweep.goto(f"/reset-password/{token}", "Choose a new password")
    sweep.press("Change password", "Choose a new password")
    sweep.goto("/reset-password/not-a-real-token", "This reset link has expired", status=400)
    sweep.goto(f"/invitations/{invitations['ok']}", "Join Organisation A")
    sweep.goto(f"/invitations/{invitations['used']}", "already been used", status=410)
    sweep.goto(f"/invitations/{invitations['expired']}", "has expired", status=410)
    sweep.goto("/invitations/not-a-real-token", "Invitation not found", status=404)
    return invitations["ok"]


def respondent(sweep, token):
    """A team member with the link: no account."""
    link = f"/s/{token}"
    sweep.goto(link, "Team self-assessment")
    sweep.press("Start now", "Which of these best describes you?")
    sweep.press("Continue", "Which of these best describes you?", status=200)
    sweep.page.get_by_role("radio", name="Peer worker").check()
    sweep.press("Continue", "Distinctiveness of the role")
    sweep.goto(f"{link}/finish", "Send your answers")
    sweep.press("Send your answers", "Send your answers")  # nothing answered yet
    sweep.goto(f"{link}/statements/distinctiveness/1", "Distinctiveness of the role")
    # A page sent with answers to statements it does not show (an old or tampered page).
    sweep.page.evaluate(
        """() => { const extra = document.createElement("input");
        extra.type = "hidden"; extra.name = "XYZ_99-status"; extra.value = "yes";
        document.querySelector("#statements").append(extra); }"""
    )
    sweep.press("Save and continue", "Distinctiveness of the role", status=400)
    first = sweep.page.locator("section.app-item").first
    first.get_by_role("radio", name=re.compile("^Partly")).check()
    sweep.press("Save and finish later", "Your answers are saved on this device")
    sweep.page.get_by_role("link", name="Continue now").click()
    sweep.check("Team self-assessment")
    sweep.press("Continue where you left off", "Distinctiveness of the role")
    sweep.goto(f"{link}/statements/organisational_support/1", "Organisational support")
    sweep.goto(f"{link}/finish", "Send your answers")
    sweep.page.get_by_role("textbox").fill("Please agree the boundaries with us first.")
    sweep.press("Send your answers", "Your answers have been sent")
    sweep.goto(link, "You have already sent your answers")
    sweep.goto("/s/not-a-real-token", "This survey link is not recognised", status=404)


def invited_respondent(sweep, app, plan):
    """The manager invites someone by email, who answers through their own link, once."""
    sweep.goto(f"{plan}/team/invite", "Invite people by email")
    sweep.press("Send invitations", "Invite people by email")  # nothing entered
    sweep.page.get_by_label("Email addresses").fill("invited@a.example")
    sweep.press("Send invitations", "Team self-assessment")
    link = Outbox(app).link("invited@a.example")
    sweep.goto(link, "Team self-assessment")
    sweep.press("Start now", "Which of these best describes you?")
    sweep.page.get_by_role("radio", name="Prefer not to say").check()
    sweep.press("Continue", "Distinctiveness of the role")
    sweep.page.locator("section.app-item").first.get_by_role("radio", name="Yes").first.check()
    sweep.press("Save and continue", "")
    sweep.goto(f"{link}/finish", "Send your answers")
    sweep.page.get_by_role("textbox").fill("As the only nurse I was not asked.")
    sweep.press("Send your answers", "Send your answers")  # asked to check the comment
    sweep.press("Send your answers", "Your answers have been sent")
    sweep.goto(link, "You have already sent your answers")
    sweep.goto(f"{link}/group", "This link has already been used", status=410)


def sign_in(sweep, email: str):
    sweep.goto("/sign-in", "Sign in")
    sweep.page.get_by_label("Email address").fill(email)
    sweep.page.get_by_label("Password").fill(TEST_PASSWORD)
    sweep.press("Sign in", "")


def sign_out(sweep):
    with sweep.page.expect_navigation():
        sweep.page.get_by_role("button", name="Sign out").click()


def manager(sweep, app, world, plan_id):
    """The admin of organisation A, on the plan with one answer and a survey nobody answered."""
    sign_in(sweep, "admin@a.example")
    sweep.goto("/dashboard", "Role plans")
    with app.app_context():  # a member of a second organisation too, so can switch
        admin = db.session.scalar(select(User).where(User.email == "admin@a.example"))
        other = db.session.scalar(select(Organisation).where(Organisation.name == "Organisation B"))
        db.session.add(Membership(user=admin, organisation=other, role="viewer"))
        db.session.commit()
    sweep.goto("/account", "Your account")
    sweep.goto("/organisations/new", "Set up your organisation")
    sweep.press("Continue", "Set up your organisation")
    sweep.goto("/overview", "Organisation overview")
    sweep.goto("/team/sector-comparison", "How organisations answered, by sector")
    sweep.goto("/plans/new", "Describe the post")
    sweep.press("Save and continue", "Describe the post")
    fill_describe(sweep.page)
    sweep.press("Save and continue", "Peer support worker")  # a new plan: nothing started
    fresh = sweep.page.url.removeprefix(sweep.base)
    sweep.goto(f"{fresh}/report", "Readiness report")
    sweep.goto(f"{fresh}/documents/", "Documents")
    sweep.goto(f"{fresh}/actions/", "Action plan")
    sweep.goto(f"{fresh}/progress", "Progress over time")
    sweep.goto(f"{fresh}/check-ins", "Check-ins after the peer worker starts")
    sweep.goto(f"{fresh}/team", "Team self-assessment")
    sweep.press("Set up the team self-assessment", "Set up the team self-assessment")

    plan = f"/plans/{plan_id}"
    sweep.goto(plan, "Peer support worker")
    sweep.goto(f"{plan}/describe", "Describe the post")
    sweep.page.get_by_label("Hours per week").fill("")
    sweep.press("Save and continue", "Describe the post")
    # Someone else saves the description meanwhile: the later writer is told.
    sweep.goto(f"{plan}/describe", "Describe the post")
    world.people["admin"].submit(f"{plan}/describe", {**PLAN_FORM, "hours": "31"})
    sweep.press("Save and continue", "Describe the post", status=409)
    for domain, title in DOMAINS.items():
        sweep.goto(f"{plan}/domains/{domain}", title)
    # Someone else answers on this page meanwhile: the later writer is told.
    world.people["admin"].submit(f"{plan}/domains/organisational_support", {"SUP_02-status": "no"})
    sweep.page.locator("#item-SUP-01").get_by_role("radio", name="Yes").check()
    sweep.press("Save and continue", "Organisational support", status=409)
    sweep.goto(f"{plan}/check-answers", "Check your answers")
    sweep.goto(f"{plan}/report", "Readiness report")
    sweep.goto(f"{plan}/documents/", "Documents")
    sweep.goto(f"{plan}/documents/details", "Details only you know")
    sweep.page.get_by_label("Day").fill("31")
    sweep.page.get_by_label("Month").fill("2")
    sweep.press("Save details", "Details only you know")
    for slug, title in DOCUMENTS.items():
        sweep.goto(f"{plan}/documents/{slug}", title)
    sweep.goto(f"{plan}/actions/", "Action plan")
    sweep.goto(f"{plan}/actions/new", "Add an action")
    sweep.press("Save action", "Add an action")
    sweep.goto(f"{plan}/actions/{world.values['action_id']}", "Change an action")
    sweep.goto(f"{plan}/progress", "Progress over time")
    sweep.goto(f"{plan}/rounds/1/report", "Readiness report")
    sweep.goto(f"{plan}/rounds/new", "Start a new assessment round")
    sweep.goto(f"{plan}/check-ins", "Check-ins after the peer worker starts")
    sweep.press("Save check-in", "Check-ins after the peer worker starts")
    sweep.goto(f"{plan}/team", "Team self-assessment")
    sweep.goto(f"{plan}/team/report", "Team report")  # open: the count only
    sweep.goto(f"{plan}/team/invitation", "Help plan a peer worker role")
    sweep.page.emulate_media(media="print")
    sweep.check("Help plan a peer worker role", on_screen=False)
    sweep.page.emulate_media(media="screen")
    sweep.goto(f"{plan}/team/setup", "Change the team self-assessment")
    sweep.page.get_by_label("Day").fill("31")
    sweep.page.get_by_label("Month").fill("2")
    sweep.page.get_by_label("Year").fill("2031")
    sweep.press("Save changes", "Change the team self-assessment")
    invited_respondent(sweep, app, plan)
    sweep.goto(f"{plan}/team", "Team self-assessment")
    sweep.press("Close the survey and see the results", "Team self-assessment")
    sweep.goto(f"{plan}/team/report", "Team report")  # closed with too few responses
    sweep.goto(f"/s/{world.token}", "This survey is closed", status=410)

    sweep.goto(f"/job-description-checks/new?plan_id={plan_id}", "Check a job description")
    sweep.press("Check the job description", "Check a job description")
    sweep.page.get_by_label("Paste the text").fill(JOB_DESCRIPTION)
    sweep.press("Check the job description", "Job description check")  # attached to the plan
    sweep.goto(f"/job-description-checks/{world.values['check_id']}", "Job description check")
    sweep.press("Start a role plan from this", "Describe the post")


def filled_plan(sweep, app, browser, plan_id):
    """Organisation A's plan with everything done, and a team report with enough responses."""
    plan = f"/plans/{plan_id}"
    sweep.goto("/dashboard", "Role plans")
    sweep.goto("/overview", "Organisation overview")
    sweep.goto(plan, "Senior peer support worker")
    sweep.goto(f"{plan}/domains/distinctiveness", "Distinctiveness of the role")
    sweep.goto(f"{plan}/rounds/1/report", "Readiness report")
    sweep.goto(f"{plan}/check-answers", "Check your answers")
    sweep.goto(f"{plan}/report", "Readiness report")
    sweep.goto(f"{plan}/progress", "Progress over time")
    sweep.goto(f"{plan}/actions/", "Action plan")
    sweep.goto(f"{plan}/check-ins", "Check-ins after the peer worker starts")
    sweep.goto(f"{plan}/documents/", "Documents")
    sweep.goto(f"{plan}/documents/details", "Details only you know")
    # Someone else saves the details meanwhile: the later writer is told.
    browser.submit(f"{plan}/documents/details", {"base": "Northtown Hub"})
    sweep.press("Save details", "Details only you know")
    for slug, title in DOCUMENTS.items():
        sweep.goto(f"{plan}/documents/{slug}", title)
    sweep.goto(f"{plan}/team", "Team self-assessment")
    sweep.press("Close the survey and see the results", "Team self-assessment")
    sweep.press("See the team report", "Team report")
    seed_sectors(app, lambda sector, r: "yes" if r % 2 else "no", item_ids=("DIS-01", "SUP-02"))
    sweep.goto("/team/sector-comparison", "How organisations answered, by sector")


def organisation(sweep, app):
    sweep.goto("/organisation/settings", "Organisation settings")
    sweep.page.get_by_label("Organisation name").fill("")
    sweep.press("Save settings", "Organisation settings")
    sweep.goto("/organisation/members", "Members")
    sweep.goto("/organisation/members/invite", "Invite someone")
    sweep.press("Send invitation", "Invite someone")
    sweep.page.get_by_label("Email address").fill("new.colleague@a.example")
    sweep.page.get_by_role("radio", name="Viewer").check()
    sweep.press("Send invitation", "Invitation sent")
    with app.app_context():
        own = db.session.scalar(
            select(Membership.id).join(User).where(User.email == "admin@a.example")
        )
    sweep.goto(f"/organisation/members/{own}", "Change role")
    sweep.page.get_by_role("radio", name="Viewer").check()
    sweep.press("Save role", "Change role")  # the last admin cannot step down
    sweep.goto("/organisation/audit", "Audit log")
    sweep.goto("/organisation/anonymity", "Anonymity of team results")
    sweep.page.get_by_label("Smallest group whose results are shown").fill("2")
    sweep.press("Save", "Anonymity of team results")
    sweep.goto("/organisation/delete", "Delete Organisation A")
    sweep.press("Delete the organisation", "Delete Organisation A")


def error_pages(sweep, app, monkeypatch):
    sweep.goto("/no-such-page", "Page not found", status=404)
    sweep.goto("/sign-out", "Sorry, that cannot be done here", status=405)
    sweep.goto("/job-description-checks/new", "Check a job description")
    sweep.page.get_by_label("Or upload a file").set_input_files(
        files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": b"x" * (3 << 20)}]
    )
    sweep.press("Check the job description", "That was too large to send", status=413)
    sweep.goto("/organisation/settings", "Organisation settings")
    sweep.page.locator("main input[name=csrf_token]").evaluate("input => input.value = 'stale'")
    sweep.press("Save settings", "Sorry, there is a problem with that request", status=400)
    # Two saves racing past the stamp check, and a fault in the code: both only by force here.
    for error, heading, status in (
        (StaleDataError(), "That could not be saved", 409),
        (InternalServerError(), "Sorry, there is a problem with the service", 500),
    ):

        def fail(error=error):
            raise error

        monkeypatch.setitem(app.view_functions, "evidence.index", fail)
        sweep.goto("/evidence/", heading, status=status)
        monkeypatch.undo()


def other_people(sweep, invitation: str, outbox):
    """A viewer is refused editing; someone signed in with the wrong address follows an
    invitation; an organisation with nothing in it yet."""
    sign_out(sweep)
    sign_in(sweep, "viewer@a.example")
    sweep.goto("/dashboard", "Role plans")
    sweep.goto("/plans/new", "You do not have permission to see this page", status=403)
    sign_out(sweep)
    sign_in(sweep, "admin@b.example")
    sweep.goto("/dashboard", "Role plans")
    sweep.goto("/overview", "Organisation overview")
    sweep.goto(f"/invitations/{invitation}", "Join Organisation A", status=403)
    sign_out(sweep)
    # The invited person has no account yet: they make one, and come back to join.
    sweep.goto(f"/invitations/{invitation}", "Join Organisation A")
    sweep.press("Create an account", "Create an account")
    sweep.page.get_by_label("Your full name").fill("Kim Invited")
    sweep.page.get_by_label("Email address").fill("ok@a.example")
    sweep.page.get_by_label("Create a password").fill(TEST_PASSWORD)
    sweep.page.get_by_label("Confirm your password").fill(TEST_PASSWORD)
    sweep.press("Create account", "Check your email")
    sweep.goto(outbox.link("ok@a.example"), "Finish creating your account")
    sweep.press("Confirm and continue", "Join Organisation A")
    sweep.goto(outbox.link("ok@a.example"), "This link has expired or has been used", status=400)
    sweep.goto(f"/invitations/{invitation}", "Join Organisation A")
    sweep.press("Join Organisation A", "Role plans")
    sign_out(sweep)


def too_many_attempts(sweep):
    """Sign-in attempts from this address, until it is refused for a while."""
    sweep.goto("/sign-in", "Sign in")
    for _ in range(60):  # ten a minute are allowed; a new minute may start meanwhile
        with sweep.page.expect_navigation() as navigation:
            sweep.page.locator("main").get_by_role("button", name="Sign in").click()
        if navigation.value.status == 429:
            break
    sweep.check("Too many attempts")


DOMAINS = {
    "distinctiveness": "Distinctiveness of the role",
    "shared_expectations": "Shared expectations of the role",
    "strategic_alignment": "Strategic alignment",
    "organisational_support": "Organisational support",
}
DOCUMENTS = {
    "job-description": "Job description and person specification",
    "supervision-plan": "Supervision plan",
    "recruitment-checklist": "Recruitment checklist",
    "managers-notes": "Manager's notes",
}
JOB_DESCRIPTION = """Peer Support Worker, Band 4, Acute inpatient ward

Job purpose
To support the ward team with day-to-day tasks and help service users.

Key responsibilities
Carry out close observations of patients when the ward is short-staffed.
Escort patients to appointments and supervise mealtimes.
Take part in physical restraint when needed, after training.
Help nurses with administering medication.
Build relationships with service users.

Person specification
Essential: NVQ level 3 in health and social care. Good communication skills.
Desirable: experience of working in mental health services.
"""


def fill_describe(page):
    page.get_by_label("Team or service").fill("Riverside crisis café")
    page.get_by_label("Crisis service").check()
    page.get_by_label("As a new role, in addition to the existing team").check()
    page.get_by_label("Paid", exact=True).check()
    page.get_by_label("Pay band").select_option("3")
    page.get_by_label("Hours per week").fill("22.5")
    page.get_by_label("How many peer workers will the team have, including this post?").fill("1")
    page.get_by_label("Who will line manage the peer worker?").fill("Café coordinator")
