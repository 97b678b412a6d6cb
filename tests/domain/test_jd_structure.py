"""The parts of a job description: headings name sections, and person-specification tables give
each criterion the kind of its column, from text, Word and PDF alike (issue 16)."""

import pytest

from roledesign.catalog import DOMAIN_KEYS
from roledesign.domain.jd_check import check_text
from roledesign.domain.jd_layout import layout_text
from roledesign.domain.jd_text import criterion_at, split_sentences
from tests.documents.plan_examples import catalog


def table_kinds(text: str) -> dict[str, str | None]:
    """Each sentence's text and the kind its table column gives it."""
    return {s.text: s.table_criterion for s in split_sentences(text)}


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
    kinds = table_kinds(text)
    assert kinds["Lived experience of mental health problems."] == "essential"
    assert kinds["Willing to use it."] == "essential"
    assert kinds["NVQ level 3"] == "desirable"
    assert "Yes" not in kinds  # a tick is not read as text


@pytest.mark.parametrize("cross", ["✗", "✘", "No", "N"])
def test_a_cross_in_the_essential_column_is_no_tick(cross):
    text = (
        "Criteria\tEssential\tDesirable\n"
        f"A nursing degree or NVQ level 3 in health and social care\t{cross}\t✓\n"
        f"Lived experience of mental health problems\t✓\t{cross}\n"
    )
    kinds = table_kinds(text)
    assert kinds == {
        "Criteria\tEssential\tDesirable": None,  # the header row
        "A nursing degree or NVQ level 3 in health and social care": "desirable",
        "Lived experience of mental health problems": "essential",
    }
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert "credentials-essential" not in {m.rule.id for m in report.drift}


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


PASTED_FROM_PDF = """Person specification
                      Essential                          Desirable
Qualifications        NVQ Level 3 in Health and          Peer support training
                      Social Care, or equivalent
                      relevant life or work experience
Knowledge and         Understanding of recovery and      Knowledge of local
skills                of peer support                    community groups
Experience            Personal lived experience of       Experience of acute
                      mental health problems             admission
"""


def test_a_table_copied_from_a_pdf_is_read_row_by_row_without_blank_lines():
    # The header leaves the label column empty and no blank line separates the rows: each
    # label in the first column starts a row, and "Knowledge and" runs on into "skills".
    lines = layout_text(PASTED_FROM_PDF).split("\n")
    assert "\tEssential\tDesirable" in lines
    assert (
        "Qualifications\tNVQ Level 3 in Health and Social Care, or equivalent relevant life or"
        " work experience\tPeer support training"
    ) in lines
    assert (
        "Knowledge and skills\tUnderstanding of recovery and of peer support"
        "\tKnowledge of local community groups"
    ) in lines
    assert (
        "Experience\tPersonal lived experience of mental health problems"
        "\tExperience of acute admission"
    ) in lines


def test_pasted_text_in_columns_gives_the_same_findings_as_the_pdf_reader():
    rules = catalog().jd_check
    pasted = check_text(PASTED_FROM_PDF, rules, DOMAIN_KEYS)
    read = check_text(layout_text(PASTED_FROM_PDF), rules, DOMAIN_KEYS)
    # The wrapped cell is read whole: the NVQ may be replaced by life or work experience.
    assert [m.rule.id for m in pasted.drift] == [m.rule.id for m in read.drift] == []
    assert "lived-experience-essential" not in {r.id for r in pasted.missing}
    assert {r.id for r in pasted.missing} == {r.id for r in read.missing}


ONE_CRITERION_A_LINE = """PERSON SPECIFICATION

Criteria          Requirement                                            E/D    Assessed by
Qualifications    NVQ Level 3 in Health and Social Care or equivalent    E      Application
                  Peer support training                                  D      Application
Experience        Six months' experience as a healthcare assistant       E      Interview
                  or support worker in a mental health setting
                  Personal experience of using mental health services    E      Interview
"""


