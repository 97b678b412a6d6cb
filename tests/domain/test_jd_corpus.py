"""The real rules against the corpus of job descriptions written for this project
(tests/jd_corpus/): the goal is precision and recall of at least 0.9 for drift and for missing
essentials, measured the same way as bench/jd_precision.py reports them."""

import importlib.util

import pytest

from roledesign.catalog import DOMAIN_KEYS, load_catalog
from roledesign.config import PROJECT_ROOT
from roledesign.domain.jd_check import check_text

CORPUS = PROJECT_ROOT / "tests" / "jd_corpus"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "jd_precision", PROJECT_ROOT / "bench/jd_precision.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rules():
    return load_catalog(PROJECT_ROOT / "checklists").jd_check


def check(rules, name):
    return check_text((CORPUS / name).read_text(encoding="utf-8"), rules, DOMAIN_KEYS)


def test_the_corpus_has_at_least_twelve_varied_documents():
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(names) >= 12
    for kind in ("good", "drifted", "minimal", "voluntary", "inpatient", "community"):
        assert any(kind in name for name in names), kind


@pytest.mark.parametrize("kind", ["drift", "missing"])
def test_precision_and_recall_reach_the_goal(kind):
    tally = _bench().evaluate(CORPUS)[kind]
    assert tally.precision >= 0.9, tally.false_positives
    assert tally.recall >= 0.9, tally.false_negatives


# The blind sets the rules have since been tuned on (each was first measured unseen; its
# first-run figures are in its expected.yaml and docs/jd_check.md). Tuning on a later set must
# not undo what an earlier one taught: each stays at 0.9 or better. The newest set is left out
# until it has been used for tuning, so that its figures stay an honest measure.
TUNED_BLIND_SETS = [f"blind_{n}" for n in range(1, 52)]


@pytest.mark.parametrize("name", TUNED_BLIND_SETS)
def test_the_blind_sets_used_for_tuning_stay_above_the_goal(name):
    tallies = _bench().evaluate(CORPUS / name)
    drift, missing = tallies["drift"], tallies["missing"]
    assert drift.precision >= 0.9, drift.false_positives
    assert drift.recall >= 0.9, drift.false_negatives
    assert missing.agreement >= 0.9, missing.false_positives + missing.false_negatives


def test_a_list_of_exclusions_is_not_drift(rules):
    report = check(rules, "12_inpatient_with_exclusions.txt")
    assert report.drift == ()
    assert report.missing == ()


def test_a_drifted_ward_post_is_flagged_and_loses_distinctiveness(rules):
    report = check(rules, "02_drifted_inpatient_nhs.txt")
    flagged = {m.rule.id for m in report.drift}
    assert {"close-observations", "restraint", "medication", "mealtimes"} <= flagged
    assert "lived-experience-essential" in {r.id for r in report.missing}
    assert report.domains[0].key == "distinctiveness" and report.domains[0].score == 0


def test_language_suggestions_on_a_deficit_focused_text(rules):
    report = check(rules, "06_early_intervention_language.txt")
    assert {m.rule.id for m in report.language} >= {
        "sufferers",
        "compliance",
        "insight",
        "challenging-behaviour",
    }


