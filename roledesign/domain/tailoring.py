"""Which clauses each document gets, from the plan's context and the readiness answers.

Pure functions over plain values: the inputs of a document version (``DocumentInputs``, which
also round-trip through JSON so that every version can be rebuilt exactly) go in; the chosen
lines of each document come out, with the priority gaps of the readiness report turned into
concrete lines. No Flask, no database.
"""

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from roledesign.catalog import Catalog, Item
from roledesign.catalog.documents import DOCUMENT_KINDS, Clause, Condition
from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.context import plan_context
from roledesign.domain.duties import DutyFlag, diluting_duties
from roledesign.domain.report import Priority, Report, build_report
from roledesign.domain.scoring import Answer

UNANSWERED = "unanswered"
GAP_PREFIX = "GAP-"


@dataclass(frozen=True)
class Post:
    """What the manager said about the post when describing it."""

    title: str
    team: str
    setting: str
    introduction: str
    employment: str
    band: str | None
    hours: str  # as written, e.g. "22.5"
    peer_workers: int
    line_manager: str

    @property
    def is_paid(self) -> bool:
        return self.employment == "paid"

    @property
    def is_commissioned(self) -> bool:
        return self.introduction == "commissioned"


@dataclass(frozen=True)
class Details:
    """The parts of the documents the app cannot know, typed in by HR or the manager."""

    base: str = ""
    salary: str = ""
    closing_date: date | None = None
    accountable_to: str = ""
    duties: tuple[str, ...] = ()
    provider: str = ""  # the peer-led organisation, for commissioned posts
    peer_supervision_by: str = ""
    line_frequency: str = ""
    peer_frequency: str = ""
    reflective_frequency: str = ""
    high_cost_area: str = ""  # a key of pay.yaml's high_cost_areas, or "" for none


