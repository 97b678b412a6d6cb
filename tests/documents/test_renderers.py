"""The PDF and Word renderers, parsed back: text, headings, tables, metadata, fonts, pages."""

from datetime import date
from io import BytesIO

import docx
import pypdf

from roledesign.documents import (
    Bullets,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Table,
)
from roledesign.documents.render_docx import render_docx
from roledesign.documents.render_pdf import render_pdf

DOC = Document(
    title="Job description",
    organisation="Riverside Mind",
    subtitle="Peer support worker – crisis café",
    author="Sam Manager",
    issued=date(2026, 11, 21),
    version=3,
    blocks=(
        Heading("Job purpose"),
        Paragraph(
            "To use lived experience of mental health problems, on purpose, to support others."
        ),
        Heading("Key responsibilities"),
        Bullets(("Share recovery stories where helpful", "Build hope"), numbered=True),
        KeyValues((("Band", "4"), ("Hours", "22.5 a week"))),
        Table(
            ("Criterion", "Essential", "Desirable"),
            (
                ("Lived experience of mental health problems", "Yes", ""),
                ("Experience of group work", "", "Yes"),
            ),
            caption="Person specification",
        ),
        Paragraph("Sources: Gillard et al. 2013", style="small"),
    ),
)


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    """The reader, and all text with runs of white space (e.g. wrapped table cells) as one space."""
    reader = pypdf.PdfReader(BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_has_the_text_metadata_and_page_numbers():
    reader, text = pdf_text(render_pdf(DOC))
    assert reader.metadata.title == "Job description"
    assert reader.metadata.author == "Sam Manager"
    for expected in (
        "Job purpose",
        "Share recovery stories where helpful",
        "Person specification",
        "Lived experience of mental health problems",
        "Riverside Mind",
        "21 November 2026",
        "version 3",
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_pdf_fonts_are_embedded():
    reader, _ = pdf_text(render_pdf(DOC))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) == 2  # regular and bold, nothing else referenced
    for name in fonts:
        font = fonts[name].get_object()
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # the font program is inside


def test_long_documents_number_every_page_of_the_total():
    long = Document(
        title="Long",
        organisation="Org",
        blocks=tuple(Paragraph(f"Paragraph {n} " + "text " * 80) for n in range(60)),
    )
    reader, _ = pdf_text(render_pdf(long))
    total = len(reader.pages)
    assert total > 2
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    assert f"Page 2 of {total}" in reader.pages[1].extract_text()


def test_docx_uses_real_headings_lists_and_tables():
    word = docx.Document(BytesIO(render_docx(DOC)))
    assert word.core_properties.title == "Job description"
    assert word.core_properties.author == "Sam Manager"
    styles = {(p.style.name, p.text) for p in word.paragraphs}
    assert ("Title", "Job description") in styles
    assert ("Heading 1", "Job purpose") in styles
    assert ("List Number", "Share recovery stories where helpful") in styles
    assert ("Heading 2", "Person specification") in styles
    spec = word.tables[1]
    assert [c.text for c in spec.rows[0].cells] == ["Criterion", "Essential", "Desirable"]
    assert spec.rows[1].cells[0].text == "Lived experience of mental health problems"
    assert spec.style.name == "Table Grid"
    assert "PAGE" in word.sections[0].footer._element.xml


def test_markup_and_control_characters_are_rendered_as_text():
    nasty = Document(
        title="T <b>bold</b> & co",
        organisation="O\x00rg\x07",
        blocks=(Paragraph("<script>alert(1)</script>\x0b line"), Table(("A",), (("<i>x</i>",),))),
    )
    _, text = pdf_text(render_pdf(nasty))
    assert "<b>bold</b>" in text and "<script>alert(1)</script>" in text and "<i>x</i>" in text
    word = docx.Document(BytesIO(render_docx(nasty)))
    assert word.paragraphs[0].text == "T <b>bold</b> & co"
    assert any(p.text == "<script>alert(1)</script> line" for p in word.paragraphs)
    assert "Org" in word.paragraphs[1].text or "Org" in word.paragraphs[2].text


def test_group_rows_span_the_table_and_checklists_have_tick_boxes():
    from roledesign.documents import CheckItem, Checklist

    doc = Document(
        title="Checks",
        organisation="Org",
        blocks=(
            Table(("Criterion", "Essential"), (("Experience",), ("Lived experience", "Yes"))),
            Checklist(
                (
                    CheckItem("a", "Advertise openly", notes=("Why: fairness",)),
                    CheckItem("b", "Brief the team", checked=True, checked_note="Done: Sam"),
                )
            ),
        ),
    )
    reader, text = pdf_text(render_pdf(doc))
    assert "Experience" in text and "Advertise openly Why: fairness" in text
    assert "Done: Sam" in text
    assert len(reader.pages[0]["/Resources"]["/Font"]) == 2  # tick boxes are drawn, not typed
    word = docx.Document(BytesIO(render_docx(doc)))
    spec, checks = word.tables
    group = spec.rows[1].cells
    assert group[0].text == group[1].text == "Experience"  # one merged cell
    assert group[0]._tc is group[1]._tc
    assert [row.cells[1].text for row in checks.rows] == [
        "Advertise openly\nWhy: fairness",
        "Brief the team\nDone: Sam",
    ]
    assert checks._tbl.xml.count("<w14:checkbox>") == 2


def test_cells_taller_than_a_page_split_across_pages_in_every_pdf_table():
    """Every kind of table the PDF renderer draws (a table with a header and a group row, key
    values, a checklist with notes) takes a cell far taller than a page without a LayoutError."""
    from roledesign.documents import CheckItem, Checklist

    tall = "\n".join(f"Line {n} of a very long cell" for n in range(300))
    document = Document(
        title="Long cells",
        organisation="Riverside Mind",
        blocks=(
            Table(
                header=("Action", "Owner"),
                rows=(("A group heading " * 200,), (tall, "Jo"), ("Short", tall)),
                widths=(0.7, 0.3),
                caption="Actions",
            ),
            Table(header=(), rows=((tall, tall),)),
            KeyValues(rows=(("Notes", tall),)),
            Checklist(items=(CheckItem(key="a", text=tall, notes=(tall,), checked=True),)),
        ),
    )
    reader = pypdf.PdfReader(BytesIO(render_pdf(document)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 8
    assert text.count("Line 299 of a very long cell") == 7
