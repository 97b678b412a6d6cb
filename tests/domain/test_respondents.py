"""What a respondent is told before sending, worked by hand."""

from roledesign.domain.respondents import likely_small_groups, phrases_found


def test_groups_with_some_but_fewer_than_k_invited_are_likely_too_small():
    invited = {"line_manager": 2, "peer_worker": 5, "service_user": 4, "other": 0}
    assert likely_small_groups(invited, 5) == {"line_manager", "service_user"}
    assert likely_small_groups(invited, 3) == {"line_manager"}
    assert likely_small_groups({}, 5) == frozenset()


def test_phrases_are_found_as_whole_words_in_any_case_and_spacing():
    phrases = ("the only", "manager", "line manager", "nurse")
    assert phrases_found("As THE  only line\nmanager here", phrases) == (
        "the only",
        "manager",
        "line manager",
    )
    assert phrases_found("Management and nursery are not roles", phrases) == ()
    assert phrases_found("the onlyone", phrases) == ()
    assert phrases_found("", phrases) == ()
