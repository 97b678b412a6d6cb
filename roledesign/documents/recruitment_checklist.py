"""The recruitment checklist: stages from before advertising to the first review, each line with
its reason and source, then reasonable adjustments and an interview question bank."""

from collections.abc import Mapping

from roledesign.catalog import Catalog
from roledesign.documents.model import (
    CheckItem,
    Checklist,
    Document,
    Heading,
    Paragraph,
    Table,
)
from roledesign.documents.plan_common import (
    Stamp,
    line_text,
    plan_document,
    priority_note,
    short_sources,
    sources_blocks,
    unfinished_note,
)
from roledesign.domain.scoring import rounded
from roledesign.domain.tailoring import Line, Tailored

KIND = "recruitment_checklist"
STAGES = {
    "before_advertising": "1. Before advertising",
    "advert": "2. The advert",
    "shortlisting": "3. Shortlisting",
    "interview": "4. Interview and selection",
    "pre_employment": "5. Pre-employment checks",
    "onboarding": "6. Onboarding and training",
    "first_review": "7. First review, at about three months",
    "adjustments": "Reasonable adjustments",
}


def check_item(catalog: Catalog, tailored: Tailored, line: Line, done: Mapping[str, str]):
    notes = [f"Why: {line.reason}", f"Source: {short_sources(catalog, line.sources)}"]
    if line.priority:
        notes.insert(0, priority_note(line, tailored))
    return CheckItem(
        key=line.key,
        text=line_text(line),
        notes=tuple(notes),
        checked=line.key in done,
        checked_note=done.get(line.key, ""),
    )


def readiness_summary(catalog: Catalog, tailored: Tailored) -> list:
    """Where the readiness check stands, in a sentence, with the band's meaning."""
    report = tailored.report
    if not tailored.has_answers:
        return []
    overall = rounded(report.result.overall)
    score = f", overall score {overall} out of 100" if overall is not None else ""
    gaps = len(tailored.priorities)
    return [
        Paragraph(
            f"Readiness check: {report.band.title}{score}. {report.band.meaning} "
            f"{gaps} priority gap{'s' if gaps != 1 else ''} from the report "
            f"{'are' if gaps != 1 else 'is'} included below.",
            style="lead",
        ),
        Paragraph(
            f"Source: {short_sources(catalog, [e.source for e in report.band.evidence])}",
            style="small",
        ),
    ]


def question_bank(catalog: Catalog, tailored: Tailored) -> list:
    lines = tailored.section(KIND, "question_bank")
    return [
        Heading("Interview question bank"),
        Paragraph(
            "Ask how candidates would use their experience, not about their diagnosis or "
            "treatment. Choose the questions that suit this post."
        ),
        Table(
            header=("Question", "What a good answer shows", "Source"),
            rows=tuple(
                (line.text, line.reason, short_sources(catalog, line.sources)) for line in lines
            ),
            widths=(0.42, 0.38, 0.2),
        ),
    ]


def build_recruitment_checklist(
    catalog: Catalog,
    tailored: Tailored,
    stamp: Stamp,
    done: Mapping[str, str] | None = None,
) -> Document:
    """The checklist for this post. ``done`` maps the keys of ticked lines to who ticked them
    and when, e.g. {"RC-BA-01": "Done: Sam Manager, 3 December 2026"}."""
    done = done or {}
    blocks = [
        Paragraph(
            "Work through the stages in order. Each line says why it matters and where the "
            "evidence comes from. Tick lines as you complete them."
        ),
        *readiness_summary(catalog, tailored),
    ]
    note = unfinished_note(tailored)
    if note:
        blocks.append(note)
    for section, title in STAGES.items():
        lines = tailored.section(KIND, section)
        if lines:
            blocks.append(Heading(title))
            blocks.append(
                Checklist(tuple(check_item(catalog, tailored, line, done) for line in lines))
            )
    blocks += question_bank(catalog, tailored)
    blocks += sources_blocks(catalog, tailored.lines[KIND])
    return plan_document("Recruitment checklist", tailored, stamp, blocks)


def checklist_keys(tailored: Tailored) -> set[str]:
    """The keys of the lines that can be ticked."""
    return {line.key for line in tailored.lines[KIND] if line.section in STAGES}