@dataclass(frozen=True)
class DocumentInputs:
    """Everything a version of the documents is built from."""

    organisation: str
    post: Post
    answers: Mapping[str, Answer] = field(default_factory=dict)
    details: Details = field(default_factory=Details)
    assessment_confirmed: bool = False

    @property
    def context(self) -> dict:
        return plan_context(
            introduction=self.post.introduction,
            setting=self.post.setting,
            employment=self.post.employment,
            peer_workers=self.post.peer_workers,
        )

    def to_json(self) -> str:
        """Canonical JSON: the same inputs always give the same text (and fingerprint)."""
        details = asdict(self.details)
        details["closing_date"] = (
            self.details.closing_date.isoformat() if self.details.closing_date else None
        )
        details["duties"] = list(self.details.duties)
        data = {
            "organisation": self.organisation,
            "post": asdict(self.post),
            "answers": {
                key: [a.status, a.importance]
                for key, a in sorted(self.answers.items())
                if a.status is not None or a.importance is not None
            },
            "details": details,
            "assessment_confirmed": self.assessment_confirmed,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "DocumentInputs":
        data = json.loads(text)
        details = dict(data["details"])
        if details.get("closing_date"):
            details["closing_date"] = date.fromisoformat(details["closing_date"])
        details["duties"] = tuple(details.get("duties") or ())
        return cls(
            organisation=data["organisation"],
            post=Post(**data["post"]),
            answers={k: Answer(status=s, importance=i) for k, (s, i) in data["answers"].items()},
            details=Details(**details),
            assessment_confirmed=data["assessment_confirmed"],
        )


def hours_text(hours: Decimal | float | str) -> str:
    """'30.0' -> '30', '22.5' -> '22.5'."""
    value = Decimal(str(hours)).normalize()
    return f"{value:f}"


@dataclass(frozen=True)
class Line:
    """One chosen clause (or priority-gap line), with its text filled in."""

    key: str  # the clause id, or GAP-<item id>; ticks are saved against it
    section: str
    text: str
    sources: tuple[str, ...]
    reason: str = ""
    to_be_decided: bool = False
    priority: Priority | None = None  # set when the line answers a priority gap
    label: str = ""
    essential: bool | None = None
    assessed: tuple[str, ...] = ()
    when: Condition = Condition()  # why the clause was chosen (empty: every post has it)
    evidence: tuple[tuple[str, str], ...] = ()  # (source key, place in it), where recorded
    excludes: tuple[str, ...] = ()  # drift rules a not-in-role line rules out


@dataclass(frozen=True)
class Tailored:
    inputs: DocumentInputs
    report: Report
    priorities: tuple[Priority, ...]  # the priority gaps, highest first
    lines: dict[str, tuple[Line, ...]]  # document kind -> its lines, in order
    duty_flags: tuple[DutyFlag, ...] = ()  # added duties a drift rule flags (kept anyway)
    # job description lines left out because a kept duty contradicts them: (line, duty)
    withdrawn: tuple[tuple[Line, str], ...] = ()

    def section(self, document: str, section: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines[document] if line.section == section)

    @property
    def has_answers(self) -> bool:
        return self.report.answered > 0

    @property
    def is_assessment_finished(self) -> bool:
        return self.report.is_complete and self.inputs.assessment_confirmed


def answer_state(answers: Mapping[str, Answer], item_id: str) -> str:
    """The answer's status, or 'unanswered'."""
    answer = answers.get(item_id)
    return answer.status if answer is not None and answer.status else UNANSWERED


def holds(condition: Condition, context: Mapping, answers: Mapping[str, Answer]) -> bool:
    """True when every context and answer condition is met (or, for a list of conditions, when
    any one of them is)."""
    if condition.any_of:
        return any(holds(c, context, answers) for c in condition.any_of)
    return all(context.get(key) in values for key, values in condition.context) and all(
        answer_state(answers, item_id) in states for item_id, states in condition.answers
    )


def priority_gaps(report: Report) -> tuple[Priority, ...]:
    """The gaps that must show up in the documents: the report's top priorities and every
    critical gap, in priority order."""
    return report.key_priorities


def placeholder_values(inputs: DocumentInputs) -> dict[str, str]:
    details = inputs.details
    return {
        "post": inputs.post.title,
        "team": inputs.post.team,
        "organisation": inputs.organisation,
        "line_manager": inputs.post.line_manager,
        "hours": hours_text(inputs.post.hours),
        "provider": details.provider or "the peer-led organisation",
        "peer_supervision_by": details.peer_supervision_by or "to be named",
    }


def _line(clause: Clause, values: Mapping[str, str], priority: Priority | None) -> Line:
    return Line(
        key=clause.id,
        section=clause.section,
        text=clause.text.format_map(values),
        sources=clause.sources,
        reason=clause.reason,
        to_be_decided=clause.to_be_decided,
        priority=priority,
        label=clause.label,
        essential=clause.essential,
        assessed=clause.assessed,
        when=clause.when,
        evidence=tuple((key, clause.locator(key)) for key in clause.sources),
        excludes=clause.excludes,
    )


def _gap_line(item: Item, priority: Priority, section: str, text: str) -> Line:
    return Line(
        key=GAP_PREFIX + item.id,
        section=section,
        text=text or item.action,
        sources=tuple(dict.fromkeys(e.source for e in item.evidence)),
        reason=item.why,
        priority=priority,
        evidence=tuple((e.source, e.where) for e in item.evidence),
    )


def tailor(catalog: Catalog, inputs: DocumentInputs) -> Tailored:
    """Choose every document's lines for these inputs.

    A clause is kept when its conditions hold. Each priority gap is marked on the clauses that
    cover it; a gap that no kept clause covers gets its own line in the section gaps.yaml
    names, so every priority gap appears somewhere concrete.
    """
    context = inputs.context
    report = build_report(catalog, context, inputs.answers)
    priorities = priority_gaps(report)
    by_item = {p.item.id: p for p in priorities}
    values = placeholder_values(inputs)
    rules = catalog.documents

    kept = [
        c
        for c in rules.clauses
        if holds(c.when, context, inputs.answers) and (not c.bands or inputs.post.band in c.bands)
    ]
    covered = {item_id for c in kept for item_id in c.covers}
    lines: dict[str, list[Line]] = {kind: [] for kind in DOCUMENT_KINDS}
    for clause in kept:
        priority = next((by_item[i] for i in clause.covers if i in by_item), None)
        lines[clause.document].append(_line(clause, values, priority))
    for priority in priorities:
        if priority.item.id in covered:
            continue
        target = rules.gap_lines[priority.item.id]
        lines[target.document].append(
            _gap_line(priority.item, priority, target.section, target.text)
        )
    # A duty kept although a drift rule flags it removes the line that says the opposite, so
    # the job description never contradicts itself.
    flags = diluting_duties(inputs.details.duties, catalog.jd_check, DOMAIN_KEYS)
    flagged = {rule_id: flag.duty for flag in flags for rule_id in flag.rule_ids}
    withdrawn = []
    for line in list(lines["job_description"]):
        duty = next((flagged[r] for r in line.excludes if r in flagged), None)
        if duty is not None:
            lines["job_description"].remove(line)
            withdrawn.append((line, duty))
    return Tailored(
        inputs=inputs,
        report=report,
        priorities=priorities,
        lines={kind: tuple(found) for kind, found in lines.items()},
        duty_flags=flags,
        withdrawn=tuple(withdrawn),
    )
