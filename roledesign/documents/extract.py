"""Text out of an uploaded job description: plain text, Word (.docx) or PDF.

The kind of file is decided by its contents, and must agree with its name: a PDF starts with
``%PDF-``, a Word file is a zip holding ``word/document.xml``, and a text file decodes as UTF-8
(or Windows-1252, or UTF-16 with a byte-order mark) without NUL bytes. Every way a file can fail
raises UnreadableFile with a message a manager can act on. Pure: bytes in, text out.

A small upload can cost far more to read than its size suggests, so reading is bounded before
the expensive work starts: a Word file's members are inflated with a running cap (whatever sizes
its directory declares) and its XML is counted before it is parsed; a PDF's pages and content
streams are capped before text is extracted; and reading stops at the text limit. The web and
the CLI run this in a child process with hard limits as well (``documents/sandbox.py``).
"""

import warnings
import zipfile
from io import BytesIO
from pathlib import PurePath

from roledesign.documents.model import clean_text
from roledesign.domain.jd_layout import layout_text
from roledesign.domain.jd_structure import kind_mark

# Below the app's 2 MB request limit, so a file that is too big gets a message beside the field.
MAX_UPLOAD_BYTES = 1536 * 1024
MAX_UPLOAD_TEXT = f"{MAX_UPLOAD_BYTES / 1024 / 1024:g} MB"
MAX_TEXT_CHARS = 100_000
MAX_PDF_PAGES = 60
# A Word file: everything in it inflated, and its main XML (a 3-page job description has
# 50-150 KB and a few thousand tags; python-docx takes about 0.1 ms per paragraph).
MAX_UNZIPPED_BYTES = 16 * 1024 * 1024
MAX_ZIP_MEMBERS = 1000
MAX_DOCUMENT_XML_BYTES = 8 * 1024 * 1024
MAX_XML_TAGS = 200_000
MAX_PARAGRAPHS = 8_000
MAX_TABLE_CELLS = 5_000
# A PDF: the content streams of the pages read, decoded, added up (a shared stream counts once
# per page that draws it), and the operators pypdf may parse in any one stream.
MAX_PDF_CONTENT_BYTES = 2 * 1024 * 1024
MAX_PDF_OPERATIONS = 200_000
KINDS = {".txt": "a text file", ".docx": "a Word (.docx) file", ".pdf": "a PDF"}
_INSTEAD = "or paste the text instead"


class UnreadableFile(ValueError):
    """The upload cannot be read; str(error) says why and what to do, in plain English."""


