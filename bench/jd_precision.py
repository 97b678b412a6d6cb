"""Precision and recall of the job description check's drift and missing-essentials rules.

Runs every document in tests/jd_corpus/ through the check and compares the result with the
expectations in tests/jd_corpus/expected.yaml, which were written by reading the documents.

- Drift is scored per flagged sentence: a flag is correct when the expectations name the same
  rule for a sentence containing the expected text.
- Missing essentials are scored per document and rule.

    .venv/bin/python bench/jd_precision.py [--verbose]

prints the figures and writes them to bench/results/jd_precision.json. The goal is at least 0.9
for both precision and recall of both kinds of rule.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from roledesign.catalog import DOMAIN_KEYS, load_catalog  # noqa: E402
from roledesign.domain.jd_check import check_text  # noqa: E402

CORPUS = ROOT / "tests" / "jd_corpus"
GOAL = 0.9


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positives + len(self.false_positives)
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


def evaluate(corpus: Path = CORPUS) -> dict[str, Tally]:
    """Compare the check with the expectations for every document in ``corpus``."""
    rules = load_catalog(ROOT / "checklists").jd_check
    expected_all = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    drift, missing = Tally(), Tally()
    for name, expected in expected_all.items():
        report = check_text((corpus / name).read_text(encoding="utf-8"), rules, DOMAIN_KEYS)
        _score_drift(name, report, expected.get("drift") or [], drift)
        _score_missing(name, report, set(expected.get("missing") or []), missing)
    return {"drift": drift, "missing": missing}


def _score_drift(name, report, expected, tally: Tally) -> None:
    unmatched = list(expected)
    for flag in report.drift:
        hit = next(
            (
                e
                for e in unmatched
                if e["rule"] == flag.rule.id and e["sentence"] in flag.sentence.text
            ),
            None,
        )
        if hit is None:
            tally.false_positives.append(f"{name}: {flag.rule.id}: {flag.sentence.text!r}")
        else:
            unmatched.remove(hit)
            tally.true_positives += 1
    for e in unmatched:
        tally.false_negatives.append(f"{name}: {e['rule']}: {e['sentence']!r}")


def _score_missing(name, report, expected: set, tally: Tally) -> None:
    predicted = {rule.id for rule in report.missing}
    tally.true_positives += len(predicted & expected)
    tally.false_positives += [f"{name}: {r}" for r in sorted(predicted - expected)]
    tally.false_negatives += [f"{name}: {r}" for r in sorted(expected - predicted)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    results = evaluate()
    documents = len(yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8")))
    print(f"Job description check on {documents} documents in {CORPUS.relative_to(ROOT)}/")
    ok = True
    for kind, tally in results.items():
        met = tally.precision >= GOAL and tally.recall >= GOAL
        ok &= met
        print(
            f"  {kind:8} precision {tally.precision:.3f}  recall {tally.recall:.3f}  "
            f"({tally.true_positives} correct, {len(tally.false_positives)} wrong, "
            f"{len(tally.false_negatives)} missed){'' if met else '  BELOW GOAL'}"
        )
        if args.verbose:
            for line in tally.false_positives:
                print(f"    wrong:  {line}")
            for line in tally.false_negatives:
                print(f"    missed: {line}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "jd_precision.json").write_text(
        json.dumps({k: t.as_dict() for k, t in results.items()}, indent=2), encoding="utf-8"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
