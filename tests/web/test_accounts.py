"""Passwords, resets, signing out everywhere, and rate limits on signing in."""

import re

from tests.helpers import TEST_PASSWORD, Auth, Browser
from tests.web.test_bad_input import summary_links


def text(response):
    return response.get_data(as_text=True)


def test_common_and_personal_passwords_are_refused(auth):
    for weak in ("password123", "qwertyuiop", "1234567890", "samsamsam1", "manager@example.org1"):
        page = text(auth.sign_up(password=weak))
        assert (
            "#password",
            "Choose a less common password: a few unrelated words work well, "
            "and avoid names, dates and keyboard patterns",
        ) in summary_links(page), weak
    assert auth.sign_up(password=TEST_PASSWORD).status_code == 302


def test_password_reset_by_single_use_link(client, auth, browser, outbox):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    page = text(browser.submit("/forgot-password", {"email": "MANAGER@example.org"}))
    assert "If MANAGER@example.org has an account" in page
    assert outbox[-1].to == "manager@example.org" and outbox[-1].subject == "Reset your password"
    link = outbox.link("manager@example.org")
    new_password = "lantern orchard velvet compass"
    response = browser.submit(link, {"password": new_password, "confirm": new_password})
    assert response.headers["Location"] == "/sign-in"
    assert auth.sign_in(password=TEST_PASSWORD).status_code == 200  # the old one no longer works
    assert auth.sign_in(password=new_password).headers["Location"] == "/dashboard"
    # The link worked once.
    used = client.get(link)
    assert used.status_code == 400 and "has expired or has been used" in text(used)


def test_unknown_address_gets_the_same_answer_and_no_mail(browser, outbox):
    page = text(browser.submit("/forgot-password", {"email": "nobody@example.org"}))
    assert "If nobody@example.org has an account" in page
    assert outbox == []


def test_reset_link_expires(app, client, auth, browser, outbox):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    browser.submit("/forgot-password", {"email": "manager@example.org"})
    link = outbox.link("manager@example.org")
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    assert client.get(link).status_code == 400
    assert client.get("/reset-password/not-a-token").status_code == 400


def test_new_password_must_be_strong(client, auth, browser, outbox):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    browser.submit("/forgot-password", {"email": "manager@example.org"})
    link = outbox.link("manager@example.org")
    page = text(browser.submit(link, {"password": "password1234", "confirm": "password1234"}))
    assert summary_links(page)[0][0] == "#password"


def test_sign_out_everywhere_ends_other_sessions(app, client, auth, browser):
    auth.manager()
    other_device = app.test_client()
    token = re.search(
        r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', text(other_device.get("/sign-in"))
    ).group(1)
    other_device.post(
        "/sign-in",
        data={"csrf_token": token, "email": "manager@example.org", "password": TEST_PASSWORD},
    )
    assert other_device.get("/dashboard").status_code == 200
    response = browser.submit("/sign-out-everywhere", {}, page="/account")
    assert response.headers["Location"] == "/sign-in"
    assert other_device.get("/dashboard").status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_sign_in_is_rate_limited(client, auth, browser):
    auth.sign_up()
    browser.submit("/sign-out", {}, page="/organisations/new")
    token = browser.csrf("/sign-in")
    statuses = [
        client.post(
            "/sign-in",
            data={"csrf_token": token, "email": "manager@example.org", "password": "wrong"},
        ).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    response = client.post("/sign-in", data={"csrf_token": token})
    assert "Too many attempts" in text(response)
    assert int(response.headers["Retry-After"]) > 0


def test_a_copied_session_cookie_stops_working_after_signing_out(app, client, auth, browser):
    """Someone who copied the session cookie (from a shared computer, a proxy log) cannot use
    it once its owner has signed out: the session ends on the server, not only in the browser."""
    auth.manager()
    attacker = app.test_client()
    attacker.set_cookie("session", client.get_cookie("session").value)
    assert attacker.get("/dashboard").status_code == 200  # the copy works while signed in
    response = browser.submit("/sign-out", {}, page="/account")
    assert response.headers["Location"] == "/"
    assert attacker.get("/dashboard").status_code == 302
    assert attacker.get("/account").headers["Location"].startswith("/sign-in")


def test_signing_out_on_one_device_leaves_the_others_signed_in(app, client, auth, browser):
    auth.manager()
    other_device = Browser(app.test_client())
    Auth(other_device).sign_in()
    assert other_device.client.get("/dashboard").status_code == 200
    browser.submit("/sign-out", {}, page="/account")
    assert client.get("/dashboard").status_code == 302
    assert other_device.client.get("/dashboard").status_code == 200