def test_the_worked_example_in_docs_jd_check_md(rules):
    report = check_text(
        "Peer Support Worker, Band 4\n"
        "Reports to: Ward Manager\n"
        "You will use your lived experience to support people on the ward, and you will "
        "supervise mealtimes.\n"
        "You will not be asked to carry out close observations.\n"
        "You will have peer supervision and peer support training, as one of two peer workers.\n"
        "Essential: lived experience of mental health problems.\n",
        rules,
        DOMAIN_KEYS,
    )
    assert [m.rule.id for m in report.drift] == ["mealtimes"]
    assert [r.id for r in report.missing] == [
        "reasonable-adjustments",
        "boundaries-sharing",
        "recovery-purpose",
    ]
    assert [r.id for r in report.evaluation_gaps] == ["autonomy", "decisions", "responsibilities"]
    assert {d.key: d.score for d in report.domains} == {
        "distinctiveness": 70,
        "shared_expectations": 60,
        "strategic_alignment": 80,
        "organisational_support": 80,
    }


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # The sentences issue 16 quotes from real adverts.
        (
            "Staff must keep a professional distance at all times and must not share personal "
            "information about themselves.",
            "sharing-discouraged",
        ),
        (
            "Assist with clinical and non-clinical tasks as directed by the nurse in charge.",
            "clinical-direction",
        ),
        ("Support people attending depot medication clinics.", "medication"),
        (
            "Essential: one year's experience of working in a healthcare setting.",
            "healthcare-experience-essential",
        ),
        (
            "Applicants must have had a period of twelve months without using mental health "
            "services prior to applying.",
            "service-use-exclusion",
        ),
        (
            "Applicants with a diagnosis of personality disorder will not be considered.",
            "service-use-exclusion",
        ),
        (
            "Your caseload will be allocated by the care coordinators according to clinical need.",
            "caseload-by-others",
        ),
    ],
)
def test_the_dilutions_issue_16_found_are_flagged(rules, sentence, rule):
    report = check_text(sentence, rules, DOMAIN_KEYS)
    assert rule in {m.rule.id for m in report.drift}


def test_the_picu_sentence_is_not_restraint_drift(rules):
    report = check_text(
        "While you will not be expected to take part directly in any act of force, you will "
        "support patients before and after restrictive interventions.",
        rules,
        DOMAIN_KEYS,
    )
    assert report.drift == ()


def test_healthcare_experience_only_counts_when_essential(rules):
    report = check_text(
        "Desirable: experience of working in a healthcare setting.", rules, DOMAIN_KEYS
    )
    assert report.drift == ()


def test_the_bench_counts_a_wrong_label_apart_from_a_false_alarm(tmp_path):
    # A flag under another rule than the reader's is wrong, but the sentence was still one the
    # reader flagged; only a flagged sentence the reader left alone is a false alarm.
    (tmp_path / "a.txt").write_text(
        "You will supervise mealtimes.\nYou will administer medication.\n", encoding="utf-8"
    )
    (tmp_path / "expected.yaml").write_text(
        "a.txt:\n  drift:\n    - {rule: personal-care, sentence: supervise mealtimes}\n",
        encoding="utf-8",
    )
    drift = _bench().evaluate(tmp_path)["drift"]
    assert drift.true_positives == 0
    assert len(drift.false_positives) == 2
    assert drift.flagged_sentences == 2
    assert drift.false_alarms == ["a.txt: 'You will administer medication.'"]


def test_the_bench_scores_a_second_reader_against_the_first(tmp_path):
    # The second reader found one of the first reader's two drifted sentences and added one of
    # their own; they agree on every missing essential but one.
    (tmp_path / "a.txt").write_text(
        "You will supervise mealtimes.\nYou will administer medication.\nYou will answer phones.\n",
        encoding="utf-8",
    )
    (tmp_path / "expected.yaml").write_text(
        "a.txt:\n  drift:\n    - {rule: mealtimes, sentence: supervise mealtimes}\n"
        "    - {rule: medication, sentence: administer medication}\n  missing: [peer-supervision]\n",
        encoding="utf-8",
    )
    (tmp_path / "second_reader.yaml").write_text(
        "a.txt:\n  drift:\n    - {rule: mealtimes, sentence: supervise mealtimes}\n"
        "    - {rule: clerical-domestic, sentence: answer phones}\n  missing: []\n",
        encoding="utf-8",
    )
    results = _bench().evaluate(tmp_path, reader_file="second_reader.yaml")
    assert results["drift"].true_positives == 1
    assert results["drift"].precision == 0.5
    assert results["drift"].recall == 0.5
    assert results["drift"].false_alarms == ["a.txt: 'You will answer phones.'"]
    assert len(results["missing"].false_negatives) == 1
