"""Documents as plain data, rendered to PDF (reportlab) and Word (python-docx) by pure functions."""

from roledesign.documents.model import (
    Bullets,
    CheckItem,
    Checklist,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Table,
    clean_text,
)
from roledesign.documents.render_docx import render_docx
from roledesign.documents.render_pdf import render_pdf

__all__ = [
    "Bullets",
    "CheckItem",
    "Checklist",
    "Document",
    "Heading",
    "KeyValues",
    "Paragraph",
    "Table",
    "clean_text",
    "render_docx",
    "render_pdf",
]
