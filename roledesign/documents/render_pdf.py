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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as _ReportlabParagraph
from reportlab.platypus import Table as RLTable

from roledesign.documents.model import (
    Bullets,
    Checklist,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Table,
    clean_text,
)


class RLParagraph(_ReportlabParagraph):
    """reportlab's paragraph, remembering its line breaking for the width it was last wrapped
    at. A table cell is wrapped at the same width several times (to size the rows, to find
    the start that must stay with a heading, to split at a page end, to draw), and breaking
    the lines again each time was most of the time a long document took. The breaking is
    worked out afresh if the width changes or reportlab drops it (a failed split does)."""

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        kept = self.__dict__.get("_kept_wrap")
        if kept is not None and kept[0] == availWidth and kept[1] is self.__dict__.get("blPara"):
            self.width, self.height = kept[2]
            return kept[2]
        size = super().wrap(availWidth, availHeight)
        if size == (self.width, self.height):  # not when it answered "cannot fit here"
            self._kept_wrap = (availWidth, self.__dict__.get("blPara"), size)
        return size


NHS_BLUE = colors.HexColor("#005eb8")
TEXT = colors.HexColor("#212b32")
GREY = colors.HexColor("#4c6272")
RULE = colors.HexColor("#d8dde0")
SHADE = colors.HexColor("#f0f4f5")
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
            "h2",
            parent=base,
            fontName=bold,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "body": base,
        "lead": ParagraphStyle("lead", parent=base, fontSize=12, leading=16),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=GREY),
        "callout": ParagraphStyle(
            "callout",
            parent=base,
            borderColor=colors.HexColor("#ffb81c"),
            borderWidth=0,
            leftIndent=8,
            borderPadding=(4, 6, 4, 6),
            backColor=colors.HexColor("#fff6d5"),
            spaceBefore=4,
            spaceAfter=10,
        ),
        "cell_small": ParagraphStyle(
            "cell_small", parent=base, fontSize=8.5, leading=11, textColor=GREY, spaceAfter=0
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=bold, fontSize=9.5, leading=12.5, spaceAfter=0
        ),
    }


def _text(value: str) -> str:
    """User text as reportlab paragraph markup: escaped, with line breaks kept."""
    return escape(clean_text(value)).replace("\n", "<br/>")


def _table(header, rows, widths, styles, bold_first_column=False) -> RLTable:
    width = A4[0] - 2 * MARGIN
    columns = len(header) if header else max(len(row) for row in rows)
    fractions = widths or tuple(1 / columns for _ in range(columns))
    data, groups = [], []
    if header:
        data.append([RLParagraph(_text(h), styles["cell_head"]) for h in header])
    for row in rows:
        if len(row) == 1 and columns > 1:  # a group heading across the whole row
            groups.append(len(data))
            data.append([RLParagraph(_text(row[0]), styles["cell_head"])] + [""] * (columns - 1))
        else:
            data.append(
                [
                    RLParagraph(
                        _text(c), styles["cell_head" if bold_first_column and not n else "cell"]
                    )
                    for n, c in enumerate(row)
                ]
            )
    # splitInRow: a cell taller than a page (2,000 characters of notes) splits across pages.
    table = RLTable(
        data,
        colWidths=[width * f for f in fractions],
        repeatRows=1 if header else 0,
        splitInRow=1,
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), _fonts()[0]),  # else reportlab selects Helvetica per cell
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edee")))
    for n in groups:
        style += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), SHADE)]
    table.setStyle(TableStyle(style))
    return table


class TickBox(Flowable):
    """A square drawn on the page (no font glyph needed), with a tick when done."""

    size = 10

    def __init__(self, checked: bool):
        super().__init__()
        self.checked = checked
        self.width = self.height = self.size

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColor(TEXT)
        canvas.setLineWidth(0.9)
        canvas.rect(0, 0, self.size, self.size)
        if self.checked:
            canvas.setLineWidth(1.4)
            canvas.lines([(2, 5, 4.2, 2.2), (4.2, 2.2, 8.5, 8.5)])


def _checklist(block: Checklist, styles) -> RLTable:
    width = A4[0] - 2 * MARGIN
    data = []
    for item in block.items:
        cell = [RLParagraph(_text(item.text), styles["cell"])]
        notes = list(item.notes)
        if item.checked and item.checked_note:
            notes.append(item.checked_note)
        if notes:  # one paragraph for all the notes: much quicker to lay out than several
            cell.append(RLParagraph("<br/>".join(_text(n) for n in notes), styles["cell_small"]))
        data.append([TickBox(item.checked), cell])
    table = RLTable(data, colWidths=[8 * mm, width - 8 * mm], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), _fonts()[0]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (0, -1), 1),
            ]
        )
    )
    return table


FRAME_HEIGHT = A4[1] - 2 * MARGIN
TEXT_WIDTH = A4[0] - 2 * MARGIN
START_LINES = 60  # points of a paragraph that must fit under its heading (about four lines)


