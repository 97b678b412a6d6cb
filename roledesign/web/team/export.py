"""The team report as JSON (for the command line) and the anonymised CSV exports.

Both apply exactly the suppression the report screen applies: they are built from the same
TeamResult and Disclosure.
"""

import csv
import io

from roledesign.domain.anonymity import POOL, Disclosure
from roledesign.domain.team import TeamResult

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number(value):
    return None if value is None else round(float(value), 4)


def report_as_json(result: TeamResult) -> dict:
    """{"k", "total", "groups": [{"group", "n", "shown", "domains"}], "consensus", "gaps"}."""
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


def responses_csv(items, disclosure: Disclosure, responses) -> str:
    """One row per response: the group it is shown under, then each statement's answer.

    People whose own group is not shown appear under "other_respondents". Rows are sorted by
    group and answers, never in the order they arrived, and carry no id, date or comment.
    """
    if not disclosure.is_reportable:
        return ""
    order = {key: n for n, key in enumerate((*disclosure.shown, POOL))}
    rows = []
    for group, answers in responses:
        unit = group if group in disclosure.shown else POOL
        cells = []
        for item in items:
            status, importance = answers.get(item.id, ("", None))
            cells += [status, "" if importance is None else str(importance)]
        rows.append((order[unit], unit, cells))
    rows.sort()
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["group"]
    for item in items:
        header += [f"{item.id} in place", f"{item.id} importance"]
    writer.writerow(header)
    for _, unit, cells in rows:
        writer.writerow([unit, *cells])
    return out.getvalue()


def comments_csv(comments) -> str:
    """Comments alone, alphabetically: no group, date or answers beside them."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["comment"])
    for comment in sorted(comments):
        writer.writerow([_cell(comment)])
    return out.getvalue()
