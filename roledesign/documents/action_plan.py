"""The action plan as a Document, from plain rows."""

from dataclasses import dataclass
from datetime import date

from roledesign.documents.model import Document, Paragraph, Table


@dataclass(frozen=True)
class ActionRow:
    title: str
    statements: str
    owner: str
    due: date
    status: str
    is_overdue: bool
    notes: str = ""


def action_plan_document(
    *, organisation: str, post: str, rows: list[ActionRow], issued: date, author: str
) -> Document:
    """Every action with its owner, due date and status, overdue ones marked."""
    overdue = sum(row.is_overdue for row in rows)
    count = f"{len(rows)} action" + ("" if len(rows) == 1 else "s")
    summary = f"{count}, {overdue} overdue." if rows else "No actions yet."
    table = Table(
        header=("Action", "Addresses", "Owner", "Due", "Status"),
        rows=tuple(
            (
                row.title + (f"\nNotes: {row.notes}" if row.notes else ""),
                row.statements,
                row.owner,
                row.due.strftime("%-d %b %Y"),
                row.status + (" (overdue)" if row.is_overdue else ""),
            )
            for row in rows
        ),
        widths=(0.32, 0.3, 0.14, 0.11, 0.13),
    )
    return Document(
        title="Action plan",
        organisation=organisation,
        subtitle=post,
        author=author,
        issued=issued,
        blocks=(Paragraph(summary, style="lead"), table),
    )
