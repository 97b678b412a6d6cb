"""Reading uploads: the kind of file comes from its contents, and must agree with its name;
every way a file can fail gives a message a manager can act on."""

import zipfile
from io import BytesIO

import docx
import pytest

from roledesign.documents import Document, Paragraph
from roledesign.documents.extract import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    UnreadableFile,
    extract_text,
    sniff,
)
from roledesign.documents.render_pdf import render_pdf

TEXT = "Peer Support Worker\nYou will use your lived experience to support people."


def word(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf(text: str = TEXT) -> bytes:
    return render_pdf(Document(title="Advert", organisation="Trust", blocks=(Paragraph(text),)))


def test_text_files_in_utf8_cp1252_and_utf16():
    assert extract_text(TEXT.encode(), "jd.txt") == (TEXT, ".txt")
    assert extract_text("Café – peer".encode("cp1252"), "jd.TXT")[0] == "Café – peer"
    assert extract_text("\ufeffCafé".encode(), "jd.txt")[0] == "Café"
    assert extract_text("Café peer".encode("utf-16"), "jd.txt")[0] == "Café peer"


def test_word_files_keep_paragraphs_lists_and_tables_in_order():
    def build(document):
        document.add_heading("Peer support worker", 1)
        document.add_paragraph("What this role does not include:")
        document.add_paragraph("Close observations", style="List Bullet")
        document.add_paragraph("Restraint", style="List Bullet")
        table = document.add_table(rows=3, cols=3)
        for row, cells in zip(
            table.rows,
            [
                ("Criteria", "Essential", "Desirable"),
                ("Lived experience of mental health problems", "✓", ""),
                ("Group work", "", "✓"),
            ],
            strict=True,
        ):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text

    text, kind = extract_text(word(build), "jd.docx")
    assert kind == ".docx"
    assert text == (
        "Peer support worker\n\n"
        "What this role does not include:\n\n"
        "- Close observations\n"
        "- Restraint\n\n"
        "Criteria\tEssential\tDesirable\n"
        "Lived experience of mental health problems\tEssential\n"
        "Group work\t\tDesirable"
    )


def test_pdf_text_is_extracted():
    text, kind = extract_text(pdf(), "advert.pdf")
    assert kind == ".pdf"
    assert "You will use your lived experience to support people." in " ".join(text.split())


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7 ...", ".pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
        (b"Plain words", ".txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),
    ],
)
def test_sniffing_by_content(data, expected):
    assert sniff(data) == expected


def test_a_zip_that_is_not_a_word_file_is_not_a_docx():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert sniff(buffer.getvalue()) == ".zip"
    with pytest.raises(UnreadableFile, match=r"^jd\.docx is not a Word \(\.docx\) file"):
        extract_text(buffer.getvalue(), "jd.docx")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "jd.txt", "jd.txt is empty. Choose another file, or paste the text instead."),
        (b"text", "jd.rtf", "jd.rtf must be a .docx, .txt or .pdf file."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "jd.doc", "jd.doc is an older Word file (.doc)."),
        (
            b"%PDF-1.4 not really",
            "jd.txt",
            "jd.txt is not a text file, although its name ends in .txt.",
        ),
        (b"Plain words", "jd.pdf", "jd.pdf is not a PDF, although its name ends in .pdf."),
        (b"%PDF-1.4 broken", "jd.pdf", "jd.pdf could not be read. It may be damaged."),
        (b"PK\x03\x04broken", "jd.docx", "jd.docx is not a Word (.docx) file"),
        (b"bin\x00ary", "jd.txt", "jd.txt is not a text file"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "jd.txt", "jd.txt is not a text file"),
        (b"   \n\t ", "jd.txt", "No text could be found in jd.txt."),
    ],
)
def test_clear_messages(data, name, message):
    with pytest.raises(UnreadableFile) as caught:
        extract_text(data, name)
    assert str(caught.value).startswith(message)


def test_a_damaged_word_file_says_so():
    data = bytearray(word(lambda d: d.add_paragraph("Hello")))
    start = data.find(b"word/document.xml")
    data[start + 60 : start + 400] = b"\x00" * 340  # corrupt the compressed document
    with pytest.raises(UnreadableFile, match="could not be read|is not a Word"):
        extract_text(bytes(data), "jd.docx")


def test_size_limits():
    with pytest.raises(UnreadableFile, match=r"Choose a file smaller than 1\.5 MB"):
        extract_text(b"a" * (MAX_UPLOAD_BYTES + 1), "big.txt")
    with pytest.raises(UnreadableFile, match="Check one job description of up to 100,000"):
        extract_text(b"a " * (MAX_TEXT_CHARS // 2 + 1), "long.txt")


def test_a_word_file_that_unpacks_to_a_huge_size_is_refused():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", b"\x00" * (70 * 1024 * 1024))
    with pytest.raises(UnreadableFile, match="too large or complicated to read"):
        extract_text(buffer.getvalue(), "bomb.docx")


def test_a_password_protected_pdf_says_so():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(pdf())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableFile, match="protected by a password"):
        extract_text(buffer.getvalue(), "locked.pdf")


def test_a_pdf_without_text_suggests_pasting():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableFile, match="It may be a scanned image"):
        extract_text(buffer.getvalue(), "scan.pdf")
