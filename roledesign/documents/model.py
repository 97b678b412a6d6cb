"""The document view-model: a title block and a sequence of simple blocks.

Renderers know nothing about plans or evidence; features build a Document and hand it over.
The same blocks are rendered to PDF, to Word and, by templates/macros/document.html, to HTML.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

# Control characters (other than tab and newline) cannot appear in XML, so neither PDF markup
# nor Word files can carry them; user text is cleaned before it reaches a renderer.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(value: str) -> str:
    return _CONTROL.sub("", value or "").replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 1  # 1 = section, 2 = subsection


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    style: str = "body"  # "body", "small" (notes, sources), "lead" (opening summary) or "callout"


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of labels and values, e.g. job title, band, hours."""

    kind: ClassVar[str] = "key_values"
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row. A row of a single cell in a wider table is a group heading
    that spans every column (e.g. 'Experience' above the criteria it groups)."""

    kind: ClassVar[str] = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width; equal when empty
    caption: str = ""

    @property
    def columns(self) -> int:
        return len(self.header) if self.header else max(len(row) for row in self.rows)

    def is_group(self, row: tuple[str, ...]) -> bool:
        return len(row) == 1 and self.columns > 1


@dataclass(frozen=True)
class CheckItem:
    """One line of a checklist: what to do, notes under it (e.g. why, source), and whether and
    by whom it has been done."""

    key: str  # stable identifier, for saving the tick state
    text: str
    notes: tuple[str, ...] = ()
    checked: bool = False
    checked_note: str = ""  # e.g. "Done: Sam Manager, 3 December 2026"


@dataclass(frozen=True)
class Checklist:
    kind: ClassVar[str] = "checklist"
    items: tuple[CheckItem, ...]


Block = Heading | Paragraph | Bullets | KeyValues | Table | Checklist


@dataclass(frozen=True)
class Document:
    title: str
    organisation: str
    subtitle: str = ""  # e.g. the post and team
    author: str = "roledesign"
    issued: date = field(default_factory=date.today)
    version: int | None = None
    blocks: tuple[Block, ...] = ()

    @property
    def meta_line(self) -> str:
        parts = [self.organisation, self.issued.strftime("%-d %B %Y")]
        if self.version is not None:
            parts.append(f"version {self.version}")
        return " · ".join(p for p in parts if p)
