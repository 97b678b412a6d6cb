"""Two app servers, one PostgreSQL: what docs/operations.md promises about scaling out.

Two gunicorn instances started with the production configuration (roledesign/gunicorn_conf.py,
ROLEDESIGN_ENV=production, one SECRET_KEY, requests arriving through an HTTPS proxy) on
different loopback ports share one PostgreSQL database, whose schema is made by the deploy step
`flask db upgrade`. A manager signs up on one and carries on on the other (sessions are signed
cookies); team members answer the survey on both at once, some starting on one server and
sending on the other, some sending twice to both servers at the same moment. Afterwards every
response is stored exactly once, the running tallies agree with a recount of every answer, and
both servers show the same team report.

Rate limits: RATELIMIT_STORAGE_URI is set to memory:// explicitly, so each worker counts alone
(and gunicorn logs a warning saying so); this test stays below every limit (one sign-up; 30
sends per link against 600 a minute, and one or two per client, each from its own address,
against 30). tests/scale/test_shared_limits.py shares them via Redis.
"""

import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from sqlalchemy import func, select

from roledesign import create_app
from roledesign.config import PROJECT_ROOT
from roledesign.extensions import db
from roledesign.models import OutboxMail, RolePlan, TeamResponse
from roledesign.services import team as services
from roledesign.services import team_store as store
from tests.helpers import PLAN_FORM
from tests.scale.servers import AppServer

pytestmark = pytest.mark.scale

HOST = "roledesign.test"  # the name browsers use, as the proxy forwards it
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
GROUPS = ("non_peer_staff", "peer_worker", "service_user")
RESPONDENTS = 30
ANSWERS = ("yes", "partly", "no", "dont_know")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect())


class Browser:
    """A browser behind the HTTPS proxy: its own cookies (Secure ones too, since it speaks HTTPS
    to the proxy), the proxy's X-Forwarded-* headers, and a Referer as browsers send one."""

    def __init__(self, address: str):
        self.cookies: dict[str, str] = {}
        self.address = address

    def request(self, server, path: str, data: dict | None = None):
        headers = {
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": HOST,
            "Referer": f"https://{HOST}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(server.base + path, data=body, headers=headers)  # noqa: S310
        try:
            with OPENER.open(request, timeout=60) as response:
                status, text, got = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as err:
            status, text, got = err.code, err.read().decode(), err.headers
        for header in got.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, text, got

    def submit(self, server, path: str, data: dict, page: str | None = None):
        status, html, _ = self.request(server, page or path)
        assert status == 200, (server.base, page or path, status, html[:1000])
        return self.request(server, path, {**data, "csrf_token": CSRF.search(html).group(1)})

    def copy(self) -> "Browser":
        twin = Browser(self.address)
        twin.cookies = dict(self.cookies)
        return twin


def _sqlalchemy_url(url: str) -> str:
    return (
        "postgresql+psycopg://" + url.split("://", 1)[1] if url.startswith("postgresql://") else url
    )


def _empty(url: str) -> None:
    """No tables at all, so that the deploy step builds the schema from the migrations."""
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(url)})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.session.remove()
        db.engine.dispose()


def deploy(env: dict, url: str) -> None:
    """An empty database brought to the newest schema by the deploy step, `flask db upgrade`."""
    _empty(url)
    flask = str(Path(sys.executable).with_name("flask"))
    subprocess.run(
        [flask, "--app", "roledesign", "db", "upgrade"],
        env=env,
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )


def _respond(n: int, servers, token: str) -> dict:
    """Choose a group on one server, answer on the other, send on the first. Every fifth person
    sends twice at the same moment, once to each server, as a double click through a load
    balancer could."""
    first, second = servers if n % 2 else servers[::-1]
    person = Browser(f"198.51.100.{n + 1}")
    base = f"/s/{token}"
    status, _, _ = person.submit(first, f"{base}/group", {"group": GROUPS[n % len(GROUPS)]})
    assert status == 302, status
    answers = {"then": "next"}
    for i, item in enumerate(("DIS_01", "DIS_02", "DIS_03", "DIS_04")):
        answers[f"{item}-status"] = ANSWERS[(n + i) % len(ANSWERS)]
        answers[f"{item}-importance"] = str(1 + (n + i) % 4)
    status, _, _ = person.submit(second, f"{base}/statements/distinctiveness/1", answers)
    assert status == 302, status
    status, page, _ = person.request(first, f"{base}/finish")
    assert status == 200, status
    form = {"csrf_token": CSRF.search(page).group(1), "comment": f"Comment number {n}"}
    if n % 5:
        status, _, headers = person.request(first, f"{base}/finish", form)
        return {"sent": [(status, headers["Location"])]}
    twin, outcomes, start = person.copy(), [], threading.Barrier(2)

    def send(browser, server):
        start.wait()
        status, _, headers = browser.request(server, f"{base}/finish", form)
        outcomes.append((status, headers["Location"]))

    both = [threading.Thread(target=send, args=pair) for pair in ((person, first), (twin, second))]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join()
    return {"sent": outcomes}


def _report(server, manager, plan_id: int) -> str:
    status, html, _ = manager.request(server, f"/plans/{plan_id}/team/report")
    assert status == 200, status
    main = html[html.index("<main") : html.index("</main>")]
    return CSRF.sub("csrf", re.sub(r'nonce="[^"]+"', "", main))


