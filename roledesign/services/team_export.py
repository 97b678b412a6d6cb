"""The team report as JSON (for the command line) and the CSV downloads.

All are built from a survey's release (``roledesign.domain.disclosure``), exactly as the report
screen is: aggregated, gated figures only, never one row per person.
"""

import csv
import io

from roledesign.domain.anonymity import POOL
from roledesign.domain.team import TeamResult

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number(value):
    return None if value is None else round(float(value), 4)


def report_as_json(result: TeamResult) -> dict:
    """{"status": "released", "k", "total", "groups": [{"group", "n", "shown", "domains"}],
    "consensus", "gaps"}. A group not shown (nobody, or fewer than k) has n null either way."""
    d = result.disclosure
    groups = []
    for key in (*d.order, POOL):
        unit = result.unit(key)
        if key == POOL and unit is None:
            continue
        groups.append(
            {
                "group": key,
                "n": d.visible_n(key),
                "shown": unit is not None,
                "domains": {
                    domain: _number(unit.domains[domain]) if unit else None
                    for domain in result.consensus
                },
            }
        )
    return {
        "status": "released",
        "k": d.k,
        "total": d.total,
        "groups": groups,
        "consensus": {key: _number(value) for key, value in result.consensus.items()},
        "gaps": [
            {
                "item": g.item_id,
                "gap": _number(g.difference),
                "high_group": g.high_group,
                "low_group": g.low_group,
            }
            for g in result.flagged_gaps
        ],
    }


def _cell(value) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows_csv(rows) -> str:
    """Rows of released figures (``disclosure.figures_rows``) as CSV a spreadsheet cannot run."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def comments_csv(comments) -> str:
    """Released comments alone, in the release's random order: nothing else beside them."""
    return rows_csv([["comment"], *([c] for c in comments)])
