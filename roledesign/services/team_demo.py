"""Synthetic team survey responses, for demos and benchmarks (`flask --app roledesign demo
--responses N`). Groups are deliberately uneven, some small enough to be pooled, and they see
things differently in the way Gillard et al. (2013) describe: other staff think expectations are
shared more than peer workers do."""

import random

from sqlalchemy import insert

from roledesign.extensions import db
from roledesign.models import TeamAnswer, TeamResponse
from roledesign.services import team as services
from roledesign.services import team_store as store

GROUP_WEIGHTS = {
    "non_peer_staff": 50,
    "service_user": 18,
    "line_manager": 12,
    "peer_worker": 9,
    "senior_manager": 7,
    "other": 4,
}
# Chance of "yes" by group and domain; the rest is spread over partly, no and don't know.
DEFAULT_YES = 0.5
OPTIMISM = {
    ("non_peer_staff", "shared_expectations"): 0.75,
    ("peer_worker", "shared_expectations"): 0.2,
    ("peer_worker", "organisational_support"): 0.3,
    ("senior_manager", "strategic_alignment"): 0.8,
    ("line_manager", "organisational_support"): 0.65,
}
DONT_KNOW = {"service_user": 0.3, "other": 0.2}
COMMENTS = (
    "We need to agree what the peer worker will not be asked to do.",
    "Supervision arrangements have not been explained to the team yet.",
    "I would like training on how lived experience is shared with patients.",
    "Looking forward to working alongside a peer worker.",
    "Two peer workers would be better than one.",
)
BATCH = 500


def _answer(rng, group, domain):
    if rng.random() < 0.05:
        return None  # skipped
    if rng.random() < 0.03:
        return ("not_relevant", None)
    if rng.random() < DONT_KNOW.get(group, 0.08):
        return ("dont_know", rng.randint(2, 4))
    yes = OPTIMISM.get((group, domain), DEFAULT_YES)
    roll = rng.random()
    status = "yes" if roll < yes else ("partly" if roll < yes + (1 - yes) / 2 else "no")
    return (status, rng.randint(2, 4) if rng.random() < 0.9 else None)


def add_demo_responses(catalog, plan, creator, count: int, seed: int = 2013):
    """Create the plan's survey if needed and add ``count`` synthetic responses in bulk."""
    survey = services.survey_for(plan)
    if survey is None or not survey.is_open:  # a closed round keeps its release: ask again
        survey = services.create_survey(
            plan=plan,
            creator=creator,
            item_ids=[i.id for i in services.offered_items(catalog, plan)],
            closes_on=None,
        )
    items = services.survey_items(catalog, survey)
    rng = random.Random(seed + services.response_count(survey))  # noqa: S311 - demo data
    groups, weights = zip(*GROUP_WEIGHTS.items(), strict=True)
    today = services.today()
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        rows = [
            {
                "survey_id": survey.id,
                "stakeholder_group": rng.choices(groups, weights)[0],
                "submission_key": f"demo-{rng.getrandbits(64):016x}",
                "submitted_on": today,
                "comment": rng.choice(COMMENTS) if rng.random() < 0.15 else None,
            }
            for _ in range(size)
        ]
        ids = db.session.scalars(
            insert(TeamResponse).returning(TeamResponse.id, sort_by_parameter_order=True), rows
        ).all()
        answers = []
        for response_id, row in zip(ids, rows, strict=True):
            for item in items:
                answer = _answer(rng, row["stakeholder_group"], item.domain)
                if answer:
                    answers.append(
                        {
                            "response_id": response_id,
                            "item_id": item.id,
                            "status": answer[0],
                            "importance": answer[1],
                        }
                    )
        db.session.execute(insert(TeamAnswer), answers)
    store.rebuild_tallies(survey)
    return survey
