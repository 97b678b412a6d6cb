"""The parts of a job description: which section a line sits in, and the columns of a person
specification table.

Pure functions over lines of plain text, used by ``roledesign.domain.jd_text``. Tables reach the
check as lines with cells separated by tabs: that is how Word tables are extracted
(``roledesign.documents.extract``), how PDF tables are read back
(``roledesign.domain.jd_layout``) and how a table pasted from a browser or Word arrives.

- **Sections.** A short line with no closing full stop that names a part of a job description
  ("Job purpose", "Key responsibilities", "What is not part of this role", "Supervision and
  support", "Person specification", "About you – essential") starts that section; the section
  lasts until the next such heading.
- **Person specification tables.** A row of cells with both an "Essential" and a "Desirable"
  column heading (or "E" and "D"), or one "E/D" column, starts a table; in each row after it, a
  tick, "Yes", "X", "E" or "D" in a column gives the criterion its column's kind, and a cross
  or "No" gives none. The table lasts until a blank line that is not
  followed by another row of cells.
"""

import re
import unicodedata

HEADING_WORDS = 10  # a heading is at most this many words

# Most specific first: "What is not part of this role" names the role too.
SECTIONS = (
    (
        "not_in_role",
        r"(?:not|doesnt|dont|isnt) (?:part of|included|include|involve|cover)"
        r"|what (?:you|the role) (?:wont|will not)"
        r"|you (?:wont|will not) (?:be|do)|out of scope|exclusions?"
        r"|(?:whats|what is) not (?:in|part)|what (?:this|the) (?:job|role|post) (?:is not|isnt)",
    ),
    (
        "support",
        r"supervision|support for you|supporting you|what we offer|we offer|well give you"
        r"|we will give you|benefits|your support|support and development|training and support",
    ),
    (
        "person_spec",
        r"person(?:nel)? spec[a-z]*|about you|you will need|youll need|what were looking for|essential"
        r"|desirable|criteria|requirements|qualifications|skills and experience|who (?:we are|were) looking"
        r"|knowledge(?: [a-z]+)* and experience",
    ),
    (
        "duties",
        r"dut(?:y|ies)|responsibilit[a-z]*|what youll do|what you will do|what youll be doing"
        r"|what the role involves|the role involves|key tasks|main tasks|youll|you will"
        r"|result areas|key areas|accountabilities",
    ),
    ("purpose", r"purpose|summary|overview|about the role|the role|job description|role"),
)
_SECTION_RES = tuple((name, re.compile(rf"(?<![a-z0-9])(?:{words})")) for name, words in SECTIONS)
_CRITERION_CELL = {
    "essential": "essential",
    "e": "essential",
    "desirable": "desirable",
    "d": "desirable",
}
# One column that says "E" or "D" for each row: "Criteria | Requirement | E/D | Assessed by".
_EITHER = frozenset({"e d", "e or d", "essential desirable", "essential or desirable"})
# What an Essential or Desirable column holds for "yes", and for "no". A cell holding either
# is a mark, not text to read.
_TICKS = frozenset({"yes", "y", "x", "✓", "✔", "*", "•"})
_UNTICKED = frozenset({"no", "n", "✗", "✘"})
_MARKS = _TICKS | _UNTICKED | frozenset(_CRITERION_CELL)

# A line or a cell that ends on one of these words was wrapped, whatever the next line starts
# with: "... set out in the" / "ACCT caremap" (text copied from a PDF keeps the PDF's breaks).
RUNS_ON = re.compile(
    r"(?<![A-Za-z])(?:the|a|an|of|to|in|on|for|with|and|or|by|from|at|as|their|your|our|its)$"
)


