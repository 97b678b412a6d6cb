"""Document rules: the clauses of the three generated documents, as data in checklists/documents/.

A clause is a piece of text for one section of one document, with the sources it rests on and,
optionally, conditions on the plan's context and on the readiness answers. ``gaps.yaml`` says
where each readiness item lands as a concrete line when it is a priority gap. Everything is
checked when the app starts, with messages naming the file, the clause and the problem.
"""

import hashlib
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from roledesign.catalog.parsing import read_list, read_yaml, text_field

DOCUMENT_KINDS = ("job_description", "supervision_plan", "recruitment_checklist")
ID_PREFIX = {"job_description": "JD", "supervision_plan": "SP", "recruitment_checklist": "RC"}

# The sections each document is laid out in, in order. Layout is code (roledesign/documents/);
# what goes into each section is data.
SECTIONS = {
    "job_description": (
        "purpose",
        "responsibilities",
        "general_duties",
        "not_in_role",
        "supervision_support",
        "working_relationships",
        "job_evaluation",
        "person_specification",
    ),
    "supervision_plan": (
        "overview",
        "frequency",
        "line_management",
        "peer_supervision",
        "reflective_practice",
        "topics",
        "unwell",
        "records",
        "team_preparation",
        "review",
    ),
    "recruitment_checklist": (
        "before_advertising",
        "advert",
        "shortlisting",
        "interview",
        "pre_employment",
        "onboarding",
        "first_review",
        "adjustments",
        "question_bank",
    ),
}
# Checklist sections hold lines that can be ticked; each needs a reason.
CHECKLIST_SECTIONS = SECTIONS["recruitment_checklist"][:-1]
# Where a priority gap may land as a line of its own (not the overview or frequency suggestions).
GAP_SECTIONS = {
    "supervision_plan": SECTIONS["supervision_plan"][2:],
    "recruitment_checklist": SECTIONS["recruitment_checklist"],
}
# Sections whose clauses carry a label: the person specification's area, a supervision topic.
LABELLED_SECTIONS = {
    ("job_description", "person_specification"),
    ("supervision_plan", "topics"),
    ("supervision_plan", "frequency"),  # label: line, peer or reflective
    ("job_description", "job_evaluation"),  # label: the Agenda for Change factor
}
# Pay bands a job evaluation clause may be limited to (as the plan form offers them).
PAY_BANDS = ("2", "3", "4", "5", "6", "7", "8a")
ASSESSMENT_METHODS = ("application", "interview", "reference")
# "unanswered" lets a clause stand in for an answer not given yet ("to be decided").
ANSWER_STATES = ("yes", "partly", "no", "dont_know", "not_relevant", "unanswered")
# Values a clause's text may name in braces, e.g. "{line_manager} provides ...".
PLACEHOLDERS = frozenset(
    {"post", "team", "organisation", "line_manager", "hours", "provider", "peer_supervision_by"}
)
CLAUSE_FIELDS = {
    "id",
    "section",
    "text",
    "sources",
    "when",
    "reason",
    "to_be_decided",
    "covers",
    "label",
    "essential",
    "assessed",
    "where",
    "excludes",
    "bands",
}
GAP_FIELDS = {"document", "section", "text"}
_ID = re.compile(r"^(JD|SP|RC)-[A-Z0-9]+(-[A-Z0-9]+)*$")


@dataclass(frozen=True)
class Condition:
    """Every listed context field must have one of its values, and every listed item an answer
    in one of the listed states."""

    context: tuple[tuple[str, tuple[str, ...]], ...] = ()
    answers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # a list of conditions in the YAML: the clause is kept when any one of them holds
    any_of: tuple["Condition", ...] = ()


@dataclass(frozen=True)
class Clause:
    id: str
    document: str
    section: str
    text: str
    sources: tuple[str, ...]
    when: Condition = Condition()
    reason: str = ""  # checklist lines: why; question bank: what a good answer shows
    to_be_decided: bool = False  # stands in for a readiness answer not given yet
    covers: tuple[str, ...] = ()  # items whose priority gap this clause already deals with
    label: str = ""  # person specification area, or supervision topic
    essential: bool | None = None  # person specification only
    assessed: tuple[str, ...] = ()  # person specification only
    # where in each source the clause's support is, as {source key: locator} in the YAML
    where: tuple[tuple[str, str], ...] = ()
    # job description, not_in_role: the drift rules of checklists/jd_check.yaml this line rules
    # out; an added duty that one of them flags and that is kept anyway removes the line
    excludes: tuple[str, ...] = ()
    bands: tuple[str, ...] = ()  # job evaluation only: kept for posts at these bands

    def locator(self, source: str) -> str:
        return dict(self.where).get(source, "")


@dataclass(frozen=True)
class GapLine:
    """Where a readiness item's gap lands when it is a priority; text defaults to its action."""

    item_id: str
    document: str
    section: str
    text: str = ""


