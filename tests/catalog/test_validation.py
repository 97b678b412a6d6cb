"""A malformed evidence base is refused with a message naming the file, item and problem."""

import pytest

from roledesign import create_app
from roledesign.catalog import load_catalog
from tests.catalog.helpers import edit, problems


def test_the_copy_is_valid_before_editing(checklists):
    assert len(load_catalog(checklists).items) >= 40


def test_unknown_source_key(checklists):
    edit(checklists / "items/distinctiveness.yaml", "- source: kemp_2012", "- source: kemp_2021")
    assert problems(checklists) == [
        "checklists/items/distinctiveness.yaml: item DIS-01: evidence 1: unknown source 'kemp_2021'"
    ]


def test_duplicate_id(checklists):
    edit(checklists / "items/shared_expectations.yaml", "id: EXP-02", "id: EXP-01")
    assert problems(checklists) == [
        "checklists/items/shared_expectations.yaml: item EXP-01: duplicate id "
        "(also in shared_expectations.yaml)"
    ]


def test_missing_domain_file(checklists):
    (checklists / "items/strategic_alignment.yaml").unlink()
    assert problems(checklists) == ["checklists/items/strategic_alignment.yaml: file is missing"]


def test_missing_domain_description(checklists):
    text = (checklists / "domains.yaml").read_text()
    (checklists / "domains.yaml").write_text(text[: text.index("strategic_alignment:")])
    found = problems(checklists)
    assert "checklists/domains.yaml: domain strategic_alignment: is missing" in found


def test_weight_critical_kind_and_empty_text(checklists):
    path = checklists / "items/organisational_support.yaml"
    edit(path, "weight: 3\n    critical: true\n", "weight: 5\n    critical: yes please\n")
    edit(path, "kind: unknown", "kind: anecdote")
    edit(
        path,
        "  - id: SUP-04\n    statement: The training",
        "  - id: SUP-04\n    statement: ''\n    x: The training",
    )
    found = problems(path.parent.parent)
    assert (
        "checklists/items/organisational_support.yaml: item SUP-01: weight must be 1, 2 or 3 (got 5)"
        in found
    )
    assert (
        "checklists/items/organisational_support.yaml: item SUP-01: critical must be true or "
        "false (got 'yes please')"
    ) in found
    assert any("item SUP-01: evidence 1: kind 'anecdote' is not one of" in p for p in found)
    assert (
        "checklists/items/organisational_support.yaml: item SUP-04: 'statement' is missing or empty"
        in found
    )
    assert "checklists/items/organisational_support.yaml: item SUP-04: unknown field 'x'" in found


# One evidence entry of each kind of file: the file, the text just before its `where` line, and
# the entry the problem must name.
WHERE_CASES = [
    ("items/distinctiveness.yaml", "- id: DIS-01", "item DIS-01: evidence 1"),
    ("domains.yaml", "organisational_support:", "domain organisational_support: evidence 1"),
    ("bands.yaml", "not_yet:", "band not_yet: evidence 1"),
    ("checkins.yaml", "- key: supervision", "question supervision: evidence 1"),
    ("team.yaml", "groups_evidence:", "groups: evidence 1"),
    ("jd_check.yaml", "- id: line-management", "rule line-management: evidence 1"),
]


def _drop_first_where_after(path, anchor):
    text = path.read_text()
    start = text.index(anchor)
    at = text.index("where:", start)
    line_start = text.rindex("\n", 0, at) + 1
    line_end = text.index("\n", at) + 1
    path.write_text(text[:line_start] + text[line_end:])


@pytest.mark.parametrize(("name", "anchor", "entry"), WHERE_CASES)
def test_an_evidence_link_without_a_locator_is_refused(checklists, name, anchor, entry):
    _drop_first_where_after(checklists / name, anchor)
    assert problems(checklists) == [
        f"checklists/{name}: {entry}: 'where' is missing or empty: name the place in the seed "
        "text that supports the finding (section heading, table or slide)"
    ]


def test_an_empty_locator_is_refused(checklists):
    path = checklists / "items/organisational_support.yaml"
    text = path.read_text()
    start = text.index("- id: SUP-03")
    at = text.index("where:", start)
    end = text.index("\n", at)
    path.write_text(text[:at] + "where: '  '" + text[end:])
    assert problems(checklists) == [
        "checklists/items/organisational_support.yaml: item SUP-03: evidence 1: 'where' is "
        "missing or empty: name the place in the seed text that supports the finding (section "
        "heading, table or slide)"
    ]


def test_unknown_context_condition(checklists):
    edit(
        checklists / "items/distinctiveness.yaml",
        "introduction: [replacement]",
        "introduction: [swap]",
    )
    assert problems(checklists) == [
        "checklists/items/distinctiveness.yaml: item DIS-12: applies_when.introduction has unknown "
        "value 'swap'"
    ]


def test_invalid_yaml_names_the_line(checklists):
    path = checklists / "sources.yaml"
    lines = path.read_text().splitlines()
    lines[9] = "  authors: [unclosed"
    path.write_text("\n".join(lines))
    found = problems(checklists)
    assert len(found) == 1 and found[0].startswith("checklists/sources.yaml: line ")
    assert "is not valid YAML" in found[0]


def test_the_app_refuses_to_start_with_a_clear_message(checklists):
    edit(checklists / "items/distinctiveness.yaml", "- source: kemp_2012", "- source: kemp_2021")
    with pytest.raises(SystemExit) as stopped:
        create_app(
            {
                "CHECKLISTS_DIR": str(checklists),
                "SECRET_KEY": "x",
                "SQLALCHEMY_DATABASE_URI": "sqlite://",
            }
        )
    message = str(stopped.value)
    assert message.startswith("roledesign cannot start: The evidence base has 1 problem(s)")
    assert "distinctiveness.yaml: item DIS-01: evidence 1: unknown source 'kemp_2021'" in message


def test_team_text_problems_name_the_entry(checklists):
    path = checklists / "team.yaml"
    edit(path, "  - key: other\n", "  - key: peer_worker\n")
    edit(path, "    plural: Line managers\n", "")
    edit(path, "- source: dierdorff_2007", "- source: dierdorf_2007")
    text = path.read_text()
    path.write_text(text[: text.index("  sectors:")])
    assert problems(checklists) == [
        "checklists/team.yaml: group line_manager: 'plural' is missing or empty",
        "checklists/team.yaml: group peer_worker: duplicate group key",
        "checklists/team.yaml: topic introduction: evidence 2: unknown source 'dierdorf_2007'",
        "checklists/team.yaml: topic sectors: is missing",
    ]


def test_the_pool_key_is_reserved_and_the_file_is_required(checklists):
    edit(checklists / "team.yaml", "  - key: other\n", "  - key: other_respondents\n")
    assert problems(checklists) == [
        "checklists/team.yaml: group other_respondents: 'other_respondents' is reserved for the "
        "pooled small groups"
    ]
    (checklists / "team.yaml").unlink()
    assert problems(checklists) == ["checklists/team.yaml: file is missing"]
