"""checklists/jd_check.yaml: the real rules are complete, and a malformed copy is refused with a
message naming the file, the rule and the problem."""

import pytest

from roledesign.catalog import load_catalog
from roledesign.catalog.jd_check import JD_KINDS
from roledesign.config import PROJECT_ROOT
from tests.catalog.helpers import edit, problems

SEEDS = {"gillard_holley_2014", "gillard_2013", "repper_carter", "mrp_portfolio", "pwrp_2013"}
ISSUE_DRIFT = {
    "close-observations",
    "physical-health-checks",
    "restraint",
    "medication",
    "mealtimes",
    "escorting",
    "clerical-domestic",
    "staff-shortages",
}
ISSUE_MISSING = {
    "lived-experience-essential",
    "purposeful-lived-experience",
    "peer-supervision",
    "role-training",
    "reasonable-adjustments",
    "line-management",
    "peer-colleagues",
}


@pytest.fixture(scope="module")
def rules():
    return load_catalog(PROJECT_ROOT / "checklists").jd_check


def test_every_kind_and_every_issue_rule_is_there(rules):
    ids = {rule.id for rule in rules.rules}
    assert {r.id for r in rules.of_kind("drift")} >= ISSUE_DRIFT
    assert {r.id for r in rules.of_kind("missing")} >= ISSUE_MISSING
    assert {"autonomy", "decisions", "responsibilities", "position-in-structure"} <= ids
    assert {"sufferers", "compliance", "patients"} <= {r.id for r in rules.of_kind("language")}
    assert all(rules.of_kind(kind) for kind in JD_KINDS)


def test_every_rule_has_evidence_and_the_seeds_are_cited(rules):
    cited = set()
    for rule in rules.rules:
        assert rule.evidence and rule.why and rule.action, rule.id
        cited |= set(rule.sources)
    assert {
        "bach_2000",
        "gillard_holley_2014",
        "repper_carter",
        "mclean_2009",
        "gates_2007",
    } <= cited
    assert {"gillard_2013", "mrp_portfolio", "mead_macneil_2004"} <= cited


def test_language_rules_are_not_cancelled_by_negation(rules):
    assert all(rule.negation is False for rule in rules.of_kind("language"))


def test_a_bad_pattern_is_named(checklists):
    edit(
        checklists / "jd_check.yaml",
        "      - close/enhanced/intermittent obs\n",
        "      - ... close obs\n",
    )
    assert problems(checklists) == [
        "checklists/jd_check.yaml: rule close-observations: pattern 5: "
        "'...' must come between two words in '... close obs'"
    ]


def test_unknown_source_kind_domain_weight_and_requires(checklists):
    path = checklists / "jd_check.yaml"
    edit(path, "    kind: drift\n    title: Close", "    kind: grumble\n    title: Close")
    edit(path, "domain: distinctiveness\n    weight: 3\n", "domain: vibes\n    weight: 4\n")
    edit(path, "- source: bach_2000", "- source: bach_2020")
    edit(path, "requires: essential", "requires: desirable")
    found = problems(checklists)
    prefix = "checklists/jd_check.yaml: rule close-observations: "
    assert prefix + "kind 'grumble' is not one of drift, missing, evaluation, language" in found
    assert (
        prefix + "domain 'vibes' is not one of distinctiveness, shared_expectations, "
        "strategic_alignment, organisational_support" in found
    )
    assert prefix + "weight must be 1, 2 or 3 (got 4)" in found
    assert prefix + "evidence 2: unknown source 'bach_2020'" in found
    assert any(p.endswith("requires must be one of essential, not-desirable") for p in found)


def test_duplicate_ids_and_unknown_fields(checklists):
    path = checklists / "jd_check.yaml"
    edit(path, "  - id: mealtimes\n", "  - id: escorting\n    colour: red\n")
    found = problems(checklists)
    assert "checklists/jd_check.yaml: rule escorting: duplicate id" in found
    assert "checklists/jd_check.yaml: rule escorting: unknown field 'colour'" in found


def test_scoring_must_cover_every_kind(checklists):
    edit(checklists / "jd_check.yaml", "    language: 3\n", "    langauge: 3\n")
    assert problems(checklists) == [
        "checklists/jd_check.yaml: scoring: points_per_weight.language must be 0 to 100 (got None)",
        "checklists/jd_check.yaml: scoring: points_per_weight has unknown kind 'langauge'",
    ]


def test_missing_file(checklists):
    (checklists / "jd_check.yaml").unlink()
    assert problems(checklists) == ["checklists/jd_check.yaml: file is missing"]


def test_check_evidence_reports_the_problem(checklists, runner):
    edit(checklists / "jd_check.yaml", "weight: 3", "weight: three")
    result = runner.invoke(args=["check-evidence", "--dir", str(checklists)])
    assert result.exit_code != 0
    assert "jd_check.yaml: rule close-observations: weight must be 1, 2 or 3" in result.output


def test_evidence_may_say_where_in_the_source_and_peer_work_patterns_are_checked(checklists):
    # The new rules of issue 16 carry a 'where' locator on each evidence entry: it loads.
    assert any(rule.id == "sharing-discouraged" for rule in load_catalog(checklists).jd_check.rules)
    edit(checklists / "jd_check.yaml", "peer_work:\n", "peer_work:\n  - '... hope'\n")
    assert any(
        p.startswith("checklists/jd_check.yaml: peer_work: pattern 1:")
        for p in problems(checklists)
    )


