"""One organisation with something in every part of the app, shared by the tests that walk every
route: the route audit (tests/web/test_route_audit.py) and the accessibility sweep
(tests/e2e/test_accessibility_sweep.py).

Organisation A has a plan with an answer, an action, documents version 1, a team survey and a job
description check, and one member of each role; organisation B next door has only its admin."""

import re
from dataclasses import dataclass

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Action, JdCheck, Membership, User
from tests.helpers import Auth, Browser

ROLES = ("admin", "manager", "hr", "viewer")


@dataclass
class World:
    people: dict  # role -> Browser signed in as that member of organisation A
    outsider: Browser  # the admin of organisation B
    values: dict  # URL variable -> a real value in organisation A
    token: str  # organisation A's team survey link


def build_world(app, auth, browser, make_plan) -> World:
    auth.manager(email="admin@a.example", organisation="Organisation A")
    plan_id = make_plan()
    documents = f"/plans/{plan_id}/documents/"
    browser.submit(f"{documents}versions", {}, page=documents)  # saves document version 1
    # ... and the answer below changes the plan since then: the documents differ from version 1.
    browser.submit(f"/plans/{plan_id}/domains/distinctiveness", {"DIS_01-status": "no"})
    browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": "Act",
            "owner_name": "Jo",
            "due_on[day]": "1",
            "due_on[month]": "1",
            "due_on[year]": "2030",
            "status": "not_started",
        },
    )
    from tests.web.team_helpers import set_up_survey

    token = set_up_survey(browser, plan_id)
    browser.submit("/job-description-checks/new", {"text": "Peer support worker. " * 20})
    people = {"admin": browser}
    for role in ROLES[1:]:
        person = Browser(app.test_client())
        Auth(person).sign_up(email=f"{role}@a.example", name=role.title())
        with app.app_context():
            user = db.session.scalar(select(User).where(User.email == f"{role}@a.example"))
            a_id = db.session.scalar(
                select(Membership.organisation_id).where(
                    Membership.user_id
                    == db.session.scalar(select(User.id).where(User.email == "admin@a.example"))
                )
            )
            db.session.add(Membership(user=user, organisation_id=a_id, role=role))
            db.session.commit()
        people[role] = person
    outsider = Browser(app.test_client())
    Auth(outsider).manager(email="admin@b.example", organisation="Organisation B")
    with app.app_context():
        action_id = db.session.scalar(select(Action.id))
        check_id = db.session.scalar(select(JdCheck.id))
        viewer_membership = db.session.scalar(
            select(Membership.id).join(User).where(User.email == "viewer@a.example")
        )
    values = {
        "plan_id": plan_id,
        "action_id": action_id,
        "check_id": check_id,
        "round_no": 1,
        "number": 1,
        "part": 1,
        "domain_key": "distinctiveness",
        "slug": "job-description",
        "fmt": "pdf",
        "membership_id": viewer_membership,
        "token": "not-a-real-token",
        "filename": "app.css",
    }
    return World(people=people, outsider=outsider, values=values, token=token)


def build(rule, values) -> str:
    """The rule's URL with real values; for <any(a, b):name> the first option."""

    def value(match):
        options, name = match.group(1), match.group(2)
        if options and options.startswith("any("):
            return options[4:-1].split(",")[0].strip()
        return str(values[name])

    return re.sub(r"<(?:([^:<>]+(?:\([^)]*\))?):)?([a-z_]+)>", value, rule.rule)