def test_one_criterion_a_line_under_an_e_d_column():
    # Blind set 7: an "E/D" column says each line's kind, and a second E or D in that column
    # starts a new criterion even under the same label; a line with none continues the last.
    kinds = table_kinds(layout_text(ONE_CRITERION_A_LINE))
    assert kinds["NVQ Level 3 in Health and Social Care or equivalent"] == "essential"
    assert kinds["Peer support training"] == "desirable"
    assert (
        kinds[
            "Six months' experience as a healthcare assistant or support worker in a mental "
            "health setting"
        ]
        == "essential"
    )
    assert kinds["Personal experience of using mental health services"] == "essential"
    report = check_text(ONE_CRITERION_A_LINE, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {
        "credentials-essential",
        "healthcare-experience-essential",
    }
    assert "lived-experience-essential" not in {r.id for r in report.missing}


def _padded_row(*cells: str) -> str:
    widths = (50, 11, 11)
    return "|" + "|".join(f" {c}".ljust(w) for c, w in zip(cells, widths, strict=True)) + "|"


ALIGNED_PIPES = "\n".join(
    [
        "Person specification",
        _padded_row("Criteria", "Essential", "Desirable"),
        "|" + "|".join("-" * w for w in (50, 11, 11)) + "|",
        _padded_row("Experience of working with people with eating", "    ✓", ""),
        _padded_row("disorders in an NHS or independent healthcare", "", ""),
        _padded_row("setting", "", ""),
        _padded_row("Peer support training or qualification", "", "    ✓"),
        "",
    ]
)


def test_a_padded_pipe_table_joins_cells_wrapped_over_lines():
    # Blind set 8: pipes that line up from line to line are a table typed with padding; a
    # criterion wrapped over three lines is one criterion, under its column's tick.
    lines = layout_text(ALIGNED_PIPES).split("\n")
    assert (
        "Experience of working with people with eating disorders in an NHS or independent"
        " healthcare setting\t✓"
    ) in lines
    assert not any(set(line) <= set("-\t ") and line for line in lines)  # the rule is dropped
    report = check_text(ALIGNED_PIPES, catalog().jd_check, DOMAIN_KEYS)
    assert [m.rule.id for m in report.drift] == ["healthcare-experience-essential"]


def test_a_line_marked_e_or_d_gives_its_kind():
    text = "Experience\nE  Lived experience of mental health problems\nD  NVQ Level 3 in care\n"
    kinds = {s.text: s.heading_criterion for s in split_sentences(text)}
    assert kinds["E  Lived experience of mental health problems"] == "essential"
    assert kinds["D  NVQ Level 3 in care"] == "desirable"


def test_numbered_trac_headings_and_the_document_title_name_their_sections():
    # Blind set 9: "Job Description and Person Specification" is the title, not the person
    # specification, and "2. Key Result Areas" is the duties heading of a Trac job description.
    text = (
        "Job Description and Person Specification\n"
        "1. Job Summary\n"
        "Offers peer support.\n"
        "2. Key Result Areas\n"
        "2.1 Complete the risk screen at every contact.\n"
        "3. Supervision of meals on the ward.\n"
        "4. Knowledge, Training and Experience\n"
        "4.1 Lived experience of mental health problems.\n"
    )
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["Offers peer support."] == "purpose"
    assert sections["2.1 Complete the risk screen at every contact."] == "duties"
    # A numbered duty is not in title case, so it is not a heading.
    assert sections["Supervision of meals on the ward."] == "duties"
    assert sections["4.1 Lived experience of mental health problems."] == "person_spec"


HAND_ALIGNED = """Attribute          Essential                         Desirable
Experience         12 months' experience in a healthcare   Own experience of the criminal
                   or custodial setting                    justice system or of mental
                                                           health difficulties
Health             Must not have received treatment
                   from mental health services
                   within the last two years

Meridian Health is an equal opportunities employer and welcomes applications from everyone.
"""


def test_columns_typed_by_hand_a_few_characters_off_are_still_read():
    # Blind set 9: a long cell runs past the next column's start and the next column sits six
    # characters off its heading; prose after the table is not taken into it.
    lines = layout_text(HAND_ALIGNED).split("\n")
    assert (
        "Experience\t12 months' experience in a healthcare or custodial setting\tOwn experience"
        " of the criminal justice system or of mental health difficulties"
    ) in lines
    assert (
        "Health\tMust not have received treatment from mental health services within the last"
        " two years"
    ) in lines
    assert lines[-2].startswith("Meridian Health is an equal opportunities employer")


def test_an_e_slash_d_header_and_must_have_lead_ins_give_the_kind():
    spaced = (
        "PERSON SPECIFICATION                    E / D\nLived experience of recovery            E\n"
    )
    (criterion,) = [s for s in split_sentences(layout_text(spaced)) if "Lived" in s.text]
    assert criterion.table_criterion == "essential"
    text = "Must-haves:\n- Lived experience of recovery\n\nNice-to-haves:\n- A peer qualification\n"
    kinds = {s.text: s.heading_criterion for s in split_sentences(text)}
    assert kinds["Lived experience of recovery"] == "essential"
    assert kinds["A peer qualification"] == "desirable"


TICKED_COLUMN = """Qualifications
  GCSE English and Maths at grade C / 4 or above                  Essential ✓
  NVQ Level 3 in Business Administration or Customer Service      Essential ✓
  Knowledge of the NHS Complaints Regulations 2009                Desirable ✓
"""


def test_a_short_right_hand_column_stays_with_its_row():
    # Blind set 11: "Essential ✓" beside each criterion is not a second column of prose to be
    # read after the first; it stays on the criterion's line.
    lines = layout_text(TICKED_COLUMN).split("\n")
    assert "NVQ Level 3 in Business Administration or Customer Service\tEssential ✓" in lines
    (nvq,) = [s for s in split_sentences(layout_text(TICKED_COLUMN)) if "NVQ" in s.text]
    assert criterion_at(nvq, 0) == "essential"


def test_lettered_duties_are_not_e_or_d_marks_but_bracketed_capitals_are():
    # Blind set 12: "(E) A Level 3 qualification" is essential; "d) Supports the nurse" and
    # "e) Completes scales" are the fourth and fifth duties of a lettered list.
    text = (
        "Duties\nd) Supports the nurse at medicine rounds.\ne) Completes rating scales.\n"
        "Person specification\n(E) A Level 3 qualification in advice work\n(D) A driving licence\n"
    )
    kinds = {s.text: s.heading_criterion for s in split_sentences(text)}
    assert kinds["Supports the nurse at medicine rounds."] is None
    assert kinds["Completes rating scales."] is None
    assert kinds["(E) A Level 3 qualification in advice work"] == "essential"
    assert kinds["(D) A driving licence"] == "desirable"


def test_a_typed_row_whose_criterion_runs_past_its_column_keeps_its_marks():
    # The first criterion is longer than its column, so its "E" and "A" stand nearer the
    # next columns than their own; the rows after it are aligned.
    typed = (
        "Criteria                                                  E/D    Assessed\n"
        "Level 2 Diploma in Health and Social Care (or working towards)   E      A\n"
        "Six months' experience of personal care in a paid role      E      A/I\n"
    )
    assert [line for line in layout_text(typed).split("\n") if line] == [
        "Criteria\tE/D\tAssessed",
        "Level 2 Diploma in Health and Social Care (or working towards)\tE\tA",
        "Six months' experience of personal care in a paid role\tE\tA/I",
    ]
    report = check_text(typed, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {
        "credentials-essential",
        "healthcare-experience-essential",
    }


@pytest.mark.parametrize(
    ("typed", "last_row"),
    [
        (
            "Criteria                                        E/D\n"
            "Budget monitoring                               E\n"
            "Experience of working in an NHS hospital setting  E\n",
            "Experience of working in an NHS hospital setting\tE",
        ),
        (  # with more columns after the mark
            "Person specification                          Essential   Desirable   Assessed\n"
            "Degree in psychology                             ✓                     A\n"
            "Experience of working in an NHS hospital setting  ✓                   A/I\n",
            "Experience of working in an NHS hospital setting\t✓\t\tA/I",
        ),
        (  # a tick one space after the criterion
            "                                            Essential   Desirable\n"
            "Lived experience of perinatal difficulties     ✓\n"
            "Experience of caring for babies in a hospital ✓\n",
            "Experience of caring for babies in a hospital\t✓",
        ),
    ],
)
def test_a_mark_close_after_a_long_criterion_is_its_own_cell(typed, last_row):
    rows = [line for line in layout_text(typed).split("\n") if line]
    assert rows[-1] == last_row
    report = check_text(typed, catalog().jd_check, DOMAIN_KEYS)
    assert "healthcare-experience-essential" in {m.rule.id for m in report.drift}


def test_an_abbreviation_in_brackets_does_not_end_the_criterion():
    text = "Criteria\tEssential\tDesirable\nExperience in a care home (min. 1 year)\t✓\n"
    (criterion,) = [s for s in split_sentences(text) if "care home" in s.text]
    assert criterion.text == "Experience in a care home (min. 1 year)"
    assert criterion.table_criterion == "essential"


def test_essential_and_desirable_columns_without_a_label_column():
    text = (
        "Essential\tDesirable\n"
        "Level 3 Diploma in Health and Social Care\tOwn experience of recovery\n"
    )
    kinds = table_kinds(text)
    assert kinds["Level 3 Diploma in Health and Social Care"] == "essential"
    assert kinds["Own experience of recovery"] == "desirable"


def test_a_pipe_table_whose_pipes_do_not_line_up_keeps_its_cells():
    text = (
        "Person specification\n"
        "| Criteria       | Essential                                  | Desirable        |\n"
        "| Qualifications | Level 3 Diploma in Health & Social Care     | Peer mentoring   |\n"
        "| Experience     | Experience of working in a hospital setting | Voluntary work |\n"
    )
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert {m.rule.id for m in report.drift} == {
        "credentials-essential",
        "healthcare-experience-essential",
    }


# Two columns of bulleted duties as a PDF lays them out: each wrapped line hangs under its
# item's text, three characters right of the column's start (blind_47).
HANGING_COLUMNS = """Ward work                                         Security
-  Support the ward team with observations of       -  Search patients' rooms and their
   patients at the levels the care plan sets.          visitors' bags when told to.
-  Help patients with washing, dressing and         -  Help staff manage incidents of
   the laundry of their own clothes.                   aggression on the unit.
-  Listen to how people are finding the ward        -  Keep the ward's key log and
   and share your own story where it helps.            sign out the alarms.
"""


def test_two_columns_of_bullets_with_hanging_lines_are_read_one_after_the_other():
    text = layout_text(HANGING_COLUMNS)
    assert "observations of\npatients at the levels" in text
    assert text.index("where it helps.") < text.index("Security")
    flagged = {m.sentence.text.replace("\n", " ") for m in _drift(HANGING_COLUMNS)}
    assert "Search patients' rooms and their visitors' bags when told to." in flagged
    assert not any(text.startswith(("patients at", "visitors'", "the laundry")) for text in flagged)


# A duties table with a column other than Essential/Desirable, its first cells wrapped
# (blind_46).
DUTIES_TABLE = """Key tasks                                                      How often
Help the nurses with observations of patients as set out in    Every shift
the ward's engagement and observation policy
Go with patients on their escorted leave to the shops          Daily
and to their appointments
Restock the linen cupboard and keep the ward's rooms tidy      Weekly
Run a weekly hope and recovery group with a peer colleague     Weekly
"""


def test_a_table_of_duties_whose_cells_wrap_is_read_one_row_a_line():
    lines = [line for line in layout_text(DUTIES_TABLE).split("\n") if line]
    assert lines[1] == (
        "Help the nurses with observations of patients as set out in the ward's engagement and "
        "observation policy\tEvery shift"
    )
    assert lines[2] == (
        "Go with patients on their escorted leave to the shops and to their appointments\tDaily"
    )
    flagged = [m.sentence.text for m in _drift(DUTIES_TABLE)]
    assert not any(text.startswith(("the ward's", "and to their")) for text in flagged)


def _drift(text):
    return check_text(text, catalog().jd_check, DOMAIN_KEYS).drift


def test_a_numbered_heading_in_sentence_case_over_a_paragraph_names_its_section():
    text = (
        "5. Main duties\n- Listen to people.\n\n"
        "6. Other duties\nYou may take on other tasks that fit the peer role, agreed in supervision.\n"
    )
    (heading,) = [s for s in split_sentences(text) if s.text == "Other duties"]
    assert heading.is_heading
    assert _drift(text) == ()
    # a short numbered duty among others is still a duty
    duties = "Duties\n1. Supervision of meals\n2. Other duties as directed by the nurse in charge\n"
    assert {m.rule.id for m in _drift(duties)} >= {"mealtimes", "other-duties"}


# Duties under labels, as a PDF lays them out: the duty wraps in its own column, and a
# second duty under the same label starts with a capital (blind_50).
LABELLED_DUTIES = """KEY TASKS
Personal care          Helping people with bathing, shaving and
                       getting dressed each morning
Safety                 Checking on patients every half hour as set
                       out in the care plan
                       Searching bedrooms after patients come back from leave
Peer support           Sharing your own recovery story where it helps
"""


def test_duties_under_labels_whose_cells_wrap_are_read_one_duty_a_row():
    rows = [line for line in layout_text(LABELLED_DUTIES).split("\n") if line]
    assert rows[1:] == [
        "Personal care\tHelping people with bathing, shaving and getting dressed each morning",
        "Safety\tChecking on patients every half hour as set out in the care plan",
        "\tSearching bedrooms after patients come back from leave",
        "Peer support\tSharing your own recovery story where it helps",
    ]
    flagged = {m.rule.id: m.sentence.text for m in _drift(LABELLED_DUTIES)}
    assert flagged["restraint"] == "Searching bedrooms after patients come back from leave"
    assert not any(text.startswith(("getting dressed", "out in the")) for text in flagged.values())
