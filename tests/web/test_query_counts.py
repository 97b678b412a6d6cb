"""Every main page runs the same number of queries for a little data and for a lot of it.

The small organisation already has one of everything a page can show (a round of answers, an
action with an owner, a check-in, a team survey with responses, a checked job description, a
second member, an invitation, audit events), so that every query a page can make runs in both measurements; the
large one then has many more of each, in this organisation and in others. A page that loads
something per row (a lazy relationship in a loop) runs more queries the second time and fails.

Pages with their own tests of this kind are not repeated here: the team report
(test_team_report), progress and the organisation overview (test_rounds), documents
(test_documents) and the job description check report (test_jd_check_views).
"""

from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select

from roledesign.extensions import db
from roledesign.models import (
    Action,
    ActionItem,
    Answer,
    Assessment,
    AuditEvent,
    CheckIn,
    Invitation,
    JdCheck,
    Membership,
    Organisation,
    RolePlan,
    User,
)
from roledesign.models.base import utcnow
from roledesign.services.assessment import start_new_round
from roledesign.services.team_demo import add_demo_responses
from tests.web.team_helpers import set_up_survey

PAGES = (
    "/dashboard",
    "/plans/{plan}",
    "/plans/{plan}/report",
    "/plans/{plan}/check-answers",
    "/plans/{plan}/domains/organisational_support",
    "/plans/{plan}/rounds/1/report",
    "/plans/{plan}/actions/",
    "/plans/{plan}/actions/new",
    "/plans/{plan}/check-ins",
    "/plans/{plan}/team",
    "/plans/{plan}/team/setup",
    "/plans/{plan}/team/invite",
    "/plans/{plan}/documents/details",
    "/job-description-checks/new",
    "/team/sector-comparison",
    "/organisation/members",
    "/organisation/audit",
    "/organisation/settings",
    "/account",
    "/evidence/",
)
ITEMS = ("SUP-01", "SUP-02", "DIS-01", "EXP-01", "STR-01")


def _users(n: int, prefix: str) -> list[int]:
    rows = [
        {"email": f"{prefix}{i}@example.org", "name": f"{prefix} {i}", "password_hash": "x"}
        for i in range(n)
    ]
    db.session.execute(insert(User), rows)
    return list(
        db.session.scalars(select(User.id).where(User.email.like(f"{prefix}%@example.org")))
    )


def _plans(organisation_id: int, n: int, creator_id: int, prefix: str) -> list[int]:
    """n plans, each with two rounds of answers and a few actions owned by different people."""
    ids = []
    for i in range(n):
        plan = RolePlan(
            organisation_id=organisation_id,
            title=f"{prefix} post {i}",
            team=f"{prefix} team {i}",
            setting="community",
            introduction="replacement",
            employment="paid",
            band="4",
            hours=30,
            peer_workers=2,
            line_manager="Team manager",
            created_by_id=creator_id,
        )
        for round_no in (1, 2):
            assessment = Assessment(round_no=round_no)
            assessment.answers = [Answer(item_id=item, status="partly") for item in ITEMS]
            plan.assessments.append(assessment)
        db.session.add(plan)
        db.session.flush()
        ids.append(plan.id)
    return ids


def _invitations(organisation_id: int, inviters: list[int], n: int, prefix: str) -> None:
    db.session.add_all(
        Invitation(
            organisation_id=organisation_id,
            email=f"{prefix}{i}@example.org",
            role="viewer",
            token_hash=f"{prefix}-{i}",
            invited_by_id=inviters[i % len(inviters)],
            expires_at=utcnow() + timedelta(days=3),
        )
        for i in range(n)
    )


