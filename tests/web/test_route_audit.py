"""Every route in the app, walked with real ids: another organisation's user gets 404 on
anything of organisation A, and each role in A gets 403 exactly where its role does not allow the
request. A new route without an entry in RULES fails this test, so none can slip through."""

import re

import pytest
from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Action, JdCheck, Membership, User
from roledesign.web.access import PERMISSIONS
from tests.conftest import Auth, Browser

# endpoint -> (scope, need for GET, need for POST). Scopes:
#   public: anyone; account: any signed-in person; org: the current organisation's data;
#   plan: organisation A's plan (foreign users must get 404).
# A need of None means the method is not offered; "skip" means the POST is destructive and is
# only checked for roles that must be refused.
RULES = {
    "static": ("public", None, None),
    "nhsuk_assets": ("public", None, None),
    "main.start": ("public", None, None),
    "evidence.index": ("public", None, None),
    "auth.sign_up": ("public", None, None),
    "auth.sign_in": ("public", None, None),
    "auth.forgot_password": ("public", None, None),
    "auth.reset_password": ("public", None, None),
    "orgs.invitation": ("public", None, None),
    "auth.sign_out": ("account", None, None),
    "auth.sign_out_everywhere": ("account", None, None),
    "auth.account": ("account", None, None),
    "orgs.new": ("account", None, None),
    "orgs.switch": ("account", None, None),
    "main.dashboard": ("org", "read", None),
    "progress.overview": ("org", "read", None),
    "plans.new": ("org", "edit", "edit"),
    "orgs.settings": ("org", "admin", "admin"),
    "orgs.members": ("org", "admin", None),
    "orgs.invite": ("org", "admin", "admin"),
    "orgs.member": ("org", "admin", "admin"),
    "orgs.remove_member": ("org", None, "skip:admin"),
    "orgs.audit_log": ("org", "admin", None),
    "orgs.export": ("org", "admin", None),
    "orgs.delete": ("org", "admin", "admin"),
    "plans.show": ("plan", "read", None),
    "plans.describe": ("plan", "edit", "edit"),
    "assessment.domain": ("plan", "edit", "edit"),
    "assessment.check": ("plan", "read", "edit"),
    "assessment.report": ("plan", "read", None),
    "documents.index": ("plan", "read", None),
    "documents.details": ("plan", "documents", "documents"),
    "documents.preview": ("plan", "read", None),
    "documents.save_ticks": ("plan", None, "documents"),
    "documents.download": ("plan", "read", None),
    "documents.download_all": ("plan", "read", None),
    "actions.index": ("plan", "read", None),
    "actions.new": ("plan", "edit", "edit"),
    "actions.edit": ("plan", "edit", "edit"),
    "actions.export": ("plan", "read", None),
    "progress.progress": ("plan", "read", None),
    "progress.round_report": ("plan", "read", None),
    "progress.new_round": ("plan", "edit", "skip:edit"),
    "progress.check_ins": ("plan", "read", "edit"),
    "survey.start": ("public", None, None),
    "survey.group": ("public", None, None),
    "survey.statements": ("public", None, None),
    "survey.finish": ("public", None, None),
    "survey.saved": ("public", None, None),
    "survey.thanks": ("public", None, None),
    "survey.again": ("public", None, None),
    "team.anonymity": ("org", "admin", "admin"),
    "team.sectors": ("org", "read", None),
    "team.overview": ("plan", "read", None),
    "team.setup": ("plan", "edit", "edit"),
    "team.invitation": ("plan", "read", None),
    "team.close": ("plan", None, "edit"),
    "team.reopen": ("plan", None, "edit"),
    "team.report": ("plan", "read", None),
    "team.responses_csv": ("plan", "read", None),
    "team.comments_csv": ("plan", "read", None),
    "jd_check.new": ("org", "documents", "documents"),
    "jd_check.show": ("check", "read", None),
    "jd_check.download": ("check", "read", None),
    "jd_check.start_plan": ("check", "edit", None),
}

ROLES = ("admin", "manager", "hr", "viewer")


@pytest.fixture
def world(app, auth, browser, make_plan):
    """Organisation A with a plan and one member of each role; organisation B next door."""
    auth.manager(email="admin@a.example", organisation="Organisation A")
    plan_id = make_plan()
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
    browser.client.get(f"/plans/{plan_id}/documents/")  # stores document version 1
    from tests.web.team_helpers import set_up_survey

    set_up_survey(browser, plan_id)
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
    return people, outsider, values


def build(rule, values) -> str:
    """The rule's URL with real values; for <any(a, b):name> the first option."""

    def value(match):
        options, name = match.group(1), match.group(2)
        if options and options.startswith("any("):
            return options[4:-1].split(",")[0].strip()
        return str(values[name])

    return re.sub(r"<(?:([^:<>]+(?:\([^)]*\))?):)?([a-z_]+)>", value, rule.rule)


def test_every_route_has_a_rule(app):
    missing = sorted({r.endpoint for r in app.url_map.iter_rules()} - set(RULES))
    assert missing == [], f"add these endpoints to RULES with their scope and needs: {missing}"


def test_every_route_enforces_isolation_and_roles(app, world):
    people, outsider, values = world
    checked = 0
    for rule in app.url_map.iter_rules():
        scope, get_need, post_need = RULES[rule.endpoint]
        url = build(rule, values)
        if scope in ("plan", "check"):
            # Another organisation's real ids behave as if they did not exist.
            if "GET" in rule.methods:
                assert outsider.client.get(url).status_code == 404, url
            if "POST" in rule.methods:
                token = outsider.csrf("/dashboard")
                assert outsider.client.post(url, data={"csrf_token": token}).status_code == 404, url
            checked += 1
        if scope not in ("org", "plan", "check"):
            continue
        for role, person in people.items():
            if "GET" in rule.methods and get_need:
                status = person.client.get(url).status_code
                allowed = role in PERMISSIONS[get_need]
                assert (status != 403) == allowed, (url, role, status)
                assert status < 500, (url, role, status)
                checked += 1
            if "POST" in rule.methods and post_need:
                skip, _, need = post_need.rpartition(":")
                allowed = role in PERMISSIONS[need]
                if skip and allowed:
                    continue  # destructive: only the refusals are checked
                token = person.csrf("/dashboard")
                status = person.client.post(url, data={"csrf_token": token}).status_code
                assert (status != 403) == allowed, (url, role, status)
                assert status < 500, (url, role, status)
                checked += 1
    assert checked > 100
