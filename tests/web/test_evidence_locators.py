"""Every finding on the public Evidence page carries its locator: where in the seed text to check it."""

from markupsafe import escape

from tests.web.test_journey import answer_all


def _entry(page, finding):
    """The list entry that starts with ``finding``, up to its closing tag."""
    start = page.index(str(escape(finding)))
    return page[start : page.index("</li>", start)]


def test_evidence_page_shows_the_locator_beside_every_finding(client, app):
    page = client.get("/evidence/").get_data(as_text=True)
    catalog = app.extensions["roledesign.catalog"]
    for item in catalog.items:
        block = page[page.index(f'id="{item.id}"') :]
        block = block[: block.index("</div>")]
        for e in item.evidence:
            assert f"where: {escape(e.where)}" in _entry(block, e.finding), (item.id, e.source)
    for domain in catalog.domains:
        for e in domain.evidence:
            assert f"where: {escape(e.where)}" in _entry(page, e.finding), (domain.key, e.source)


def test_the_readiness_report_shows_the_locator_of_a_critical_gap(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    catalog = app.extensions["roledesign.catalog"]
    for domain in catalog.domains:
        items = [i for i in catalog.items_in(domain.key) if not i.applies_when]
        data = answer_all(browser, plan_id, items, status="yes", importance="3")
        if domain.key == "organisational_support":
            data["SUP_02-status"] = "no"  # a critical gap: listed with its evidence
        browser.submit(f"/plans/{plan_id}/domains/{domain.key}", {**data, "then": "next"})
    browser.submit(f"/plans/{plan_id}/check-answers", {})
    report = client.get(f"/plans/{plan_id}/report").get_data(as_text=True)
    gap = report[report.index("What to do first") :]
    for e in catalog.item("SUP-02").evidence:
        assert f"where: {escape(e.where)}" in _entry(gap, e.finding), e.source
