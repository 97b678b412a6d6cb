"""How long the job description check takes on a three-page job description.

A three-page job description is taken as about 1,500 words: corpus documents are joined until the
text reaches that length. Timed separately: the check itself (sentences, every rule, scores); what
the report page works out from the stored text (the check, the plan facts and the highlighted
segments); and reading the same text from a Word file, which happens once, on upload.

    .venv/bin/python bench/jd_speed.py [--runs 200]

prints the medians and writes bench/results/jd_speed.json. The goal is a median of at most 50 ms
for the check.
"""

import argparse
import json
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from roledesign.catalog import DOMAIN_KEYS, load_catalog  # noqa: E402
from roledesign.documents.extract import extract_text  # noqa: E402
from roledesign.domain.jd_check import check_text  # noqa: E402
from roledesign.domain.jd_facts import extract_facts  # noqa: E402

GOAL_MS = 50.0
WORDS = 1500
CORPUS = ("01_good_community_nhs.txt", "02_drifted_inpatient_nhs.txt", "07_forensic_secure.txt")
MORE = ("12_inpatient_with_exclusions.txt", "09_replacement_support_worker.txt")


def three_pages() -> str:
    parts = []
    for name in CORPUS + MORE:
        parts.append((ROOT / "tests" / "jd_corpus" / name).read_text(encoding="utf-8"))
        if len("\n\n".join(parts).split()) >= WORDS:
            break
    return "\n\n".join(parts)


def as_word(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timed(function, runs: int) -> list[float]:
    function()  # warm the caches (compiled patterns), as a running app has them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rules = load_catalog(ROOT / "checklists").jd_check
    text = three_pages()
    data = as_word(text)

    def check():
        return check_text(text, rules, DOMAIN_KEYS)

    def page():
        report = check_text(text, rules, DOMAIN_KEYS)
        extract_facts(text)
        report.segments()

    def upload():
        extract_text(data, "jd.docx")

    report = check()
    results = {
        "words": len(text.split()),
        "sentences": len(report.sentences),
        "rules": len(rules.rules),
        "runs": args.runs,
    }
    for name, function in (("check", check), ("report_page", page), ("read_docx", upload)):
        times = timed(function, args.runs)
        results[name] = {
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(statistics.quantiles(times, n=20)[-1], 2),
        }
    ok = results["check"]["median_ms"] <= GOAL_MS
    print(
        f"Three-page job description: {results['words']} words, {results['sentences']} "
        f"sentences, {results['rules']} rules, {args.runs} runs"
    )
    print(
        f"  check:                  median {results['check']['median_ms']:6.2f} ms  "
        f"p95 {results['check']['p95_ms']:6.2f} ms  (goal ≤ {GOAL_MS:.0f} ms)"
        + ("" if ok else "  ABOVE GOAL")
    )
    for name, label in (("report_page", "report page work"), ("read_docx", "reading the .docx")):
        print(
            f"  {label + ':':23} median {results[name]['median_ms']:6.2f} ms  "
            f"p95 {results[name]['p95_ms']:6.2f} ms"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "jd_speed.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
