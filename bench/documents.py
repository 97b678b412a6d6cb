"""Benchmark: how long building and rendering a plan's documents takes.

Seeds a demanding plan in memory (a replacement post with one peer worker, every statement
answered with many gaps, typed-in details and ticked lines), then times, for each document,
tailoring + building + rendering to PDF and to Word, and the ZIP of all six files. Beside them
it times, in the same run, a minimal reportlab document and a minimal python-docx document (one
paragraph each), so results from different machines can be compared as ratios. The goal is at
most 100 ms per document. bench/run.py runs the same measurement as part of the full set.

    .venv/bin/python bench/documents.py [--runs 30]

Prints a table and writes bench/results/documents.json.
"""

import argparse
import json
import random
import statistics
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from common import figure, interleaved_ms  # noqa: E402
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from roledesign.catalog import load_catalog  # noqa: E402
from roledesign.config import PROJECT_ROOT  # noqa: E402
from roledesign.documents import render  # noqa: E402
from roledesign.documents.plan_common import KINDS, Stamp  # noqa: E402
from roledesign.documents.plan_documents import build_documents, bundle  # noqa: E402
from roledesign.domain.scoring import STATUS_VALUES, Answer  # noqa: E402
from roledesign.domain.tailoring import Details, DocumentInputs, Post, tailor  # noqa: E402

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


def minimal_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Hello, peer workers.")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def measure(runs: int) -> tuple[dict, list]:
    """Every document as PDF and Word, and the ZIP, each beside its floor measured in the same
    run: a one-paragraph reportlab PDF for PDFs, a one-paragraph python-docx file for Word
    files, and three of each for the ZIP of six files. Returns (figures, [(name, pages)])."""
    catalog = load_catalog(PROJECT_ROOT / "checklists")
    inputs = seeded_inputs(catalog)
    stamp = Stamp(version=7, issued=date(2026, 11, 22))
    checklist = tailor(catalog, inputs).lines["recruitment_checklist"]
    done = {line.key: "Done: Sam Manager, 3 December 2026 at 14:05" for line in checklist[::2]}

    def documents():
        """Tailoring and building are part of every timing, as in a request."""
        return build_documents(catalog, tailor(catalog, inputs), stamp, done)

    built = documents()
    tasks = {"floor.pdf": minimal_reportlab, "floor.docx": minimal_docx}
    for kind in KINDS:
        for fmt in ("pdf", "docx"):
            tasks[f"{kind.key}.{fmt}"] = lambda k=kind.key, f=fmt: render(documents()[k], f)
    times = interleaved_ms(tasks, runs, warmup=1)
    zip_runs = max(5, runs // 3)
    zip_times = interleaved_ms(
        {
            "floor.pdf": minimal_reportlab,
            "floor.docx": minimal_docx,
            "zip": lambda: bundle(documents(), inputs.post.title, stamp),
        },
        zip_runs,
        warmup=1,
    )
    figures, pages = {}, []
    for kind in KINDS:
        count = len(PdfReader(BytesIO(render(built[kind.key], "pdf"))).pages)
        for fmt in ("pdf", "docx"):
            name = f"document.{kind.key}.{fmt}"
            figures[name] = figure(times[f"{kind.key}.{fmt}"], times[f"floor.{fmt}"])
            size = f", {count} pages" if fmt == "pdf" else ""
            pages.append((name, f"{kind.title} ({fmt.upper()}{size})"))
    zip_floor = 3 * (
        statistics.median(zip_times["floor.pdf"]) + statistics.median(zip_times["floor.docx"])
    )
    figures["documents.zip"] = figure(zip_times["zip"], zip_floor)
    pages.append(("documents.zip", "ZIP of all three documents, PDF and Word"))
    return figures, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    figures, rows = measure(args.runs)
    print(f"{args.runs} runs each, each beside a one-paragraph document of the same format")
    print(f"{'what':<56}{'median':>8}{'p95':>8}{'floor':>8}{'ratio':>7}  goal <= {GOAL_MS:.0f} ms")
    for name, title in rows:
        f = figures[name]
        verdict = (
            ("met" if f["median_ms"] <= GOAL_MS else "MISSED") if name != "documents.zip" else ""
        )
        print(
            f"{title:<56}{f['median_ms']:>8.1f}{f['p95_ms']:>8.1f}{f['floor_ms']:>8.1f}"
            f"{f['ratio']:>7.1f}  {verdict}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"runs": args.runs, "figures": figures}, indent=2) + "\n")
    print(f"Written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