def test_vocabularies_are_checked_where_they_are_named_and_where_they_are_defined(checklists):
    path = checklists / "jd_check.yaml"
    edit(path, "      - '@medicine-task ... @medicines'\n", "      - '@medicine-task ... @pills'\n")
    edit(path, "  people:\n", "  people:\n    - ... carer\n")
    edit(path, "    title: Open-ended", "    applies_to: wards\n    title: Open-ended")
    found = problems(checklists)
    assert any("'@pills' in '@medicine-task ... @pills' names no vocabulary" in p for p in found)
    assert any(
        p.startswith("checklists/jd_check.yaml: vocabulary people: phrase ") and "'...'" in p
        for p in found
    )
    assert (
        "checklists/jd_check.yaml: rule other-duties: applies_to must be one of anywhere, duties, "
        "criteria" in found
    )


def test_a_vocabulary_no_rule_uses_is_reported(checklists):
    edit(checklists / "jd_check.yaml", "vocabularies:\n", "vocabularies:\n  spare:\n    - word\n")
    assert problems(checklists) == [
        "checklists/jd_check.yaml: vocabulary spare: is not used by any rule"
    ]


def test_each_rule_carries_only_the_vocabularies_its_patterns_name(rules):
    medication = rules.rule("medication")
    assert {name for name, _ in medication.vocabulary} == {"medicine-task", "medicines", "people"}
    assert rules.rule("peer-supervision").vocabulary == ()


def test_unless_patterns_are_checked_like_patterns(checklists):
    edit(
        checklists / "jd_check.yaml",
        "      - equivalent ... experience\n",
        "      - '... experience'\n",
    )
    assert any(
        p.startswith("checklists/jd_check.yaml: rule credentials-essential unless: pattern")
        and "'...' must come between two words" in p
        for p in problems(checklists)
    )


def test_not_with_names_drift_rules_only(checklists):
    edit(
        checklists / "jd_check.yaml",
        "    not_with: [sharing-discouraged]\n",
        "    not_with: [sharing-discouraged, no-such-rule, peer-supervision]\n",
    )
    found = problems(checklists)
    assert (
        "checklists/jd_check.yaml: rule boundaries-sharing: not_with 'no-such-rule' is not a drift rule"
        in found
    )
    assert (
        "checklists/jd_check.yaml: rule boundaries-sharing: not_with 'peer-supervision' is not a drift rule"
        in found
    )


def test_a_word_yaml_reads_as_false_is_reported_not_matched_as_false(checklists):
    # "- off" in a list of ways to be away is YAML's false: unquoted, it matched the word "false"
    edit(checklists / "jd_check.yaml", "    - 'off'\n", "    - off\n")
    edit(checklists / "jd_check.yaml", "      - reception\n", "      - reception\n      - yes\n")
    assert problems(checklists) == [
        "checklists/jd_check.yaml: vocabulary away: phrase False must be text (quote words YAML "
        "reads as true or false: 'off', 'on', 'yes', 'no')",
        "checklists/jd_check.yaml: rule clerical-domestic: pattern 9 must be text (quote words "
        "YAML reads as true or false: 'off', 'on', 'yes', 'no')",
    ]


def test_not_with_is_for_missing_rules(checklists):
    edit(
        checklists / "jd_check.yaml",
        "  - id: medication\n",
        "  - id: medication\n    not_with: [restraint]\n",
    )
    assert problems(checklists) == [
        "checklists/jd_check.yaml: rule medication: not_with is for missing and evaluation rules"
    ]


def test_a_repeated_alternative_is_reported_as_a_broken_multiword_choice(checklists):
    # "staff/team/team member" reads as "staff or team, then member": '/' joins single words
    edit(
        checklists / "jd_check.yaml",
        "      - equivalent ... experience\n",
        "      - equivalent ... life/work/life experience\n",
    )
    assert any(
        "'life/work/life' in 'equivalent ... life/work/life experience' repeats a word" in p
        for p in problems(checklists)
    )


def test_task_is_true_or_false_and_only_for_drift_rules(checklists):
    path = checklists / "jd_check.yaml"
    edit(
        path,
        "    title: Supervising meals\n    domain: distinctiveness\n    weight: 2\n    task: true\n",
        "    title: Supervising meals\n    domain: distinctiveness\n    weight: 2\n    task: often\n",
    )
    edit(
        path,
        "  - id: lived-experience-essential\n",
        "  - id: lived-experience-essential\n    task: true\n",
    )
    assert problems(checklists) == [
        "checklists/jd_check.yaml: rule mealtimes: task must be true or false (got 'often')",
        "checklists/jd_check.yaml: rule lived-experience-essential: task is for drift rules",
    ]


def test_the_rules_that_name_a_kind_of_work_are_tasks(rules):
    tasks = {rule.id for rule in rules.rules if rule.task}
    assert ISSUE_DRIFT - {"staff-shortages"} <= tasks
    assert tasks.isdisjoint(
        {"staff-shortages", "clinical-direction", "credentials-essential", "sharing-discouraged"}
    )
