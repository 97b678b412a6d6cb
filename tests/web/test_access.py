"""Unknown ids and other organisations' plans are 404; pages need an account."""

import pytest

PLAN_PAGES = ["", "/describe", "/domains/distinctiveness", "/check-answers", "/report"]


@pytest.mark.parametrize("suffix", PLAN_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, auth, make_plan, browser, suffix):
    auth.manager()
    plan_id = make_plan()
    browser.submit("/sign-out", {}, page="/dashboard")
    response = client.get(f"/plans/{plan_id}{suffix}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("suffix", PLAN_PAGES)
def test_another_organisations_plan_is_not_found(client, auth, make_plan, browser, suffix):
    auth.manager(email="a@example.org", organisation="Trust A")
    plan_id = make_plan(team="Team of trust A")
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    response = client.get(f"/plans/{plan_id}{suffix}")
    assert response.status_code == 404
    assert "Team of trust A" not in response.get_data(as_text=True)
    # Writes are refused in the same way, and change nothing.
    if suffix in ("/describe", "/domains/distinctiveness"):
        token = browser.csrf("/plans/new")
        response = client.post(
            f"/plans/{plan_id}{suffix}", data={"csrf_token": token, "title": "Hijack"}
        )
        assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/plans/999999",
        "/plans/999999/report",
        "/plans/abc",
        "/plans/1/domains/not-a-domain",
        "/nowhere",
    ],
)
def test_unknown_ids_are_not_found(client, auth, make_plan, url):
    auth.manager()
    make_plan()
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_next_parameter_cannot_send_users_elsewhere(client, auth, browser):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    token = browser.csrf("/sign-in")
    response = client.post(
        "/sign-in?next=//evil.example/x",
        data={
            "csrf_token": token,
            "email": "manager@example.org",
            "password": "correct horse battery staple",
        },
    )
    assert response.headers["Location"] == "/dashboard"


def test_evidence_page_is_public_and_lists_every_item(client, app):
    page = client.get("/evidence/").get_data(as_text=True)
    catalog = app.extensions["roledesign.catalog"]
    assert all(f'id="{item.id}"' in page for item in catalog.items)
    assert all(f'id="source-{key}"' in page for key in catalog.sources)
