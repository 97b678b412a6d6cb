"""A respondent answers the team self-assessment: anonymous, once, and safe from bad input."""

import re
from datetime import timedelta

from sqlalchemy import func, inspect, select

from roledesign.extensions import db
from roledesign.models import TeamAnswer, TeamResponse, TeamSurvey
from roledesign.services import team as services
from roledesign.services import team_store as store
from roledesign.web.survey.draft import COOKIE
from tests.web.team_helpers import Respondent, respond, set_up_survey, text

DIS = {"DIS-01": ("yes", 4), "DIS-02": "partly", "DIS-03": ("dont_know", 2)}


def responses(app) -> list[TeamResponse]:
    with app.app_context():
        return db.session.scalars(select(TeamResponse)).all()


def survey_of(app, token) -> TeamSurvey:
    return db.session.scalar(select(TeamSurvey).where(TeamSurvey.token == token))


def test_a_respondent_answers_on_short_pages_and_one_anonymous_response_is_stored(
    app, auth, browser, make_plan
):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    start = text(person.client.get(f"/s/{token}"))
    assert "Team self-assessment" in start and "Start now" in start
    assert "not asked for your name" in start

    page = text(person.client.get(f"/s/{token}/group"))
    # 57 statements apply to this plan since issue 12 added five (EXP-13, EXP-14, SUP-19 to
    # SUP-21): two more pages of six.
    assert "Which of these best describes you?" in page and "Page 1 of 14" in page
    for label in (
        "Peer worker",
        "Another member of staff",
        "Line manager",
        "Senior manager or commissioner",
        "Someone who uses the service",
        "Someone else",
    ):
        assert label in page
    response = person.choose("peer_worker")
    assert response.headers["Location"] == f"/s/{token}/statements/distinctiveness/1"

    page = text(person.client.get(f"/s/{token}/statements/distinctiveness/1"))
    assert "Page 2 of 14" in page and "You have answered 0 of 57 statements" in page
    assert page.count('class="app-item"') == 6  # short pages
    assert ">7.</span>" in text(person.client.get(f"/s/{token}/statements/distinctiveness/2"))
    assert "Note (optional)" not in page  # respondents are not asked for notes
    response = person.answer("distinctiveness", DIS)
    assert response.headers["Location"] == f"/s/{token}/statements/distinctiveness/2"
    assert "You have answered 3 of" in text(
        person.client.get(f"/s/{token}/statements/distinctiveness/2")
    )
    assert responses(app) == []  # nothing is stored before Send

    finish = text(person.client.get(f"/s/{token}/finish"))
    assert "Peer worker" in finish and "3 of" in finish
    response = person.send("We need to agree boundaries first.")
    assert response.headers["Location"] == f"/s/{token}/thank-you"
    assert "Your answers have been sent" in text(person.client.get(f"/s/{token}/thank-you"))

    [row] = responses(app)
    assert row.stakeholder_group == "peer_worker"
    assert row.submitted_on == services.today()
    assert row.comment == "We need to agree boundaries first."
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("team_responses")}
        answers = {
            a.item_id: (a.status, a.importance) for a in db.session.scalars(select(TeamAnswer))
        }
        survey = survey_of(app, token)
        assert store.load_tallies(survey) == store.count_answers(survey)
        assert store.running_counts(survey) == store.count_responses(survey)
    # Nothing that identifies the person: no name, email, address or time of day.
    assert columns == {
        "id",
        "survey_id",
        "stakeholder_group",
        "submission_key",
        "submitted_on",
        "comment",
    }
    assert answers == {"DIS-01": ("yes", 4), "DIS-02": ("partly", None), "DIS-03": ("dont_know", 2)}


