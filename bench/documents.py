"""Benchmark: how long building and rendering a plan's documents takes.

Seeds a demanding plan in memory (a replacement post with one peer worker, every statement
answered with many gaps, typed-in details and ticked lines), then times, for each document,
tailoring + building + rendering to PDF and to Word, and the ZIP of all six files. Beside them
it times a minimal reportlab document (one paragraph) rendered in the same run, so results from
different machines can be compared as ratios. The goal is at most 100 ms per document.

    .venv/bin/python bench/documents.py [--runs 30]

Prints a table and writes bench/results/documents.json.
"""

import argparse
import json
import random
import statistics
import time
from datetime import date
from io import BytesIO

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from roledesign.catalog import load_catalog
from roledesign.config import PROJECT_ROOT
from roledesign.documents.plan_common import KINDS, Stamp
from roledesign.documents.plan_documents import build_documents, bundle, render
from roledesign.domain.scoring import STATUS_VALUES, Answer
from roledesign.domain.tailoring import Details, DocumentInputs, Post, tailor

GOAL_MS = 100.0
RESULTS = PROJECT_ROOT / "bench" / "results" / "documents.json"


def seeded_inputs(catalog) -> DocumentInputs:
    rng = random.Random(2013)
    statuses = [s for s in STATUS_VALUES if s != "not_relevant"]
    answers = {item.id: Answer(rng.choice(statuses), rng.randint(1, 4)) for item in catalog.items}
    answers["EXP-09"] = Answer("no", 4)  # informal recruitment: the longest checklist
    return DocumentInputs(
        organisation="Northshire Mental Health NHS Foundation Trust",
        post=Post(
            title="Peer support worker",
            team="North locality community mental health team",
            setting="community",
            introduction="replacement",
            employment="paid",
            band="4",
            hours="30",
            peer_workers=1,
            line_manager="Team manager",
        ),
        answers=answers,
        details=Details(
            base="Riverside Resource Centre, Northtown",
            salary="£26,530 to £29,114 a year, pro rata",
            closing_date=date(2027, 3, 31),
            accountable_to="Head of Community Services",
            duties=tuple(
                f"Service-specific duty {n}, described in one sentence." for n in range(12)
            ),
            peer_supervision_by="Riverside Mind peer supervision service",
            line_frequency="Every two weeks",
            peer_frequency="Monthly",
            reflective_frequency="Monthly",
        ),
        assessment_confirmed=True,
    )


def minimal_reportlab() -> bytes:
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph("Hello, peer workers.", getSampleStyleSheet()["Normal"])]
    )
    return buffer.getvalue()


def timings_ms(task, runs: int) -> list[float]:
    task()  # warm up: fonts, styles and imports load once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    catalog = load_catalog(PROJECT_ROOT / "checklists")
    inputs = seeded_inputs(catalog)
    stamp = Stamp(version=7, issued=date(2026, 11, 22))
    checklist = tailor(catalog, inputs).lines["recruitment_checklist"]
    done = {line.key: "Done: Sam Manager, 3 December 2026 at 14:05" for line in checklist[::2]}

    def documents():
        """Tailoring and building are part of every timing, as in a request."""
        return build_documents(catalog, tailor(catalog, inputs), stamp, done)

    built = documents()
    baseline = statistics.median(timings_ms(minimal_reportlab, args.runs))
    results = {"runs": args.runs, "baseline_minimal_reportlab_ms": baseline}
    rows = []
    for kind in KINDS:
        for fmt in ("pdf", "docx"):
            times = timings_ms(lambda k=kind.key, f=fmt: render(documents()[k], f), args.runs)
            pages = len(PdfReader(BytesIO(render(built[kind.key], "pdf"))).pages)
            results[f"{kind.key}.{fmt}"] = {
                "median_ms": statistics.median(times),
                "min_ms": min(times),
            }
            rows.append((f"{kind.title} ({fmt.upper()}, {pages} pages)", times, True))
    zip_times = timings_ms(
        lambda: bundle(documents(), inputs.post.title, stamp), max(5, args.runs // 3)
    )
    results["zip_of_six_files"] = {
        "median_ms": statistics.median(zip_times),
        "min_ms": min(zip_times),
    }
    rows.append(("ZIP of all three documents, PDF and Word", zip_times, False))

    # The minimum shows what the code costs when the machine is not busy with anything else.
    print(
        f"{args.runs} runs each. Baseline, a one-paragraph reportlab PDF: median {baseline:.1f} ms"
    )
    print(f"{'what':<56}{'median':>8}{'min':>7}{'x baseline':>12}  goal <= {GOAL_MS:.0f} ms")
    for name, times, has_goal in rows:
        median = statistics.median(times)
        verdict = ("met" if median <= GOAL_MS else "MISSED") if has_goal else ""
        print(f"{name:<56}{median:>8.1f}{min(times):>7.1f}{median / baseline:>12.1f}  {verdict}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"Written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
