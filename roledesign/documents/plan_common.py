"""What the three plan documents share: names, version stamp, front matter, notes on lines,
and sources."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from roledesign.catalog import Catalog
from roledesign.documents.model import Document, Heading, Paragraph
from roledesign.domain.scoring import STATUS_LABELS
from roledesign.domain.tailoring import Line, Tailored

TO_BE_CONFIRMED = "To be confirmed"
TO_BE_DECIDED = "To be decided"


@dataclass(frozen=True)
class Kind:
    key: str  # as in checklists/documents (job_description)
    slug: str  # in URLs and file names (job-description)
    title: str


KINDS = (
    Kind("job_description", "job-description", "Job description and person specification"),
    Kind("supervision_plan", "supervision-plan", "Supervision plan"),
    Kind("recruitment_checklist", "recruitment-checklist", "Recruitment checklist"),
    Kind("managers_notes", "managers-notes", "Manager's notes"),
)
KIND_BY_SLUG = {kind.slug: kind for kind in KINDS}


@dataclass(frozen=True)
class Stamp:
    """The version a document belongs to: its number and the date it was made. Documents not
    saved as a version have no number and today's date."""

    version: int | None
    issued: date


def plan_document(title: str, tailored: Tailored, stamp: Stamp, blocks) -> Document:
    """A plan document with the front matter all three share: organisation, post and version."""
    inputs = tailored.inputs
    return Document(
        title=title,
        organisation=inputs.organisation,
        subtitle=f"{inputs.post.title} – {inputs.post.team}",
        author=inputs.organisation,
        issued=stamp.issued,
        version=stamp.version,
        blocks=tuple(blocks),
    )


def line_text(line: Line) -> str:
    """The line as it reads in a document: to-be-decided lines say so first."""
    return f"{TO_BE_DECIDED}: {line.text}" if line.to_be_decided else line.text


def priority_note(line: Line, tailored: Tailored) -> str:
    """'Priority from your readiness report: statement SUP-02 was answered No.'"""
    if line.priority is None:
        return ""
    item = line.priority.item
    status = tailored.inputs.answers[item.id].status
    critical = (
        " It is a critical gap." if item.id in {i.id for i in tailored.report.critical_gaps} else ""
    )
    return (
        f"Priority from your readiness report: statement {item.id} was answered "
        f"{STATUS_LABELS[status]}.{critical}"
    )


def short_sources(catalog: Catalog, keys: Iterable[str]) -> str:
    return "; ".join(catalog.source(key).short for key in keys)


def sources_blocks(catalog: Catalog, lines: Iterable[Line], *, extra=(), title="Sources", note=""):
    """A closing section with the full citation of every source the lines rest on."""
    keys = list(dict.fromkeys([k for line in lines for k in line.sources] + list(extra)))
    blocks = [Heading(title)]
    if note:
        blocks.append(Paragraph(note, style="small"))
    blocks += [
        Paragraph(catalog.citation(key), style="small")
        for key in sorted(keys, key=lambda k: catalog.source(k).short)
    ]
    return blocks


def unfinished_note(tailored: Tailored) -> Paragraph | None:
    """A callout when the readiness check is not finished, so no one mistakes a draft for
    advice based on a full assessment."""
    if tailored.is_assessment_finished:
        return None
    if not tailored.has_answers:
        text = (
            "The readiness check has not been started. Parts that depend on it are marked "
            f"'{TO_BE_DECIDED}', and no priorities from it are included yet."
        )
    else:
        report = tailored.report
        total = sum(d.score.items for d in report.domains)
        text = (
            f"The readiness check is not finished ({report.answered} of {total} statements "
            f"answered). Parts that depend on answers not given yet are marked '{TO_BE_DECIDED}'."
        )
        if report.is_complete:
            text = (
                "Every statement is answered, but the answers have not been confirmed on the "
                "'Check your answers' page yet."
            )
    return Paragraph(text, style="callout")
