"""Every finding on the public Evidence page carries its locator: where in the seed text to check it."""

from markupsafe import escape


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
