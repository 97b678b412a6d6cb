"""Text laid out in columns, read back into the plain-text shape the job description check reads.

pypdf's layout mode keeps each line's words where they stand on the page, and text copied out of
a PDF arrives the same way, so tables and text columns show as runs of spaces. This module turns
that into what a Word table gives (``roledesign.documents.extract``): table rows on one line
with cells separated by tabs, a row whose cells were wrapped over several lines joined back
together, list markers as ``- `` and two columns of prose read one after the other. Pure: text
in, text out. The PDF reader applies it to each page, and ``jd_check.check_text`` to pasted
text that has such columns.
"""

import re

from roledesign.domain.jd_structure import RUNS_ON, is_mark

GAP = re.compile(r" {3,}")  # a run of spaces this long separates cells or columns
_MARKER = re.compile(r"^(?P<indent> *)(?:[•·▪◦●○■]|\d{1,2}[.)]?)(?: {2,}| (?=[A-Z]))(?=\S)")
_FOOTER = re.compile(r"\bPage \d+ of \d+\s*$")
_HEADER_WORDS = re.compile(r"^(?:essential|desirable|e|d|e ?/ ?d)$", re.I)
PROSE_WORDS = 4  # a column whose lines mostly have this many words is prose, not table cells
SLACK = 2  # characters a cell may start before its column
HANGING = 3  # the indent of a list item's wrapped lines under its text ("-  ")


def _cells(line: str) -> list[tuple[int, str]]:
    """(position, text) of each run of text separated by a gap."""
    found, position = [], 0
    for part in GAP.split(line):
        start = line.index(part, position) if part else position
        if part.strip():
            found.append((start + len(part) - len(part.lstrip()), part.strip()))
        position = start + len(part)
    return found


def _column(position: int, starts: list[int]) -> int:
    return max(n for n, start in enumerate(starts) if start - SLACK <= position or n == 0)


def _fits(line: str, starts: list[int]) -> bool:
    """Whether no run of text in ``line`` crosses the start of a column."""
    for position, text in _cells(line):
        end = position + len(text)
        if any(position < start - SLACK and end > start for start in starts[1:]):
            return False
    return True


LOOSE = 8  # characters a hand-aligned cell may stand off its column's start


def _placed(line: str, starts: list[int]) -> list[int] | None:
    """The column of each cell of ``line``, or None when the line is not a row of the table.

    A line laid out by a PDF fits the columns exactly. Columns typed by hand drift by a few
    characters, and a long cell may run past the next column's start, so a line whose cells
    each start near a different column, left to right, is a row too (our inference)."""
    if _fits(line, starts):
        return [_column(position, starts) for position, _ in _cells(line)]
    cells = _cells(line)
    if len(cells) == len(starts) and all(
        abs(position - start) <= LOOSE for (position, _), start in zip(cells, starts, strict=True)
    ):
        return list(range(len(cells)))  # one cell under each column, each a little off
    columns = []
    for position, text in cells:
        nearest = min(range(len(starts)), key=lambda n: abs(starts[n] - position))
        if abs(starts[nearest] - position) > LOOSE or (columns and nearest <= columns[-1]):
            return None
        if nearest + 1 < len(starts) and position + len(text) > starts[nearest + 1] + LOOSE:
            return None  # prose running across the columns: the table has ended
        columns.append(nearest)
    return columns


# In a table, an "E" or "D" two spaces, or a tick one space, after a criterion that ran long is
# its own cell.
_CLOSE_MARK = re.compile(r"(?<=\S)(?:  (?=[ED](?: {3,}|$))| {1,2}(?=[✓✔](?: {3,}|$)))")


def _table(
    lines: list[str], at: int, starts: list[int], header: bool = True
) -> tuple[list[str], int]:
    """Rows of the table starting at ``lines[at]``, as tab-separated lines, and where it ends.
    With ``header``, its first line is a header row of its own."""
    rows: list[list[str]] = []
    current: list[list[str]] | None = None
    n = at
    while n < len(lines):
        line = lines[n]
        if not line.strip():
            current = None  # a blank line ends a row
            n += 1
            continue
        line = _CLOSE_MARK.sub("   ", line)
        columns = _placed(line, starts)
        if columns is None:
            break
        placed = [(column, text) for column, (_, text) in zip(columns, _cells(line), strict=True)]
        # the header is a row of its own
        if current is None or (header and len(rows) == 1) or _starts_row(placed, current):
            current = [[] for _ in starts]
            rows.append(current)  # type: ignore[arg-type]
        for column, text in placed:
            current[column].append(text)
        n += 1
    out = []
    for row in rows:
        texts = [" ".join(parts) for parts in row]
        while len(texts) > 1 and not texts[-1]:
            texts.pop()
        out.append("\t".join(texts))
    return ["", *out, ""], n


_CONTINUED = re.compile(rf"{RUNS_ON.pattern}|[,&/\-–]$")


def _starts_row(placed: list[tuple[int, str]], current: list[list[str]]) -> bool:
    """Whether a line of a table without blank lines between its rows, as (column, text) of
    its cells, starts a new row: it puts a second "E", "D" or tick in a column that already
    has one (a criterion a line under one label), or its first column opens with a capital (or
    a digit) and the first column so far does not run on ("Knowledge and" / "skills" is one
    row; a criterion wrapped into its cell continues in lower case)."""
    if any(column > 0 and current[column] and is_mark(text) for column, text in placed):
        return True  # a second "E" or tick in the same column: one criterion a line
    first = [text for column, text in placed if column == 0]
    if not first:
        # a line only in later columns is a new item without a label when it opens with a
        # capital and that column's text so far does not run on
        column, text = placed[0]
        return (
            text[0].isupper()
            and bool(current[column])
            and not _CONTINUED.search(current[column][-1])
        )
    if not (first[0][0].isupper() or first[0][0].isdigit()):
        return False
    return not (current[0] and _CONTINUED.search(current[0][-1]))


