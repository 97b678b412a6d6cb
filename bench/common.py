"""Shared set-up for the benchmarks: an app on a throwaway database, with a demo plan and survey.

Every benchmark uses SQLite in a temporary folder unless DATABASE_URL names another database
(e.g. postgresql://user@127.0.0.1/roledesign_bench), whose tables it drops and recreates.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

from roledesign import create_app  # noqa: E402
from roledesign.config import _database_url  # noqa: E402
from roledesign.extensions import db  # noqa: E402

EMAIL = "bench@example.org"
PASSWORD = "benchmark password 2013"  # noqa: S105 - a throwaway database


def database_url() -> str:
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


def seed_plan(app):
    """A fresh schema with one organisation, manager and plan; returns the plan id."""
    from decimal import Decimal

    from roledesign.web.auth.services import create_user
    from roledesign.web.orgs.services import create_organisation
    from roledesign.web.plans.services import create_plan

    with app.app_context():
        db.drop_all()
        db.create_all()
        user = create_user(name="Bench Manager", email=EMAIL, password=PASSWORD)
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


def median_ms(fn, runs: int) -> float:
    fn()  # warm caches and connections
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def write_result(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2))
    return path
