"""Team report at 1,000 and 10,000 responses: median times and the 10k/1k ratio.

    .venv/bin/python bench/team_report.py [--runs 30]

Measures the report's figures (the two aggregate queries and the pure rules) and the whole report
page through the test client, signed in as the manager; and, for comparison, a GROUP BY over every
stored answer, which is what the report would cost without the running tallies. Goal: at most 50
ms at 1k, and t(10k) / t(1k) at most 3. Results go to bench/results/team_report.json. (bench/run.py
measures the same page at both sizes in one database, beside its floor.)
"""

import argparse
import statistics
import time

from common import (
    CSRF,
    EMAIL,
    PASSWORD,
    database_url,
    interleaved_ms,
    make_app,
    p95,
    seed_plan,
    write_result,
)

from roledesign.extensions import db
from roledesign.models import RolePlan, User
from roledesign.services import team as services
from roledesign.services import team_store as store
from roledesign.services.team_demo import add_demo_responses


def add(app, plan_id, count):
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        user = db.session.scalar(db.select(User))
        start = time.perf_counter()
        add_demo_responses(app.extensions["roledesign.catalog"], plan, user, count)
        db.session.commit()
        return time.perf_counter() - start


def measure(app, client, plan_id, runs):
    catalog = app.extensions["roledesign.catalog"]

    def figures():  # the release's work, done once when the survey closes
        with app.app_context():
            plan = db.session.get(RolePlan, plan_id)
            services.store_figures(catalog, services.survey_for(plan))

    def page():
        response = client.get(f"/plans/{plan_id}/team/report")
        assert response.status_code == 200, response.status_code

    def recount():  # what the report would cost if it grouped every answer instead of the tallies
        with app.app_context():
            store.count_answers(services.survey_for(db.session.get(RolePlan, plan_id)))

    times = interleaved_ms({"figures": figures, "page": page}, runs)
    recounts = interleaved_ms({"recount": recount}, max(3, runs // 5), warmup=1)["recount"]
    return {
        "figures_ms": round(statistics.median(times["figures"]), 2),
        "page_ms": round(statistics.median(times["page"]), 2),
        "page_p95_ms": round(p95(times["page"]), 2),
        "recount_every_answer_ms": round(statistics.median(recounts), 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    url = database_url()
    app = make_app(url)
    plan_id = seed_plan(app)
    client = app.test_client()
    token = CSRF.search(client.get("/sign-in").get_data(as_text=True)).group(1)
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": token}
    assert client.post("/sign-in", data=form).status_code == 302

    results = {"database": url.split(":")[0], "runs": args.runs}
    loaded = 0
    for size in (1000, 10000):
        seconds = add(app, plan_id, size - loaded)
        loaded = size
        results[str(size)] = {
            "load_seconds": round(seconds, 2),
            **measure(app, client, plan_id, args.runs),
        }
        print(
            f"{size:>6} responses: figures {results[str(size)]['figures_ms']:.1f} ms, "
            f"page {results[str(size)]['page_ms']:.1f} ms; a GROUP BY over every answer would "
            f"take {results[str(size)]['recount_every_answer_ms']:.1f} ms (loaded in {seconds:.1f} s)"
        )
    for what in ("figures_ms", "page_ms", "recount_every_answer_ms"):
        ratio = results["10000"][what] / results["1000"][what]
        results[f"ratio_{what}"] = round(ratio, 2)
        print(f"t(10k) / t(1k), {what[:-3]}: {ratio:.2f}")
    ok = results["1000"]["page_ms"] <= 50 and results["ratio_page_ms"] <= 3
    results["goal_met"] = ok
    print(f"goal (≤ 50 ms at 1k, ratio ≤ 3): {'met' if ok else 'NOT met'}")
    print(f"written to {write_result('team_report', results)}")


if __name__ == "__main__":
    main()
