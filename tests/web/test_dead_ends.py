"""No dead ends for any role: signed in as each member of organisation A (admin, manager, HR
officer, viewer), follow every link from the dashboard, breadth first, and fail on any link or
button shown to a person that answers "You do not have permission" (403) to that same person.

Links are followed with GET. A form's button is checked against the route audit's RULES: a form
that posts to an address the person's role may not post to is a dead end too, found without
sending it (nothing is changed by the crawl)."""

import re
from collections import deque
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from werkzeug.exceptions import HTTPException

from roledesign.web.access import PERMISSIONS
from tests.web.test_route_audit import RULES
from tests.world import ROLES, build_world

HREF = re.compile(r"<a\b[^>]*\bhref=\"([^\"]*)\"", re.I)
FORM = re.compile(r"<form\b([^>]*)>", re.I)
ATTR = re.compile(r"([a-z-]+)=\"([^\"]*)\"", re.I)

# Addresses the crawl does not follow: assets, and the public survey a respondent fills in.
NOT_FOLLOWED = ("/static/", "/nhsuk/", "/s/", "/sign-out")
MAX_PAGES = 150


def resolve(base: str, href: str) -> str | None:
    """The app's own path (with query) ``href`` on page ``base`` leads to (the page itself when
    empty, as for a form without an action), or None for other sites, e-mail and fragments."""
    href = unescape(href).strip()
    if href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(urljoin(f"http://localhost{base}", href))
    if parts.netloc not in ("localhost", ""):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def local_path(base: str, href: str) -> str | None:
    """Where a link leads, if the crawl follows it."""
    path = resolve(base, href) if href.strip() else None
    return None if path is None or path.startswith(NOT_FOLLOWED) else path


def post_need(app, path: str) -> str | None:
    """What a role needs to post to ``path`` (from the route audit's RULES), None if anyone may."""
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _ = adapter.match(urlsplit(path).path, method="POST")
    except HTTPException:
        return None
    scope, _, need = RULES[endpoint]
    if scope not in ("org", "plan", "check") or not need:
        return None
    return need.rpartition(":")[2]


def crawl(app, person, role):
    """Every page reachable from the dashboard; returns (pages seen, dead ends found)."""
    seen = {"/dashboard"}
    queue = deque([("/dashboard", "/dashboard")])
    dead_ends = []
    pages = 0
    while queue and pages < MAX_PAGES:
        path, came_from = queue.popleft()
        response = person.client.get(path)
        if response.status_code == 403:
            dead_ends.append(f"link {path} on {came_from}")
            continue
        assert response.status_code < 500, (role, path, response.status_code)
        if "text/html" not in response.content_type or response.status_code != 200:
            continue
        pages += 1
        html = response.get_data(as_text=True)
        for tag_attrs in FORM.findall(html):
            attrs = dict(ATTR.findall(tag_attrs))
            action = resolve(path, attrs.get("action", ""))
            if action is None:
                continue
            if attrs.get("method", "get").lower() == "post":
                need = post_need(app, action)
                if need and role not in PERMISSIONS[need]:
                    dead_ends.append(f"form posting to {action} on {path}")
            elif not action.startswith(NOT_FOLLOWED) and action not in seen:
                seen.add(action)
                queue.append((action, path))
        for href in HREF.findall(html):
            target = local_path(path, href)
            if target and target not in seen:
                seen.add(target)
                queue.append((target, path))
    return pages, dead_ends


@pytest.fixture
def world(app, auth, browser, make_plan):
    return build_world(app, auth, browser, make_plan)


@pytest.mark.parametrize("role", ROLES)
def test_no_role_is_shown_a_link_or_button_it_may_not_use(app, world, role):
    pages, dead_ends = crawl(app, world.people[role], role)
    assert pages > 15, f"the crawl as {role} reached only {pages} pages"
    assert dead_ends == [], (
        f"{len(dead_ends)} dead ends for {role} in {pages} pages:\n" + "\n".join(dead_ends)
    )


def test_each_role_sees_what_it_may_do_and_is_told_when_it_may_only_read(world):
    """Hiding a button from everyone would also pass the crawl: managers still see the way to
    plan and change, HR officers the way to check a job description, and people who may only
    read are told so in a plain line instead of being sent to a 403."""
    plan = world.values["plan_id"]

    def page(role, url):
        response = world.people[role].client.get(url)
        assert response.status_code == 200, (role, url)
        return response.get_data(as_text=True)

    for role in ("admin", "manager"):
        dashboard = page(role, "/dashboard")
        assert "Plan a new peer worker post" in dashboard
        assert "Check a job description" in dashboard
        plan_page = page(role, f"/plans/{plan}")
        assert f'href="/plans/{plan}/describe"' in plan_page
        assert f'href="/plans/{plan}/domains/distinctiveness"' in plan_page
        assert "You can read this plan" not in plan_page
        assert "Add to action plan" in page(role, f"/plans/{plan}/report")
        assert "Add an action" in page(role, f"/plans/{plan}/actions/")
    for role in ("hr", "viewer"):
        dashboard = page(role, "/dashboard")
        assert "Plan a new peer worker post" not in dashboard
        assert "You can read these plans; a manager can change them." in dashboard
        plan_page = page(role, f"/plans/{plan}")
        assert "You can read this plan; a manager can change it." in plan_page
        assert f'href="/plans/{plan}/describe"' not in plan_page
        assert "Distinctiveness" in plan_page  # the domain is listed, only not linked
        assert "Add to action plan" not in page(role, f"/plans/{plan}/report")
        actions = page(role, f"/plans/{plan}/actions/")
        assert "You can read this action plan; a manager can change it." in actions
        assert "Act" in actions  # the action's title, as text
        assert "A manager records the check-ins" in page(role, f"/plans/{plan}/check-ins")
    assert "Check a job description" in page("hr", "/dashboard")
    assert "Check a job description" not in page("viewer", "/dashboard")
    assert "Add or change details" in page("hr", f"/plans/{plan}/documents/")
    assert "A manager or HR officer can add or change these details." in page(
        "viewer", f"/plans/{plan}/documents/"
    )
