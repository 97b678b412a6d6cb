"""Crafted uploads against the job description check's reader, and what the child process costs.

Each crafted file of issue 14 (tests/documents/hostile_files.py: a PDF whose 60 pages share one
huge content stream, a Word file of a million empty paragraphs, one whose XML inflates to 58 MB,
a zip bomb member, lying zip sizes, truncated and garbage files) goes through
``documents.sandbox.read_upload``, as the form and check-jd do: the worst wall time and the
child's peak resident memory are reported. Then an ordinary three-page job description
(bench/jd_speed.py's text) as a Word file and as a PDF, read in the child and in-process,
interleaved: the difference is the cost of the child (a fork from the forkserver).

    .venv/bin/python bench/uploads.py [--runs 3] [--http]

With --http the crafted files are also posted to the form of a gunicorn server with two sync
workers (the production configuration), one after another, while the sign-in page is fetched
beside them: every answer must be the form again (200) and sign-in must keep answering.

prints a table and writes bench/results/uploads.json. Goal: every crafted file answered within
2 s and 150 MB. bench/run.py runs it too (one run per file with --quick).
"""

import argparse
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import (  # noqa: E402
    CSRF,
    Gunicorn,
    Visitor,
    database_url,
    figure,
    http_get_ms,
    interleaved_ms,
    make_app,
    seed_plan,
    write_result,
)

from roledesign.documents import Document, Paragraph  # noqa: E402
from roledesign.documents.extract import UnreadableFile, extract_text  # noqa: E402
from roledesign.documents.render_pdf import render_pdf  # noqa: E402
from roledesign.documents.sandbox import read_upload  # noqa: E402
from tests.documents.hostile_files import HOSTILE  # noqa: E402

GOAL_MS = 2000.0
GOAL_MB = 150.0


def ordinary_files() -> dict[str, bytes]:
    from jd_speed import as_word, three_pages

    text = three_pages()
    pdf = render_pdf(
        Document(
            title="Job description",
            organisation="Trust",
            blocks=(*(Paragraph(p) for p in text.split("\n\n")),),
        )
    )
    return {"jd.docx": as_word(text), "jd.pdf": pdf}


def crafted(runs: int) -> list[dict]:
    rows = []
    for label, make in HOSTILE.items():
        name, data = make()
        times, peaks, answer = [], [], ""
        for _ in range(runs):
            start = time.perf_counter()
            try:
                reading = read_upload(data, name)
                answer = f"read: {len(reading.text):,} characters"
                peaks.append(reading.peak_kb)
            except UnreadableFile as err:
                answer = f"refused: {str(err)[len(name) + 1 :][:48]}"
                if getattr(err, "peak_kb", None):  # absent when the child was stopped
                    peaks.append(err.peak_kb)
            times.append((time.perf_counter() - start) * 1000)
        rows.append(
            {
                "file": label,
                "bytes": len(data),
                "worst_ms": round(max(times), 1),
                "peak_mb": round(max(peaks) / 1024, 1) if peaks else None,
                "answer": answer,
            }
        )
    return rows


def child_peak_mb(data: bytes, name: str) -> float:
    return round(read_upload(data, name).peak_kb / 1024, 1)


def measure(runs: int, ordinary_runs: int) -> tuple[dict, dict]:
    """(figures for bench/run.py, everything for uploads.json)."""
    files = ordinary_files()
    start = time.perf_counter()
    read_upload(files["jd.docx"], "jd.docx")  # starts the forkserver: once per worker process
    forkserver_start_ms = round((time.perf_counter() - start) * 1000, 1)
    tasks = {}
    for name, data in files.items():
        tasks[f"{name}.in_process"] = lambda d=data, n=name: extract_text(d, n)
        tasks[f"{name}.child"] = lambda d=data, n=name: read_upload(d, n)
    times = interleaved_ms(tasks, ordinary_runs, warmup=1)
    rows = crafted(runs)
    peaks = [r["peak_mb"] for r in rows if r["peak_mb"] is not None]
    ordinary_peak = max(child_peak_mb(data, name) for name, data in files.items())
    worst_ms = max(r["worst_ms"] for r in rows)
    peak_mb = max([*peaks, ordinary_peak])
    figures = {
        f"upload.{name}": figure(times[f"{name}.child"], times[f"{name}.in_process"])
        for name in files
    }
    figures["upload.crafted_worst"] = figure([worst_ms], statistics.median(times["jd.docx.child"]))
    details = {
        "crafted": rows,
        "worst_ms": worst_ms,
        "peak_mb": peak_mb,
        "forkserver_start_ms": forkserver_start_ms,
        "ordinary": {
            name: {
                "child_median_ms": round(statistics.median(times[f"{name}.child"]), 1),
                "in_process_median_ms": round(statistics.median(times[f"{name}.in_process"]), 1),
            }
            for name in files
        },
        "goals": {"worst_ms": GOAL_MS, "peak_mb": GOAL_MB},
        "met": worst_ms <= GOAL_MS and peak_mb <= GOAL_MB,
    }
    return figures, details


