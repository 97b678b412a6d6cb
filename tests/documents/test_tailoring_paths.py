"""Every tailoring path – each combination of the plan's context with each way of answering –
gives a recruitment checklist without repeated lines and with questions that fit the setting."""

import itertools
import re
from functools import cache

import pytest

from roledesign.domain.scoring import Answer
from roledesign.domain.tailoring import tailor
from tests.documents.plan_examples import catalog, inputs

STATES = ("yes", "partly", "no", "dont_know", "not_relevant", None)  # None: nothing answered
# Pairs that share a phrase on purpose, each saying a different thing about it.
SAME_PHRASE_ON_PURPOSE = {
    frozenset({"RC-BA-06", "RC-AD-01"}),  # a written reason before advertising; the advert says it
    frozenset({"RC-AD-04", "RC-PE-01"}),  # the advert says how records are judged; the check
}
WARD_WORDS = re.compile(r"\b(observations?|shifts?|ward|wards|restraint)\b", re.IGNORECASE)
WARD_SETTINGS = {"inpatient", "forensic"}


def _values(key):
    return tuple(value for value, _ in catalog().context[key].values)


def paths():
    """(context, answer state) for every context and every way of answering all items."""
    for intro, setting, employment, team in itertools.product(
        *(_values(key) for key in ("introduction", "setting", "employment", "peer_team"))
    ):
        for state in STATES:
            yield intro, setting, employment, team, state


@cache
def tailored(intro, setting, employment, team, state):
    answers = {} if state is None else {item.id: Answer(state, 3) for item in catalog().items}
    return tailor(
        catalog(),
        inputs(
            answers=answers,
            setting=setting,
            introduction=intro,
            employment=employment,
            peer_workers=1 if team == "single" else 2,
            band="4" if employment == "paid" else None,
        ),
    )


def runs(text, n=5):
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


ALL_PATHS = list(paths())


def test_there_are_many_paths():
    assert len(ALL_PATHS) == 3 * 7 * 2 * 2 * len(STATES)


@pytest.mark.parametrize("setting", _values("setting"))
def test_no_checklist_line_is_repeated_on_any_path(setting):
    for path in ALL_PATHS:
        if path[1] != setting:
            continue
        lines = tailored(*path).lines["recruitment_checklist"]
        texts = [" ".join(line.text.lower().split()) for line in lines]
        assert len(texts) == len(set(texts)), path
        keys = [line.key for line in lines]
        assert len(keys) == len(set(keys)), path
        for a, b in itertools.combinations(lines, 2):
            if frozenset({a.key, b.key}) in SAME_PHRASE_ON_PURPOSE:
                continue
            shared = runs(a.text) & runs(b.text)
            assert not shared, (path, a.key, b.key, shared)


@pytest.mark.parametrize("setting", _values("setting"))
def test_checklist_and_questions_fit_the_setting(setting):
    for path in ALL_PATHS:
        if path[1] != setting:
            continue
        lines = tailored(*path).lines["recruitment_checklist"]
        ward_lines = [line.key for line in lines if WARD_WORDS.search(line.text)]
        if setting in WARD_SETTINGS:
            assert "RC-QB-06" in ward_lines, path
        else:
            assert ward_lines == [], (path, ward_lines)
        shortage = [line for line in lines if line.key.startswith("RC-QB-06")]
        assert len(shortage) == 1, path  # one question about covering for others, worded for here


@pytest.mark.parametrize("setting", _values("setting"))
def test_the_job_description_never_reads_as_a_diluted_role(setting):
    """The clauses of the job description, checked by the job description check itself: no
    drift rule fires on any of them (the not-in-role lines are negated, as they should be)."""
    from roledesign.catalog.model import DOMAIN_KEYS
    from roledesign.domain.jd_check import check_text

    for intro in _values("introduction"):
        plan = tailored(intro, setting, "paid", "single", "no")
        text = "\n".join(line.text for line in plan.lines["job_description"])
        report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
        assert report.drift == (), [(m.rule.id, m.sentence.text) for m in report.drift]


def test_a_duty_kept_anyway_takes_out_the_line_it_contradicts():
    from roledesign.domain.tailoring import Details

    plan = tailor(
        catalog(),
        inputs(
            introduction="replacement",
            setting="inpatient",
            details=Details(duties=("Escort patients to appointments off the ward",)),
        ),
    )
    keys = [line.key for line in plan.lines["job_description"]]
    assert "JD-NR-ESCORT" not in keys and "JD-NR-OBS" in keys
    assert [(line.key, duty) for line, duty in plan.withdrawn] == [
        ("JD-NR-ESCORT", "Escort patients to appointments off the ward")
    ]
    assert plan.duty_flags[0].rule_ids == ("escorting",)
