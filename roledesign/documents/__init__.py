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

# What each format is sent as.
FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(document: Document, fmt: str) -> bytes:
    """The document as PDF or Word bytes.

    The renderers are imported here, on first use: reportlab and python-docx take about a tenth
    of a second to import, which start-up and the pages that never render a document need not
    pay. (Import the renderers from their own modules: this package only names them here.)
    """
    if fmt == "pdf":
        from roledesign.documents.render_pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from roledesign.documents.render_docx import render_docx

        return render_docx(document)
    raise ValueError(f"unknown document format: {fmt!r}")


__all__ = [
    "Bullets",
    "CheckItem",
    "Checklist",
    "Document",
    "FORMATS",
    "Heading",
    "KeyValues",
    "Paragraph",
    "Table",
    "clean_text",
    "render",
]
