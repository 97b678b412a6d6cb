"""The duty summary at the top of a job description check (issue 16)."""

import pytest

from roledesign.catalog import DOMAIN_KEYS, load_catalog
from roledesign.config import PROJECT_ROOT
from roledesign.domain.jd_check import check_text
from roledesign.domain.jd_duties import duty_summary


@pytest.fixture(scope="module")
def rules():
    return load_catalog(PROJECT_ROOT / "checklists").jd_check


def summary(rules, text):
    return duty_summary(check_text(text, rules, DOMAIN_KEYS), rules.peer_work)


def test_duties_are_sorted_into_peer_work_generic_work_and_drift(rules):
    found = summary(
        rules,
        "Job purpose\n"
        "To support people on the ward.\n\n"
        "Key responsibilities\n"
        "- Use your lived experience to offer hope.\n"
        "- Run peer support groups.\n"
        "- Attend team meetings.\n"
        "- Escort patients on Section 17 leave.\n"
        "After the list, a paragraph that is not a duty.\n\n"
        "Person specification\n"
        "- Lived experience of mental health problems (essential)\n",
    )
    assert [s.text for s in found.peer] == [
        "Use your lived experience to offer hope.",
        "Run peer support groups.",
    ]
    assert [s.text for s in found.generic] == ["Attend team meetings."]
    assert [s.text for s in found.drift] == ["Escort patients on Section 17 leave."]
    assert found.line() == (
        "Of 4 duties, 2 are distinctly peer work, 1 could be done by any member of staff as "
        "written and 1 is role drift."
    )


def test_without_a_duties_heading_list_items_outside_other_sections_count(rules):
    found = summary(
        rules,
        "We are looking for a peer mentor.\n"
        "- Share what helped you.\n"
        "- Keep notes.\n"
        "What we offer\n"
        "- Peer supervision.\n",
    )
    assert found.line() == (
        "Of 2 duties, 1 is distinctly peer work and 1 could be done by any member of staff as "
        "written."
    )


def test_a_negated_peer_phrase_is_not_peer_work(rules):
    found = summary(rules, "Duties\n- Do not share your lived experience with patients.\n")
    assert found.peer == ()


def test_no_duties_no_summary(rules):
    assert summary(rules, "A short advert with no list and no headings.") is None
