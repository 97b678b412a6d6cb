"""Render a Document to PDF bytes with reportlab: embedded fonts, real headings, tables, page
numbers and title/author metadata."""

from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from roledesign.documents.model import (
    Bullets,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Table,
    clean_text,
)

NHS_BLUE = colors.HexColor("#005eb8")
TEXT = colors.HexColor("#212b32")
GREY = colors.HexColor("#4c6272")
RULE = colors.HexColor("#d8dde0")
MARGIN = 20 * mm


@cache
def _fonts() -> tuple[str, str]:
    """Bitstream Vera ships with reportlab; TrueType fonts are embedded (the standard 14 are not)."""
    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(folder / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold")
    return "Vera", "Vera-Bold"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=10.5,
        leading=14.5,
        textColor=TEXT,
        spaceAfter=6,
        alignment=TA_LEFT,
    )
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=20, leading=24, spaceAfter=4
        ),
        "meta": ParagraphStyle("meta", parent=base, fontSize=9.5, textColor=GREY, spaceAfter=14),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=12.5, leading=16, spaceAfter=2
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=bold,
            fontSize=14,
            leading=18,
            textColor=NHS_BLUE,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=bold, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "body": base,
        "lead": ParagraphStyle("lead", parent=base, fontSize=12, leading=16),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=bold, fontSize=9.5, leading=12.5, spaceAfter=0
        ),
    }


def _text(value: str) -> str:
    """User text as reportlab paragraph markup: escaped, with line breaks kept."""
    return escape(clean_text(value)).replace("\n", "<br/>")


def _table(header, rows, widths, styles) -> RLTable:
    width = A4[0] - 2 * MARGIN
    fractions = widths or tuple(1 / len(header or rows[0]) for _ in (header or rows[0]))
    data = []
    if header:
        data.append([RLParagraph(_text(h), styles["cell_head"]) for h in header])
    data += [[RLParagraph(_text(c), styles["cell"]) for c in row] for row in rows]
    table = RLTable(data, colWidths=[width * f for f in fractions], repeatRows=1 if header else 0)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), _fonts()[0]),  # else reportlab selects Helvetica per cell
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edee")))
    table.setStyle(TableStyle(style))
    return table


def _flowables(document: Document) -> list:
    styles = _styles()
    story = [RLParagraph(_text(document.title), styles["title"])]
    if document.subtitle:
        story.append(RLParagraph(_text(document.subtitle), styles["subtitle"]))
    story.append(RLParagraph(_text(document.meta_line), styles["meta"]))
    for block in document.blocks:
        if isinstance(block, Heading):
            story.append(RLParagraph(_text(block.text), styles["h1" if block.level <= 1 else "h2"]))
        elif isinstance(block, Paragraph):
            story.append(RLParagraph(_text(block.text), styles.get(block.style, styles["body"])))
        elif isinstance(block, Bullets):
            items = [
                ListItem(RLParagraph(_text(i), styles["body"]), leftIndent=14) for i in block.items
            ]
            story.append(
                ListFlowable(
                    items,
                    bulletType="1" if block.numbered else "bullet",
                    start=None if block.numbered else "•",
                    leftIndent=14,
                    bulletFontName=_fonts()[0],
                )
            )
        elif isinstance(block, KeyValues):
            story.append(_table((), block.rows, (0.32, 0.68), styles))
            story.append(Spacer(1, 6))
        elif isinstance(block, Table):
            parts = []
            if block.caption:
                parts.append(RLParagraph(_text(block.caption), styles["h2"]))
            parts.append(_table(block.header, block.rows, block.widths, styles))
            story.append(KeepTogether(parts) if len(block.rows) <= 8 else parts[-1])
            story.append(Spacer(1, 6))
    return story


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes, A4, with 'Page n of N' and the title in every footer."""
    regular, _ = _fonts()
    # Starting the canvas in our embedded font means no unembedded Helvetica is referenced.
    page_setup = {
        "pagesize": A4,
        "leftMargin": MARGIN,
        "rightMargin": MARGIN,
        "topMargin": MARGIN,
        "bottomMargin": MARGIN,
        "initialFontName": regular,
        "lang": "en-GB",
    }
    buffer = BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        title=clean_text(document.title),
        author=clean_text(document.author),
        subject=clean_text(document.subtitle),
        creator="roledesign",
        **page_setup,
    )
    story = _flowables(document)
    footer = clean_text(f"{document.title} – {document.organisation}")

    def number_pages(canvas, doc, total=None):
        canvas.saveState()
        canvas.setFont(regular, 8.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 10 * mm, footer[:110])
        page = f"Page {doc.page}" + (f" of {total}" if total else "")
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, page)
        canvas.restoreState()

    # Two passes: the first counts the pages so every footer can say "of N".
    counter = SimpleDocTemplate(BytesIO(), **page_setup)
    counter.build(_flowables(document), onFirstPage=number_pages, onLaterPages=number_pages)
    total = counter.page

    def final(canvas, doc):
        number_pages(canvas, doc, total)

    pdf.build(story, onFirstPage=final, onLaterPages=final)
    return buffer.getvalue()
