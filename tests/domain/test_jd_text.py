"""Reading a job description: sentences, normalised words, clauses, negation and criteria."""

import pytest

from roledesign.domain.jd_text import (
    criterion_at,
    is_negated,
    normalise,
    split_sentences,
)


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_normalise_lowercases_drops_apostrophes_accents_and_marks_clauses():
    assert normalise("Within arm's length; 1:1 obs") == "within arms length | 1 1 obs"
    assert normalise("Café & kitchen") == "cafe and kitchen"
    assert normalise("Essential\tE") == "essential | e"
    assert normalise("not observations, but meals") == "not observations | but meals"
    assert normalise("2024–2027 strategy") == "2024 2027 strategy"  # a range, not a clause break


def test_sentences_end_at_full_stops_line_breaks_and_bullets():
    text = "Job purpose\nYou will listen. You will share hope!\n- Close obs\n• Restraint\n1. Meals"
    assert texts(text) == [
        "Job purpose",
        "You will listen.",
        "You will share hope!",
        "Close obs",
        "Restraint",
        "Meals",
    ]
    bullets = [s.is_bullet for s in split_sentences(text)]
    assert bullets == [False, False, False, True, True, True]


def test_abbreviations_initials_and_wrapped_lines_do_not_end_a_sentence():
    text = "Support groups, e.g. Hearing Voices. Ask Dr. Shah or J. Smith.\nYou will help\npeople plan."
    assert texts(text) == [
        "Support groups, e.g. Hearing Voices.",
        "Ask Dr. Shah or J. Smith.",
        "You will help\npeople plan.",
    ]


def test_numbers_end_sentences_but_decimals_do_not():
    assert texts("Band 4. Hours 37.5 a week. Start soon.") == [
        "Band 4.",
        "Hours 37.5 a week.",
        "Start soon.",
    ]


def test_sentence_offsets_point_into_the_text():
    text = "Intro.\n\n- You will carry out obs.\n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("sentence", "phrase", "negated"),
    [
        ("You will carry out close observations.", "close observations", False),
        ("You will not be expected to carry out close observations.", "close observations", True),
        ("Close observations are not part of this role.", "close observations", True),
        ("You will never restrain anyone.", "restrain", True),
        ("Offer companionship rather than close observations.", "close observations", True),
        ("Restraint remains the responsibility of the nursing team.", "restraint", True),
        ("Restraint is carried out by registered staff.", "restraint", True),
        # "remain with them" is the peer worker staying, not the task belonging to others.
        (
            "You will travel with the person in the ambulance and remain with them until handover.",
            "travel with the person in the ambulance",
            False,
        ),
        ("Restraint is carried out by the peer worker when needed.", "restraint", False),
        (
            "You will have peer training delivered by people with lived experience.",
            "peer training",
            False,
        ),
        # "not only ... but also" affirms; "but" also starts a new clause.
        ("You will not only listen but also do close observations.", "close observations", False),
        # A negation in another clause does not reach across it.
        (
            "You will not be on the rota; you will do close observations.",
            "close observations",
            False,
        ),
        # Reducing something is not doing it, but only when the word governs the match.
        ("Help the ward reduce the use of restraint.", "restraint", True),
        (
            "Take part in the prevention and management of aggression, including physical restraint.",
            "restraint",
            False,
        ),
        ("Whether or not people take medication, you will listen.", "medication", False),
        # Issue 16: an opening clause ends at its comma, and so does its negation.
        (
            "While you will not be expected to take part directly in any act of force, you will "
            "restrain patients when asked.",
            "restrain",
            False,
        ),
        ("If you do not know, you will ask before giving medication.", "medication", False),
        # A comma before a new subject and verb starts a new clause.
        ("You will not be on the rota, you will do close observations.", "close obs", False),
        # A list after the negation stays negated.
        ("You will not restrain, search or observe patients.", "observe", True),
        # Support after an event is not taking part in it (our inference).
        ("Support patients before and after restrictive interventions.", "restrictive", True),
        ("Offer a debrief following restraint.", "restraint", True),
        ("Following handover, carry out close observations.", "close observations", False),
        # Blind set 7: a negation inside the match, after its first word, negates it.
        ("Peer workers do not triage callers.", "do not triage", True),
        # "or" carries a negation on through a long list, past the fifteen-word window.
        (
            "You won't carry out observations of mothers or babies, give or check medication, "
            "take part in restraint or searches, or be counted in the nursing numbers.",
            "counted in the nursing numbers",
            True,
        ),
        ("Escorted leave stays with the nursing team.", "escorted leave", True),
        # Blind set 8: a comma in brackets does not end an opening clause, and a subject of
        # other staff may be "the medical and nursing staff in the team".
        (
            "While the medical and nursing staff in the team are responsible for physical "
            "monitoring (weights, bloods and ECGs), your role is to listen.",
            "ecgs",
            True,
        ),
        # "may not leave" is about the residents, not about the escorting.
        (
            "Accompany residents on all outings, as they may not leave the house alone.",
            "accompany residents on all outings",
            False,
        ),
        # Blind set 11: who carries out a list of tasks may come well after its first item.
        (
            "Weighing, meal supervision, physical observations, blood tests, medication and "
            "restraint are carried out by registered and support staff.",
            "weighing",
            True,
        ),
        # Blind set 12: a list inside an opening clause does not end it at its first comma.
        (
            "While the nursing team holds responsibility for observation levels, medication and "
            "physical health monitoring, the peer worker spends time with mothers.",
            "physical health monitoring",
            True,
        ),
        # Blind set 14: "or" carries the negation three words on ("or take part in restraint").
        (
            "Peer workers do not carry out clinical assessments, act as care co-ordinators, "
            "administer or monitor medication, or take part in restraint.",
            "restraint",
            True,
        ),
        # Being supervised "from outside your line management" negates nothing.
        (
            "Monthly peer supervision with a peer practitioner from outside your line management.",
            "peer supervision",
            False,
        ),
    ],
)
def test_negation_within_the_clause(sentence, phrase, negated):
    norm = normalise(sentence)
    start = norm.index(phrase)
    assert is_negated(norm, start, start + len(phrase)) is negated


