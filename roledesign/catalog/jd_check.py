"""The job description check's rules, loaded from checklists/jd_check.yaml and validated.

Problems are reported like the rest of the catalogue, naming the file, the rule and the problem:
``checklists/jd_check.yaml: rule close-observations: pattern 3: '...' cannot start a pattern``.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from roledesign.catalog.jd_patterns import (
    VOCABULARY_NAME,
    PatternError,
    compile_pattern,
    vocabulary_refs,
)
from roledesign.catalog.model import DOMAIN_KEYS, Evidence
from roledesign.catalog.parsing import evidence_links as _evidence
from roledesign.catalog.parsing import read_yaml as _read
from roledesign.catalog.parsing import text_field as _text
from roledesign.catalog.parsing import unknown_fields as _unknown_fields

JD_KINDS = ("drift", "missing", "evaluation", "language")
JD_REQUIRES = ("essential", "not-desirable")
JD_APPLIES_TO = ("anywhere", "duties", "criteria")
RULE_FIELDS = {
    "id",
    "kind",
    "title",
    "domain",
    "weight",
    "why",
    "action",
    "patterns",
    "evidence",
    "requires",
    "negation",
    "applies_to",
    "unless",
    "not_with",
    "task",
}
_RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class JdRule:
    id: str
    kind: str  # one of JD_KINDS
    title: str  # short name shown with each flag
    domain: str  # the readiness domain it bears on
    weight: int  # 1-3, as for items
    why: str  # plain English: why this matters
    action: str  # what to change (for language rules, the suggested wording)
    patterns: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    # "essential": only counts in an essential criterion; "not-desirable": never in a desirable one
    requires: str = ""
    negation: bool = True  # False: negation nearby does not cancel a match
    applies_to: str = (
        "anywhere"  # "duties": not in the person specification; "criteria": only there
    )
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the @vocabularies its patterns use
    unless: tuple[str, ...] = ()  # patterns that, found in the same sentence, cancel a match
    # drift rules whose flagged sentences cannot show this missing rule is met: "Any
    # disclosure must be agreed with your manager" is not how sharing will work
    not_with: tuple[str, ...] = ()
    # a drift rule that names a kind of work (observations, reception cover), as against one
    # about how the post is run (who directs it, covering shortages) or a criterion
    task: bool = False

    @property
    def sources(self) -> tuple[str, ...]:
        """Source keys in evidence order, each once."""
        return tuple(dict.fromkeys(e.source for e in self.evidence))


@dataclass(frozen=True)
class JdScoring:
    start: int
    points_per_weight: tuple[tuple[str, int], ...]  # (kind, points)

    def points(self, kind: str) -> int:
        return dict(self.points_per_weight)[kind]


@dataclass(frozen=True)
class JdCheckRules:
    rules: tuple[JdRule, ...]
    scoring: JdScoring
    peer_work: tuple[str, ...] = ()  # patterns for a duty that is distinctly peer work
    vocabularies: tuple[tuple[str, tuple[str, ...]], ...] = ()  # name → phrases, for @name

    def of_kind(self, kind: str) -> tuple[JdRule, ...]:
        return tuple(rule for rule in self.rules if rule.kind == kind)

    def rule(self, rule_id: str) -> JdRule:
        return next(rule for rule in self.rules if rule.id == rule_id)


_NO_SCORING = JdScoring(start=100, points_per_weight=tuple((kind, 0) for kind in JD_KINDS))


def _scoring(raw, path, problems) -> JdScoring:
    if not isinstance(raw, dict):
        problems.add(path, "scoring", "needs 'start' and 'points_per_weight'")
        return _NO_SCORING
    start = raw.get("start")
    if not isinstance(start, int) or isinstance(start, bool) or not 1 <= start <= 1000:
        problems.add(
            path, "scoring", f"start must be a whole number from 1 to 1000 (got {start!r})"
        )
        start = 100
    points = raw.get("points_per_weight")
    if not isinstance(points, dict):
        problems.add(path, "scoring", "points_per_weight must map each kind of rule to points")
        return JdScoring(start=start, points_per_weight=_NO_SCORING.points_per_weight)
    pairs = []
    for kind in JD_KINDS:
        value = points.get(kind)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            problems.add(
                path, "scoring", f"points_per_weight.{kind} must be 0 to 100 (got {value!r})"
            )
            value = 0
        pairs.append((kind, value))
    for kind in sorted(set(points) - set(JD_KINDS), key=str):
        problems.add(path, "scoring", f"points_per_weight has unknown kind '{kind}'")
    return JdScoring(start=start, points_per_weight=tuple(pairs))


# YAML reads a bare off, on, yes or no as true or false, not as the word.
_QUOTE_HINT = " (quote words YAML reads as true or false: 'off', 'on', 'yes', 'no')"


def _is_words(value) -> bool:
    """Text (or a number such as 136) that is not blank; never a YAML true or false."""
    return isinstance(value, str | int) and not isinstance(value, bool) and bool(str(value).strip())


def _patterns(raw, path, where, problems, vocabularies) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(path, where, "needs a non-empty list of 'patterns'")
        return ()
    patterns = []
    for n, pattern in enumerate(raw, 1):
        if not _is_words(pattern):
            problems.add(path, where, f"pattern {n} must be text{_QUOTE_HINT}")
            continue
        try:
            compile_pattern(str(pattern), vocabularies=vocabularies)
        except PatternError as err:
            problems.add(path, where, f"pattern {n}: {err}")
            continue
        patterns.append(str(pattern).strip())
    if len(set(patterns)) != len(patterns):
        problems.add(path, where, "has the same pattern twice")
    return tuple(patterns)


def _vocabularies(raw, path, problems) -> dict[str, tuple[str, ...]]:
    """The ``vocabularies`` section: each name a list of phrases in the pattern syntax."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.add(path, "vocabularies", "must map each name to a list of phrases")
        return {}
    found = {}
    for name, phrases in raw.items():
        where = f"vocabulary {name}"
        if not isinstance(name, str) or not VOCABULARY_NAME.fullmatch(name):
            problems.add(path, where, "name must be lower-case words joined by hyphens")
            continue
        if not isinstance(phrases, list) or not phrases:
            problems.add(path, where, "needs a non-empty list of phrases")
            continue
        good = []
        for phrase in phrases:
            try:
                if not _is_words(phrase):
                    raise PatternError(f"{phrase!r} must be text{_QUOTE_HINT}")
                text = str(phrase).strip()
                if any(mark in text for mark in ("@", "...", "~")):
                    raise PatternError(f"{phrase!r} must be words, without '...', '~' or '@'")
                compile_pattern(text)
            except PatternError as err:
                problems.add(path, where, f"phrase {err}")
                continue
            good.append(text)
        if len(set(good)) != len(good):
            problems.add(path, where, "has the same phrase twice")
        found[name] = tuple(dict.fromkeys(good))
    return found


