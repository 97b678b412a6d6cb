"""Check a job description or advert against the rules in checklists/jd_check.yaml.

Pure functions over plain text and the catalogue's rules: no Flask, no database. How the text
is read (sentences, negation, criteria) is in ``roledesign.domain.jd_text``; how the domain
scores are worked out is in ``domain_summaries`` and docs/jd_check.md.

Every flag names its rule, and every rule carries its evidence, so the report can always say
which rule fired, on which sentence, and why.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from roledesign.catalog.jd_patterns import PatternError, compile_pattern, fold, pattern_tokens
from roledesign.domain.jd_layout import has_columns, layout_text
from roledesign.domain.jd_lemmas import lemma, lemma_form, to_norm
from roledesign.domain.jd_text import (
    Sentence,
    clean_newlines,
    criterion_at,
    is_negated,
    split_sentences,
)

__all__ = ["PatternError", "compile_pattern", "check_text", "find", "pattern_spans"]


class Rule(Protocol):
    """What the matcher needs from a rule (roledesign.catalog.jd_check.JdRule has it all)."""

    id: str
    kind: str
    domain: str
    weight: int
    patterns: tuple[str, ...]
    requires: str
    negation: bool
    applies_to: str
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...]
    unless: tuple[str, ...]
    task: bool


class Rules(Protocol):
    rules: tuple
    scoring: object  # has start and points(kind)


@lru_cache(maxsize=512)
def rule_regex(
    patterns: tuple[str, ...],
    lemmas: bool = False,
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> re.Pattern:
    """One regular expression for all of a rule's patterns, matching whole words.

    Without ``lemmas``, the patterns that name no vocabulary, on the words as written. With
    ``lemmas``, on the dictionary forms of the words: the patterns written in dictionary forms
    ("escort patients" also matches "escorting patients", but "cleaning" was written to mean the
    task, and does not match "clean driving licence"), and every pattern that names a
    vocabulary (a frame, every word of it in dictionary form). None of them: a regular
    expression that never matches.
    """
    patterns = _patterns_for(patterns, lemmas)
    if not patterns:
        return _NEVER
    vocabularies = dict(vocabulary)
    joined = "|".join(compile_pattern(p, lemma if lemmas else None, vocabularies) for p in patterns)
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


_NEVER = re.compile(r"(?!)")


def _patterns_for(patterns: tuple[str, ...], lemmas: bool) -> tuple[str, ...]:
    if lemmas:
        return tuple(p for p in patterns if "@" in p or _in_dictionary_form(p))
    return tuple(p for p in patterns if "@" not in p)


@lru_cache(maxsize=512)
def rule_anchors(
    patterns: tuple[str, ...],
    lemmas: bool = False,
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, prefixes) one of which every match of the rule holds: for each pattern, the
    alternatives of one word it cannot match without (the longest such word, as long words are
    rarer: "the/ward/unit/house laundry" is anchored on "laundry", not "the"), or the first word
    of each phrase of a vocabulary. A sentence holding none of them cannot match, and is passed
    over without running the rule's expression."""
    words: set[str] = set()
    prefixes: list[str] = []
    vocabularies = dict(vocabulary)

    def alternatives(token: str) -> list[str]:
        if token.startswith("@"):
            return [
                alternative
                for phrase in vocabularies.get(token[1:], ())
                for alternative in alternatives(pattern_tokens(phrase)[0])
            ]
        return token.split("/")

    def add(token: str) -> None:
        for alternative in alternatives(token):
            if alternative.endswith("*"):
                prefixes.append(alternative.removesuffix("*"))
            else:
                words.add(lemma(alternative) if lemmas else alternative)

    for pattern in _patterns_for(patterns, lemmas):
        required = [t for t in pattern_tokens(pattern) if t not in ("...", "~") and "?" not in t]
        add(max(required, key=lambda t: min(len(a.rstrip("*")) for a in alternatives(t))))
    return frozenset(words), tuple(dict.fromkeys(prefixes))


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _may_match(anchors: tuple[frozenset[str], tuple[str, ...]], text: str) -> bool:
    words, prefixes = anchors
    return (
        bool(words & _words(text)) or bool(prefixes) and bool(_prefix_regex(prefixes).search(text))
    )


