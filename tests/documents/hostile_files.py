"""Crafted uploads that cost far more to read than their size suggests (issue 14), made on the
fly so that no such file sits in the repository. Used by tests/web/test_jd_check_uploads.py and
bench/uploads.py.

Each generator returns (file name, bytes). Sizes are those of the files tried against a local
server: all are well under the 1.5 MB upload limit.
"""

import io
import zipfile
import zlib

PARAGRAPH = b"<w:p><w:r><w:t>Peer support worker</w:t></w:r></w:p>"


def _minimal_docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A Word file python-docx opens: the three parts it needs, and any extra members."""
    types = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _document(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )


def normal_docx() -> tuple[str, bytes]:
    """A short, ordinary job description (for comparison in the benchmark)."""
    return "ordinary.docx", _minimal_docx(_document(PARAGRAPH * 40))


def million_empty_paragraphs() -> tuple[str, bytes]:
    """About 100 KB: a million empty paragraphs (python-docx walks each one)."""
    return "empty-paragraphs.docx", _minimal_docx(_document(b"<w:p/>" * 1_000_000))


def inflating_docx() -> tuple[str, bytes]:
    """About 200 KB whose document.xml inflates to about 58 MB of ordinary paragraphs."""
    return "inflating.docx", _minimal_docx(_document(PARAGRAPH * 1_100_000))


def zip_bomb_member() -> tuple[str, bytes]:
    """A small, valid Word file with one more member that inflates to 1 GB of zeros."""
    out = io.BytesIO(_minimal_docx(_document(PARAGRAPH * 5)))
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("word/media/image1.png", "w", force_zip64=True) as member,
    ):
        block = bytes(16 * 1024 * 1024)
        for _ in range(64):
            member.write(block)
    return "zip-bomb.docx", out.getvalue()


def lying_zip_member() -> tuple[str, bytes]:
    """document.xml declares 1 KB in the zip's directory but inflates to 50 MB."""
    name, data = inflating_docx()
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (1024).to_bytes(4, "little")
    # The size appears in the local header and in the central directory: change both.
    return "lying.docx", data.replace(real, fake)


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1-based), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(content: bytes) -> bytes:
    packed = zlib.compress(content, 9)
    return (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )


def pdf_with_pages(contents: list[bytes], share: bool = False) -> bytes:
    """A PDF of len(contents) pages (Helvetica); with share, every page draws the first stream."""
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(contents[0]),
    ]
    streams = []
    for n in range(count):
        stream_number = 4 if share or n == 0 else 5 + count + len(streams)
        if not (share or n == 0):
            streams.append(_stream(contents[n]))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % stream_number
        )
    return _pdf(objects + streams)


def shared_stream_pdf() -> tuple[str, bytes]:
    """About 12 KB: 60 pages that all draw one content stream of about 4 MB of text operators."""
    content = b"BT /F1 10 Tf 72 800 Td " + b"(Peer) Tj 0 -1 Td " * 230_000 + b"ET"
    return "shared-stream.pdf", pdf_with_pages([content] * 60, share=True)


def normal_pdf(pages: int = 3) -> tuple[str, bytes]:
    """An ordinary job description of a few pages (for comparison in the benchmark)."""
    lines = [
        f"({n}. The peer support worker uses lived experience, on purpose.) Tj 0 -14 Td"
        for n in range(50)
    ]
    content = ("BT /F1 10 Tf 50 800 Td " + " ".join(lines) + " ET").encode()
    return "ordinary.pdf", pdf_with_pages([content] * pages)


def truncated(kind: str) -> tuple[str, bytes]:
    """The first half of an ordinary file."""
    name, data = normal_pdf() if kind == ".pdf" else normal_docx()
    return f"truncated{kind}", data[: len(data) // 2]


def garbage(kind: str) -> tuple[str, bytes]:
    """Random bytes behind the right signature, so they are read as that kind of file."""
    import random

    noise = random.Random(14).randbytes(50_000)
    head = b"%PDF-1.7\n" if kind == ".pdf" else b"PK\x03\x04"
    return f"garbage{kind}", head + noise


HOSTILE = {
    "shared content stream (PDF)": shared_stream_pdf,
    "a million empty paragraphs (Word)": million_empty_paragraphs,
    "58 MB of XML (Word)": inflating_docx,
    "zip bomb member (Word)": zip_bomb_member,
    "lying zip sizes (Word)": lying_zip_member,
    "truncated PDF": lambda: truncated(".pdf"),
    "truncated Word file": lambda: truncated(".docx"),
    "garbage PDF": lambda: garbage(".pdf"),
    "garbage Word file": lambda: garbage(".docx"),
}
