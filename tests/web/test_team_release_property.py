"""A survey has one release, and nothing changes it: over random response sets, answers stored
after the close (fewer than k of them, as a race with the close could leave) and a new k leave
every view of the survey exactly as it was. So no two views of one survey differ because of a
few people."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesign.extensions import db
from roledesign.models import RolePlan
from roledesign.services import team as services
from roledesign.web.template_helpers import catalog

GROUPS = ("peer_worker", "non_peer_staff", "line_manager", "service_user", "not_said")
STATUSES = ("yes", "partly", "no", "dont_know", "not_relevant", None)
ITEM_IDS = ("DIS-01", "DIS-02", "EXP-01")

person = st.tuples(
    st.sampled_from(GROUPS),
    st.fixed_dictionaries({i: st.sampled_from(STATUSES) for i in ITEM_IDS}),
    st.sampled_from(("", "A comment", "Another comment")),
)


def add(survey, people, prefix):
    for n, (group, answers, comment) in enumerate(people):
        services.submit_response(
            survey,
            group=group,
            answers={i: (s, None) for i, s in answers.items() if s is not None},
            submission_key=f"{prefix}-{n}",
            comment=comment or None,
            on=services.today(),
        )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(person, max_size=30),
    st.lists(person, min_size=1, max_size=4),
    st.integers(min_value=3, max_value=8),
)
def test_a_release_never_changes_once_made(app, auth, make_plan, people, late, new_k):
    if not getattr(app, "_signed_up", False):
        auth.manager()
        app._signed_up = True  # one manager for every example
    plan_id = make_plan()
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        survey = services.create_survey(
            plan=plan, creator=None, item_ids=list(ITEM_IDS), closes_on=None
        )
        add(survey, people, "on-time")
        services.close(catalog(), survey, services.today())
        db.session.commit()
        first = services.release_for(catalog(), survey)
        view = services.team_report(catalog(), survey)
        add(survey, late, "late")
        plan.organisation.anonymity_k = new_k
        db.session.commit()
        assert services.release_for(catalog(), survey) == first
        assert services.team_report(catalog(), survey) == view