@lru_cache(maxsize=512)
def _prefix_regex(prefixes: tuple[str, ...]) -> re.Pattern:
    """A word of the text that starts with one of ``prefixes``."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, prefixes)) + ")")


def _in_dictionary_form(pattern: str) -> bool:
    words = re.findall(r"[a-z0-9]+(?![a-z0-9*])", fold(pattern).replace("'", ""))
    return all(lemma(word) == word for word in words)


def pattern_spans(
    patterns: tuple[str, ...],
    norm: str,
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> list[tuple[int, int]]:
    """Where a rule's patterns match ``norm``, on its words or their dictionary forms."""
    found = set()
    if _may_match(rule_anchors(patterns, False, vocabulary), norm):
        found = {m.span() for m in rule_regex(patterns, False, vocabulary).finditer(norm)}
    lemmas = lemma_form(norm)[0]
    by_lemma = rule_regex(patterns, True, vocabulary)
    if (
        by_lemma is not _NEVER
        and (lemmas != norm or vocabulary)
        and _may_match(rule_anchors(patterns, True, vocabulary), lemmas)
    ):
        found |= {to_norm(norm, *m.span()) for m in by_lemma.finditer(lemmas)}
    return sorted(found)


@dataclass(frozen=True)
class Match:
    """A rule matched in a sentence, at ``span`` in the sentence's normalised text."""

    rule: Rule
    sentence: Sentence
    span: tuple[int, int]

    @property
    def phrase(self) -> str:
        """The matched words, normalised."""
        start, end = self.span
        return self.sentence.norm[start:end]


def find(
    rule: Rule, sentences: Sequence[Sentence], skip: frozenset[int] = frozenset()
) -> tuple[Match, ...]:
    """The sentences where ``rule`` matches and counts (one Match per sentence, in order).

    Drift is not looked for in a line of the post's details ("Team: Clozapine Clinic"). A match
    does not count when it is negated (unless the rule says ``negation: false``), when
    the rule requires an essential criterion and the match is not one (or requires a criterion
    that is not desirable, and it is), or when the rule applies
    to duties and the sentence is a criterion of the person specification (or the other way),
    or when one of the rule's ``unless`` patterns is near it in the same sentence ("NVQ Level 3,
    or equivalent life experience"). Sentences whose index is in ``skip`` are passed over.
    """
    found = []
    for sentence in sentences:
        if sentence.index in skip:
            continue
        if rule.applies_to == "duties" and is_criterion(sentence):
            continue
        if rule.kind == "drift" and (sentence.is_detail or sentence.is_question):
            continue
        if rule.kind == "drift" and rule.applies_to != "criteria" and _names_a_section(sentence):
            continue
        spans = pattern_spans(rule.patterns, sentence.norm, rule.vocabulary)
        unless = (
            pattern_spans(rule.unless, sentence.norm, rule.vocabulary)
            if spans and rule.unless
            else []
        )
        for start, end in spans:
            if any(_near(sentence.norm, (start, end), span) for span in unless):
                continue
            if rule.negation and (
                sentence.in_negated_list
                or is_negated(sentence.norm, start, end, attribution=rule.kind == "drift")
            ):
                continue
            criterion = criterion_at(sentence, start)
            if rule.requires == "essential" and criterion != "essential":
                continue
            if rule.requires == "not-desirable" and criterion == "desirable":
                continue
            if rule.applies_to == "criteria" and criterion is None and not is_criterion(sentence):
                continue
            found.append(Match(rule=rule, sentence=sentence, span=(start, end)))
            break
    return tuple(found)


