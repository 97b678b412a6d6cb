"""The document view-model: a title block and a sequence of simple blocks.

Renderers know nothing about plans or evidence; features build a Document and hand it over.
"""

import re
from dataclasses import dataclass, field
from datetime import date

# Control characters (other than tab and newline) cannot appear in XML, so neither PDF markup
# nor Word files can carry them; user text is cleaned before it reaches a renderer.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(value: str) -> str:
    return _CONTROL.sub("", value or "").replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = section, 2 = subsection


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # "body", "small" (notes, sources) or "lead" (opening summary)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of labels and values, e.g. job title, band, hours."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width; equal when empty
    caption: str = ""


Block = Heading | Paragraph | Bullets | KeyValues | Table


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