# A line of the post's details names the post, its place and its managers, not a duty: "Team:
# Clozapine Clinic", "Responsible to:  Nurse Lead", "Post<tab>Peer Support Worker". Our reading:
# none of the 290 documents of the corpus has drift in such a line. Hours are not among them, as
# an hours line can carry a duty ("including cover for the ward when it is short").
_DETAIL = re.compile(
    r"(?:post|job title|team|service|department|base|based at|location|ward|site|directorate"
    r"|division|care group|(?:professionally |clinically |managerially )?(?:responsible|accountable)"
    r" to|reports? to|reporting to|managed by|line manager|band|grade|salary|pay|contract"
    r"|contract type|closing date)\s*(?::|\t)",
    re.I,
)
DETAIL_WORDS = 20  # a details line is at most this many words


def is_detail_line(line: str) -> bool:
    """Whether a line, outside a table, gives one of the post's details."""
    return bool(_DETAIL.match(line.strip())) and len(line.split()) <= DETAIL_WORDS


def is_mark(cell: str) -> bool:
    """Whether a table cell is only a mark: a tick, a cross, "Yes", "No", "E" or "D"."""
    return fold_words(cell) in _MARKS


def kind_mark(cell: str, column_kind: str | None) -> str | None:
    """The kind of criterion a mark gives its row: "E" or "D" say it themselves; a tick or
    "Yes" gives its column's kind. A cross, "No" or text gives none."""
    value = fold_words(cell)
    if value in _TICKS:
        return column_kind
    return _CRITERION_CELL.get(value)


def fold_words(text: str) -> str:
    """Lower-case words without accents or apostrophes, single spaces: "What you'll do" → "what
    youll do". Ticks are kept, as they carry meaning in a table."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’‘`´]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9✓✔✗✘*•]+", " ", plain).split())


def heading_section(line: str) -> str | None:
    """The section a heading line starts, or None when the line is not such a heading."""
    stripped = line.strip().rstrip(":?").strip()  # "What's not in the job?" is a heading too
    if not stripped or "\t" in stripped or stripped[-1] in ".!?;,":
        return None
    words = fold_words(stripped)
    if not words or len(words.split()) > HEADING_WORDS:
        return None
    if "job description" in words and "person spec" in words:
        return "purpose"  # the document's title: "Job Description and Person Specification"
    return next((name for name, pattern in _SECTION_RES if pattern.search(words)), None)


def table_header(line: str) -> tuple[str | None, ...] | None:
    """The criterion each column stands for, when ``line`` is a person-specification header."""
    cells = [fold_words(cell) for cell in line.split("\t")]
    if len(cells) < 2 or "\t" not in line:
        return None
    kinds = tuple(_CRITERION_CELL.get(cell) for cell in cells)
    if {"essential", "desirable"} <= set(kinds[1:]) or any(c in _EITHER for c in cells[1:]):
        return kinds
    if all(kinds) and {"essential", "desirable"} <= set(kinds):
        return kinds  # "Essential | Desirable": criteria written under each, no label column
    return None


def row_cells(line: str, header: tuple[str | None, ...]) -> list[tuple[int, int, str | None]]:
    """(start, end, criterion) of each cell of a table row to read as text, offsets into line.

    Two layouts are read: a tick, "Yes", "E" or "D" in an Essential or Desirable column gives
    the row's other cells that kind; criteria written in the Essential or Desirable column
    itself take the column's kind. Cells holding only a tick are not read as text.
    """
    cells, position = [], 0
    for cell in line.split("\t"):
        lead = len(cell) - len(cell.lstrip(" "))  # the spaces of a column gap
        cells.append((position + lead, position + len(cell), cell))
        position += len(cell) + 1
    kinds = [header[column] if column < len(header) else None for column in range(len(cells))]
    marks = (kind_mark(cell, kinds[column]) for column, (_, _, cell) in enumerate(cells) if column)
    ticked = next((mark for mark in marks if mark), None)
    spans = []
    for column, (start, end, cell) in enumerate(cells):
        if not fold_words(cell) or (column and is_mark(cell)):
            continue
        spans.append((start, end, kinds[column] or ticked))
    return spans
