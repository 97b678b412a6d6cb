"""The parts of a job description: headings name sections, and person-specification tables give
each criterion the kind of its column, from text, Word and PDF alike (issue 16)."""

import pytest

from roledesign.documents.structure import layout_text
from roledesign.domain.jd_text import criterion_at, split_sentences


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Job purpose", "purpose"),
        ("Main duties and responsibilities", "duties"),
        ("What you'll do", "duties"),
        ("What this role does not include:", "not_in_role"),
        ("Supervision and support", "support"),
        ("Person specification", "person_spec"),
        ("About you - essential", "person_spec"),
    ],
)
def test_headings_start_sections(heading, section):
    sentences = split_sentences(f"{heading}\nListen to people.\n")
    assert [s.section for s in sentences] == [section, section]


def test_a_sentence_is_not_a_heading():
    assert split_sentences("You will support people.\n")[0].section is None


def test_ticks_in_a_pasted_table_give_the_column_kind():
    text = (
        "Criterion\tEssential\tDesirable\tHow assessed\n"
        "Lived experience of mental health problems. Willing to use it.\tYes\t\tInterview\n"
        "NVQ level 3\t\tYes\tApplication\n"
    )
    kinds = {s.text: s.table_criterion for s in split_sentences(text)}
    assert kinds["Lived experience of mental health problems."] == "essential"
    assert kinds["Willing to use it."] == "essential"
    assert kinds["NVQ level 3"] == "desirable"
    assert "Yes" not in kinds  # a tick is not read as text


def test_the_column_wins_over_words_in_the_criterion():
    (sentence,) = [
        s
        for s in split_sentences("Criteria\tE\tD\nMust have a driving licence\t\tD\n")
        if "licence" in s.text
    ]
    assert criterion_at(sentence, 0) == "desirable"


def test_a_blank_line_and_prose_end_the_table():
    text = "Criteria\tE\tD\nGroup work\tE\n\nYou must keep records.\n"
    last = split_sentences(text)[-1]
    assert last.text == "You must keep records." and last.table_criterion is None


PDF_TABLE = """ Person specification

 Criterion                          Essential     Desirable     How assessed

 Lived experience of mental         Yes                         Application,
 health problems.                                               Interview

 NVQ level 3 in health and                        Yes           Application
 social care.

 Evidence behind this job description
 For the recruiting manager: each part of this document rests on the sources below, so keep it.
"""


def test_a_pdf_table_is_read_back_one_row_a_line():
    lines = layout_text(PDF_TABLE).split("\n")
    assert "Criterion\tEssential\tDesirable\tHow assessed" in lines
    assert "Lived experience of mental health problems.\tYes\t\tApplication, Interview" in lines
    assert "NVQ level 3 in health and social care.\t\tYes\tApplication" in lines
    assert lines[-2].startswith("For the recruiting manager")


PDF_COLUMNS = """ About the role you will offer peer           What we offer you is monthly peer
 support to people on the ward and help       supervision with the peer support lead
 them plan for going home from hospital       and a full training course before you
 with groups in their own community.          start, with reasonable adjustments.
"""


def test_two_columns_of_prose_are_read_one_after_the_other():
    text = layout_text(PDF_COLUMNS)
    assert "help\nthem plan" in text and "monthly peer\nsupervision" in text
    assert text.index("community.") < text.index("What we offer")


@pytest.mark.parametrize("marker", ["•", "1", "2."])
def test_list_markers_from_a_pdf_become_bullets(marker):
    assert layout_text(f" {marker}  Offer peer support") == "- Offer peer support"