def _actions(plan_id: int, owners: list[int], n: int) -> None:
    for i in range(n):
        action = Action(
            plan_id=plan_id,
            title=f"Action {i}",
            owner_user_id=owners[i % len(owners)] if i % 3 else None,
            owner_name="" if i % 3 else "Someone outside the organisation",
            due_on=date.today() + timedelta(days=i - n // 2),
            status=("not_started", "in_progress", "done", "dropped")[i % 4],
        )
        action.items = [ActionItem(item_id=ITEMS[i % len(ITEMS)]), ActionItem(item_id="SUP-03")]
        db.session.add(action)


@pytest.fixture
def small(app, auth, browser, make_plan):
    """A manager's organisation with one plan that has one of everything."""
    auth.manager()
    plan_id = make_plan()
    browser.submit(
        f"/plans/{plan_id}/domains/organisational_support",
        {"SUP_01-status": "no", "SUP_02-status": "partly"},
    )
    set_up_survey(browser, plan_id)
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        manager = db.session.scalar(select(User).where(User.email == "manager@example.org"))
        colleague = _users(1, "colleague")[0]
        db.session.add(
            Membership(user_id=colleague, organisation_id=plan.organisation_id, role="hr")
        )
        _actions(plan_id, [manager.id, colleague], 3)
        _invitations(plan.organisation_id, [manager.id], 1, "invited")
        db.session.add(
            CheckIn(
                plan_id=plan_id,
                month=3,
                perspective="peer_worker",
                answers={},
                recorded_on=date.today(),
                recorded_by_id=manager.id,
            )
        )
        db.session.add(
            JdCheck(
                organisation_id=plan.organisation_id,
                plan_id=plan_id,
                created_by_id=manager.id,
                name="Pasted text",
                source="paste",
                text="You will support people using your own lived experience.",
            )
        )
        add_demo_responses(app.extensions["roledesign.catalog"], plan, manager, 12)
        db.session.commit()
    return plan_id


def grow(app, plan_id: int) -> None:
    """Much more of everything: in the manager's organisation, on the plan, and elsewhere."""
    catalog = app.extensions["roledesign.catalog"]
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        manager = db.session.scalar(select(User).where(User.email == "manager@example.org"))
        organisation_id = plan.organisation_id
        members = _users(12, "member")
        for n, user_id in enumerate(members):
            role = ("manager", "hr", "viewer", "admin")[n % 4]
            db.session.add(Membership(user_id=user_id, organisation_id=organisation_id, role=role))
        for _ in range(3):
            start_new_round(plan)
        _actions(plan_id, members, 40)
        _invitations(organisation_id, members, 10, "welcome")
        for month in (6, 12):
            for perspective in ("peer_worker", "line_manager"):
                db.session.add(
                    CheckIn(
                        plan_id=plan_id,
                        month=month,
                        perspective=perspective,
                        answers={},
                        recorded_on=date.today(),
                        recorded_by_id=members[month % len(members)],
                    )
                )
        for n in range(6):
            db.session.add(
                JdCheck(
                    organisation_id=organisation_id,
                    plan_id=plan_id,
                    created_by_id=members[n],
                    name=f"Advert {n}.docx",
                    source="docx",
                    text="You will carry out close observations.",
                )
            )
        db.session.add_all(
            AuditEvent(
                organisation_id=organisation_id,
                user_id=members[n % len(members)],
                action="changed",
                subject=f"plan {plan_id}",
                detail=f"change {n}",
            )
            for n in range(60)
        )
        for other_plan in _plans(organisation_id, 12, manager.id, "Same"):
            _actions(other_plan, members, 4)
        add_demo_responses(catalog, plan, manager, 300)
        # Another organisation, in another sector, with plans and a survey of its own.
        other = Organisation(name="Elsewhere Trust", sector="voluntary")
        db.session.add(other)
        db.session.flush()
        strangers = _users(5, "stranger")
        db.session.add_all(
            Membership(user_id=u, organisation_id=other.id, role="admin") for u in strangers
        )
        elsewhere = _plans(other.id, 15, strangers[0], "Elsewhere")
        add_demo_responses(catalog, db.session.get(RolePlan, elsewhere[0]), manager, 40)
        db.session.commit()


def queries_per_page(client, count_queries, plan_id: int) -> dict[str, int]:
    found = {}
    for page in PAGES:
        url = page.format(plan=plan_id)
        with count_queries() as seen:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        found[url] = len(seen)
    return found


def test_main_pages_run_the_same_queries_for_little_or_much_data(app, client, small, count_queries):
    before = queries_per_page(client, count_queries, small)
    grow(app, small)
    after = queries_per_page(client, count_queries, small)
    grown = {url: (before[url], n) for url, n in after.items() if n != before[url]}
    assert grown == {}, f"pages whose queries changed with more data (before, after): {grown}"
    # and the data is really there to be shown
    page = client.get(f"/plans/{small}").get_data(as_text=True)
    assert "43 actions" in page and "5 recorded" in page and "312 people have responded" in page


def test_the_layout_asks_for_the_users_memberships_once(client, small, count_queries):
    """The header, the navigation and the view all want the membership: the query that loads
    the signed-in user reads their memberships too, and nothing asks again."""
    with count_queries() as seen:
        assert client.get(f"/plans/{small}/report").status_code == 200
    user_queries = [s for s in seen if "FROM users" in s]
    assert len(user_queries) == 1 and "JOIN memberships" in user_queries[0], user_queries
    assert not [s for s in seen if "FROM memberships" in s]


def test_the_signed_in_layout_costs_one_query(client, small, count_queries):
    """Everything a signed-in page shows around its own content — the session check, the user,
    the header's organisation and links, what the role may do — comes from one query."""
    with count_queries() as seen:
        assert client.get("/evidence/").status_code == 200
    assert len(seen) == 1, seen
    assert "FROM users" in seen[0] and "user_sessions" in seen[0]


def test_the_open_team_report_reads_each_record_once(client, small, count_queries):
    """While the survey is open the report shows only the count. It is rendered before the
    view's commit, so the user, plan and survey it shows are not read again after it (they
    were: 11 queries)."""
    with count_queries() as seen:
        page = client.get(f"/plans/{small}/team/report").get_data(as_text=True)
    assert "12 people have responded so far" in page
    for table in ("users", "role_plans", "team_surveys"):
        assert sum(f"FROM {table} " in s for s in seen) == 1, (table, seen)
    assert not [s for s in seen if "FROM memberships" in s or "FROM organisations" in s]
    assert len(seen) == 6, seen
