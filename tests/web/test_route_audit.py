"""Every route in the app, walked with real ids: another organisation's user gets 404 on
anything of organisation A, and each role in A gets 403 exactly where its role does not allow the
request. A new route without an entry in RULES fails this test, so none can slip through."""

import pytest

from roledesign.web.access import PERMISSIONS
from tests.world import build, build_world

# Pages that may be kept by browsers and proxies, when nobody is signed in: the same for all.
CACHEABLE = {"static", "nhsuk_assets", "main.start", "evidence.index"}

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
    "auth.sign_up_sent": ("public", None, None),
    "auth.confirm": ("public", None, None),
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
    "documents.save_version": ("plan", None, "documents"),
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
    "team.ask_again": ("plan", None, "edit"),
    "team.report": ("plan", "read", None),
    "team.figures_csv": ("plan", "read", None),
    "team.comments_csv": ("plan", "read", None),
    "invitations.new": ("plan", "edit", "edit"),
    "jd_check.new": ("org", "documents", "documents"),
    "jd_check.show": ("check", "read", None),
    "jd_check.download": ("check", "read", None),
    "jd_check.start_plan": ("check", "edit", None),
}


@pytest.fixture
def world(app, auth, browser, make_plan):
    """Organisation A with a plan and one member of each role; organisation B next door."""
    built = build_world(app, auth, browser, make_plan)
    return built.people, built.outsider, built.values


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


def test_signed_in_pages_downloads_and_survey_pages_are_never_stored(app, auth, browser, make_plan):
    """On a shared computer, the back button or a proxy's cache must not show one person's
    pages, exports or survey answers to the next: every GET answers `Cache-Control: no-store`,
    except public assets and the public start and evidence pages."""
    built = build_world(app, auth, browser, make_plan)
    values = {**built.values, "token": built.token}
    admin = built.people["admin"]
    checked = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in {"static", "nhsuk_assets"}:
            continue
        url = build(rule, values)
        response = admin.client.get(url)
        assert "no-store" in response.headers.get("Cache-Control", ""), (url, response.status)
        checked.append(rule.endpoint)
    assert {"documents.download", "team.figures_csv", "survey.start", "orgs.export"} <= set(checked)
    # Signed out, the start page and the evidence base may be cached; the survey may not.
    visitor = app.test_client()
    for url in ("/", "/evidence/"):
        assert "no-store" not in visitor.get(url).headers.get("Cache-Control", ""), url
    assert "no-store" in visitor.get(f"/s/{built.token}").headers["Cache-Control"]
