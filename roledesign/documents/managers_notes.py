"""The manager's notes: why each clause of the job description and the supervision plan is there,
and on what evidence. The documents for candidates and the post holder carry none of this."""

from roledesign.catalog import Catalog
from roledesign.catalog.documents import Condition
from roledesign.documents.model import Document, Heading, Paragraph, Table
from roledesign.documents.plan_common import (
    plan_document,
    priority_note,
    sources_blocks,
    unfinished_note,
)
from roledesign.domain.scoring import STATUS_LABELS
from roledesign.domain.tailoring import UNANSWERED, Line, Tailored

KIND = "managers_notes"
# The documents the notes explain, with a title for each of their sections.
EXPLAINED = {
    "job_description": (
        "Job description and person specification",
        {
            "purpose": "Job purpose",
            "responsibilities": "Key responsibilities",
            "general_duties": "Duties shared with all staff",
            "not_in_role": "What is not part of this role",
            "supervision_support": "Supervision and support",
            "working_relationships": "Working relationships",
            "job_evaluation": "What the post involves, for job evaluation",
            "person_specification": "Person specification",
        },
    ),
    "supervision_plan": (
        "Supervision plan",
        {
            "overview": "Overview",
            "frequency": "How often: suggested starting points",
            "line_management": "Line-management supervision",
            "peer_supervision": "Peer supervision or mentoring",
            "reflective_practice": "Reflective practice",
            "topics": "Topics to cover",
            "unwell": "If the peer worker becomes unwell",
            "records": "Confidentiality of past treatment records",
            "team_preparation": "Preparing the non-peer team",
            "review": "Reviewing this plan",
        },
    ),
}


def _state(state: str) -> str:
    return "not answered yet" if state == UNANSWERED else f"answered {STATUS_LABELS[state]}"


def why_included(catalog: Catalog, condition: Condition) -> str:
    """'Every post of this kind has it.' or the context and answers that chose the clause."""
    reasons = []
    for key, values in condition.context:
        field = catalog.context[key]
        labels = " or ".join(field.label(v) for v in values)
        reasons.append(f"{field.question.rstrip('?')}: {labels}")
    for item_id, states in condition.answers:
        item = catalog.item(item_id)
        reasons.append(
            f"statement {item_id} ({item.statement.rstrip('.')}) was "
            + " or ".join(_state(s) for s in states)
        )
    if not reasons:
        return "Part of every post of this kind."
    return "Chosen because " + "; ".join(reasons) + "."


def evidence_text(catalog: Catalog, line: Line) -> str:
    """'Gillard & Holley 2014, section "…"; Repper & Carter 2010' – with the place in each source
    where it is recorded."""
    parts = []
    for key, where in dict.fromkeys(line.evidence or ((k, "") for k in line.sources)):
        short = catalog.source(key).short
        parts.append(f"{short}, {where}" if where else short)
    return "; ".join(dict.fromkeys(parts))


def line_notes(catalog: Catalog, tailored: Tailored, line: Line) -> tuple[str, str, str]:
    why = why_included(catalog, line.when)
    if line.priority:
        why = f"{priority_note(line, tailored)} {line.reason}".strip()
    elif line.reason:
        why = f"{why} {line.reason}"
    return (line.text, why, evidence_text(catalog, line))


def added_duties(tailored: Tailored) -> list:
    """The duties typed in for this service; those a drift rule flags, and the lines they took
    out of the job description."""
    duties = tailored.inputs.details.duties
    if not duties:
        return []
    flagged = {flag.duty: flag for flag in tailored.duty_flags}
    rows = []
    for duty in duties:
        flag = flagged.get(duty)
        if flag is None:
            rows.append((duty, "Added for this service. The job description check flags nothing."))
            continue
        rules = "; ".join(f"{rule.title} (rule {rule.id}): {rule.why}" for rule in flag.rules)
        dropped = [line.text for line, by in tailored.withdrawn if by == duty]
        text = f"Kept anyway, although the job description check flags it. {rules}"
        if dropped:
            text += " Left out of the job description so that it does not contradict this duty: "
            text += " ".join(f"“{t}”" for t in dropped)
        rows.append((duty, text))
    return [
        Heading("Duties added for this service"),
        Table(header=("Duty", "What the check says"), rows=tuple(rows), widths=(0.38, 0.62)),
    ]


def build_managers_notes(catalog: Catalog, tailored: Tailored, stamp) -> Document:
    """The notes for this version of the documents."""
    blocks = [
        Paragraph(
            "For the recruiting manager and HR, not for candidates or the post holder. For each "
            "part of the job description and the supervision plan it says why it is there and "
            "on what evidence, with the place in each source where the support is found. Where "
            "a reason is our own reading of the evidence rather than a finding, it says so.",
            style="lead",
        )
    ]
    note = unfinished_note(tailored)
    if note:
        blocks.append(note)
    lines = []
    for document, (title, sections) in EXPLAINED.items():
        blocks.append(Heading(title))
        for section, section_title in sections.items():
            found = tailored.section(document, section)
            if not found:
                continue
            lines += found
            blocks.append(Heading(section_title, level=2))
            blocks.append(
                Table(
                    header=("Clause", "Why it is here", "Evidence"),
                    rows=tuple(line_notes(catalog, tailored, line) for line in found),
                    widths=(0.38, 0.34, 0.28),
                )
            )
    blocks += added_duties(tailored)
    blocks += sources_blocks(catalog, lines, title="Sources")
    return plan_document("Manager's notes", tailored, stamp, blocks)
