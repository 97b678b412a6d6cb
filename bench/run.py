"""The benchmark set: page times against the floor, documents, cold start, load and memory.

    python bench/run.py --quick     # a smaller seed and fewer runs: about a minute
    python bench/run.py             # the full set: 100 organisations, 1,000 plans, 3,000
                                    # rounds, 20,000 team responses, 5,000 actions

Seeds a fresh database (SQLite in a temporary folder, or --database-url / DATABASE_URL, whose
tables are DROPPED and recreated) with bench/seed.py, then measures, each beside a floor timed
in the same run:

- the readiness report, team report, plan task list and organisation overview, signed in,
  through the Flask test client and over HTTP from gunicorn on 127.0.0.1; floor: a route
  registered only here that renders the same base layout (as the signed-in manager sees it)
  with no queries;
- the team report at 1k and 10k responses (200 and 2k with --quick): the ratio t(large)/t(small);
- each document as PDF and Word, and the ZIP (bench/documents.py); floors: a one-paragraph
  reportlab PDF and a one-paragraph python-docx file;
- cold start: importing the app and create_app(), evidence validation included, in a fresh
  process; floor: importing Flask and creating a bare Flask app in a fresh process;
- crafted uploads (bench/uploads.py): the worst time and the reader's peak memory over the
  crafted files of issue 14, and an ordinary three-page job description read in the child
  process beside in-process; goal: every crafted file answered within 2 s and 150 MB;
- load: gunicorn with 2 workers (roledesign/gunicorn_conf.py) and wrk on loopback, 50
  connections for 30 s (5 s with --quick) on the four pages, signed in: req/s, p99, errors;
- memory: the workers' resident size after 5k and 10k requests (500 and 1k with --quick).

Prints a table and writes bench/results/latest.json:
{"figures": {name: {"median_ms", "p95_ms", "floor_ms", "ratio"}}, "load": {...},
 "memory": {...}, "goals": [...], "meta": {...}}.
wrk comes from Debian's packages; it is installed (apt-get) when missing.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import documents  # noqa: E402
import seed  # noqa: E402
import uploads  # noqa: E402
from common import (  # noqa: E402
    CSRF,
    FLOOR_PATH,
    RESULTS,
    ROOT,
    Gunicorn,
    Visitor,
    add_floor,
    database_url,
    figure,
    http_get_ms,
    interleaved_ms,
    make_app,
)

MODES = {
    "full": {
        "runs": 100,
        "http_runs": 60,
        "doc_runs": 20,
        "cold_runs": 7,
        "load_s": 30,
        "upload_runs": 3,
        "ordinary_upload_runs": 20,
    },
    "quick": {
        "runs": 25,
        "http_runs": 15,
        "doc_runs": 5,
        "cold_runs": 3,
        "load_s": 5,
        "upload_runs": 1,
        "ordinary_upload_runs": 5,
    },
}
MEMORY_AT = {"full": (5000, 10000), "quick": (500, 1000)}
CONNECTIONS = 50
GOALS = {
    "page_ms": 25.0,
    "page_ratio": 3.0,
    "team_1k_ms": 50.0,
    "team_ratio": 3.0,
    "document_ms": 100.0,
    "cold_start_ms": 1000.0,
    "req_per_s": 300.0,
    "p99_ms": 200.0,
    "rss_mb": 150.0,
    "rss_growth_pct": 10.0,
    "crafted_upload_ms": uploads.GOAL_MS,
    "crafted_upload_mb": uploads.GOAL_MB,
}


def pages(plans: dict) -> dict[str, str]:
    main = plans["main"]
    return {
        "readiness_report": f"/plans/{main}/report",
        "team_report": f"/plans/{main}/team/report",
        "task_list": f"/plans/{main}",
        "overview": "/overview",
    }


def label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


# -- measurements -----------------------------------------------------------------------------


def client_figures(app, info: dict, sizes, runs: int) -> dict:
    """The four pages and the team report at two sizes, through the test client."""
    signed_in, anonymous = app.test_client(), app.test_client()
    token = CSRF.search(signed_in.get("/sign-in").get_data(as_text=True)).group(1)
    form = {"email": info["email"], "password": info["password"], "csrf_token": token}
    status = signed_in.post("/sign-in", data=form).status_code
    assert status == 302, f"signing in answered {status}"

    def get(client, path):
        def fn():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        return fn

    small = f"/plans/{info['plans']['small_team']}/team/report"
    tasks = {"floor": get(anonymous, FLOOR_PATH)}
    tasks |= {name: get(signed_in, path) for name, path in pages(info["plans"]).items()}
    tasks["team_small"] = get(signed_in, small)
    times = interleaved_ms(tasks, runs)
    figures = {f"{name}.client": figure(times[name], times["floor"]) for name in pages({"main": 0})}
    figures["floor.client"] = figure(times["floor"], times["floor"])
    small_name = f"team_report_{label(sizes.team_small)}"
    large_name = f"team_report_{label(sizes.team_large)}"
    figures[small_name] = figure(times["team_small"], times["floor"])
    # The large survey's floor is the small one: the ratio is t(large) / t(small).
    figures[large_name] = figure(times["team_report"], times["team_small"])
    return figures


def http_figures(url: str, info: dict, runs: int) -> dict:
    """The same pages over HTTP from gunicorn (2 workers), one request at a time."""
    with Gunicorn(url, workers=2) as server:
        cookie = Visitor(server.base).sign_in(info["email"], info["password"]).cookie_header()
        tasks = {"floor": lambda: http_get_ms(server.base, FLOOR_PATH)}
        for name, path in pages(info["plans"]).items():
            tasks[name] = lambda p=path: http_get_ms(server.base, p, cookie)
        times = interleaved_ms(tasks, runs)
    figures = {f"{name}.http": figure(times[name], times["floor"]) for name in pages({"main": 0})}
    figures["floor.http"] = figure(times["floor"], times["floor"])
    return figures


COLD_APP = """
import time
start = time.perf_counter()
from roledesign import create_app
create_app({{"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite:///{db}"}})
print((time.perf_counter() - start) * 1000)
"""
COLD_FLOOR = """
import time
start = time.perf_counter()
from flask import Flask
Flask("floor")
print((time.perf_counter() - start) * 1000)
"""


def cold_start(runs: int) -> dict:
    """import + create_app() (evidence validation included) in a fresh process, each time."""
    folder = tempfile.mkdtemp(prefix="roledesign-cold-")
    times = {"app": [], "floor": []}
    for _ in range(runs):
        for name, code in (
            ("app", COLD_APP.format(db=f"{folder}/cold.sqlite")),
            ("floor", COLD_FLOOR),
        ):
            out = subprocess.run(  # noqa: S603 - our own interpreter
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            )
            times[name].append(float(out.stdout.strip().splitlines()[-1]))
    shutil.rmtree(folder, ignore_errors=True)
    return {"cold_start": figure(times["app"], times["floor"])}


# -- load and memory --------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  not_ok = 0
  wrk.headers["Cookie"] = "%(cookie)s"
  wrk.headers["User-Agent"] = "roledesign-bench"
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    bad = bad + thread:get("not_ok")
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "ok": %%d, "not_ok": %%d, "connect": %%d, ' ..
    '"read": %%d, "write": %%d, "timeout": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, ' ..
    '"max_us": %%d}\\n',
    summary.requests, summary.duration, good, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk is missing: installing it from Debian's packages", flush=True)
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*prefix, "apt-get", "update", "-q"], check=True, env=env)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"],
        check=True,
        env=env,
    )
    return shutil.which("wrk") or "/usr/bin/wrk"


def wrk(binary: str, base: str, script: Path, seconds: float, connections: int = CONNECTIONS):
    out = subprocess.run(  # noqa: S603 - wrk from Debian
        [
            binary,
            "-t2",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base + "/",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def load_and_memory(url: str, info: dict, mode: str) -> dict:
    """Memory first, on fresh workers: run until 5k then 10k requests, reading the workers'
    resident size at each; then the timed load test on the same (warm) server."""
    binary = ensure_wrk()
    first, second = MEMORY_AT[mode]
    with Gunicorn(url, workers=2) as server:
        cookie = Visitor(server.base).sign_in(info["email"], info["password"]).cookie_header()
        script = Path(tempfile.mkdtemp(prefix="roledesign-wrk-")) / "pages.lua"
        paths = ", ".join(f'"{p}"' for p in pages(info["plans"]).values())
        script.write_text(WRK_SCRIPT % {"paths": paths, "cookie": cookie})
        start_rss = server.worker_rss_mb()
        done, errors, rate, rss = 0, 0, None, {}
        for target in (first, second):
            while done < target:
                # Chunks sized from the rate so far (aiming short: the first requests are the
                # slowest), until the target count is reached.
                seconds = 2 if rate is None else max(1, 0.7 * (target - done) / rate)
                result = wrk(binary, server.base, script, seconds)
                done += result["requests"]
                errors += result["not_ok"] + result["connect"] + result["read"] + result["timeout"]
                rate = max(1.0, result["requests"] / (result["duration_us"] / 1e6))
            rss[target] = {
                "requests": done,
                "worker_rss_mb": [round(m, 1) for m in server.worker_rss_mb()],
            }
        cpu_before, wall_before = server.worker_cpu_seconds(), time.perf_counter()
        load = wrk(binary, server.base, script, MODES[mode]["load_s"])
        cpu = server.worker_cpu_seconds() - cpu_before
        busy = cpu / (time.perf_counter() - wall_before)
        end_rss = server.worker_rss_mb()
    seconds = load["duration_us"] / 1e6
    errors_in_load = (
        load["not_ok"] + load["connect"] + load["read"] + load["write"] + load["timeout"]
    )
    low, high = max(rss[first]["worker_rss_mb"]), max(rss[second]["worker_rss_mb"])
    return {
        "load": {
            "workers": 2,
            "connections": CONNECTIONS,
            "seconds": round(seconds, 1),
            "requests": load["requests"],
            "requests_per_s": round(load["requests"] / seconds, 1),
            "p50_ms": round(load["p50_us"] / 1000, 1),
            "p90_ms": round(load["p90_us"] / 1000, 1),
            "p99_ms": round(load["p99_us"] / 1000, 1),
            "max_ms": round(load["max_us"] / 1000, 1),
            "errors": errors_in_load,
            # What the machine gave the two workers, and what that says about the app: its CPU
            # time per request, and the rate two whole cores would allow at that cost.
            "worker_cpu_ms_per_request": round(1000 * cpu / load["requests"], 2),
            "worker_cores_busy": round(busy, 2),
            "ceiling_req_per_s_on_2_free_cores": round(2 * load["requests"] / cpu, 1),
            "load_average_after": round(os.getloadavg()[0], 2),
            "pages": list(pages(info["plans"]).values()),
        },
        "memory": {
            "worker_rss_mb_at_start": [round(m, 1) for m in start_rss],
            f"after_{label(first)}": rss[first],
            f"after_{label(second)}": rss[second],
            "worker_rss_mb_after_load": [round(m, 1) for m in end_rss],
            "max_worker_rss_mb": round(high, 1),
            "growth_pct": round(100 * (high - low) / low, 1),
            "errors_while_filling": errors,
        },
    }


def upload_figures(settings: dict, results: dict) -> dict:
    figures, details = uploads.measure(settings["upload_runs"], settings["ordinary_upload_runs"])
    results["uploads"] = details
    return figures


# -- goals and the table ----------------------------------------------------------------------


def goals(results: dict, sizes) -> list[dict]:
    figures, found = results["figures"], []

    def goal(what, value, limit, unit, at_most=True):
        met = value is not None and (value <= limit if at_most else value >= limit)
        found.append({"goal": what, "value": value, "limit": limit, "unit": unit, "met": bool(met)})

    for name in pages({"main": 0}):
        for how in ("client", "http"):
            f = figures.get(f"{name}.{how}")
            if f:
                goal(f"{name} ({how}) median", f["median_ms"], GOALS["page_ms"], "ms")
                goal(f"{name} ({how}) / floor", f["ratio"], GOALS["page_ratio"], "x")
    small, large = (
        f"team_report_{label(sizes.team_small)}",
        f"team_report_{label(sizes.team_large)}",
    )
    if small in figures:
        goal(f"{small} median", figures[small]["median_ms"], GOALS["team_1k_ms"], "ms")
        goal(
            f"t({label(sizes.team_large)}) / t({label(sizes.team_small)})",
            figures[large]["ratio"],
            GOALS["team_ratio"],
            "x",
        )
    for name, f in figures.items():
        if name.startswith("document."):
            goal(f"{name} median", f["median_ms"], GOALS["document_ms"], "ms")
    if "uploads" in results:
        worst, peak = results["uploads"]["worst_ms"], results["uploads"]["peak_mb"]
        goal("crafted uploads: worst time", worst, GOALS["crafted_upload_ms"], "ms")
        goal("crafted uploads: peak memory of the reader", peak, GOALS["crafted_upload_mb"], "MB")
    if "cold_start" in figures:
        goal("cold start median", figures["cold_start"]["median_ms"], GOALS["cold_start_ms"], "ms")
    if "load" in results:
        load, memory = results["load"], results["memory"]
        goal(
            "load: requests per second",
            load["requests_per_s"],
            GOALS["req_per_s"],
            "req/s",
            at_most=False,
        )
        goal("load: p99", load["p99_ms"], GOALS["p99_ms"], "ms")
        goal("load: errors", load["errors"], 0, "")
        goal("worker RSS", memory["max_worker_rss_mb"], GOALS["rss_mb"], "MB")
        goal("worker RSS growth", memory["growth_pct"], GOALS["rss_growth_pct"], "%")
    return found


def print_table(results: dict) -> None:
    print()
    print(f"{'figure':<34}{'median ms':>10}{'p95 ms':>9}{'floor ms':>10}{'ratio':>8}")
    for name, f in results["figures"].items():
        ratio = "" if f["ratio"] is None else f"{f['ratio']:.2f}"
        print(
            f"{name:<34}{f['median_ms']:>10.1f}{f['p95_ms']:>9.1f}{f['floor_ms']:>10.1f}{ratio:>8}"
        )
    if "load" in results:
        load, memory = results["load"], results["memory"]
        print(
            f"\nload: {load['requests_per_s']} req/s over {load['seconds']} s, "
            f"{load['connections']} connections, 2 workers; p50 {load['p50_ms']} ms, "
            f"p99 {load['p99_ms']} ms, errors {load['errors']}\n"
            f"      workers used {load['worker_cores_busy']} of 2 cores, "
            f"{load['worker_cpu_ms_per_request']} ms CPU per request: at most "
            f"{load['ceiling_req_per_s_on_2_free_cores']} req/s on 2 free cores"
        )
        after = [k for k in memory if k.startswith("after_")]
        sizes = ", ".join(
            f"{memory[k]['requests']} requests: {max(memory[k]['worker_rss_mb'])} MB" for k in after
        )
        print(f"memory (largest worker): {sizes}; growth {memory['growth_pct']} %")
    print("\ngoals:")
    for g in results["goals"]:
        print(
            f"  {'met    ' if g['met'] else 'NOT MET'}  {g['goal']}: {g['value']} {g['unit']} (goal {'≥' if g['unit'] == 'req/s' else '≤'} {g['limit']})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller seed, fewer runs")
    parser.add_argument("--database-url", help="PostgreSQL URL (its tables are dropped!)")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["client", "http", "documents", "cold", "uploads", "load"],
    )
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"
    settings, sizes = MODES[mode], seed.SIZES[mode]
    url = database_url(args.database_url)
    started = time.perf_counter()
    load_average = os.getloadavg()

    app = add_floor(make_app(url))
    print(f"Seeding {url.split(':')[0]} ({mode}): {sizes}", flush=True)
    t = time.perf_counter()
    info = seed.seed(app, sizes)
    seed_seconds = time.perf_counter() - t
    print(f"  {info['rows']} in {seed_seconds:.1f} s", flush=True)

    results = {"figures": {}}
    steps = [
        (
            "client",
            "pages through the test client",
            lambda: client_figures(app, info, sizes, settings["runs"]),
        ),
        (
            "http",
            "pages over HTTP (gunicorn)",
            lambda: http_figures(url, info, settings["http_runs"]),
        ),
        ("documents", "documents", lambda: documents.measure(settings["doc_runs"])[0]),
        ("cold", "cold start", lambda: cold_start(settings["cold_runs"])),
        (
            "uploads",
            "crafted uploads (bench/uploads.py)",
            lambda: upload_figures(settings, results),
        ),
    ]
    for key, title, step in steps:
        if key in args.skip:
            continue
        t = time.perf_counter()
        results["figures"].update(step())
        print(f"  {title}: {time.perf_counter() - t:.1f} s", flush=True)
    if "load" not in args.skip:
        t = time.perf_counter()
        results.update(load_and_memory(url, info, mode))
        print(f"  load and memory: {time.perf_counter() - t:.1f} s", flush=True)
    results["goals"] = goals(results, sizes)
    results["meta"] = {
        "mode": mode,
        "database": url.split(":")[0],
        "seed": {**sizes.__dict__, "rows": info["rows"], "seconds": round(seed_seconds, 1)},
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_average],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    print(
        f"\n{mode} run in {results['meta']['seconds']} s; load average before "
        f"{results['meta']['load_average_before'][0]}, after {results['meta']['load_average_after'][0]} "
        f"on {os.cpu_count()} CPUs. Written to {(RESULTS / 'latest.json').relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