def _rule(raw, n, path, sources, problems, seen, vocabularies) -> JdRule | None:
    if not isinstance(raw, dict):
        problems.add(path, f"rule {n}", "must be a mapping")
        return None
    rule_id = _text(raw.get("id"), path, f"rule {n}", "id", problems)
    where = f"rule {rule_id or n}"
    if rule_id and not _RULE_ID.fullmatch(rule_id):
        problems.add(path, where, "id must be lower-case words joined by hyphens")
    if rule_id in seen:
        problems.add(path, where, "duplicate id")
    seen.add(rule_id)
    _unknown_fields(raw, RULE_FIELDS, path, where, problems)
    kind = _text(raw.get("kind"), path, where, "kind", problems)
    if kind and kind not in JD_KINDS:
        problems.add(path, where, f"kind '{kind}' is not one of {', '.join(JD_KINDS)}")
    domain = _text(raw.get("domain"), path, where, "domain", problems)
    if domain and domain not in DOMAIN_KEYS:
        problems.add(path, where, f"domain '{domain}' is not one of {', '.join(DOMAIN_KEYS)}")
    weight = raw.get("weight")
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 3:
        problems.add(path, where, f"weight must be 1, 2 or 3 (got {weight!r})")
        weight = 1
    requires = _text(raw.get("requires"), path, where, "requires", problems, required=False)
    if requires and requires not in JD_REQUIRES:
        problems.add(path, where, f"requires must be one of {', '.join(JD_REQUIRES)}")
    applies_to = raw.get("applies_to", "anywhere")
    if applies_to not in JD_APPLIES_TO:
        problems.add(path, where, f"applies_to must be one of {', '.join(JD_APPLIES_TO)}")
        applies_to = "anywhere"
    patterns = _patterns(raw.get("patterns"), path, where, problems, vocabularies)
    unless = ()
    if "unless" in raw:
        unless = _patterns(raw["unless"], path, f"{where} unless", problems, vocabularies)
    used = dict.fromkeys(name for p in (*patterns, *unless) for name in vocabulary_refs(p))
    not_with = raw.get("not_with", [])
    if not isinstance(not_with, list) or not all(isinstance(r, str) for r in not_with):
        problems.add(path, where, "not_with must be a list of rule ids")
        not_with = []
    elif not_with and kind == "drift":
        problems.add(path, where, "not_with is for missing and evaluation rules")
    negation = raw.get("negation", True)
    if not isinstance(negation, bool):
        problems.add(path, where, f"negation must be true or false (got {negation!r})")
        negation = True
    task = raw.get("task", False)
    if not isinstance(task, bool):
        problems.add(path, where, f"task must be true or false (got {task!r})")
        task = False
    elif task and kind != "drift":
        problems.add(path, where, "task is for drift rules")
    return JdRule(
        id=rule_id,
        kind=kind,
        title=_text(raw.get("title"), path, where, "title", problems),
        domain=domain,
        weight=weight,
        why=_text(raw.get("why"), path, where, "why", problems),
        action=_text(raw.get("action"), path, where, "action", problems),
        patterns=patterns,
        evidence=_evidence(raw.get("evidence"), path, where, sources, problems),
        requires=requires,
        negation=negation,
        applies_to=applies_to,
        vocabulary=tuple((name, vocabularies[name]) for name in used),
        unless=unless,
        not_with=tuple(not_with),
        task=task,
    )