def _start(flowable) -> float:
    """The height of the start of a flowable that must sit on the same page as a heading above
    it: a paragraph's first lines, a table's header and first row, all of anything else."""
    if isinstance(flowable, KeepStart):  # a table: whole if short, else its first rows
        whole = sum(f.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] for f in flowable._content)
        first = sum(_start(f) for f in flowable._content)
        return max(min(whole, flowable._need), first)
    if isinstance(flowable, RLTable):
        flowable.wrap(TEXT_WIDTH, FRAME_HEIGHT)
        return sum(flowable._rowHeights[:2]) + 4
    if isinstance(flowable, RLParagraph):
        height = flowable.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1]
        return height + 20 if flowable.style.name.startswith("h") else min(height, START_LINES)
    return START_LINES


class KeepStart(KeepTogether):
    """Flowables that move to the next page together only when too little of this page is
    left for their start: ``need`` points, or all of them if they are shorter. Otherwise they
    flow on and split (a long table row by row), so no page is left mostly empty and a heading
    always has the start of what follows beneath it. Replaces keepWithNext, which moves a
    heading and a whole long table to a new page."""

    def __init__(self, flowables, need: float):
        super().__init__(flowables)
        self._need = need

    def split(self, aW, aH):  # noqa: N803 - reportlab's names
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        if aH >= self._H:
            return content
        # The first flowable is then laid out afresh, and split if it must be.
        stay = at_top or aH >= min(self._H, self._need)
        return [(self.NullActionFlowable if stay else self.FrameBreak)(), *content]


def _block(block, styles) -> list:
    """The flowables for one block."""
    if isinstance(block, Heading):
        return [RLParagraph(_text(block.text), styles["h1" if block.level <= 1 else "h2"])]
    if isinstance(block, Paragraph):
        return [RLParagraph(_text(block.text), styles.get(block.style, styles["body"]))]
    if isinstance(block, Bullets):
        items = [
            ListItem(RLParagraph(_text(i), styles["body"]), leftIndent=14) for i in block.items
        ]
        return [
            ListFlowable(
                items,
                bulletType="1" if block.numbered else "bullet",
                start=None if block.numbered else "•",
                leftIndent=14,
                bulletFontName=_fonts()[0],
            )
        ]
    if isinstance(block, KeyValues):
        return [
            _table((), block.rows, (0.32, 0.68), styles, bold_first_column=True),
            Spacer(1, 6),
        ]
    if isinstance(block, Table):
        parts = []
        if block.caption:
            parts.append(RLParagraph(_text(block.caption), styles["h2"]))
        parts.append(_table(block.header, block.rows, block.widths, styles))
        # A table shorter than a third of a page stays on one page; a longer one keeps its
        # caption with its first rows and splits between rows, its header repeated.
        return [KeepStart(parts, FRAME_HEIGHT / 3), Spacer(1, 6)]
    if isinstance(block, Checklist):
        return [_checklist(block, styles), Spacer(1, 8)]
    raise TypeError(f"unknown block {block!r}")


def _flowables(document: Document) -> list:
    styles = _styles()
    story = [RLParagraph(_text(document.title), styles["title"])]
    if document.subtitle:
        story.append(RLParagraph(_text(document.subtitle), styles["subtitle"]))
    story.append(RLParagraph(_text(document.meta_line), styles["meta"]))
    headings = []  # a heading waits for what follows it, so it never ends a page on its own
    for block in document.blocks:
        parts = _block(block, styles)
        if isinstance(block, Heading):
            headings += parts
            continue
        if headings:
            need = sum(_start(h) for h in headings) + _start(parts[0])
            first = parts[0]._content if isinstance(parts[0], KeepStart) else parts[:1]
            parts = [KeepStart([*headings, *first], need), *parts[1:]]
            headings = []
        story += parts
    return story + headings


def _numbered_canvas(footer: str, font: str):
    """A canvas that holds each finished page until the end, so that every footer can say
    'Page n of N' after a single layout pass (laying the story out twice doubled the cost)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 8.5)
                self.setFillColor(GREY)
                self.drawString(MARGIN, 10 * mm, footer[:110])
                self.drawRightString(A4[0] - MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}")
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes, A4, with 'Page n of N' and the title in every footer."""
    regular, _ = _fonts()
    buffer = BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        # Starting the canvas in our embedded font means no unembedded Helvetica is referenced.
        initialFontName=regular,
        lang="en-GB",
        title=clean_text(document.title),
        author=clean_text(document.author),
        subject=clean_text(document.subtitle),
        creator="roledesign",
    )
    footer = clean_text(f"{document.title} – {document.organisation}")
    pdf.build(_flowables(document), canvasmaker=_numbered_canvas(footer, regular))
    return buffer.getvalue()