def test_negation_reaches_fifteen_words_back_but_no_further():
    near = "you will not " + "x " * 14 + "restraint"
    far = "you will not " + "x " * 16 + "restraint"
    for norm, negated in ((near, True), (far, False)):
        start = norm.index("restraint")
        assert is_negated(norm, start, len(norm)) is negated


def test_a_negating_lead_in_covers_its_list_and_ends_with_it():
    text = (
        "This role does not include:\n"
        "- close observations\n"
        "\n"
        "- restraint\n"
        "Main duties\n"
        "- escorting people on leave\n"
    )
    flags = {s.text: s.in_negated_list for s in split_sentences(text)}
    assert flags == {
        "This role does not include:": False,
        "close observations": True,
        "restraint": True,  # a blank line between bullets does not end the list
        "Main duties": False,
        "escorting people on leave": False,
    }


def test_a_negating_heading_covers_its_first_paragraph_only():
    text = "What the role is not\nClose observations and restraint.\n\nYou will run groups."
    flags = [s.in_negated_list for s in split_sentences(text)]
    assert flags == [False, True, False]


def test_criteria_come_from_the_nearest_cue_then_the_heading():
    text = (
        "Essential\n"
        "- Lived experience of mental health problems\n"
        "- Group work would be an advantage\n"
        "Desirable\n"
        "- Lived experience of services\n"
        "Lived experience is essential; a degree is desirable.\n"
        "Lived experience of recovery\tE\n"
        "It is not essential to have lived experience.\n"
    )
    sentences = split_sentences(text)

    def criterion(n, phrase="lived experience"):
        s = sentences[n]
        return criterion_at(s, s.norm.index(phrase))

    assert criterion(1) == "essential"  # under the Essential heading
    assert criterion(2, "group work") == "desirable"  # its own cue wins over the heading
    assert criterion(4) == "desirable"  # under the Desirable heading
    assert criterion(5) == "essential"  # nearest cue after it, in its own clause
    assert criterion(5, "a degree") == "essential"  # nearest cue *before* wins
    assert criterion(6) == "essential"  # a table cell "E"
    assert criterion(7) == "desirable"  # "not essential"


def test_attribution_to_others_only_cancels_tasks():
    norm = normalise("A team of three peer workers, managed by the wellbeing lead")
    start = norm.index("three peer workers")
    end = start + len("three peer workers")
    assert is_negated(norm, start, end, attribution=False) is False  # still peer colleagues
    norm = normalise("Close observations are done by the nursing team")
    assert is_negated(norm, 0, len("close observations")) is True
    assert is_negated(norm, 0, len("close observations"), attribution=False) is False


def test_reducing_or_following_concerns_tasks_only():
    # "Suicide prevention strategy" states a purpose; "prevention" does not negate it.
    norm = normalise("The suicide prevention strategy commits partners to peer support.")
    start = norm.index("strategy")
    assert is_negated(norm, start, norm.index("peer"), attribution=False) is False
    # For a task it still does: "help the ward reduce the use of restraint".
    norm = normalise("Help the ward reduce the use of restraint.")
    start = norm.index("restraint")
    assert is_negated(norm, start, start + len("restraint")) is True


def test_a_line_ending_on_a_small_word_runs_on_whatever_comes_next():
    # Text copied from a PDF keeps its line breaks: "... set out in the" / "ACCT caremap".
    text = (
        "- Carry out the observations and conversations set out in the\n"
        "ACCT caremap, recording each entry.\n"
    )
    (sentence,) = split_sentences(text)
    assert "set out in the\nACCT caremap" in sentence.text


def test_as_required_in_a_duty_is_not_an_essential_criterion():
    duty = split_sentences("Escalate to the registered nurse as required.")[0]
    criterion = split_sentences("A registered nurse qualification is required.")[0]
    assert criterion_at(duty, 0) is None
    assert criterion_at(criterion, 0) == "essential"


def test_only_the_last_sentence_of_a_lead_in_line_introduces_its_list():
    # Blind set 10: "... our other staff often can't. You will:" introduced duties; the
    # "can't" in the sentence before it made the whole list read as negated.
    text = (
        "You'll build trust with residents that our other staff often can't. You will:\n"
        "* make up the numbers when a shift is short\n"
    )
    duty = split_sentences(text)[-1]
    assert duty.in_negated_list is False
    negated = split_sentences("This role does not include:\n* making up the numbers\n")[-1]
    assert negated.in_negated_list is True