def _latest_link(url: str, email: str) -> str:
    """The path of the newest link e-mailed to an address (from the outbox: with no mail
    server in production, e-mail is only logged)."""
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(url)})
    with app.app_context():
        body = db.session.scalar(
            select(OutboxMail.body).where(OutboxMail.to == email).order_by(OutboxMail.id.desc())
        )
        db.session.remove()
        db.engine.dispose()
    return re.search(rf"https://{re.escape(HOST)}(/\S+)", body).group(1)


def set_up_survey(one, two, url: str) -> tuple["Browser", int, str]:
    """A manager signs up on one server and carries on on the other (sessions are signed
    cookies, checked against the shared database), down to a team survey's link."""
    manager = Browser("203.0.113.10")
    password = "correct horse battery staple"
    status, _, headers = manager.submit(
        one,
        "/sign-up",
        {"name": "Sam Manager", "email": "sam@example.org", "password": password,
         "confirm": password},
    )  # fmt: skip
    assert (status, headers["Location"]) == (302, "/sign-up/check-your-email")
    status, _, _ = manager.submit(two, _latest_link(url, "sam@example.org"), {})
    assert status == 302
    status, _, headers = manager.submit(
        two, "/organisations/new", {"name": "Northshire NHS Trust", "sector": "nhs"}
    )
    assert (status, headers["Location"]) == (302, "/dashboard")
    status, _, headers = manager.submit(one, "/plans/new", PLAN_FORM)
    assert status == 302
    plan_id = int(headers["Location"].rstrip("/").split("/")[-1])
    status, dashboard, _ = manager.request(two, "/dashboard")
    assert status == 200 and "Northshire NHS Trust" in dashboard
    assert f'href="/plans/{plan_id}"' in dashboard
    status, setup, _ = manager.request(two, f"/plans/{plan_id}/team/setup")
    assert status == 200
    chosen = {}
    for name, value in re.findall(r'name="(items_[a-z_]+)" type="checkbox" value="([^"]+)"', setup):
        chosen.setdefault(name, []).append(value)
    status, _, _ = manager.submit(two, f"/plans/{plan_id}/team/setup", chosen)
    assert status == 302
    status, overview, _ = manager.request(one, f"/plans/{plan_id}/team")
    token = re.search(r"/s/([A-Za-z0-9_-]{20,})", overview).group(1)
    return manager, plan_id, token


def production_env(postgresql_url: str, limits: str) -> dict:
    """What every app server of a production deploy is started with, sharing one database and
    the rate-limit store ``limits``."""
    return {
        **os.environ,
        "ROLEDESIGN_ENV": "production",
        "SECRET_KEY": "the same secret on every app server",
        "DATABASE_URL": postgresql_url,
        "RATELIMIT_STORAGE_URI": limits,
        "ROLEDESIGN_PROXY_FIX": "1",
        "ROLEDESIGN_AUTO_MIGRATE": "0",
        # A mail server, as production has: e-mail waits in the outbox for `send-mail` (not
        # run here), where _latest_link reads it. Nothing connects to this host.
        "MAIL_SERVER": "mail.invalid",
    }


def test_two_servers_share_one_database_and_lose_nothing(postgresql_url):
    env = production_env(postgresql_url, "memory://")
    deploy(env, postgresql_url)
    one, two = AppServer(env), AppServer(env)
    try:
        manager, plan_id, token = set_up_survey(one, two, postgresql_url)

        with ThreadPoolExecutor(max_workers=8) as pool:
            outcomes = list(pool.map(lambda n: _respond(n, (one, two), token), range(RESPONDENTS)))

        thanks = f"/s/{token}/thank-you"
        for outcome in outcomes:
            assert all(sent == (302, thanks) for sent in outcome["sent"]), outcome
        app = create_app(
            {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": _sqlalchemy_url(postgresql_url)}
        )
        with app.app_context():
            survey = services.survey_for(db.session.get(RolePlan, plan_id))
            stored = db.session.scalar(
                select(func.count())
                .select_from(TeamResponse)
                .where(TeamResponse.survey_id == survey.id)
            )
            keys = db.session.scalar(select(func.count(func.distinct(TeamResponse.submission_key))))
            assert stored == keys == RESPONDENTS  # none lost, none stored twice
            assert store.load_tallies(survey) == store.count_answers(survey)
            assert store.running_counts(survey) == store.count_responses(survey)
            assert store.running_counts(survey) == {
                g: (RESPONDENTS // len(GROUPS), RESPONDENTS // len(GROUPS)) for g in GROUPS
            }
            # Closed: both servers then show the same release.
            services.close(app.extensions["roledesign.catalog"], survey, services.today())
            db.session.commit()
            db.session.remove()
            db.engine.dispose()

        seen_by_one, seen_by_two = _report(one, manager, plan_id), _report(two, manager, plan_id)
        assert seen_by_one == seen_by_two
        assert f"{RESPONDENTS} people" in seen_by_one
        for group in ("Other staff", "Peer workers", "People who use the service"):
            assert group in seen_by_one
    finally:
        logs = one.stop() + two.stop()
        _empty(postgresql_url)
    assert "Traceback" not in logs, logs
    # memory:// with two workers in production: gunicorn says loudly what that costs.
    assert "each worker counts rate limits alone" in logs