def _multipart(visitor: Visitor, path: str, name: str, data: bytes) -> tuple[int, str]:
    status, html = visitor.request(path)
    token = CSRF.search(html).group(1)
    body = (
        (
            f'--B\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            f'--B\r\nContent-Disposition: form-data; name="upload"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + b"\r\n--B--\r\n"
    )
    request = urllib.request.Request(  # noqa: S310 - our own server on loopback
        visitor.base + path,
        data=body,
        headers={"Content-Type": "multipart/form-data; boundary=B"},
    )
    try:
        with visitor.opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def over_http() -> list[dict]:
    """Each crafted file posted to gunicorn (2 sync workers) while sign-in is fetched beside it."""
    import threading

    url = database_url(None)
    seed_plan(make_app(url))
    server = Gunicorn(url, workers=2)
    rows = []
    try:
        visitor = Visitor(server.base).sign_in()
        _multipart(visitor, "/job-description-checks/new", *HOSTILE["truncated PDF"]())  # warm
        for label, make in HOSTILE.items():
            name, data = make()
            sign_in_ms: list[float] = []
            done = threading.Event()

            def fetch_sign_in(done=done, sign_in_ms=sign_in_ms):
                while not done.is_set():
                    sign_in_ms.append(http_get_ms(server.base, "/sign-in"))

            beside = threading.Thread(target=fetch_sign_in)
            beside.start()
            start = time.perf_counter()
            status, html = _multipart(visitor, "/job-description-checks/new", name, data)
            elapsed = (time.perf_counter() - start) * 1000
            done.set()
            beside.join()
            rows.append(
                {
                    "file": label,
                    "status": status,
                    "ms": round(elapsed, 1),
                    "refused_beside_the_field": "upload-error" in html,
                    "worst_sign_in_ms": round(max(sign_in_ms), 1) if sign_in_ms else None,
                }
            )
    finally:
        server.stop()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per crafted file")
    parser.add_argument("--ordinary-runs", type=int, default=20)
    parser.add_argument("--http", action="store_true", help="also post them to gunicorn")
    args = parser.parse_args()
    _, details = measure(args.runs, args.ordinary_runs)
    if args.http:
        details["http"] = over_http()
        details["met"] = details["met"] and all(
            r["status"] == 200 and r["refused_beside_the_field"] for r in details["http"]
        )
    print(f"{'crafted file':<36}{'bytes':>10}{'worst ms':>10}{'peak MB':>9}  answer")
    for row in details["crafted"]:
        peak = "" if row["peak_mb"] is None else f"{row['peak_mb']:.1f}"
        print(
            f"{row['file']:<36}{row['bytes']:>10,}{row['worst_ms']:>10.1f}{peak:>9}  "
            f"{row['answer']}"
        )
    print(f"\nforkserver start (once per worker): {details['forkserver_start_ms']} ms")
    for name, o in details["ordinary"].items():
        print(
            f"ordinary three-page {name}: {o['child_median_ms']} ms in the child, "
            f"{o['in_process_median_ms']} ms in-process"
        )
    for row in details.get("http", []):
        print(
            f"over HTTP: {row['file']:<36} {row['status']} in {row['ms']} ms, refused beside "
            f"the field: {row['refused_beside_the_field']}, sign-in meanwhile at worst "
            f"{row['worst_sign_in_ms']} ms"
        )
    print(
        f"\nworst {details['worst_ms']} ms (goal ≤ {GOAL_MS:.0f}), peak {details['peak_mb']} MB "
        f"(goal ≤ {GOAL_MB:.0f}): {'met' if details['met'] else 'NOT MET'}"
    )
    path = write_result("uploads", details)
    print(f"Written to {path.relative_to(ROOT)}")
    return 0 if details["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