def test_sending_twice_or_replaying_stores_one_response(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("non_peer_staff")
    person.answer("distinctiveness", DIS)
    token_csrf = person.csrf()
    unsent = person.client.get_cookie(COOKIE, path=f"/s/{token}").value
    assert person.send().status_code == 302
    # Pressing Send again from the same device: told it was sent, nothing new stored.
    again = person.client.post(f"/s/{token}/finish", data={"csrf_token": token_csrf})
    assert again.headers["Location"] == f"/s/{token}"
    assert "You have already sent your answers" in text(person.client.get(f"/s/{token}"))
    # Replaying the request as it was before the first Send (same draft, same key).
    person.client.set_cookie(COOKIE, unsent, path=f"/s/{token}")
    replay = person.client.post(f"/s/{token}/finish", data={"csrf_token": token_csrf})
    assert replay.headers["Location"] == f"/s/{token}/thank-you"
    assert len(responses(app)) == 1
    with app.app_context():
        survey = survey_of(app, token)
        assert sum(t.answered + t.not_relevant for t in store.load_tallies(survey).values()) == 3


def test_someone_else_on_a_shared_device_can_answer_too(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = respond(app, token, "service_user", {"distinctiveness": DIS})
    response = person.browser.submit(f"/s/{token}/again", {}, page=f"/s/{token}")
    assert response.headers["Location"] == f"/s/{token}/group"
    person.choose("other")
    person.answer("distinctiveness", {"DIS-01": "no"})
    person.send()
    assert sorted(r.stakeholder_group for r in responses(app)) == ["other", "service_user"]


def test_finish_later_keeps_answers_on_the_device_after_the_browser_closes(
    app, auth, browser, make_plan
):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("line_manager")
    response = person.answer("distinctiveness", DIS, then="later")
    assert response.headers["Location"] == f"/s/{token}/saved"
    cookie = response.headers.getlist("Set-Cookie")[-1]
    assert f"Path=/s/{token}" in cookie and "Max-Age=2592000" in cookie and "HttpOnly" in cookie
    saved = text(person.client.get(f"/s/{token}/saved"))
    assert "Your answers are saved on this device" in saved

    # A new browser session on the same device: only the lasting cookie comes back.
    value = person.client.get_cookie(COOKIE, path=f"/s/{token}").value
    later = Respondent(app, token)
    later.client.set_cookie(COOKIE, value, path=f"/s/{token}")
    start = text(later.client.get(f"/s/{token}"))
    assert "Continue where you left off" in start
    assert f"/s/{token}/statements/distinctiveness/1" in start  # DIS-04 to 06 still unanswered
    page = text(later.client.get(f"/s/{token}/statements/distinctiveness/1"))
    assert re.search(r'value="partly"\s+checked', page)  # DIS-02's answer came back
    assert "You have answered 3 of" in page
    later.send()
    assert [r.stakeholder_group for r in responses(app)] == ["line_manager"]


def test_closed_expired_and_unknown_links_say_so_and_store_nothing(app, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id)
    person = Respondent(app, token)
    person.choose("peer_worker")
    person.answer("distinctiveness", DIS)
    csrf = person.csrf()

    browser.submit(f"/plans/{plan_id}/team/close", {}, page=f"/plans/{plan_id}/team")
    closed = person.client.get(f"/s/{token}")
    assert closed.status_code == 410 and "This survey is closed" in text(closed)
    sent = person.client.post(f"/s/{token}/finish", data={"csrf_token": csrf})
    assert sent.status_code == 410 and responses(app) == []

    token = set_up_survey(browser, make_plan())
    with app.app_context():
        survey_of(app, token).closes_on = services.today() - timedelta(days=1)
        db.session.commit()
    expired = person.client.get(f"/s/{token}/finish")
    assert expired.status_code == 410 and "It closed on" in text(expired)

    unknown = person.client.get("/s/not-a-real-link-at-all-xxxxxxxx")
    assert unknown.status_code == 404 and "This survey link is not recognised" in text(unknown)
    assert person.client.get(f"/s/{token}x/group").status_code == 404


def test_tampered_group_answers_and_statements_get_clear_messages(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    page = text(person.choose("chief_executive"))
    assert "Select one of the groups listed" in page and "There is a problem" in page
    assert "Select the group that best describes you" in text(person.choose(""))
    person.choose("peer_worker")

    page = text(person.answer("distinctiveness", {"DIS-01": "maybe", "DIS-02": ("yes", 9)}))
    assert "Select Yes, Partly, No, Don&#39;t know or Not relevant" in page
    assert "Select how important this is, from 1 (not at all) to 4 (extremely)" in page
    # A statement from another page, or one the survey does not ask.
    for stray in ({"EXP-01": "yes"}, {"XYZ-99": "yes"}):
        response = person.answer("distinctiveness", {"DIS-01": "yes", **stray})
        assert response.status_code == 400
        assert "do not match the statements on this page" in text(response)
    for path in ("not_a_domain/1", "distinctiveness/9", "distinctiveness/0", "distinctiveness"):
        assert person.client.get(f"/s/{token}/statements/{path}").status_code == 404

    page = text(person.send())
    assert "Answer at least one statement before sending your answers" in page
    assert responses(app) == []


def test_an_oversized_comment_is_refused_and_kept_for_editing(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("peer_worker")
    person.answer("distinctiveness", DIS)
    long = "Too long. " * 101
    page = text(person.send(long))
    assert "Comment must be 1000 characters or fewer" in page
    assert "Too long. Too long." in page
    huge = person.client.post(f"/s/{token}/finish", data={"comment": "x" * (3 * 1024 * 1024)})
    assert huge.status_code == 413
    assert responses(app) == []


def test_a_draft_for_one_survey_is_not_accepted_by_another(app, auth, browser, make_plan):
    auth.manager()
    first = set_up_survey(browser, make_plan())
    second = set_up_survey(browser, make_plan(title="Senior peer support worker"))
    person = Respondent(app, first)
    person.choose("peer_worker")
    value = person.client.get_cookie(COOKIE, path=f"/s/{first}").value
    person.client.set_cookie(COOKIE, value, path=f"/s/{second}")
    response = person.client.get(f"/s/{second}/statements/distinctiveness/1")
    assert response.headers["Location"] == f"/s/{second}/group"
    person.client.set_cookie(COOKIE, value[:-4] + "abcd", path=f"/s/{first}")
    assert person.client.get(f"/s/{first}/finish").headers["Location"] == f"/s/{first}/group"


def test_submissions_are_rate_limited_per_link(app, auth, browser, make_plan):
    app.config["TEAM_SUBMIT_LIMIT_PER_LINK"] = "2 per minute"
    auth.manager()
    token = set_up_survey(browser, make_plan())
    other = set_up_survey(browser, make_plan(title="Peer support worker (nights)"))
    respond(app, token, "peer_worker", {"distinctiveness": DIS})
    respond(app, token, "peer_worker", {"distinctiveness": DIS})
    third = Respondent(app, token)
    third.choose("peer_worker")
    third.answer("distinctiveness", DIS)
    blocked = third.send()
    assert blocked.status_code == 429 and "Too many attempts" in text(blocked)
    respond(app, other, "peer_worker", {"distinctiveness": DIS})  # another link is not affected
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TeamResponse)) == 3


def test_a_flood_from_one_client_does_not_lock_others_out(app, auth, browser, make_plan):
    """Attack 7: someone with the link spends the submission limit; real respondents still
    get through, because the low limit is per client and the per-link ceiling is far higher."""
    app.config.update(
        TEAM_SUBMIT_LIMIT_PER_CLIENT="3 per minute",
        TEAM_SUBMIT_LIMIT_PER_LINK="50 per minute",
    )
    auth.manager()
    token = set_up_survey(browser, make_plan())
    flood = Respondent(app, token, address="203.0.113.9")
    csrf = flood.csrf("/group")
    codes = [
        flood.client.post(f"/s/{token}/finish", data={"csrf_token": csrf}).status_code
        for _ in range(6)
    ]
    assert codes[:3] == [302, 302, 302] and codes[3:] == [429, 429, 429]
    respond(app, token, "peer_worker", {"distinctiveness": DIS}, address="198.51.100.7")
    respond(app, token, "line_manager", {"distinctiveness": DIS}, address="198.51.100.8")
    assert len(responses(app)) == 2


def _decoded(value: str) -> str:
    """What someone holding the cookie can read without the app's secret: every base64 part
    decoded (and inflated, where it is compressed) as text."""
    import base64
    import zlib

    found = [value]
    for part in re.split(r"[.]", value.lstrip(".")):
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        for data in (raw, _inflate(raw, zlib)):
            found.append(data.decode("latin-1") if data else "")
    return " ".join(found)


def _inflate(raw: bytes, zlib) -> bytes:
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return b""


def test_the_draft_cookie_alone_reveals_neither_group_nor_answers(app, auth, browser, make_plan):
    """Issue 14 point 5: the next person on a shared device, or anyone who copies the cookie,
    decodes it as an attacker would and finds nothing of the respondent's group or answers."""
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("senior_manager")
    person.answer("distinctiveness", {"DIS-01": ("no", 4), "DIS-02": "partly"})
    value = person.client.get_cookie(COOKIE, path=f"/s/{token}").value
    readable = _decoded(value)
    for secret in ("senior_manager", "DIS-01", "DIS-02", '"n4"', '"p"', '"g"'):
        assert secret not in readable
    # The app itself still reads it back: the answers are there on the next page.
    page = text(person.client.get(f"/s/{token}/statements/distinctiveness/1"))
    assert re.search(r'value="partly"\s+checked', page)


def test_a_comment_that_names_a_role_is_checked_once_before_sending(app, auth, browser, make_plan):
    """Attack 8's other half: before sending, a respondent whose comment could identify them
    ("as the only senior manager") is asked to check it; sending it unchanged then goes through."""
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("senior_manager")
    person.answer("distinctiveness", DIS)
    finish = text(person.client.get(f"/s/{token}/finish"))
    assert "shown word for word" in finish
    comment = "As the only Senior  Manager here I think the role is rushed."
    page = text(person.send(comment))
    assert "Check your comment before you send it" in page
    assert "“the only”, “manager”, “senior manager”" in page
    assert "As the only Senior  Manager here" in page and responses(app) == []
    # Changed, but still naming a role: checked again.
    changed = "The line manager role is unclear."
    page = text(person.send(changed))
    assert "“line manager”, “manager”" in page and responses(app) == []
    # Sent as it is from the page that asked to check it.
    checked = re.search(r'name="checked" type="hidden" value="([^"]+)"', page)[1]
    sent = person.client.post(
        f"/s/{token}/finish",
        data={"csrf_token": person.csrf(), "comment": changed, "checked": checked},
    )
    assert sent.headers["Location"] == f"/s/{token}/thank-you"
    assert [r.comment for r in responses(app)] == ["The line manager role is unclear."]


def test_a_comment_naming_no_role_is_sent_straight_away(app, auth, browser, make_plan):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    person = Respondent(app, token)
    person.choose("peer_worker")
    person.answer("distinctiveness", DIS)
    assert person.send("Supervision needs planning.").status_code == 302
    assert len(responses(app)) == 1