def _is_header_row(cells: list[tuple[int, str]]) -> bool:
    """A person specification's header: "Criteria   Essential   Desirable", "...   E / D"."""
    return len(cells) >= 2 and any(_HEADER_WORDS.match(text) for _, text in cells[1:])


def _is_prose(lines: list[str], split: int) -> bool:
    left = [line[:split].split() for line in lines if line.strip()]
    return bool(left) and sum(len(words) >= PROSE_WORDS for words in left) * 2 > len(left)


def _right_is_prose(lines: list[str], split: int) -> bool:
    right = [line[split - SLACK :].split() for line in lines if line[split - SLACK :].strip()]
    return bool(right) and sum(len(words) >= PROSE_WORDS - 1 for words in right) * 2 > len(right)


def _in_columns(line: str, split: int) -> bool:
    """Whether ``line`` goes on two columns split at ``split``: blank, two cells with the second
    at the split (or indented under a list item's text there), or one cell that fits either
    column; never a table header."""
    cells = _cells(line)
    if _is_header_row(cells):
        return False
    return (
        not line.strip()
        or (len(cells) == 2 and -SLACK <= cells[1][0] - split <= HANGING + SLACK)
        or (len(cells) == 1 and _fits(line, [0, split]))
    )


def _columns(lines: list[str], at: int) -> tuple[list[str], int] | None:
    """Two columns of prose side by side from ``lines[at]``: left column, then right."""
    cells = _cells(lines[at])
    if len(cells) != 2:
        return None
    split = cells[1][0]
    n = at
    while n < len(lines) and _in_columns(lines[n], split):
        n += 1
    block = lines[at:n]
    if n - at < 3 or not _is_prose(block, split) or not _right_is_prose(block, split):
        return None  # a short right-hand column ("Essential ✓") belongs to its row
    left = [line[:split].strip() for line in block]
    right = [line[split - SLACK :].strip() if len(line) > split - SLACK else "" for line in block]
    return [*left, "", *right], n


_COLUMN_GAP = re.compile(r"\S {3,}\S")


def has_columns(text: str) -> bool:
    """Whether some line of ``text`` has words in columns, three or more spaces apart."""
    return bool(_COLUMN_GAP.search(text))


def _unpipe(lines: list[str]) -> list[str]:
    """Pipes of a table whose pipes line up from one line to the next (one typed with padding,
    as Markdown or plain-text tables are) become spaces, so its columns are read by position and
    a cell wrapped onto the next line joins its row. A table whose pipes do not line up keeps
    them: each of its lines is read on its own (``jd_text.as_cells``)."""
    out = list(lines)
    n = 0
    while n < len(lines):
        positions = _pipes(lines[n])
        end = n + 1
        while positions and end < len(lines) and _pipes(lines[end]) == positions:
            end += 1
        if end - n >= 2:  # a Markdown rule under the header ("|---|---|") is dropped
            out[n:end] = [
                "" if _RULE.fullmatch(line) else line.replace("|", " ") for line in lines[n:end]
            ]
        n = end
    return out


_RULE = re.compile(r"\s*\|[\s|:\-=+]*")


def _pipes(line: str) -> tuple[int, ...]:
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.count("|") >= 3):
        return ()
    return tuple(n for n, char in enumerate(line) if char == "|")


def _starts(header: list[tuple[int, str]]) -> list[int]:
    """Where the columns of a table start, from its header's cells."""
    starts = [position for position, _ in header]
    if starts[0] > SLACK:  # the header leaves the first column empty: it holds labels
        starts = [0, *starts]
    return starts


LOOKAHEAD = 6  # lines after a row of cells looked at to see whether a table goes on


def _wraps_cells(lines: list[str], at: int, starts: list[int]) -> bool:
    """Whether ``lines[at]`` starts a table of any kind ("Main responsibilities   Frequency",
    or a first row "Daily living   Prompting with washing and") whose cells wrap: among the
    next lines, rows in the same columns and at least one line that only goes on with one
    cell in lower case ("observation policy")."""
    rows = wrapped = 0
    for line in lines[at + 1 : at + 1 + LOOKAHEAD]:
        if not line.strip():
            continue
        columns = _placed(line, starts)
        if columns is None:
            break
        cells = _cells(line)
        if len(cells) == 1 and cells[0][1][0].islower():
            wrapped += 1
        elif len(cells) >= 2:
            rows += 1
    return rows >= 2 and wrapped >= 1


def layout_text(page: str) -> str:
    """One page of pypdf layout-mode text as plain text with tables and columns read back."""
    lines = [
        _MARKER.sub(lambda m: m.group("indent") + "- ", line.rstrip())
        for line in _unpipe(page.split("\n"))
        if not _FOOTER.search(line)
    ]
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if _pipes(line):  # a pipe table whose pipes do not line up: its pipes divide the cells
            out.append(line.strip())
            n += 1
            continue
        cells = _cells(line)
        if _is_header_row(cells):
            rows, n = _table(lines, n, _starts(cells))
            out += rows
            continue
        columns = _columns(lines, n) if len(cells) == 2 else None
        if columns:
            read, n = columns
            out += read
            continue
        if len(cells) >= 2 and _wraps_cells(lines, n, starts := _starts(cells)):
            rows, n = _table(lines, n, starts, header=False)
            out += rows
            continue
        out.append("\t".join(text for _, text in cells) if len(cells) > 1 else line.strip())
        n += 1
    return "\n".join(out)