@dataclass(frozen=True)
class DocumentRules:
    clauses: tuple[Clause, ...] = ()
    gap_lines: dict[str, GapLine] = field(default_factory=dict)
    digest: str = ""  # changes whenever any file the documents draw on changes


def placeholders(text: str) -> list[str]:
    """The names in braces in ``text``; raises ValueError on malformed braces."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def rules_digest(root: Path) -> str:
    """A fingerprint of every YAML file under ``root``: clause wording, items and sources."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _string_list(raw, path, where, name, problems) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(v, str) for v in raw):
        problems.add(path, where, f"'{name}' must be a non-empty list")
        return ()
    return tuple(raw)


def _condition(raw, path, where, context, items, problems) -> Condition:
    if raw is None:
        return Condition()
    if isinstance(raw, list) and raw:
        return Condition(
            any_of=tuple(_condition(r, path, where, context, items, problems) for r in raw)
        )
    if not isinstance(raw, dict) or not raw or set(raw) - {"context", "answers"}:
        problems.add(path, where, "'when' may only hold 'context' and 'answers' mappings")
        return Condition()
    found = {"context": [], "answers": []}
    for kind, allowed_keys in (("context", context), ("answers", items)):
        entries = raw.get(kind) or {}
        if not isinstance(entries, dict):
            problems.add(path, where, f"when.{kind} must be a mapping")
            continue
        for key, values in entries.items():
            if kind == "answers" and allowed_keys is None:
                found[kind].append((str(key), tuple(values)))
                continue
            if key not in allowed_keys:
                what = "context field" if kind == "context" else "item"
                problems.add(path, where, f"when.{kind} names unknown {what} '{key}'")
                continue
            if isinstance(values, list) and any(isinstance(v, bool) for v in values):
                problems.add(
                    path,
                    where,
                    f'when.{kind}.{key}: write "yes" and "no" in quotes '
                    "(YAML reads them as true and false)",
                )
                continue
            values = _string_list(values, path, where, f"when.{kind}.{key}", problems)
            allowed = (
                {v for v, _ in context[key].values} if kind == "context" else set(ANSWER_STATES)
            )
            for value in values:
                if value not in allowed:
                    problems.add(path, where, f"when.{kind}.{key} has unknown value '{value}'")
            found[kind].append((str(key), values))
    return Condition(context=tuple(found["context"]), answers=tuple(found["answers"]))


def _clause(raw, document, path, n, sources, items, context, problems):
    if not isinstance(raw, dict):
        problems.add(path, f"clause {n}", "must be a mapping")
        return None
    clause_id = text_field(raw.get("id"), path, f"clause {n}", "id", problems)
    where = f"clause {clause_id or n}"
    _unknown = sorted(set(raw) - CLAUSE_FIELDS, key=str)
    for key in _unknown:
        problems.add(path, where, f"unknown field '{key}'")
    if clause_id and (not _ID.match(clause_id) or not clause_id.startswith(ID_PREFIX[document])):
        problems.add(
            path, where, f"id must look like {ID_PREFIX[document]}-XX-01 (letters, digits, dashes)"
        )
    section = text_field(raw.get("section"), path, where, "section", problems)
    if section and section not in SECTIONS[document]:
        problems.add(
            path, where, f"section '{section}' is not one of {', '.join(SECTIONS[document])}"
        )
    text = text_field(raw.get("text"), path, where, "text", problems)
    try:
        for name in placeholders(text):
            if name not in PLACEHOLDERS:
                problems.add(
                    path,
                    where,
                    f"text names unknown value '{{{name}}}' "
                    f"(known: {', '.join(sorted(PLACEHOLDERS))})",
                )
    except ValueError:
        problems.add(path, where, "text has an unmatched '{' or '}'")
    keys = _string_list(raw.get("sources"), path, where, "sources", problems)
    for key in keys:
        if sources is not None and key not in sources:
            problems.add(path, where, f"unknown source '{key}'")
    reason = text_field(raw.get("reason"), path, where, "reason", problems, required=False)
    if (section in CHECKLIST_SECTIONS or section == "question_bank") and not reason:
        problems.add(path, where, "'reason' is missing or empty (checklist lines say why)")
    to_be_decided = raw.get("to_be_decided", False)
    if not isinstance(to_be_decided, bool):
        problems.add(path, where, "to_be_decided must be true or false")
        to_be_decided = False
    covers = ()
    if "covers" in raw:
        covers = _string_list(raw["covers"], path, where, "covers", problems)
        if document == "job_description":
            problems.add(path, where, "job description clauses cannot cover readiness gaps")
        for item_id in covers:
            if items is not None and item_id not in items:
                problems.add(path, where, f"covers unknown item '{item_id}'")
    label = text_field(raw.get("label"), path, where, "label", problems, required=False)
    if (document, section) in LABELLED_SECTIONS and not label:
        problems.add(path, where, "'label' is missing or empty")
    essential, assessed = None, ()
    if (document, section) == ("job_description", "person_specification"):
        essential = raw.get("essential")
        if not isinstance(essential, bool):
            problems.add(path, where, "essential must be true (essential) or false (desirable)")
        assessed = _string_list(raw.get("assessed"), path, where, "assessed", problems)
        for method in assessed:
            if method not in ASSESSMENT_METHODS:
                problems.add(
                    path,
                    where,
                    f"assessed '{method}' is not one of {', '.join(ASSESSMENT_METHODS)}",
                )
    located = _where(raw.get("where"), keys, path, where, problems)
    excludes = ()
    if "excludes" in raw:
        excludes = _string_list(raw["excludes"], path, where, "excludes", problems)
        if (document, section) != ("job_description", "not_in_role"):
            problems.add(path, where, "only job description not_in_role clauses can exclude rules")
    bands = ()
    if "bands" in raw:
        bands = _string_list(raw["bands"], path, where, "bands", problems)
        for band in bands:
            if band not in PAY_BANDS:
                problems.add(path, where, f"band '{band}' is not one of {', '.join(PAY_BANDS)}")
    return Clause(
        id=clause_id,
        document=document,
        section=section,
        text=text,
        sources=keys,
        when=_condition(raw.get("when"), path, where, context, items, problems),
        reason=reason,
        to_be_decided=to_be_decided,
        covers=covers,
        label=label,
        essential=essential,
        assessed=assessed,
        where=located,
        excludes=excludes,
        bands=bands,
    )


