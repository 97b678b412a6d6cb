"""The job description and person specification, in the usual NHS order, as a Document."""

from roledesign.catalog import Catalog
from roledesign.documents.model import Bullets, Document, Heading, KeyValues, Paragraph, Table
from roledesign.documents.plan_common import (
    TO_BE_CONFIRMED,
    Stamp,
    line_text,
    plan_document,
)
from roledesign.domain.pay import pay_text
from roledesign.domain.tailoring import Tailored, hours_text

KIND = "job_description"
ASSESSED_LABELS = {"application": "Application", "interview": "Interview", "reference": "Reference"}


def band_label(band: str | None) -> str:
    if band == "local":
        return "Local pay scale (not Agenda for Change)"
    return f"Band {band}" if band else TO_BE_CONFIRMED


def job_details(tailored: Tailored, pay=None) -> KeyValues:
    """The table at the top: title, pay, hours, base, reporting lines."""
    inputs = tailored.inputs
    post, details = inputs.post, inputs.details
    provider = details.provider or TO_BE_CONFIRMED
    rows = [("Job title", post.title)]
    if post.is_commissioned:
        rows += [
            ("Employer", f"{provider} (peer-led organisation)"),
            ("Commissioned by", inputs.organisation),
            ("Host team", post.team),
            ("Pay and terms", "Set by the employing organisation"),
        ]
    elif post.is_paid:
        rows += [
            ("Team", post.team),
            ("Band", band_label(post.band)),
            (
                "Salary",
                details.salary
                or pay_text(pay, post.band, post.hours, details.high_cost_area)
                or TO_BE_CONFIRMED,
            ),
        ]
    else:
        rows += [("Team", post.team), ("Pay", "Voluntary and unpaid; expenses are paid")]
    rows += [
        ("Hours", f"{hours_text(post.hours)} hours a week"),
        ("Base", details.base or TO_BE_CONFIRMED),
        ("Reports to", post.line_manager),
        ("Accountable to", details.accountable_to or TO_BE_CONFIRMED),
    ]
    if details.closing_date:
        rows.append(("Closing date", details.closing_date.strftime("%-d %B %Y")))
    return KeyValues(tuple(rows))


def person_specification(tailored: Tailored) -> Table:
    """Criteria grouped by area, with Essential / Desirable and how each is assessed."""
    rows: list[tuple[str, ...]] = []
    area = None
    for line in tailored.section(KIND, "person_specification"):
        if line.label != area:
            area = line.label
            rows.append((area,))
        rows.append(
            (
                line.text,
                "Yes" if line.essential else "",
                "" if line.essential else "Yes",
                ", ".join(ASSESSED_LABELS[m] for m in line.assessed),
            )
        )
    return Table(
        header=("Criterion", "Essential", "Desirable", "How assessed"),
        rows=tuple(rows),
        widths=(0.49, 0.14, 0.15, 0.22),
        caption="Person specification",
    )


def job_evaluation(tailored: Tailored) -> list:
    """What the post involves, under the Agenda for Change job evaluation factors, so that a
    banding panel can match it. Paid posts only; the lines follow the post's band."""
    lines = tailored.section(KIND, "job_evaluation")
    if not lines:
        return []
    factors: dict[str, list[str]] = {}
    for line in lines:
        factors.setdefault(line.label, []).append(line.text)
    blocks = [
        Heading("What the post involves, for job evaluation"),
        Table(
            header=("Factor", "At this post"),
            rows=tuple((factor, " ".join(texts)) for factor, texts in factors.items()),
            widths=(0.3, 0.7),
        ),
    ]
    return blocks


def build_job_description(catalog: Catalog, tailored: Tailored, stamp: Stamp) -> Document:
    """The job description for this post, from the chosen clauses and the typed-in details."""
    inputs = tailored.inputs
    post = inputs.post

    def texts(section):
        return tuple(line_text(line) for line in tailored.section(KIND, section))

    responsibilities = texts("responsibilities") + inputs.details.duties
    blocks = [
        job_details(tailored, catalog.pay),
        Heading("Job purpose"),
        *(Paragraph(text) for text in texts("purpose")),
        Heading("Key responsibilities"),
        Bullets(responsibilities, numbered=True),
        Paragraph("Like every member of staff, you will also:"),
        Bullets(texts("general_duties")),
        Heading("What is not part of this role"),
        Bullets(texts("not_in_role")),
        Heading("Supervision and support"),
        Bullets(texts("supervision_support")),
        Heading("Working relationships"),
        Bullets(texts("working_relationships")),
        *job_evaluation(tailored),
        person_specification(tailored),
    ]
    title = (
        "Job description and person specification"
        if post.is_paid
        else "Role description and person specification"
    )
    return plan_document(title, tailored, stamp, blocks)
