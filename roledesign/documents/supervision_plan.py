"""The supervision plan: who supports the peer worker, how often, and what they talk about."""

from roledesign.catalog import Catalog
from roledesign.documents.model import Bullets, Document, Heading, KeyValues, Paragraph, Table
from roledesign.documents.plan_common import (
    TO_BE_DECIDED,
    Stamp,
    line_text,
    plan_document,
)
from roledesign.domain.tailoring import Line, Tailored, answer_state

KIND = "supervision_plan"
TO_BE_AGREED = "To be agreed with the peer worker"
STARTING_POINT = "Starting point, to agree with the peer worker"
SECTION_TITLES = {
    "line_management": "Line-management supervision",
    "peer_supervision": "Peer supervision or mentoring",
    "reflective_practice": "Reflective practice with other peer workers",
    "topics": "Topics to cover",
    "unwell": "If the peer worker becomes unwell",
    "records": "Confidentiality of past treatment records",
    "team_preparation": "Preparing the non-peer team",
    "review": "Reviewing this plan",
}


def _peer_supervisor(tailored: Tailored) -> str:
    named = tailored.inputs.details.peer_supervision_by
    if named:
        return named
    state = answer_state(tailored.inputs.answers, "SUP-02")
    if state in ("partly", "no", "dont_know"):
        return "A peer-led organisation or a neighbouring service (to be named)"
    if state == "yes":
        return "An experienced peer worker (to be named)"
    return TO_BE_DECIDED


def how_often(tailored: Tailored, kind: str, typed: str) -> str:
    """What was typed in, or the suggested starting point (a clause labelled ``kind``), marked
    as one to agree."""
    if typed:
        return typed
    suggested = next(
        (line.text for line in tailored.section(KIND, "frequency") if line.label == kind), ""
    )
    return f"{STARTING_POINT}: {suggested}" if suggested else TO_BE_AGREED


def arrangements(tailored: Tailored) -> KeyValues:
    """Who provides each kind of supervision, and how often."""
    inputs = tailored.inputs
    post, details = inputs.post, inputs.details
    reflective_with = (
        "Peer workers in other teams or a peer network"
        if inputs.context["peer_team"] == "single"
        else f"The other peer workers in {post.team}"
    )
    return KeyValues(
        (
            ("Post", f"{post.title} – {post.team}"),
            ("Line-management supervision", post.line_manager),
            ("How often", how_often(tailored, "line", details.line_frequency)),
            ("Peer supervision or mentoring", _peer_supervisor(tailored)),
            ("How often", how_often(tailored, "peer", details.peer_frequency)),
            ("Reflective practice", reflective_with),
            ("How often", how_often(tailored, "reflective", details.reflective_frequency)),
        )
    )


def _paragraphs(lines: tuple[Line, ...]) -> list:
    """Each line as a paragraph; why it is there is in the manager's notes, not here."""
    return [
        Paragraph(line_text(line), style="callout" if line.to_be_decided else "body")
        for line in lines
    ]


def _topics(tailored: Tailored) -> list:
    lines = tailored.section(KIND, "topics")
    clauses = [line for line in lines if line.label]
    extra = [line for line in lines if not line.label]  # priority gaps with no topic of their own
    blocks = [
        Table(
            header=("Topic", "What to talk about"),
            rows=tuple((line.label, line.text) for line in clauses),
            widths=(0.3, 0.7),
        )
    ]
    if extra:
        blocks.append(Paragraph("Also talk about:"))
        blocks.append(Bullets(tuple(line.text for line in extra)))
    return blocks


def build_supervision_plan(catalog: Catalog, tailored: Tailored, stamp: Stamp) -> Document:
    """The supervision plan for this post."""
    blocks = [arrangements(tailored)]
    blocks += _paragraphs(tailored.section(KIND, "overview"))
    for section, title in SECTION_TITLES.items():
        blocks.append(Heading(title))
        if section == "topics":
            blocks += _topics(tailored)
        else:
            blocks += _paragraphs(tailored.section(KIND, section))
    return plan_document("Supervision plan", tailored, stamp, blocks)
