"""Two people editing the same page: the later save is refused with its input kept."""

import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from html import unescape

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from roledesign.extensions import db
from roledesign.models import Action, Answer, DocumentDetails, RolePlan
from tests.helpers import PLAN_FORM, Auth, Browser
from tests.web.test_bad_input import summary_links
from tests.web.test_documents import DETAILS

CONFLICT = (
    "#maincontent",
    "Someone else saved changes to this page while you were editing it. "
    "Your changes have not been saved yet: check them against the latest version and "
    "save again.",
)


def second_person(app, browser, outbox_email="colleague@example.org"):
    """A colleague in the same organisation, signed in on another device."""
    page = browser.submit(
        "/organisation/members/invite", {"email": outbox_email, "role": "manager"}
    )
    link = re.search(r"(/invitations/[^<\s]+)", page.get_data(as_text=True)).group(1)
    colleague = Browser(app.test_client())
    Auth(colleague).sign_up(email=outbox_email, name="Colleague")
    colleague.submit(link, {})
    return colleague


def test_domain_page_conflict_keeps_the_later_writers_answers(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    url = f"/plans/{plan_id}/domains/distinctiveness"
    mine = browser.hidden_fields(url)  # both open the page
    theirs = colleague.hidden_fields(url)
    first = colleague.client.post(url, data={**theirs, "DIS_01-status": "yes"})
    assert first.status_code == 302
    late = client.post(url, data={**mine, "DIS_01-status": "no", "DIS_01-note": "My view"})
    page = late.get_data(as_text=True)
    assert late.status_code == 409
    assert summary_links(page) == [CONFLICT]
    assert "My view" in page and re.search(r'value="no"\s+checked', page)
    with app.app_context():
        assert db.session.scalar(select(Answer.status)) == "yes"
    # Saving again from the refreshed page goes through.
    renewed = re.search(r'name="stamp" type="hidden" value="([^"]+)"', page).group(1)
    again = client.post(url, data={**mine, "stamp": renewed, "DIS_01-status": "no"})
    assert again.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Answer.status)) == "no"


def test_plan_description_conflict(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    url = f"/plans/{plan_id}/describe"
    mine = browser.hidden_fields(url)
    colleague.submit(url, {**PLAN_FORM, "team": "Their team name"})
    late = client.post(url, data={**mine, **PLAN_FORM, "team": "My team name"})
    assert late.status_code == 409
    assert 'value="My team name"' in late.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(RolePlan, plan_id).team == "Their team name"


def test_editing_different_domains_at_once_is_fine(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    mine = browser.hidden_fields(f"/plans/{plan_id}/domains/distinctiveness")
    theirs = colleague.hidden_fields(f"/plans/{plan_id}/domains/strategic_alignment")
    assert (
        colleague.client.post(
            f"/plans/{plan_id}/domains/strategic_alignment", data={**theirs, "STR_01-status": "yes"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/plans/{plan_id}/domains/distinctiveness", data={**mine, "DIS_01-status": "yes"}
        ).status_code
        == 302
    )


# Every form two people might edit at once: its page, the rest of what is sent, the field both
# change, and where that field is stored.
ACTION = {
    "owner_user_id": "",
    "owner_name": "Jo Lead",
    "due_on[day]": "1",
    "due_on[month]": "1",
    "due_on[year]": "2030",
    "status": "in_progress",
    "notes": "",
}
FORMS = {
    "plan description": (
        "/plans/{plan}/describe",
        PLAN_FORM,
        "team",
        lambda: db.session.scalar(select(RolePlan.team)),
    ),
    "action": (
        "/plans/{plan}/actions/{action}",
        ACTION,
        "title",
        lambda: db.session.scalar(select(Action.title)),
    ),
    "document details": (
        "/plans/{plan}/documents/details",
        {k: v for k, v in DETAILS.items() if k != "stamp"},
        "base",
        lambda: db.session.scalar(select(DocumentDetails.base)),
    ),
    "domain page": (
        "/plans/{plan}/domains/organisational_support",
        {"SUP_01-status": "no"},
        "SUP_01-note",
        lambda: db.session.scalar(select(Answer.note).where(Answer.item_id == "SUP-01")),
    ),
}


def _open(app, browser, make_plan, form: str):
    """The page of a new record, and a colleague who can edit it too."""
    url, rest, name, _ = FORMS[form]
    plan_id = make_plan()
    if "{action}" in url:
        added = browser.submit(f"/plans/{plan_id}/actions/new", {**ACTION, "title": "First"})
        assert added.status_code == 302
        with app.app_context():
            url = url.format(plan=plan_id, action=db.session.scalar(select(Action.id)))
    return url.format(plan=plan_id), second_person(app, browser)


def _send(client, url, fields: dict, form: str, value: str):
    _, rest, name, _ = FORMS[form]
    return client.post(url, data={**fields, **rest, name: value})


def _refused_with_input_kept(app, response, form: str) -> str:
    """The later writer's answer: 409, the conflict in the error summary, what they typed shown
    again, and the colleague's save kept. Returns the renewed stamp."""
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 409
    assert summary_links(page) == [CONFLICT]
    assert "Mine" in page
    with app.app_context():
        assert FORMS[form][3]() == "Theirs"
    return re.search(r'name="stamp" type="hidden" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("form", FORMS)
def test_two_browsers_editing_the_same_record_the_later_is_refused_with_input_kept(
    app, client, auth, browser, make_plan, form
):
    auth.manager()
    url, colleague = _open(app, browser, make_plan, form)
    mine = browser.hidden_fields(url)  # both open the page
    theirs = colleague.hidden_fields(url)
    assert _send(colleague.client, url, theirs, form, "Theirs").status_code == 302
    renewed = _refused_with_input_kept(app, _send(client, url, mine, form, "Mine"), form)
    # Saving again from the page shown (its stamp renewed) goes through.
    assert _send(client, url, {**mine, "stamp": renewed}, form, "Mine").status_code == 302
    with app.app_context():
        assert FORMS[form][3]() == "Mine"


@contextmanager
def just_before_writing(action):
    """Run ``action`` once, when the next request has checked the stamp and is about to write
    its changes: the moment another save can still slip in. It runs in a thread of its own, as
    a request in another worker would, with its own session and connection."""
    done = []

    def before_flush(session, flush_context, instances):
        if not done:
            done.append(True)
            other = ThreadPoolExecutor(max_workers=1)
            other.submit(action).result()
            other.shutdown()

    event.listen(Session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", before_flush)
    assert done


@pytest.mark.parametrize("form", FORMS)
def test_a_save_slipping_in_after_the_check_gets_the_same_answer(
    app, client, auth, browser, make_plan, form
):
    auth.manager()
    url, colleague = _open(app, browser, make_plan, form)
    mine = browser.hidden_fields(url)
    theirs = colleague.hidden_fields(url)

    def colleague_saves():
        assert _send(colleague.client, url, theirs, form, "Theirs").status_code == 302

    with just_before_writing(colleague_saves):
        late = _send(client, url, mine, form, "Mine")
    renewed = _refused_with_input_kept(app, late, form)
    assert renewed != mine["stamp"]
    assert _send(client, url, {**mine, "stamp": renewed}, form, "Mine").status_code == 302
