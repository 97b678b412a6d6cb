"""Headers, cookies and secrets."""

import re

import pytest

from roledesign import create_app
from roledesign.config import ConfigError, from_environment


def test_pages_allow_only_our_own_assets_and_the_one_nonced_script(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    page = response.get_data(as_text=True)
    scripts = re.findall(r"<script([^>]*)>", page)
    inline = [s for s in scripts if "src=" not in s]
    assert inline == [f' nonce="{nonce}"']  # nhsuk's js-enabled marker, and nothing else
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    # A fresh nonce for each response.
    assert client.get("/").headers["Content-Security-Policy"] != csp


def test_session_cookie_flags(client, auth):
    response = auth.sign_up()
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_needs_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("ROLEDESIGN_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        from_environment(str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "a-real-secret")
    config = from_environment(str(tmp_path))
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]


def test_secure_cookies_send_hsts(tmp_path):
    app = create_app(
        {
            "SECRET_KEY": "x",
            "SESSION_COOKIE_SECURE": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/s.sqlite",
        }
    )
    response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