HEADING_WORDS = 3
UNLESS_REACH = 12  # words between a match and an ``unless`` phrase that cancels it


def _names_a_section(sentence: Sentence) -> bool:
    """A heading of a few words ("Other duties", "Observations") names the section its lines
    fill in; the duties are in those lines. Our reading."""
    return sentence.is_heading and len(sentence.norm.split()) <= HEADING_WORDS


def _near(norm: str, match: tuple[int, int], unless: tuple[int, int]) -> bool:
    """Whether an ``unless`` phrase is close enough to a match to speak about it: overlapping,
    or at most UNLESS_REACH words away on either side, so that in a long sentence listing
    several duties it cancels only the one it is about."""
    (start, end), (other_start, other_end) = match, unless
    if other_start < end and start < other_end:
        return True
    between = norm[end:other_start] if other_start >= end else norm[other_end:start]
    return len(between.split()) <= UNLESS_REACH


# Between two task matches, a clause mark, or "and"/"or" before a verb, its subject or a second
# "with" ("... and assisting with", "... and will help", "... or you may", "with obs and with
# the tea trolley"), starts another duty.
_NEW_DUTY = re.compile(r"\|| (?:and|or) (?:[a-z]+ing|will|you|to|with)(?= |$)")


def _same_duty(norm: str, first: tuple[int, int], later: tuple[int, int]) -> bool:
    """Whether a task match at ``later`` is close enough after one at ``first`` (``_near``)
    and nothing between them starts another duty."""
    if not _near(norm, first, later):
        return False
    first_word = norm[later[0] :].split(" ", 1)[0]
    return not _NEW_DUTY.search(f" {norm[first[1] : later[0]].strip()} {first_word}")


def one_task_per_duty(flagging: dict[str, tuple[Match, ...]]) -> dict[str, tuple[Match, ...]]:
    """Drop a task rule's match that follows another task rule's match in the same duty of a
    sentence: one duty seen from two sides ("fluid balance charts at mealtimes", "searches on
    return from leave") is named once, by the first rule. A later match in another duty of the
    sentence (after a clause mark, "and assisting with ...", or more than UNLESS_REACH words
    on) counts, and so do the rules that are not tasks (who directs the work, covering
    shortages). Our reading: on the first runs of 26 blind sets, readers gave the second of two
    task rules close together in one duty about half the time, and the first nearly always."""
    by_sentence: dict[int, list[Match]] = {}
    for matches in flagging.values():
        for match in matches:
            if match.rule.task:
                by_sentence.setdefault(match.sentence.index, []).append(match)
    dropped = set()
    for matches in by_sentence.values():
        kept: list[Match] = []
        for match in sorted(matches, key=lambda m: m.span):
            if any(_same_duty(match.sentence.norm, k.span, match.span) for k in kept):
                dropped.add(id(match))
            else:
                kept.append(match)
    return {
        rule_id: tuple(m for m in matches if id(m) not in dropped)
        for rule_id, matches in flagging.items()
    }


def is_criterion(sentence: Sentence) -> bool:
    """Whether a sentence sits in the person specification, or under an Essential/Desirable
    heading or column, rather than among the duties."""
    return bool(
        sentence.section == "person_spec" or sentence.table_criterion or sentence.heading_criterion
    )


@dataclass(frozen=True)
class Deduction:
    rule: Rule
    points: int  # weight × points per weight for its kind


@dataclass(frozen=True)
class DomainSummary:
    key: str
    start: int
    deductions: tuple[Deduction, ...]

    @property
    def score(self) -> int:
        """start − every deduction, never below 0."""
        return max(0, self.start - sum(d.points for d in self.deductions))


