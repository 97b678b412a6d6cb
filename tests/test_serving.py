"""Production serving: the gunicorn configuration and the app behind a reverse proxy."""

import importlib
import re
import sys

import pytest

from roledesign.config import ConfigError, from_environment
from roledesign.extensions import db
from tests.web.team_helpers import set_up_survey, text

PROXIED = {
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "roledesign.example.nhs.uk",
}


def test_gunicorn_configuration_serves_the_app_from_the_environment(monkeypatch):
    monkeypatch.setenv("ROLEDESIGN_BIND", "127.0.0.1:8123")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    import roledesign.gunicorn_conf as conf

    conf = importlib.reload(conf)
    assert conf.wsgi_app == "roledesign.wsgi:app"
    assert (conf.bind, conf.workers, conf.worker_class) == ("127.0.0.1:8123", 3, "sync")
    assert conf.preload_app is True and conf.accesslog is None
    monkeypatch.delenv("ROLEDESIGN_BIND")
    monkeypatch.delenv("WEB_CONCURRENCY")
    conf = importlib.reload(conf)
    assert conf.bind == "127.0.0.1:8000" and conf.workers >= 2


@pytest.mark.parametrize(("value", "expected"), [("", 0), ("0", 0), ("1", 1), (" 2 ", 2)])
def test_proxy_fix_setting(monkeypatch, tmp_path, value, expected):
    monkeypatch.setenv("ROLEDESIGN_PROXY_FIX", value)
    assert from_environment(str(tmp_path))["PROXY_FIX"] == expected


@pytest.mark.parametrize("value", ["yes", "-1"])
def test_a_wrong_proxy_fix_setting_stops_the_start(monkeypatch, tmp_path, value):
    monkeypatch.setenv("ROLEDESIGN_PROXY_FIX", value)
    with pytest.raises(ConfigError, match="ROLEDESIGN_PROXY_FIX"):
        from_environment(str(tmp_path))


def _survey_link(app, client, auth, browser, make_plan) -> str:
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team", headers=PROXIED))
    return re.search(r'class="app-link-box"><a href="(https?://[^"]+/s/[^"]+)"', page).group(1)


def test_behind_a_proxy_links_use_the_address_people_see(app, client, auth, browser, make_plan):
    """With ROLEDESIGN_PROXY_FIX=1 the survey link shared with the team is the HTTPS address of
    the proxy, not gunicorn's own."""
    app.config["PROXY_FIX"] = 1
    from roledesign.app import configure_proxy

    configure_proxy(app)
    link = _survey_link(app, client, auth, browser, make_plan)
    assert link.startswith("https://roledesign.example.nhs.uk/s/")


def test_without_the_setting_forwarded_headers_are_not_believed(
    app, client, auth, browser, make_plan
):
    link = _survey_link(app, client, auth, browser, make_plan)
    assert link.startswith("http://localhost/s/")


def test_the_app_module_for_wsgi_servers_builds_the_app_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ROLEDESIGN_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delitem(sys.modules, "roledesign.wsgi", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        importlib.import_module("roledesign.wsgi")
    monkeypatch.setenv("SECRET_KEY", "a real secret for this test")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'wsgi.sqlite'}")
    monkeypatch.setenv("ROLEDESIGN_PROXY_FIX", "1")
    monkeypatch.delitem(sys.modules, "roledesign.wsgi", raising=False)
    app = importlib.import_module("roledesign.wsgi").app
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["PROXY_FIX"] == 1
    assert type(app.wsgi_app).__name__ == "ProxyFix"
    response = app.test_client().get("/sign-in", headers=PROXIED)
    assert response.status_code == 200 and "Strict-Transport-Security" in response.headers
    with app.app_context():
        db.engine.dispose()


def test_development_keeps_its_secret_across_restarts_so_nobody_is_signed_out(
    monkeypatch, tmp_path
):
    monkeypatch.setenv("ROLEDESIGN_ENV", "development")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'dev.sqlite'}")
    first = from_environment(str(tmp_path / "instance"))["SECRET_KEY"]
    again = from_environment(str(tmp_path / "instance"))["SECRET_KEY"]
    assert len(first) == 64 and again == first
    assert (tmp_path / "instance/secret_key").stat().st_mode & 0o077 == 0
    # Another instance folder is another development install: its own secret.
    assert from_environment(str(tmp_path / "other"))["SECRET_KEY"] != first