def sniff(data: bytes) -> str | None:
    """'.pdf', '.docx', '.txt', '.doc' (old Word) or '.zip' from the contents; None if binary."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return ".zip"
        return ".docx" if "word/document.xml" in names else ".zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    try:
        _decode(data)
    except UnreadableFile:
        return None
    return ".txt"


def extract_text(data: bytes, filename: str) -> tuple[str, str]:
    """(text, kind) for an upload, where kind is '.txt', '.docx' or '.pdf'."""
    name = PurePath(filename or "").name or "the file"
    extension = PurePath(name).suffix.lower()
    if not data:
        raise UnreadableFile(f"{name} is empty. Choose another file, {_INSTEAD}.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableFile(
            f"{name} is {len(data) / 1024 / 1024:.1f} MB. Choose a file smaller than "
            f"{MAX_UPLOAD_TEXT}, {_INSTEAD}."
        )
    if extension == ".doc":
        raise UnreadableFile(
            f"{name} is an older Word file (.doc). Save it as .docx in Word and upload that, "
            f"{_INSTEAD}."
        )
    if extension not in KINDS:
        raise UnreadableFile(
            f"{name} must be a .docx, .txt or .pdf file. Choose another file, {_INSTEAD}."
        )
    kind = sniff(data)
    if kind != extension:
        raise UnreadableFile(
            f"{name} is not {KINDS[extension]}, although its name ends in {extension}. It may be "
            f"damaged or saved in another format. Save it again as .docx, .txt or .pdf, "
            f"{_INSTEAD}."
        )
    reader = {".txt": _decode, ".docx": _docx_text, ".pdf": _pdf_text}[kind]
    text = clean_text(reader(data, name)).strip()
    if not text:
        hint = " It may be a scanned image." if kind == ".pdf" else ""
        raise UnreadableFile(f"No text could be found in {name}.{hint} Paste the text instead.")
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableFile(too_long_message(len(text)))
    return text, kind


def too_long_message(length: int | None = None) -> str:
    """For a length, or (None) for a file whose reading stopped at the limit."""
    size = f"{length:,} characters" if length is not None else "more than that"
    return (
        f"The text is {size} long. Check one job description of up to "
        f"{MAX_TEXT_CHARS:,} characters at a time."
    ).replace("more than that long", f"more than {MAX_TEXT_CHARS:,} characters long")


def too_complex_message(name: str) -> str:
    return (
        f"{name} is too large or complicated to read: it may hold far more than a job "
        f"description. Save the job description on its own as a new file, {_INSTEAD}."
    )


class _Limit:
    """Count text as it is read; refuse as soon as it passes the limit."""

    def __init__(self):
        self.length = 0

    def add(self, text: str) -> str:
        self.length += len(text) + 1
        if self.length > MAX_TEXT_CHARS + 1000:  # leeway for blank lines cleaned away later
            raise UnreadableFile(too_long_message())
        return text


def _decode(data: bytes, name: str = "The file") -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise UnreadableFile(
                f"{name} could not be read. Save it as UTF-8 text, {_INSTEAD}."
            ) from err
    if b"\x00" in data:
        raise UnreadableFile(
            f"{name} does not contain plain text. Choose another file, {_INSTEAD}."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
        if controls > max(2, len(text) // 1000):
            break
        return text
    raise UnreadableFile(f"{name} could not be read as text. Save it as UTF-8 text, {_INSTEAD}.")


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs and table rows in document order; list items start with '- '."""
    from docx import Document
    from docx.table import Table

    damaged = (
        f"{name} could not be read. It may be damaged. Open it in Word and save it again, "
        f"{_INSTEAD}."
    )
    _check_zip(data, name, damaged)
    try:
        document = Document(BytesIO(data))
        body = document.element.body
        if (
            body.xpath("count(.//w:p)") > MAX_PARAGRAPHS
            or body.xpath("count(.//w:tc)") > MAX_TABLE_CELLS
        ):
            raise UnreadableFile(too_complex_message(name))
        limit = _Limit()
        lines: list[str] = []
        previous_was_item = False
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines += ["", *map(limit.add, docx_table_lines(block)), ""]
                previous_was_item = False
                continue
            text = limit.add(block.text.strip())
            if not text:
                continue
            is_item = _is_list_item(block)
            if not (is_item and previous_was_item):
                lines.append("")  # paragraphs are separate, list items run together
            lines.append(f"- {text}" if is_item else text)
            previous_was_item = is_item
    except (UnreadableFile, MemoryError):  # out of memory: the sandbox says so
        raise
    except Exception as err:  # python-docx raises many kinds of error on damaged files
        raise UnreadableFile(damaged) from err
    return "\n".join(lines)


