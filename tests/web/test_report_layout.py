"""The readiness report reads in one go: one list of what to do first, critical gaps marked in it,
each priority's evidence behind a "Why this matters" details element, and the arithmetic
explained once at the end rather than beside every priority."""

import re
from html import unescape

from markupsafe import escape

from roledesign.catalog import Catalog
from roledesign.domain.report import build_report
from roledesign.domain.scoring import Answer

# The report of the plan below (every statement answered No or Don't know): before this change
# its main content was 78.4 kB with 56 evidence entries, each critical gap shown twice, evidence
# and all; now 71.3 kB with 39, each shown once.
MAX_MAIN_BYTES = 75_000


def answer_with_many_gaps(app, browser, plan_id: int) -> None:
    """Answer every statement No (every third Don't know), each extremely important."""
    catalog: Catalog = app.extensions["roledesign.catalog"]
    for domain in catalog.domains:
        page = browser.client.get(f"/plans/{plan_id}/domains/{domain.key}").get_data(as_text=True)
        data = {}
        for n, name in enumerate(dict.fromkeys(re.findall(r'name="([A-Z]+_\d+)-status"', page))):
            data[f"{name}-status"] = "dont_know" if n % 3 == 0 else "no"
            data[f"{name}-importance"] = "4"
        assert browser.submit(f"/plans/{plan_id}/domains/{domain.key}", data).status_code == 302


def many_gaps_report(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    answer_with_many_gaps(app, browser, plan_id)
    page = client.get(f"/plans/{plan_id}/report")
    assert page.status_code == 200
    return page.get_data(as_text=True)


def priority_list(page: str) -> str:
    start = page.index('<ol class="app-priorities">')
    return page[start : page.index("</ol>", start)]


def shown(page: str) -> str:
    """The page without its text for screen readers only."""
    return re.sub(r'<span class="nhsuk-u-visually-hidden">[^<]*</span>', "", page)


def view_model(app, page: str):
    """The catalogue, and the ids of the statements in the priority list, in order."""
    catalog: Catalog = app.extensions["roledesign.catalog"]
    ids = re.findall(r"Statement ([A-Z]+-\d+):", priority_list(page))
    return catalog, ids


def test_each_priority_is_listed_once_with_critical_ones_tagged(
    app, client, auth, browser, make_plan
):
    page = many_gaps_report(app, client, auth, browser, make_plan)
    catalog, listed = view_model(app, page)
    critical = [i.id for i in catalog.items if i.critical]
    assert critical and set(critical) <= set(listed)  # every critical gap is in the one list
    entries = priority_list(page).split('<li class="app-gap')[1:]
    assert len(entries) == len(listed)
    for entry, item_id in zip(entries, listed, strict=True):
        item = catalog.item(item_id)
        # Once on the page (the "Add to action plan" link names it again for screen readers).
        assert shown(page).count(str(escape(item.action))) == 1, item_id
        assert ('<strong class="nhsuk-tag' in entry and ">Critical</strong>" in entry) == (
            item.critical
        ), item_id
        why = entry[entry.index("<details") : entry.index("</details>")]
        assert "Why this matters / evidence" in why
        assert str(escape(item.why)) in why
        for e in item.evidence:
            assert str(escape(e.finding)) in why, (item_id, e.source)
    assert page.count(">Critical</strong>") == len(critical)


def test_the_formula_is_explained_once_not_beside_each_priority(
    app, client, auth, browser, make_plan
):
    page = many_gaps_report(app, client, auth, browser, make_plan)
    listed = unescape(priority_list(page))
    assert "×" not in listed and not re.search(r"Priority \d", listed)
    how = page[page.index('id="how-worked-out"') :]
    assert "Critical statements count double" in how and "3 × 1 × 4 × 2 = 24" in unescape(how)
    assert page.count("Critical statements count double") == 1


def test_a_report_with_many_gaps_stays_a_bounded_size(app, client, auth, browser, make_plan):
    page = many_gaps_report(app, client, auth, browser, make_plan)
    main = page[page.index("<main") : page.index("</main>")]
    assert len(main.encode()) < MAX_MAIN_BYTES
    # Evidence entries: the band's, each domain's, and each listed priority's, once each.
    catalog, listed = view_model(app, page)
    band = catalog.bands["not_yet"]
    assert f">{band.title}</h2>" in main
    expected = len(band.evidence)
    expected += sum(len(d.evidence) for d in catalog.domains)
    expected += sum(len(catalog.item(i).evidence) for i in listed)
    assert main.count('class="app-evidence') == 1 + len(catalog.domains) + len(listed)
    entries = sum(
        block[: block.index("</ul>")].count("<li>")
        for block in main.split('class="app-evidence')[1:]
    )
    assert entries == expected


def test_key_priorities_hold_every_critical_gap_even_below_the_top_five(app):
    catalog: Catalog = app.extensions["roledesign.catalog"]
    critical = next(i for i in catalog.items if i.critical and not i.applies_when)
    others = [i for i in catalog.items if not i.critical and not i.applies_when][:6]
    answers = {i.id: Answer("no", 4) for i in others}
    answers[critical.id] = Answer("no", 1)  # critical, but below the five others' priority
    report = build_report(catalog, None, answers)
    ids = [p.item.id for p in report.key_priorities]
    assert [p.item.id for p in report.top_priorities].count(critical.id) == 0
    assert critical.id in ids and len(ids) == len(set(ids)) == 6
    assert report.other_gaps == len(report.priorities) - len(ids)
