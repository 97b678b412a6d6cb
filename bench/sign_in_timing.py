"""Whether sign-in's timing tells an attacker which e-mail addresses have accounts.

A wrong password is sent for an address that has an account and for one that does not, through
the whole app (form, CSRF check, database, Argon2 with its production parameters), alternating
between the two so that any drift of the machine touches both alike.

    .venv/bin/python bench/sign_in_timing.py [--tries 50]

prints the median time of each path (wall clock, and this process's CPU time, which is steadier
on a busy machine), their difference, and the noise: the interquartile range of each path, and
the difference between the medians of two halves of the same path's tries.
Writes bench/results/sign_in_timing.json. The goal: the difference of the medians is within the
noise (smaller than either interquartile range).
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import CSRF, RESULTS  # noqa: E402

from roledesign import create_app  # noqa: E402
from roledesign.extensions import db  # noqa: E402
from roledesign.services.auth import create_user  # noqa: E402

KNOWN = "known@example.org"
UNKNOWN = "nobody@example.org"
WRONG = "not the password at all"  # noqa: S105
RIGHT = "the real password 2013"  # noqa: S105


def iqr(times: list[float]) -> float:
    quartiles = statistics.quantiles(times, n=4)
    return quartiles[2] - quartiles[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=50)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="roledesign-bench-")
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
            "RATELIMIT_ENABLED": False,  # 100 tries from one address would hit the limit
            "MAIL_BACKEND": "memory",
        }
    )  # Argon2 with argon2-cffi's defaults, as in production
    with app.app_context():
        db.create_all()
        create_user(name="Known", email=KNOWN, password=RIGHT, confirmed=True)
        db.session.commit()
    client = app.test_client()
    token = CSRF.search(client.get("/sign-in").get_data(as_text=True)).group(1)

    def attempt(email: str) -> tuple[float, float]:
        form = {"csrf_token": token, "email": email, "password": WRONG}
        start, cpu = time.perf_counter(), time.process_time()
        response = client.post("/sign-in", data=form)
        elapsed = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        assert response.status_code == 200, response.status_code
        return elapsed

    attempt(KNOWN), attempt(UNKNOWN)  # warm up
    times = {KNOWN: [], UNKNOWN: []}
    order = [KNOWN, UNKNOWN] * args.tries
    random.Random(2013).shuffle(order)
    for email in order:
        times[email].append(attempt(email))

    results = {"tries": args.tries}
    # Wall-clock time is what an attacker sees; CPU time (this process, all its threads) is the
    # work done, and shows the same comparison with less noise on a busy machine.
    for clock, index in (("wall", 0), ("cpu", 1)):
        known = [t[index] for t in times[KNOWN]]
        unknown = [t[index] for t in times[UNKNOWN]]
        difference = statistics.median(unknown) - statistics.median(known)
        halves = abs(statistics.median(known[::2]) - statistics.median(known[1::2]))
        figures = {
            "known_address_median_ms": round(statistics.median(known), 2),
            "unknown_address_median_ms": round(statistics.median(unknown), 2),
            "difference_ms": round(difference, 2),
            "known_iqr_ms": round(iqr(known), 2),
            "unknown_iqr_ms": round(iqr(unknown), 2),
            "same_path_halves_difference_ms": round(halves, 2),
        }
        figures["within_noise"] = abs(difference) < min(
            figures["known_iqr_ms"], figures["unknown_iqr_ms"]
        )
        results[clock] = figures
        print(f"sign-in with a wrong password, {args.tries} tries each, alternating ({clock} time)")
        print(f"  address with an account:    median {figures['known_address_median_ms']:7.2f} ms"
              f"  (IQR {figures['known_iqr_ms']:.2f} ms)")  # fmt: skip
        print(f"  address without an account: median {figures['unknown_address_median_ms']:7.2f}"
              f" ms  (IQR {figures['unknown_iqr_ms']:.2f} ms)")  # fmt: skip
        print(f"  difference of the medians:  {difference:+.2f} ms; two halves of the same path "
              f"differ by {halves:.2f} ms")  # fmt: skip
        print("  within noise" if figures["within_noise"] else "  OUTSIDE THE NOISE")
    results["within_noise"] = results["wall"]["within_noise"] and results["cpu"]["within_noise"]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sign_in_timing.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0 if results["within_noise"] else 1


if __name__ == "__main__":
    sys.exit(main())
