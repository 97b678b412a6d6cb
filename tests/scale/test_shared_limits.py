"""Rate limits shared by every worker of every app server through one Redis, as
docs/operations.md requires in production: requests spread over two gunicorn servers (two
workers each) reach a limit at its configured count in total, not per worker or per server."""

import re

import pytest

from roledesign.config import DEFAULTS
from roledesign.gunicorn_conf import shared_limits_problem
from roledesign.web.auth.views import AUTH_LIMIT
from tests.scale.servers import AppServer
from tests.scale.test_two_servers import Browser, deploy, production_env, set_up_survey

pytestmark = pytest.mark.scale


def _per_minute(limit: str) -> int:
    return int(re.match(r"(\d+) per minute", limit).group(1))


def test_limits_count_across_two_servers_through_one_redis(postgresql_url, redis_url):
    env = production_env(postgresql_url, redis_url)
    deploy(env, postgresql_url)
    one, two = AppServer(env), AppServer(env)
    try:
        _, _, token = set_up_survey(one, two, postgresql_url)

        # Guessing passwords from one address, alternating between the servers.
        allowed = _per_minute(AUTH_LIMIT)
        guesser = Browser("198.51.100.200")
        status, page, _ = guesser.request(one, "/sign-in")
        csrf = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
        statuses = [
            guesser.request(
                (one, two)[n % 2],
                "/sign-in",
                {"csrf_token": csrf, "email": "sam@example.org", "password": f"guess {n}"},
            )[0]
            for n in range(allowed + 2)
        ]
        assert statuses == [200] * allowed + [429, 429]

        # Sending the team survey from one client, alternating between the servers.
        allowed = _per_minute(DEFAULTS["TEAM_SUBMIT_LIMIT_PER_CLIENT"])
        sender = Browser("198.51.100.201")
        status, page, _ = sender.request(two, f"/s/{token}/group")
        assert status == 200
        csrf = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
        statuses = [
            sender.request((one, two)[n % 2], f"/s/{token}/finish", {"csrf_token": csrf})[0]
            for n in range(allowed + 2)
        ]
        assert 429 not in statuses[:allowed] and statuses[allowed:] == [429, 429]
    finally:
        logs = one.stop() + two.stop()
    assert "Traceback" not in logs, logs
    assert "counts rate limits alone" not in logs  # shared storage: no warning


def test_a_production_start_with_per_worker_limits_is_warned_about():
    production = {"ROLEDESIGN_ENV": "production", "RATELIMIT_STORAGE_URI": "memory://"}
    assert "each worker counts rate limits alone" in shared_limits_problem(2, production)
    assert shared_limits_problem(1, production) is None
    assert shared_limits_problem(4, {**production, "RATELIMIT_STORAGE_URI": "redis://r"}) is None
    assert shared_limits_problem(4, {"RATELIMIT_STORAGE_URI": "memory://"}) is None  # development