def load_jd_check(root: Path, sources, problems) -> JdCheckRules:
    """Read checklists/jd_check.yaml; every problem is added to ``problems``."""
    path = root / "jd_check.yaml"
    empty = JdCheckRules(rules=(), scoring=_NO_SCORING)
    data = _read(path, problems)
    if data is None:
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        problems.add(path, "", "needs 'scoring' and a list of 'rules'")
        return empty
    for key in sorted(set(data) - {"scoring", "rules", "peer_work", "vocabularies"}, key=str):
        problems.add(path, "", f"unknown field '{key}'")
    vocabularies = _vocabularies(data.get("vocabularies"), path, problems)
    seen: set[str] = set()
    rules = [
        rule
        for n, raw in enumerate(data["rules"], 1)
        if (rule := _rule(raw, n, path, sources, problems, seen, vocabularies)) is not None
    ]
    used = {name for rule in rules for name, _ in rule.vocabulary}
    for name in sorted(set(vocabularies) - used):
        problems.add(path, f"vocabulary {name}", "is not used by any rule")
    drift_ids = {rule.id for rule in rules if rule.kind == "drift"}
    for rule in rules:
        for other in rule.not_with:
            if other not in drift_ids:
                problems.add(path, f"rule {rule.id}", f"not_with '{other}' is not a drift rule")
    for kind in JD_KINDS:
        if not any(rule.kind == kind for rule in rules):
            problems.add(path, "", f"has no {kind} rules")
    return JdCheckRules(
        rules=tuple(rules),
        scoring=_scoring(data.get("scoring"), path, problems),
        peer_work=_patterns(data.get("peer_work"), path, "peer_work", problems, {}),
        vocabularies=tuple(vocabularies.items()),
    )
