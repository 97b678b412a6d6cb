"""A Document as plain text, laid out as a manager would paste it: headings on their own line,
list items starting with "- " (or "1."), and table rows with cells separated by tabs."""

from roledesign.documents.model import Bullets, Document, Heading, KeyValues, Paragraph, Table


def _block_lines(block) -> list[str]:
    if isinstance(block, Heading | Paragraph):
        return [block.text]
    if isinstance(block, Bullets):
        return [
            f"{n}. {item}" if block.numbered else f"- {item}"
            for n, item in enumerate(block.items, 1)
        ]
    if isinstance(block, KeyValues):
        return [f"{label}: {value}" for label, value in block.rows]
    if isinstance(block, Table):
        lines = [block.caption] if block.caption else []
        return lines + ["\t".join(row) for row in (block.header, *block.rows)]
    return [item.text for item in block.items]  # a Checklist


def render_text(document: Document) -> str:
    parts = [document.title, document.subtitle, document.meta_line]
    for block in document.blocks:
        parts.append("\n".join(_block_lines(block)))
    return "\n\n".join(part for part in parts if part) + "\n"
