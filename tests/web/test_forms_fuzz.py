"""Property-based tests over every form: random text, unicode, long strings, wrong types and
missing fields never cause a server error, and a refused submission writes nothing."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models.plans import DESCRIPTION_FIELDS
from tests.web.team_helpers import set_up_survey

ALLOWED = {200, 302, 400, 403, 404, 409, 410, 413, 429}

# Values a person, a paste or a script might send: empty, ordinary, odd unicode, markup,
# control characters, numbers where text is expected and text where numbers are, very long.
VALUES = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=string.printable, min_size=200, max_size=3000),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00\x07\x1b",
            "‮RTL",
            "9" * 40,
            "-1",
            "1e309",
            "NaN",
            "😀" * 50,
            "yes",
            "no",
            "4",
            "31",
        ]
    ),
)


def fields(names):
    """Some of the form's fields (others missing), each with a random value."""
    return st.fixed_dictionaries({}, optional=dict.fromkeys(names, VALUES))


def row_counts():
    tables = db.metadata.sorted_tables
    return {
        t.name: db.session.execute(select(func.count()).select_from(t)).scalar() for t in tables
    }


FORMS = {
    "sign_up": ("/sign-up", ["name", "email", "password", "confirm"]),
    "organisation": ("/organisations/new", ["name", "sector"]),
    "settings": ("/organisation/settings", ["name", "sector"]),
    "anonymity": ("/organisation/anonymity", ["k"]),
    "invite": ("/organisation/members/invite", ["email", "role"]),
    "plan": ("/plans/new", list(DESCRIPTION_FIELDS)),
    "describe": ("/plans/{plan}/describe", [*DESCRIPTION_FIELDS, "stamp"]),
    "domain": (
        "/plans/{plan}/domains/distinctiveness",
        ["DIS_01-status", "DIS_01-importance", "DIS_01-note", "DIS_02-status", "stamp", "then"],
    ),
    "action": (
        "/plans/{plan}/actions/new",
        [
            "title",
            "item_ids",
            "owner_user_id",
            "owner_name",
            "due_on[day]",
            "due_on[month]",
            "due_on[year]",
            "status",
            "drop_reason",
            "notes",
        ],
    ),
    "check_in": ("/plans/{plan}/check-ins", ["month", "perspective", "q_drift-answer", "note"]),
    "forgot": ("/forgot-password", ["email"]),
    "delete": ("/organisation/delete", ["confirm_name"]),
    "survey_invite": ("/plans/{plan}/team/invite", ["addresses", "group"]),
}
# Forms that exist once the plan's team survey has been set up.
NEEDS_SURVEY = {"survey_invite"}


def _prepare(form, browser, plan) -> None:
    if form in NEEDS_SURVEY:
        set_up_survey(browser, plan)
    if form == "sign_up":
        browser.submit("/sign-out", {}, page="/account")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_no_form_fails_on_any_input(form, app, client, auth, browser, make_plan):
    auth.manager()
    plan = make_plan()
    url_template, names = FORMS[form]
    url = url_template.format(plan=plan)
    _prepare(form, browser, plan)
    token = browser.csrf(url)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=fields(names))
    def check(data):
        with app.app_context():
            before = row_counts()
        response = client.post(url, data={"csrf_token": token, **data})
        assert response.status_code in ALLOWED, (response.status_code, data)
        if response.status_code != 302:
            with app.app_context():
                assert row_counts() == before, data  # refused: nothing written

    check()


def test_a_huge_request_is_refused_whole(app, client, auth, make_plan, browser):
    auth.manager()
    plan = make_plan()
    token = browser.csrf(f"/plans/{plan}/domains/distinctiveness")
    with app.app_context():
        before = row_counts()
    response = client.post(
        f"/plans/{plan}/domains/distinctiveness",
        data={"csrf_token": token, "DIS_01-note": "x" * 3_000_000},
    )
    assert response.status_code == 413
    with app.app_context():
        assert row_counts() == before


AWKWARD = [
    "",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\x00\x07\x1b",
    "‮RTL",
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "sNaN",
    "-Infinity",
    "😀" * 50,
    "x" * 5000,
    "31",
    "2.5",
]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_field_with_every_awkward_value(form, app, client, auth, browser, make_plan):
    """The deterministic companion of the property test: each awkward value in each field."""
    auth.manager()
    plan = make_plan()
    url_template, names = FORMS[form]
    url = url_template.format(plan=plan)
    _prepare(form, browser, plan)
    token = browser.csrf(url)
    for name in names:
        for value in AWKWARD:
            response = client.post(url, data={"csrf_token": token, name: value})
            assert response.status_code in ALLOWED, (name, value, response.status_code)
