"""A burst of concurrent survey submissions against a real server: none lost, none duplicated.

    .venv/bin/python bench/survey_burst.py [--respondents 500] [--workers 25] [--replays 50]

Starts gunicorn (roledesign/gunicorn_conf.py, 2 workers) on 127.0.0.1 against a throwaway
database, then each
simulated respondent, with its own cookies, opens the link, picks a group, answers a page of
statements and sends. Some then replay their Send exactly as it was (same draft, same submission
key), as a double click or a resent request would. Afterwards the database must hold exactly one
response per respondent, with tallies equal to a recount of every answer.

The server runs with the per-link limit raised: a burst this size from one script is what the
limit exists to refuse (--default-limit shows it doing so, and that refused answers are not
stored; each worker counts alone, as RATELIMIT_STORAGE_URI is memory://). Bounded: at most --respondents respondents and --deadline seconds.
"""

import argparse
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from common import CSRF, Gunicorn, Visitor, database_url, make_app, seed_plan, write_result

from roledesign.extensions import db
from roledesign.models import RolePlan, TeamResponse, User
from roledesign.services import team as services
from roledesign.services import team_store as store

GROUPS = ["non_peer_staff"] * 5 + ["peer_worker"] * 2 + ["line_manager", "service_user", "other"]


class Person(Visitor):
    """One respondent's browser, timing each request."""

    def __init__(self, base: str, token: str):
        super().__init__(f"{base}/s/{token}")
        self.times = []

    def request(self, path, data=None, timeout=60):
        start = time.perf_counter()
        try:
            return super().request(path, data, timeout)
        finally:
            self.times.append(time.perf_counter() - start)


def respond(base, token, n, replay: bool, rng_seed: int):
    rng = random.Random(rng_seed)
    person = Person(base, token)
    person.submit("/group", {"group": GROUPS[n % len(GROUPS)]})
    answers = {"then": "next"}
    for item in ("DIS_01", "DIS_02", "DIS_03", "DIS_04", "DIS_05", "DIS_06"):
        answers[f"{item}-status"] = rng.choice(["yes", "partly", "no", "dont_know", "not_relevant"])
        answers[f"{item}-importance"] = str(rng.randint(1, 4))
    status, _ = person.submit("/statements/distinctiveness/1", answers)
    assert status == 302, status
    status, page = person.request("/finish")
    token_value = CSRF.search(page).group(1)
    unsent = [c for c in person.jar if c.name == "team_draft"]
    status, _ = person.request("/finish", {"csrf_token": token_value, "comment": ""})
    outcome = {"sent": status, "replayed": None, "times": person.times}
    if replay and status == 302:
        for cookie in unsent:  # put back the draft as it was before Send
            person.jar.set_cookie(cookie)
        outcome["replayed"] = person.request("/finish", {"csrf_token": token_value})[0]
    return outcome


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=500)
    parser.add_argument("--workers", type=int, default=25)
    parser.add_argument("--replays", type=int, default=50)
    parser.add_argument("--deadline", type=float, default=300)
    parser.add_argument("--default-limit", action="store_true", help="keep the per-link limit")
    args = parser.parse_args()
    args.respondents = min(args.respondents, 2000)

    url = database_url()
    app = make_app(url)
    plan_id = seed_plan(app)
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        catalog = app.extensions["roledesign.catalog"]
        survey = services.create_survey(
            plan=plan,
            creator=db.session.scalar(db.select(User)),
            item_ids=[i.id for i in services.offered_items(catalog, plan)],
            closes_on=None,
        )
        db.session.commit()
        token = survey.token

    config = (
        {}
        if args.default_limit
        else {
            "TEAM_SUBMIT_LIMIT_PER_CLIENT": "1000000 per minute",
            "TEAM_SUBMIT_LIMIT_PER_LINK": "1000000 per minute",
        }
    )
    server = Gunicorn(url, workers=2, config=config)
    base = server.base
    outcomes, failures = [], []
    start = time.perf_counter()
    try:
        with ThreadPoolExecutor(args.workers) as pool:
            futures = [
                pool.submit(respond, base, token, n, n < args.replays, n)
                for n in range(args.respondents)
            ]
            for future in as_completed(futures, timeout=args.deadline):
                try:
                    outcomes.append(future.result())
                except Exception as err:  # noqa: BLE001 - count and report every failure
                    failures.append(repr(err))
    finally:
        elapsed = time.perf_counter() - start
        server.stop()

    accepted = sum(1 for o in outcomes if o["sent"] == 302)
    refused = sum(1 for o in outcomes if o["sent"] == 429)
    replays = [o["replayed"] for o in outcomes if o["replayed"] is not None]
    with app.app_context():
        stored = db.session.scalar(db.select(db.func.count()).select_from(TeamResponse))
        keys = db.session.scalar(db.select(db.func.count(db.distinct(TeamResponse.submission_key))))
        survey = services.survey_for(db.session.get(RolePlan, plan_id))
        tallies_agree = store.load_tallies(survey) == store.count_answers(
            survey
        ) and store.running_counts(survey) == store.count_responses(survey)
    times = sorted(t for o in outcomes for t in o["times"])
    result = {
        "database": url.split(":")[0],
        "respondents": args.respondents,
        "workers": args.workers,
        "seconds": round(elapsed, 2),
        "requests": len(times),
        "requests_per_second": round(len(times) / elapsed, 1),
        "median_request_ms": round(statistics.median(times) * 1000, 1) if times else None,
        "p95_request_ms": round(times[int(len(times) * 0.95)] * 1000, 1) if times else None,
        "accepted": accepted,
        "refused_by_rate_limit": refused,
        "replayed_sends": len(replays),
        "stored": stored,
        "distinct_submission_keys": keys,
        "tallies_agree_with_recount": tallies_agree,
        "errors": failures[:10],
        "error_count": len(failures),
    }
    ok = not failures and stored == accepted == keys and tallies_agree
    ok = ok and (args.default_limit or accepted == args.respondents)
    result["none_lost_or_duplicated"] = ok
    for key, value in result.items():
        print(f"{key}: {value}")
    print(f"written to {write_result('survey_burst', result)}")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
