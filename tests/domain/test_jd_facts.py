"""What a job description says plainly about the post, for a new plan's form."""

from decimal import Decimal

from roledesign.domain.jd_facts import PostFacts, extract_facts


def test_labelled_lines():
    facts = extract_facts(
        "JOB DESCRIPTION\n"
        "Job title: Peer Support Worker (formerly Support Time and Recovery Worker)\n"
        "Band: 3\n"
        "Hours: 37.5\n"
        "Team: Southgate Community Mental Health Team\n"
        "Reports to: Team Leader\n"
        "You will be one of three peer support workers.\n"
    )
    assert facts == PostFacts(
        title="Peer Support Worker",
        team="Southgate Community Mental Health Team",
        setting="community",
        employment="paid",
        band="3",
        hours=Decimal("37.5"),
        peer_workers=3,
        line_manager="Team Leader",
    )


def test_a_heading_style_advert():
    facts = extract_facts(
        "Peer Support Worker – Early Intervention in Psychosis\n"
        "Band 4, 22.5 hours per week\n"
        "You will report to the EIP Team Leader and receive peer supervision.\n"
        "There are two other peer support workers."
    )
    assert facts.title == "Peer Support Worker"
    assert facts.setting == "early_intervention"
    assert (facts.band, facts.hours) == ("4", Decimal("22.5"))
    assert facts.line_manager == "EIP Team Leader"
    assert facts.peer_workers == 3  # two others and this post


def test_voluntary_posts_have_no_band_and_unclear_things_stay_blank():
    facts = extract_facts("Volunteer Peer Mentor\nThis is an unpaid role for 4 hours a week.")
    assert facts.employment == "voluntary"
    assert facts.band == ""
    assert facts.hours == Decimal("4")
    assert (facts.team, facts.setting, facts.line_manager, facts.peer_workers) == ("", "", "", None)


def test_hours_outside_the_plan_form_range_are_ignored_and_full_time_is_37_5():
    assert extract_facts("Open 24 hours a day. Full-time post.").hours == Decimal("37.5")
    assert extract_facts("Available 60 hours per week").hours is None


def test_specific_settings_win_over_general_ones():
    assert extract_facts("Medium secure unit with three wards").setting == "forensic"
    assert extract_facts("CAMHS inpatient ward").setting == "camhs"
    assert extract_facts("Acute inpatient ward").setting == "inpatient"


def test_plan_args_leave_out_what_was_not_found():
    facts = PostFacts(title="Peer Trainer", band="4", hours=Decimal("22.5"))
    assert facts.as_plan_args() == {"title": "Peer Trainer", "band": "4", "hours": "22.5"}
