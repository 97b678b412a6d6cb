"""Text out of an uploaded job description: plain text, Word (.docx) or PDF.

The kind of file is decided by its contents, and must agree with its name: a PDF starts with
``%PDF-``, a Word file is a zip holding ``word/document.xml``, and a text file decodes as UTF-8
(or Windows-1252, or UTF-16 with a byte-order mark) without NUL bytes. Every way a file can fail
raises UnreadableFile with a message a manager can act on. Pure: bytes in, text out.
"""

import warnings
import zipfile
from io import BytesIO
from pathlib import PurePath

from roledesign.documents.model import clean_text
from roledesign.documents.structure import docx_table_lines, layout_text

# Below the app's 2 MB request limit, so a file that is too big gets a message beside the field.
MAX_UPLOAD_BYTES = 1536 * 1024
MAX_UPLOAD_TEXT = f"{MAX_UPLOAD_BYTES / 1024 / 1024:g} MB"
MAX_TEXT_CHARS = 100_000
MAX_PDF_PAGES = 60
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024  # a Word file that unpacks to more than this is refused
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


def too_long_message(length: int) -> str:
    return (
        f"The text is {length:,} characters long. Check one job description of up to "
        f"{MAX_TEXT_CHARS:,} characters at a time."
    )


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
    with zipfile.ZipFile(BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise UnreadableFile(f"{name} is too large to read. Choose a smaller file, {_INSTEAD}.")
    try:
        document = Document(BytesIO(data))
        lines: list[str] = []
        previous_was_item = False
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines += ["", *docx_table_lines(block), ""]
                previous_was_item = False
                continue
            text = block.text.strip()
            if not text:
                continue
            is_item = _is_list_item(block)
            if not (is_item and previous_was_item):
                lines.append("")  # paragraphs are separate, list items run together
            lines.append(f"- {text}" if is_item else text)
            previous_was_item = is_item
    except UnreadableFile:
        raise
    except Exception as err:  # python-docx raises many kinds of error on damaged files
        raise UnreadableFile(damaged) from err
    return "\n".join(lines)


def _is_list_item(paragraph) -> bool:
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.lower().startswith("list")


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableFile(
                    f"{name} is protected by a password. Save a copy without a password, "
                    f"{_INSTEAD}."
                )
            pages = [
                layout_text(page.extract_text(extraction_mode="layout") or "")
                for page in reader.pages[:MAX_PDF_PAGES]
            ]
    except UnreadableFile:
        raise
    except Exception as err:  # pypdf raises many kinds of error on damaged files
        raise UnreadableFile(
            f"{name} could not be read. It may be damaged. Save it again as a PDF, {_INSTEAD}."
        ) from err
    return "\n\n".join(pages)
