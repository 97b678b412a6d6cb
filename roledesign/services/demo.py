"""The demo organisation, user, plan and completed assessment (`flask --app roledesign demo`)."""

import random
from decimal import Decimal

from sqlalchemy import select

from roledesign.catalog import DOMAIN_KEYS, Catalog
from roledesign.domain.context import applicable
from roledesign.extensions import db
from roledesign.models import Membership, RolePlan, User
from roledesign.services import assessment
from roledesign.services.auth import create_user
from roledesign.services.orgs import create_organisation
from roledesign.services.passwords import hash_password
from roledesign.services.plans import create_plan

DEMO_EMAIL = "demo@example.org"
STATUSES = ["yes", "yes", "partly", "partly", "no", "dont_know", "not_relevant"]


def demo_user() -> User | None:
    return db.session.scalar(select(User).where(User.email == DEMO_EMAIL))


def reset_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    db.session.flush()


def create_demo(catalog: Catalog, *, password: str, seed: int) -> tuple[User, RolePlan]:
    """The demo manager, their organisation and a plan whose first round is answered (with
    answers drawn from ``seed``, so the same seed gives the same demo) and confirmed."""
    user = create_user(name="Demo Manager", email=DEMO_EMAIL, password=password, confirmed=True)
    organisation = create_organisation(
        name="Northshire Mental Health NHS Foundation Trust (demo)", sector="nhs", creator=user
    )
    plan = create_plan(
        organisation=organisation,
        creator=user,
        data={
            "title": "Peer support worker",
            "team": "North locality community mental health team",
            "setting": "community",
            "introduction": "new_role",
            "employment": "paid",
            "band": "4",
            "hours": Decimal("30"),
            "peer_workers": 2,
            "line_manager": "Team manager",
        },
    )
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security
    first = plan.assessments[0]
    for domain_key in DOMAIN_KEYS:
        values = {
            item.id: (rng.choice(STATUSES), rng.randint(2, 4), "")
            for item in applicable(catalog.items_in(domain_key), plan.context)
        }
        assessment.save_domain(first, domain_key, values)
    assessment.confirm(first)  # a completed, checked assessment
    return user, plan


def first_plan(user: User) -> RolePlan | None:
    """The first plan of the user's organisations: where demo survey responses go."""
    return db.session.scalar(
        select(RolePlan)
        .join(Membership, Membership.organisation_id == RolePlan.organisation_id)
        .where(Membership.user_id == user.id)
        .order_by(RolePlan.id)
    )