def _check_zip(data: bytes, name: str, damaged: str) -> None:
    """Inflate every member with a running cap, whatever the zip's directory declares, and
    count the main XML's tags, before python-docx parses anything."""
    too_big = too_complex_message(name)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise UnreadableFile(too_big)
            if sum(info.file_size for info in members) > MAX_UNZIPPED_BYTES:
                raise UnreadableFile(too_big)
            total = 0
            for info in members:
                is_main = info.filename == "word/document.xml"
                if is_main and info.file_size > MAX_DOCUMENT_XML_BYTES:
                    raise UnreadableFile(too_big)
                tags = size = 0
                with archive.open(info) as member:
                    while chunk := member.read(256 * 1024):
                        size += len(chunk)
                        total += len(chunk)
                        if size > info.file_size or total > MAX_UNZIPPED_BYTES:
                            raise UnreadableFile(too_big)
                        if is_main:
                            tags += chunk.count(b"<")
                            if tags > MAX_XML_TAGS:
                                raise UnreadableFile(too_big)
    except (UnreadableFile, MemoryError):  # out of memory: the sandbox says so
        raise
    except Exception as err:  # zipfile raises several kinds of error on damaged archives
        raise UnreadableFile(damaged) from err


def _is_list_item(paragraph) -> bool:
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.lower().startswith("list")


def _pdf_text(data: bytes, name: str) -> str:
    """The text of the first MAX_PDF_PAGES pages, once their content streams (decoded, and
    counted once per page that draws them) are known to be within MAX_PDF_CONTENT_BYTES."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limits = {
        "zlib_maximum_output_length": MAX_PDF_CONTENT_BYTES,
        "lzw_maximum_output_length": MAX_PDF_CONTENT_BYTES,
        "run_length_maximum_output_length": MAX_PDF_CONTENT_BYTES,
        "array_based_stream_maximum_output_length": MAX_PDF_CONTENT_BYTES,
        "stream_parsing_work_maximum_count": MAX_PDF_OPERATIONS,
        "page_tree_maximum_entries": 10_000,
        "xform_maximum_invocations_per_extraction": 200,
    }
    try:
        with warnings.catch_warnings(), apply_configuration(**limits):
            warnings.simplefilter("ignore")
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableFile(
                    f"{name} is protected by a password. Save a copy without a password, "
                    f"{_INSTEAD}."
                )
            pages = reader.pages[:MAX_PDF_PAGES]
            content = 0
            for page in pages:
                stream = page.get_contents()
                content += len(stream.get_data()) if stream is not None else 0
                if content > MAX_PDF_CONTENT_BYTES:
                    raise UnreadableFile(too_complex_message(name))
            limit = _Limit()
            texts = [  # layout mode keeps table cells and columns apart: see domain/jd_layout.py
                limit.add(layout_text(page.extract_text(extraction_mode="layout") or ""))
                for page in pages
            ]
    except (UnreadableFile, MemoryError):  # out of memory: the sandbox says so
        raise
    except LimitReachedError as err:
        raise UnreadableFile(too_complex_message(name)) from err
    except Exception as err:  # pypdf raises many kinds of error on damaged files
        raise UnreadableFile(
            f"{name} could not be read. It may be damaged. Save it again as a PDF, {_INSTEAD}."
        ) from err
    return "\n\n".join(texts)


def docx_table_lines(table) -> list[str]:
    """One line per row of a python-docx table, cells joined by tabs in their columns.

    A cell merged across columns keeps its text in its first column and leaves the others
    empty, so every cell stays under its heading; a row that is one merged cell (a group heading
    such as "Experience") is a line without tabs. A tick in an Essential or Desirable column
    becomes the column's name, so 'Lived experience | ✓ |' reads as essential.
    """
    lines = []
    header: list[str] = []
    for n, row in enumerate(table.rows):
        texts, seen = [], set()
        for column, cell in enumerate(row.cells):
            if id(cell._tc) in seen:  # the same cell again: merged across columns
                texts.append("")
                continue
            seen.add(id(cell._tc))
            text = cell.text.strip()
            heading = header[column].lower() if column < len(header) else ""
            mark = kind_mark(text, heading) if n and heading in ("essential", "desirable") else None
            if mark:
                text = mark.capitalize()
            texts.append(text)
        if not n:
            header = texts
        while texts and not texts[-1]:
            texts.pop()
        lines.append("\t".join(texts))
    return lines
