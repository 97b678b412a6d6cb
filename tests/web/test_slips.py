"""Slips seen on a first walk-through, each checked on the page where it was seen."""

from tests.web.team_helpers import close_survey, set_up_survey, text
from tests.web.test_team_report import add_responses


def test_the_survey_page_cites_the_research_project_by_its_name(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    team_member = app.test_client()  # opens the link with no account
    page = text(team_member.get(f"/s/{token}"))
    assert ">Peer Worker Research Project 2011–2013</a>" in page
    assert ">Peer 2011–2013<" not in page


def test_the_team_report_says_in_plain_words_why_agreement_is_not_shown(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    set_up_survey(browser, plan_id)
    add_responses(app, plan_id, {"peer_worker": 6})  # one group only: nothing to compare
    close_survey(browser, plan_id)
    page = text(client.get(f"/plans/{plan_id}/team/report"))
    assert ">Agreement between groups</th>" in page
    cells = page[page.index(">Agreement between groups</th>") : page.index("</table>")]
    assert cells.count(">Not shown</td>") == 4  # each domain
    assert "Agreement between groups is shown when at least two groups each have 5 or more" in page
    assert "Needs two groups" not in page and ">Consensus<" not in page
