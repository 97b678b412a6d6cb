"""Check-ins at about 3, 6 and 12 months, from two points of view, beside the baseline."""

from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models import CheckIn
from tests.web.test_bad_input import summary_links

GOOD = {
    "q_used_as_intended-answer": "yes",
    "q_lived_experience-answer": "yes",
    "q_supervision-answer": "yes",
    "q_drift-answer": "no",
}


def text(response):
    return response.get_data(as_text=True)


def test_record_and_replace_check_ins(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    browser.submit(f"/plans/{plan_id}/domains/distinctiveness", {"DIS_01-status": "yes"})
    url = f"/plans/{plan_id}/check-ins"
    browser.submit(
        url,
        {
            "month": "3",
            "perspective": "peer_worker",
            **GOOD,
            "q_drift-answer": "yes",
            "note": "Asked to do obs twice",
        },
    )
    browser.submit(url, {"month": "3", "perspective": "line_manager", **GOOD})
    page = text(client.get(url))
    assert "3 months: the peer worker" in page and "3 months: the line manager" in page
    assert page.count("Talk about this") == 1  # drift: the peer worker says yes
    assert "Asked to do obs twice" in page
    # the baseline: distinctiveness from round 1 (DIS-01 yes -> 100)
    drift_row = page[page.index("Is the role drifting into generic tasks") :].split("</tr>")[0]
    assert "100" in drift_row
    # Saving the same month and view again replaces it.
    browser.submit(url, {"month": "3", "perspective": "peer_worker", **GOOD})
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 2
    assert "Talk about this" not in text(client.get(url))


def test_check_in_validation(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    page = text(
        browser.submit(
            f"/plans/{plan_id}/check-ins",
            {"month": "4", "perspective": "", "q_used_as_intended-answer": "maybe"},
        )
    )
    assert summary_links(page) == [
        ("#month", "Select 3, 6 or 12 months"),
        ("#perspective", "Select whose view this is"),
        ("#q_used_as_intended-answer", "Select Yes, Partly, No or Don't know"),
        ("#q_lived_experience-answer", "Answer this question"),
        ("#q_supervision-answer", "Answer this question"),
        ("#q_drift-answer", "Answer this question"),
    ]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_check_in_questions_cite_evidence(app):
    questions = app.extensions["roledesign.catalog"].checkin_questions
    assert [q.key for q in questions] == [
        "used_as_intended",
        "lived_experience",
        "supervision",
        "drift",
    ]
    assert all(q.evidence for q in questions)
    drift = questions[-1]
    assert drift.is_concern("yes") and not drift.is_concern("no") and drift.is_concern("dont_know")
