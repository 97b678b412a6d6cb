"""Absurd values in every route's path and query string, as every kind of visitor: never a 500.

Ids beyond the database's integer range, negative and unicode numbers, NUL bytes and 10 kB values
must all end in an ordinary answer (404, 400, a form error or the page itself). The app fixture
fails the test on any server error; the status is checked as well. In CI this runs on PostgreSQL
too (TEST_DATABASE_URL), where an id out of range or a NUL byte is an error in the database."""

import re
from urllib.parse import quote

import pytest

from tests.web.test_route_audit import RULES
from tests.world import build, build_world

HUGE = "9" * 20
AWKWARD = [HUGE, "2147483648", "-1", "0", "٣", "ünïcødé ✓", "a\x00b", "9" * 5000, "x" * 10240]
# Every name the app reads from a query string, and one it does not.
QUERY_NAMES = [
    "plan_id",
    "from_check",
    "item",
    "next",
    "page",
    "title",
    "team",
    "line_manager",
    "setting",
    "introduction",
    "employment",
    "band",
    "hours",
    "peer_workers",
    "anything",
]
VARIABLE = re.compile(r"<(?:[^:<>]+(?:\([^)]*\))?:)?([a-z_]+)>")


@pytest.fixture
def visitors(app, auth, browser, make_plan):
    built = build_world(app, auth, browser, make_plan)
    everyone = {**built.people, "outsider": built.outsider, "anonymous": None}
    return everyone, built.values


def _awkward_urls(rule, values):
    """The rule's URL with each variable in turn replaced by each awkward value."""
    for name in VARIABLE.findall(rule.rule):
        if name in ("filename",):
            continue  # static files: Werkzeug's own business
        for value in AWKWARD:
            yield build(rule, {**values, name: quote(value, safe="")})


def _client(app, person):
    return person.client if person is not None else app.test_client()


def test_no_server_error_for_awkward_path_values(app, visitors):
    everyone, values = visitors
    seen = 0
    for rule in app.url_map.iter_rules():
        scope = RULES[rule.endpoint][0]
        who = ("anonymous",) if scope == "public" else ("admin", "viewer", "outsider")
        for url in _awkward_urls(rule, values):
            for role in who:
                client = _client(app, everyone[role])
                if "GET" in rule.methods:
                    status = client.get(url).status_code
                    assert status < 500, (url, role, status)
                if "POST" in rule.methods:
                    token = everyone[role].csrf("/dashboard") if everyone[role] else ""
                    status = client.post(url, data={"csrf_token": token}).status_code
                    assert status < 500, (url, role, status)
                seen += 1
    assert seen > 500


def test_ids_beyond_the_database_range_are_not_found(app, visitors):
    everyone, values = visitors
    admin = everyone["admin"].client
    plan = values["plan_id"]
    for url in (
        f"/plans/{HUGE}",
        f"/plans/{plan}/rounds/{HUGE}/report",
        f"/plans/{plan}/actions/{HUGE}/edit",
        f"/job-description-checks/{HUGE}",
        "/plans/2147483648",
    ):
        assert admin.get(url).status_code == 404, url


def test_no_server_error_for_awkward_query_values(app, visitors):
    everyone, values = visitors
    seen = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("static", "nhsuk_assets"):
            continue
        url = build(rule, values)
        for value in AWKWARD:
            query = "&".join(f"{name}={quote(value, safe='')}" for name in QUERY_NAMES)
            for role in ("admin", "viewer", "anonymous"):
                client = _client(app, everyone[role])
                status = client.get(f"{url}?{query}").status_code
                assert status < 500, (url, value[:20], role, status)
                seen += 1
    assert seen > 500


def test_a_five_thousand_digit_number_of_peer_workers_is_a_form_error(browser, auth):
    auth.manager()
    digits = "9" * 5000
    page = browser.client.get(f"/plans/new?peer_workers={digits}")
    assert page.status_code == 200
    assert digits not in page.get_data(as_text=True)
    response = browser.submit(
        "/plans/new",
        {
            "title": "Peer support worker",
            "team": "North team",
            "setting": "community",
            "introduction": "new_role",
            "employment": "paid",
            "band": "4",
            "hours": "30",
            "peer_workers": digits,
            "line_manager": "Team manager",
        },
        page="/plans/new",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "nhsuk-error-summary" in html
    assert "number of peer workers" in html.lower()
