"""Every write is one transaction: a failure part-way through a request changes nothing."""

import pytest
from sqlalchemy import func, select

from roledesign import create_app
from roledesign.extensions import db
from roledesign.models import Action, Answer, AuditEvent, RolePlan
from roledesign.services import audit
from tests.helpers import PLAN_FORM, Auth, Browser


@pytest.fixture
def fragile(tmp_path, monkeypatch):
    """An app whose requests can be made to fail after their changes are flushed."""
    app = create_app(
        {
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/t.sqlite",
            "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
            "MAIL_BACKEND": "memory",
        }
    )
    with app.app_context():
        db.create_all()
    browser = Browser(app.test_client())
    Auth(browser).manager()
    plan_id = int(browser.submit("/plans/new", PLAN_FORM).headers["Location"].split("/")[-1])
    browser.submit(f"/plans/{plan_id}/domains/distinctiveness", {"DIS_01-status": "no"})

    def fail_now(*args, **kwargs):
        raise RuntimeError("injected failure")

    def arm():
        # The audit line is written last in every request, after the change has been flushed.
        monkeypatch.setattr(audit, "record", fail_now)

    yield app, browser, plan_id, arm
    with app.app_context():
        db.engine.dispose()


def counts(app):
    with app.app_context():
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Answer, Action, AuditEvent)
        }


def test_failed_answer_save_leaves_answers_as_they_were(fragile):
    app, browser, plan_id, arm = fragile
    before = counts(app)
    arm()
    response = browser.submit(
        f"/plans/{plan_id}/domains/distinctiveness", {"DIS_01-status": "yes", "DIS_02-status": "no"}
    )
    assert response.status_code == 500
    assert counts(app) == before
    with app.app_context():
        assert db.session.scalar(select(Answer.status).where(Answer.item_id == "DIS-01")) == "no"


def test_failed_plan_change_and_new_action_change_nothing(fragile):
    app, browser, plan_id, arm = fragile
    before = counts(app)
    arm()
    assert (
        browser.submit(f"/plans/{plan_id}/describe", {**PLAN_FORM, "team": "Changed"}).status_code
        == 500
    )
    assert (
        browser.submit(
            f"/plans/{plan_id}/actions/new",
            {
                "title": "X",
                "owner_name": "Y",
                "due_on[day]": "1",
                "due_on[month]": "1",
                "due_on[year]": "2030",
                "status": "not_started",
            },
        ).status_code
        == 500
    )
    assert counts(app) == before
    with app.app_context():
        assert db.session.get(RolePlan, plan_id).team == PLAN_FORM["team"]