def domain_summaries(
    rules: Rules, flagged: Sequence[Rule], domain_keys: Sequence[str]
) -> tuple[DomainSummary, ...]:
    """One summary per domain, in ``domain_keys`` order.

    ``flagged`` holds the rules that count against the text: drift and language rules that
    were found, missing and evaluation rules that were not. Each takes
    weight × points_per_weight[kind] from its domain's starting score, once, however many
    sentences it flagged.
    """
    scoring = rules.scoring
    return tuple(
        DomainSummary(
            key=key,
            start=scoring.start,
            deductions=tuple(
                Deduction(rule=rule, points=rule.weight * scoring.points(rule.kind))
                for rule in flagged
                if rule.domain == key
            ),
        )
        for key in domain_keys
    )


@dataclass(frozen=True)
class Segment:
    """A piece of the original text; ``matches`` is empty for text that was not flagged."""

    text: str
    sentence: int | None = None
    matches: tuple[Match, ...] = ()


@dataclass(frozen=True)
class JdReport:
    text: str
    sentences: tuple[Sentence, ...]
    drift: tuple[Match, ...]  # every flagged sentence, in text order
    language: tuple[Match, ...]
    missing: tuple[Rule, ...]  # missing rules with no counting match
    evaluation_gaps: tuple[Rule, ...]
    found: tuple[Match, ...]  # the first match of each missing or evaluation rule that was met
    domains: tuple[DomainSummary, ...]

    @property
    def flagged_sentences(self) -> dict[int, tuple[Match, ...]]:
        """Drift and language matches by sentence index, drift first."""
        by_sentence: dict[int, list[Match]] = {}
        for match in (*self.drift, *self.language):
            by_sentence.setdefault(match.sentence.index, []).append(match)
        return {index: tuple(matches) for index, matches in sorted(by_sentence.items())}

    def segments(self) -> tuple[Segment, ...]:
        """The whole text, cut into flagged sentences and the text between them."""
        pieces, position = [], 0
        for index, matches in self.flagged_sentences.items():
            sentence = self.sentences[index]
            if sentence.start > position:
                pieces.append(Segment(self.text[position : sentence.start]))
            pieces.append(Segment(sentence.text, sentence=index, matches=matches))
            position = sentence.end
        if position < len(self.text):
            pieces.append(Segment(self.text[position:]))
        return tuple(pieces)

    def found_for(self, rule_id: str) -> Match | None:
        return next((m for m in self.found if m.rule.id == rule_id), None)


def check_text(text: str, rules: Rules, domain_keys: Sequence[str]) -> JdReport:
    """Check ``text`` against every rule and summarise the result per domain.

    Text laid out in columns with runs of spaces, as it arrives when copied out of a PDF, is
    first read back into rows and cells the way an uploaded PDF is, so a person specification
    whose cells wrap over several lines gives the same findings pasted as uploaded.
    """
    text = clean_newlines(text)
    if has_columns(text):
        text = layout_text(text)
    sentences = split_sentences(text)
    drift, language, missing, gaps, found = [], [], [], [], []
    flagged: list[Rule] = []
    flagging = one_task_per_duty(
        {rule.id: find(rule, sentences) for rule in rules.rules if rule.kind == "drift"}
    )
    for rule in rules.rules:
        if rule.kind == "drift":
            matches = flagging[rule.id]
        else:
            skip = {m.sentence.index for other in rule.not_with for m in flagging[other]}
            matches = find(rule, sentences, frozenset(skip))
        if rule.kind in ("drift", "language"):
            (drift if rule.kind == "drift" else language).extend(matches)
            if matches:
                flagged.append(rule)
        elif matches:
            found.append(matches[0])
        else:
            (missing if rule.kind == "missing" else gaps).append(rule)
            flagged.append(rule)

    def in_text_order(matches):
        return tuple(sorted(matches, key=lambda m: m.sentence.index))

    return JdReport(
        text=text,
        sentences=sentences,
        drift=in_text_order(drift),
        language=in_text_order(language),
        missing=tuple(missing),
        evaluation_gaps=tuple(gaps),
        found=tuple(found),
        domains=domain_summaries(rules, flagged, domain_keys),
    )