def _where(raw, keys, path, where, problems) -> tuple[tuple[str, str], ...]:
    """``where: {source: 'section "..."'}``: the place in each cited source, as for evidence.
    Every source a clause cites needs one."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.add(path, where, "'where' must map source keys to the place in each source")
        return ()
    found = []
    for key, locator in raw.items():
        if key not in keys:
            problems.add(path, where, f"where names '{key}', which is not in the clause's sources")
        elif not isinstance(locator, str) or not locator.strip():
            problems.add(path, where, f"where.{key} must name the place in the source")
        else:
            found.append((str(key), " ".join(locator.split())))
    for key in keys:
        if key not in raw:
            problems.add(path, where, f"where has no place for source '{key}'")
    return tuple(found)


def _gap_lines(root, items, problems) -> dict[str, GapLine]:
    path = root / "documents" / "gaps.yaml"
    data = read_yaml(path, problems)
    if data is None or items is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, "", "must map item ids to the document and section of their line")
        return {}
    lines = {}
    for item_id, raw in data.items():
        where = f"gap {item_id}"
        if item_id not in items:
            problems.add(path, where, "unknown item")
            continue
        if not isinstance(raw, dict):
            problems.add(path, where, "must be a mapping with document and section")
            continue
        for key in sorted(set(raw) - GAP_FIELDS, key=str):
            problems.add(path, where, f"unknown field '{key}'")
        document = text_field(raw.get("document"), path, where, "document", problems)
        section = text_field(raw.get("section"), path, where, "section", problems)
        if document and document not in ("supervision_plan", "recruitment_checklist"):
            problems.add(path, where, "document must be supervision_plan or recruitment_checklist")
        elif document and section not in GAP_SECTIONS[document]:
            problems.add(path, where, f"section '{section}' is not a section of {document}")
        elif section in ("question_bank",):
            problems.add(path, where, "gap lines cannot go into the question bank")
        text = text_field(raw.get("text"), path, where, "text", problems, required=False)
        lines[item_id] = GapLine(item_id=item_id, document=document, section=section, text=text)
    for item_id in items:
        if item_id not in lines:
            problems.add(path, f"gap {item_id}", "is missing: every item needs a line")
    return lines


def load_document_rules(root: Path, sources, items, context, problems) -> DocumentRules:
    """Read checklists/documents/; problems are added to ``problems`` (see catalog.loader).

    ``sources`` and ``items`` are the known keys and ids, or None when they could not be read
    (then references to them are not checked).
    """
    clauses: list[Clause] = []
    seen: dict[str, Path] = {}
    for document in DOCUMENT_KINDS:
        path = root / "documents" / f"{document}.yaml"
        raw_clauses = read_list(path, problems, "clauses", header=("document", document))
        if raw_clauses is None:
            continue
        for n, raw in enumerate(raw_clauses, 1):
            clause = _clause(raw, document, path, n, sources, items, context, problems)
            if clause is None:
                continue
            if clause.id in seen:
                problems.add(
                    path, f"clause {clause.id}", f"duplicate id (also in {seen[clause.id].name})"
                )
            seen[clause.id] = path
            clauses.append(clause)
    gap_lines = _gap_lines(root, items, problems)
    return DocumentRules(clauses=tuple(clauses), gap_lines=gap_lines, digest=rules_digest(root))
