"""A large, repeatable database for the benchmarks, written with bulk inserts.

    seed(app, SIZES["full"])   # 100 organisations, 1,000 plans, 3,000 rounds, 20,000 responses,
                               # 5,000 actions (about a million rows in all)

The same seed gives the same rows. The benchmark user is an admin of the first organisation,
whose first plans are the ones the benchmark opens:

- ``plans["main"]``: three rounds, actions, check-ins, document details and ticks, and the
  larger team survey (``team_large`` responses);
- ``plans["small_team"]``: the same kind of plan with the smaller survey (``team_small``);

the remaining responses are spread over surveys of other organisations' plans. Every survey's
running tallies are rebuilt from its answers (``team.store.rebuild_tallies``), so they agree
with the responses exactly as if each had been submitted through the survey.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from roledesign.domain.context import applicable, plan_context
from roledesign.extensions import db
from roledesign.models import (
    Action,
    ActionItem,
    Answer,
    Assessment,
    CheckIn,
    ChecklistTick,
    DocumentDetails,
    JdCheck,
    Membership,
    Organisation,
    RolePlan,
    TeamSurvey,
    User,
)
from roledesign.services import team_store as store
from roledesign.services.team_demo import add_demo_responses

EMAIL = "bench@example.org"
PASSWORD = "benchmark password 2013"  # noqa: S105 - a throwaway database
SEED = 2013
BATCH = 5000


@dataclass(frozen=True)
class Sizes:
    organisations: int
    plans: int
    rounds_per_plan: int
    responses: int
    team_small: int
    team_large: int
    actions: int

    @property
    def rounds(self) -> int:
        return self.plans * self.rounds_per_plan


SIZES = {
    "full": Sizes(
        organisations=100,
        plans=1000,
        rounds_per_plan=3,
        responses=20_000,
        team_small=1_000,
        team_large=10_000,
        actions=5000,
    ),
    "quick": Sizes(
        organisations=20,
        plans=200,
        rounds_per_plan=3,
        responses=3_000,
        team_small=200,
        team_large=2_000,
        actions=1000,
    ),
}

SECTORS = ("nhs", "voluntary", "partnership")
STATUSES = ("yes", "yes", "partly", "partly", "no", "dont_know", "not_relevant")
ACTION_STATUSES = ("not_started", "in_progress", "in_progress", "done", "dropped")
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _bulk(table, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        db.session.execute(insert(table), rows[start : start + BATCH])


def _ids(model) -> list[int]:
    return list(db.session.scalars(select(model.id).order_by(model.id)))


def seed(app, sizes: Sizes, *, password_hash: str | None = None) -> dict:
    """Drop and recreate every table, then fill them. Returns what the benchmark needs."""
    from roledesign.services.passwords import hash_password

    rng = random.Random(SEED)
    catalog = app.extensions["roledesign.catalog"]
    with app.app_context():
        db.drop_all()
        db.create_all()
        hashed = password_hash or hash_password(PASSWORD)

        _bulk(
            Organisation.__table__,
            [
                {
                    "name": f"Organisation {n:03d} Mental Health Services",
                    "sector": SECTORS[n % len(SECTORS)],
                    "anonymity_k": 5,
                    "created_at": T0,
                }
                for n in range(sizes.organisations)
            ],
        )
        org_ids = _ids(Organisation)
        users = [{"email": EMAIL, "name": "Bench Manager"}] + [
            {"email": f"manager{n:03d}@example.org", "name": f"Manager {n:03d}"}
            for n in range(sizes.organisations)
        ]
        _bulk(
            User.__table__,
            [
                {
                    **u,
                    "password_hash": hashed,
                    "session_token": f"token-{i}",
                    "created_at": T0,
                    "email_confirmed_at": T0,
                }
                for i, u in enumerate(users)
            ],
        )
        user_ids = _ids(User)
        bench_user = user_ids[0]
        memberships = [{"user_id": bench_user, "organisation_id": org_ids[0], "role": "admin"}]
        memberships += [
            {"user_id": user_ids[n + 1], "organisation_id": org_ids[n], "role": "admin"}
            for n in range(sizes.organisations)
        ]
        _bulk(Membership.__table__, [{**m, "created_at": T0} for m in memberships])

        contexts = catalog.context
        plan_rows = []
        for n in range(sizes.plans):
            plan_rows.append(
                {
                    "organisation_id": org_ids[n % sizes.organisations],
                    "title": f"Peer support worker {n:04d}",
                    "team": f"Team {n:04d}",
                    "setting": rng.choice([v[0] for v in contexts["setting"].values]),
                    "introduction": rng.choice([v[0] for v in contexts["introduction"].values]),
                    "employment": rng.choice([v[0] for v in contexts["employment"].values]),
                    "band": rng.choice(["3", "4", "5", None]),
                    "hours": Decimal(rng.choice(["15", "22.5", "30", "37.5"])),
                    "peer_workers": rng.randint(1, 4),
                    "line_manager": "Team manager",
                    "version": 1,
                    "created_by_id": user_ids[(n % sizes.organisations) + 1],
                    "created_at": T0,
                    "updated_at": T0 + timedelta(minutes=n),
                }
            )
        # The benchmark's two plans (both in the first organisation, as plans are spread
        # round-robin): community posts replacing an existing one, so that every statement applies.
        for row in (plan_rows[0], plan_rows[sizes.organisations]):
            row.update(setting="community", introduction="replacement", employment="paid")
            row["peer_workers"] = 2
        _bulk(RolePlan.__table__, plan_rows)
        plan_ids = _ids(RolePlan)
        main, small_team = plan_ids[0], plan_ids[sizes.organisations]

        rounds = []
        for plan_id in plan_ids:
            for r in range(1, sizes.rounds_per_plan + 1):
                last = r == sizes.rounds_per_plan
                started = T0 + timedelta(days=60 * (r - 1))
                rounds.append(
                    {
                        "plan_id": plan_id,
                        "round_no": r,
                        "created_at": started,
                        "updated_at": started,
                        "confirmed_at": started + timedelta(days=7) if rng.random() < 0.8 else None,
                        "closed_at": None if last else started + timedelta(days=60),
                    }
                )
        _bulk(Assessment.__table__, rounds)
        round_ids = _ids(Assessment)

        applicable_ids = {}
        for row, plan_id in zip(plan_rows, plan_ids, strict=True):
            context = plan_context(
                introduction=row["introduction"],
                setting=row["setting"],
                employment=row["employment"],
                peer_workers=row["peer_workers"],
            )
            applicable_ids[plan_id] = [item.id for item in applicable(catalog.items, context)]
        answers = []
        for round_row, round_id in zip(rounds, round_ids, strict=True):
            for item_id in applicable_ids[round_row["plan_id"]]:
                if rng.random() < 0.08:
                    continue  # some statements left unanswered
                answers.append(
                    {
                        "assessment_id": round_id,
                        "item_id": item_id,
                        "status": rng.choice(STATUSES),
                        "importance": rng.randint(1, 4),
                        "note": "Discussed at the team meeting." if rng.random() < 0.1 else "",
                        "updated_at": round_row["created_at"],
                    }
                )
        _bulk(Answer.__table__, answers)

        owners = {
            plan_ids[n]: user_ids[(n % sizes.organisations) + 1] for n in range(len(plan_ids))
        }
        actions = []
        for n in range(sizes.actions):
            plan_id = main if n < 20 else plan_ids[n % len(plan_ids)]
            status = rng.choice(ACTION_STATUSES)
            actions.append(
                {
                    "plan_id": plan_id,
                    "title": f"Action {n:05d}: agree what the peer worker will not be asked to do",
                    "owner_user_id": owners[plan_id] if n % 2 else None,
                    "owner_name": "" if n % 2 else "Practice development lead",
                    "due_on": date(2026, 1, 1) + timedelta(days=rng.randint(0, 400)),
                    "status": status,
                    "drop_reason": "No longer needed." if status == "dropped" else "",
                    "notes": "",
                    "closed_at": T0 + timedelta(days=rng.randint(1, 120))
                    if status in ("done", "dropped")
                    else None,
                    "created_at": T0,
                    "updated_at": T0,
                }
            )
        _bulk(Action.__table__, actions)
        action_ids = _ids(Action)
        links = []
        for action_id, row in zip(action_ids, actions, strict=True):
            chosen = rng.sample(applicable_ids[row["plan_id"]], k=rng.randint(1, 3))
            links += [{"action_id": action_id, "item_id": item_id} for item_id in chosen]
        _bulk(ActionItem.__table__, links)

        for plan_id in (main, small_team):
            _extras(catalog, plan_id, bench_user, rng)
        db.session.commit()

        # Team surveys: the two benchmark plans, then 100 responses each on other plans.
        creator = db.session.get(User, bench_user)
        for plan_id, count in ((small_team, sizes.team_small), (main, sizes.team_large)):
            add_demo_responses(catalog, db.session.get(RolePlan, plan_id), creator, count)
        rest = sizes.responses - sizes.team_small - sizes.team_large
        others = [p for p in plan_ids if p not in (main, small_team)]
        for n, start in enumerate(range(0, rest, 100)):
            plan = db.session.get(RolePlan, others[(n * 7) % len(others)])
            add_demo_responses(catalog, plan, creator, min(100, rest - start), seed=SEED + n)
        db.session.commit()
        surveys = db.session.scalars(select(TeamSurvey)).all()
        assert all(store.load_tallies(s) == store.count_answers(s) for s in surveys[:3])
        assert all(store.running_counts(s) == store.count_responses(s) for s in surveys[:3])
    return {
        "email": EMAIL,
        "password": PASSWORD,
        "plans": {"main": main, "small_team": small_team},
        "rows": {
            "organisations": len(org_ids),
            "plans": len(plan_ids),
            "rounds": len(round_ids),
            "answers": len(answers),
            "responses": sizes.responses,
            "actions": len(action_ids),
        },
    }


def _extras(catalog, plan_id: int, user_id: int, rng) -> None:
    """What a well-used plan also has: document details, ticks, check-ins and a checked JD."""
    db.session.add(
        DocumentDetails(
            plan_id=plan_id,
            base="Riverside Resource Centre, Northtown",
            salary="£26,530 to £29,114 a year, pro rata",
            accountable_to="Head of Community Services",
            duties="\n".join(f"Service-specific duty {n}." for n in range(8)),
            peer_supervision_by="Riverside Mind peer supervision service",
            line_frequency="Every two weeks",
            peer_frequency="Monthly",
            reflective_frequency="Monthly",
        )
    )
    for n, key in enumerate(("RC-BA-01", "RC-BA-02", "RC-AD-01", "RC-SL-01")):
        db.session.add(
            ChecklistTick(
                plan_id=plan_id,
                line_key=key,
                ticked_by_id=user_id,
                ticked_by_name="Bench Manager",
                ticked_at=T0 + timedelta(hours=n),
            )
        )
    questions = catalog.checkin_questions
    for month in (3, 6):
        for perspective in ("line_manager", "peer_worker"):
            db.session.add(
                CheckIn(
                    plan_id=plan_id,
                    month=month,
                    perspective=perspective,
                    answers={q.key: rng.choice(["yes", "partly", "no"]) for q in questions},
                    recorded_on=date(2026, month, 1),
                    recorded_by_id=user_id,
                )
            )
    organisation_id = db.session.get(RolePlan, plan_id).organisation_id
    db.session.add(
        JdCheck(
            organisation_id=organisation_id,
            plan_id=plan_id,
            created_by_id=user_id,
            name="Pasted text",
            source="paste",
            text="You will carry out close observations and support people using your own "
            "lived experience of mental health problems.",
        )
    )
