"""Shared machinery for the benchmarks: apps on throwaway databases, timings and their summaries,
the floor page, signing in over HTTP, and app servers started on loopback.

Every benchmark uses SQLite in a temporary folder unless DATABASE_URL (or run.py's
--database-url) names another database, e.g. postgresql://user@127.0.0.1/roledesign_bench,
whose tables it DROPS and recreates.
"""

import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
sys.path.insert(0, str(ROOT))

from roledesign import create_app  # noqa: E402
from roledesign.config import _database_url  # noqa: E402
from roledesign.extensions import db  # noqa: E402

EMAIL = "bench@example.org"
PASSWORD = "benchmark password 2013"  # noqa: S105 - a throwaway database
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
USER_AGENT = "roledesign-bench"

# The floor: the same base layout as every page a signed-in manager sees (header with their name
# and organisation, navigation, sign-out form, footer, the NHS.UK page template), an <h1> and
# nothing else, and no database queries: the user and membership are made in memory. Registered
# only by the benchmarks, never by the app.
FLOOR_PATH = "/__bench/floor"
FLOOR_TEMPLATE = (
    '{% extends "base.html" %}{% block title %}Floor{% endblock %}'
    "{% block body %}<h1>Floor</h1><p>The base layout and nothing else.</p>{% endblock %}"
)


def database_url(explicit: str | None = None) -> str:
    """The database to seed: ``explicit``, else DATABASE_URL, else a new SQLite file."""
    if explicit:
        os.environ["DATABASE_URL"] = explicit
    if os.environ.get("DATABASE_URL"):
        return _database_url("")
    folder = tempfile.mkdtemp(prefix="roledesign-bench-")
    return f"sqlite:///{folder}/bench.sqlite"


def make_app(url: str, **config):
    return create_app(
        {
            "SECRET_KEY": "bench-secret",
            "SQLALCHEMY_DATABASE_URI": url,
            "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
            **config,
        }
    )


def add_floor(app):
    """Register the floor route on ``app`` (benchmarks only)."""
    from flask import g, render_template

    from roledesign.models import Membership, Organisation, User

    template = app.jinja_env.from_string(FLOOR_TEMPLATE)

    def floor():
        # What flask-login and web.access would otherwise load: the same header, no queries.
        user = User(id=0, name="Bench Manager", email=EMAIL, session_token="floor")  # noqa: S106
        organisation = Organisation(id=0, name="Organisation 000 Mental Health Services")
        membership = Membership(user_id=0, organisation_id=0, role="admin")
        membership.organisation = organisation
        g._login_user = user
        g._memberships = (user.id, [membership])
        return render_template(template)

    app.add_url_rule(FLOOR_PATH, "bench_floor", floor)
    return app


def app_from_environment():
    """The app gunicorn serves in the benchmarks: BENCH_DATABASE_URL, with the floor route, and
    any settings given as JSON in BENCH_CONFIG (e.g. a raised survey submission limit).

    Rate limits stay on but are counted per worker in memory; the load test signs in once.
    """
    config = json.loads(os.environ.get("BENCH_CONFIG") or "{}")
    return add_floor(make_app(os.environ["BENCH_DATABASE_URL"], **config))


def seed_plan(app):
    """A fresh schema with one organisation, manager and plan; returns the plan id."""
    from decimal import Decimal

    from roledesign.services.auth import create_user
    from roledesign.services.orgs import create_organisation
    from roledesign.services.plans import create_plan

    with app.app_context():
        db.drop_all()
        db.create_all()
        user = create_user(name="Bench Manager", email=EMAIL, password=PASSWORD, confirmed=True)
        organisation = create_organisation(name="Bench Trust", sector="nhs", creator=user)
        plan = create_plan(
            organisation=organisation,
            creator=user,
            data={
                "title": "Peer support worker",
                "team": "Bench team",
                "setting": "community",
                "introduction": "new_role",
                "employment": "paid",
                "band": "4",
                "hours": Decimal("30"),
                "peer_workers": 2,
                "line_manager": "Team manager",
            },
        )
        db.session.commit()
        return plan.id


# -- timings ----------------------------------------------------------------------------------


def timings_ms(fn, runs: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()  # warm caches and connections
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def interleaved_ms(tasks: dict, runs: int, warmup: int = 2) -> dict[str, list[float]]:
    """Time every task once per round, ``runs`` rounds: a task and its floor see the same
    machine, even when other work on it comes and goes."""
    for fn in tasks.values():
        for _ in range(warmup):
            fn()
    times = {name: [] for name in tasks}
    for _ in range(runs):
        for name, fn in tasks.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def median_ms(fn, runs: int) -> float:
    return statistics.median(timings_ms(fn, runs))


def p95(times: list[float]) -> float:
    if len(times) < 2:
        return times[0]
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def figure(times: list[float], floor: list[float] | float) -> dict:
    """median, p95, the floor's median and the ratio of the two medians, in ms."""
    floor_ms = statistics.median(floor) if isinstance(floor, list) else floor
    median = statistics.median(times)
    return {
        "median_ms": round(median, 2),
        "p95_ms": round(p95(times), 2),
        "floor_ms": round(floor_ms, 2),
        "ratio": round(median / floor_ms, 2) if floor_ms else None,
    }


def write_result(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


# -- HTTP -------------------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies, no redirects followed, forms sent with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.opener.addheaders = [("User-Agent", USER_AGENT)]

    def request(self, path: str, data: dict | None = None, timeout: float = 60):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def submit(self, path: str, data: dict, page: str | None = None):
        status, html = self.request(page or path)
        assert status == 200, (page or path, status)
        return self.request(path, {**data, "csrf_token": CSRF.search(html).group(1)})

    def sign_in(self, email: str = EMAIL, password: str = PASSWORD) -> "Visitor":
        status, _ = self.submit("/sign-in", {"email": email, "password": password})
        assert status == 302, f"signing in answered {status}"
        return self

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def http_get_ms(base: str, path: str, cookie: str = "") -> float:
    """One GET on a new connection (gunicorn's sync workers close each one); fails unless 200."""
    host, port = base.removeprefix("http://").split(":")
    headers = {"User-Agent": USER_AGENT}
    if cookie:
        headers["Cookie"] = cookie
    start = time.perf_counter()
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status == 200, (path, response.status)
    return elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base: str, path: str = FLOOR_PATH, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    raise RuntimeError(f"{base} did not answer within {seconds} s")


class Gunicorn:
    """gunicorn with the production configuration (roledesign.gunicorn_conf) on 127.0.0.1,
    serving the benchmark app (the real app plus the floor route)."""

    def __init__(self, url: str, workers: int = 2, config: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "BENCH_DATABASE_URL": url,
            "BENCH_CONFIG": json.dumps(config or {}),
            "ROLEDESIGN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "PYTHONPATH": str(BENCH),
        }
        env.pop("ROLEDESIGN_ACCESS_LOG", None)  # a line per request would be the bottleneck
        self.process = subprocess.Popen(  # noqa: S603 - our own virtual environment
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                "python:roledesign.gunicorn_conf",
                "--chdir",
                str(BENCH),
                "common:app_from_environment()",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_for(self.base)
        except RuntimeError:
            self.stop()
            raise

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def worker_cpu_seconds(self) -> float:
        """User and system CPU time used by the workers so far."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
