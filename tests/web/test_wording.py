"""Slips a first walk-through found in what pages say: each as a user would see it."""

import re


def text(response):
    return response.get_data(as_text=True)


def header_links(page: str) -> list[str]:
    """The header's navigation items as read out: tags stripped, the current one included."""
    header = page.split("</header>")[0]
    items = re.findall(
        r'<li class="nhsuk-header__navigation-item[^"]*"\s*>(.*?)</li>', header, re.S
    )
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def test_whole_hours_show_without_a_decimal_point(client, auth, make_plan):
    auth.manager()
    plan_id = make_plan(hours="30")
    page = text(client.get(f"/plans/{plan_id}"))
    assert re.search(r"Hours per week\s*</dt>\s*<dd[^>]*>\s*30\s*</dd>", page)
    assert "30.0" not in page
    assert re.search(r">\s*22.5\s*<", text(client.get(f"/plans/{make_plan(hours='22.5')}")))


def test_the_header_leads_to_the_organisation_overview_once_there_is_an_organisation(client, auth):
    auth.sign_up()
    assert "Overview" not in header_links(text(client.get("/organisations/new")))
    auth.create_organisation()
    page = text(client.get("/dashboard"))
    assert header_links(page)[:2] == ["Role plans", "Overview"]
    assert 'href="/overview"' in page.split("</header>")[0]


def test_the_domain_introduction_asks_about_importance_as_the_questions_do(client, auth, make_plan):
    auth.manager()
    page = text(client.get(f"/plans/{make_plan()}/domains/distinctiveness"))
    assert "how important it is to us" in page and "important it is to you" not in page
    assert "How important is this to us?" in page
