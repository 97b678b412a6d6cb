"""Precision and recall of the job description check's drift and missing-essentials rules.

Runs every document of each set through the check and compares the result with the set's
expected.yaml, written by reading the documents. The sets are tests/jd_corpus/ itself (the
documents the rules were tuned on) and each folder under it with its own expected.yaml (blind
sets, written and annotated before the rules were changed for them).

- Drift is scored per flagged sentence: a flag is correct when the expectations name the same
  rule for a sentence containing the expected text. That is the measure the goals are set on.
  Beside it, "false alarms" counts the flagged sentences the reader did not flag under any rule:
  a flag with the wrong label on a sentence the reader also found drift is wrong above but not
  a false alarm here.
- Missing essentials are scored per document and rule; "agreement" is the share of all
  (document, missing-essentials rule) decisions on which the check and the reader agree.
- Where a set also has second_reader.yaml (a second person annotated the same documents
  without seeing the first annotation), the second reader is scored against the first in the
  same way, and the check against the second reader: how far two careful readers agree is the
  ceiling the check can be measured against.

    .venv/bin/python bench/jd_precision.py [--verbose]

prints the figures for every set and writes them to bench/results/jd_precision.json. The goal is
at least 0.9 for precision and recall of both kinds of rule on the tuning set; on unseen text,
drift recall 0.85, drift precision 0.95 and missing-essentials agreement 0.9.
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

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
    true_negatives: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    flagged_sentences: int = 0
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positives + len(self.false_positives)
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0

    @property
    def agreement(self) -> float:
        decided = self.true_positives + self.true_negatives
        total = decided + len(self.false_positives) + len(self.false_negatives)
        return decided / total if total else 1.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "agreement": round(self.agreement, 3),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "flagged_sentences": self.flagged_sentences,
            "false_alarms": self.false_alarms,
        }


def evaluate(
    corpus: Path = CORPUS, expected_file: str = "expected.yaml", reader_file: str | None = None
) -> dict[str, Tally]:
    """Compare the check with the expectations for every document in ``corpus``; with
    ``reader_file``, compare that reader's annotation with them instead of the check."""
    rules = load_catalog(ROOT / "checklists").jd_check
    expected_all = yaml.safe_load((corpus / expected_file).read_text(encoding="utf-8"))
    readers = (
        yaml.safe_load((corpus / reader_file).read_text(encoding="utf-8")) if reader_file else {}
    )
    drift, missing = Tally(), Tally()
    for name, expected in expected_all.items():
        report = check_text((corpus / name).read_text(encoding="utf-8"), rules, DOMAIN_KEYS)
        if reader_file:
            report = _as_report(report, readers.get(name) or {})
        _score_drift(name, report, expected.get("drift") or [], drift)
        _score_missing(name, report, set(expected.get("missing") or []), missing)
        missing.true_negatives += len(
            {r.id for r in rules.of_kind("missing")}
            - {r.id for r in report.missing}
            - set(expected.get("missing") or [])
        )
    return {"drift": drift, "missing": missing}


def _as_report(report, annotation: dict) -> SimpleNamespace:
    """A reader's annotation in the shape of the check's report: each labelled text found in
    the sentence of the document that holds it."""
    flags = []
    for label in annotation.get("drift") or []:
        sentence = next((s for s in report.sentences if label["sentence"] in s.text), None)
        if sentence is not None:
            flags.append(SimpleNamespace(rule=SimpleNamespace(id=label["rule"]), sentence=sentence))
    missing = [SimpleNamespace(id=rule) for rule in annotation.get("missing") or []]
    return SimpleNamespace(drift=flags, missing=missing)


def corpus_sets(corpus: Path = CORPUS) -> dict[str, Path]:
    """The tuning set (the corpus folder itself) and every blind set in a folder under it."""
    sets = {"tuning": corpus}
    for folder in sorted(corpus.iterdir(), key=_natural):
        if (folder / "expected.yaml").is_file():
            sets[folder.name] = folder
    return sets


def _natural(path: Path) -> list:
    """blind_2 before blind_10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]


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
    sentences = {flag.sentence.text for flag in report.drift}
    tally.flagged_sentences += len(sentences)
    tally.false_alarms += [
        f"{name}: {text!r}"
        for text in sorted(sentences)
        if not any(e["sentence"] in text for e in expected)
    ]


def _score_missing(name, report, expected: set, tally: Tally) -> None:
    predicted = {rule.id for rule in report.missing}
    tally.true_positives += len(predicted & expected)
    tally.false_positives += [f"{name}: {r}" for r in sorted(predicted - expected)]
    tally.false_negatives += [f"{name}: {r}" for r in sorted(expected - predicted)]


SECOND_READER = "second_reader.yaml"


def _report_readers(folder: Path) -> dict:
    """Print and return how the second reader agrees with the first, and the check with the
    second reader."""
    comparisons = {
        "second reader against the first": evaluate(folder, reader_file=SECOND_READER),
        "the check against the second reader": evaluate(folder, expected_file=SECOND_READER),
    }
    for label, results in comparisons.items():
        drift, missing = results["drift"], results["missing"]
        print(
            f"  {label}: drift precision {drift.precision:.3f} recall {drift.recall:.3f},"
            f" missing agreement {missing.agreement:.3f}"
        )
    return {
        label: {kind: tally.as_dict() for kind, tally in results.items()}
        for label, results in comparisons.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    ok, figures = True, {}
    for set_name, folder in corpus_sets().items():
        results = evaluate(folder)
        documents = len(yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")))
        print(f"{set_name}: {documents} documents in {folder.relative_to(ROOT)}/")
        for kind, tally in results.items():
            met = tally.precision >= GOAL and tally.recall >= GOAL
            if set_name == "tuning":
                ok &= met
            extra = (
                f"  false alarms {len(tally.false_alarms)} of {tally.flagged_sentences} flagged sentences"
                if kind == "drift"
                else f"  agreement {tally.agreement:.3f}"
            )
            print(
                f"  {kind:8} precision {tally.precision:.3f}  recall {tally.recall:.3f}{extra}"
                f"  ({tally.true_positives} correct, {len(tally.false_positives)} wrong, "
                f"{len(tally.false_negatives)} missed){'' if met else '  BELOW GOAL'}"
            )
            if args.verbose:
                for line in tally.false_positives:
                    print(f"    wrong:  {line}")
                for line in tally.false_negatives:
                    print(f"    missed: {line}")
                for line in tally.false_alarms:
                    print(f"    false alarm: {line}")
        figures[set_name] = {kind: tally.as_dict() for kind, tally in results.items()}
        if (folder / SECOND_READER).is_file():
            figures[f"{set_name} readers"] = _report_readers(folder)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "jd_precision.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
