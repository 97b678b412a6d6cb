"""import-org checks the whole file against the export's schema before writing anything: every
crafted file of issue 14 is refused with exit code 2 and a message naming the place in the file,
and nothing is written. Hypothesis then mutates a valid export at random: each mutation is either
refused the same way or restores an organisation that exports cleanly again."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models import AuditEvent, Organisation, RolePlan, User
from roledesign.services import export_schema
from roledesign.services.org_transfer import (
    TransferError,
    delete_organisation,
    export_organisation,
    import_organisation,
)

WHEN = "2026-11-01T09:30:00+00:00"


def valid_export() -> dict:
    """A small export with something in every section, written out as export-org would."""
    return {
        "format": "roledesign-organisation/1",
        "organisation": {
            "name": "Import Trust",
            "sector": "nhs",
            "anonymity_k": 5,
            "created_at": WHEN,
        },
        "members": [
            {"email": "admin@example.org", "name": "Ada", "role": "admin", "joined_at": WHEN},
            {"email": "hr@example.org", "name": "Harper", "role": "hr", "joined_at": WHEN},
        ],
        "plans": [
            {
                "title": "Peer support worker",
                "team": "North team",
                "setting": "community",
                "introduction": "new_role",
                "employment": "paid",
                "band": "4",
                "hours": "37.5",
                "peer_workers": 2,
                "line_manager": "Team manager",
                "created_by": "admin@example.org",
                "created_at": WHEN,
                "rounds": [
                    {
                        "round": 1,
                        "created_at": WHEN,
                        "confirmed_at": None,
                        "closed_at": None,
                        "answers": [
                            {"item": "DIS-01", "status": "no", "importance": 4, "note": "é ✓"}
                        ],
                    }
                ],
                "actions": [
                    {
                        "title": "Write the JD",
                        "items": ["DIS-01"],
                        "owner_member": "hr@example.org",
                        "owner_name": "",
                        "due_on": "2026-12-01",
                        "status": "in_progress",
                        "drop_reason": "",
                        "notes": "",
                        "closed_at": None,
                        "created_at": WHEN,
                    }
                ],
                "documents": {"details": None, "versions": [], "ticks": []},
                "team_survey": {
                    "item_ids": ["DIS-01"],
                    "is_open": True,
                    "closes_on": None,
                    "created_at": WHEN,
                    "group_counts": {"peer_worker": 3},
                    "tallies": [
                        {
                            "group": "peer_worker",
                            "item": "DIS-01",
                            "yes": 2,
                            "partly": 1,
                            "no": 0,
                            "dont_know": 0,
                            "not_relevant": 0,
                            "importance_total": 9,
                            "importance_given": 3,
                        }
                    ],
                    "comments": [],
                    "first_response_on": "2026-11-02",
                },
                "check_ins": [
                    {
                        "month": 3,
                        "perspective": "peer_worker",
                        "answers": {"used_as_intended": "yes"},
                        "note": "",
                        "recorded_on": "2026-11-03",
                    }
                ],
            }
        ],
        "jd_checks": [
            {
                "name": "Pasted text",
                "source": "paste",
                "text": "Peer support worker.",
                "plan": 0,
                "created_by": "admin@example.org",
                "created_at": WHEN,
            }
        ],
        "audit": [
            {
                "when": WHEN,
                "who": "admin@example.org",
                "action": "created",
                "subject": "organisation",
                "detail": "Import Trust",
            }
        ],
    }


def changed(path: str, value) -> dict:
    """The valid export with the value at a dotted path (list positions as numbers) replaced."""
    data = valid_export()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return data


def nothing_written(app) -> bool:
    with app.app_context():
        return not any(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Organisation, User, RolePlan, AuditEvent)
        )


def run_import(runner, tmp_path, data) -> tuple[int, str]:
    path = tmp_path / "export.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    result = runner.invoke(args=["import-org", str(path)])
    return result.exit_code, result.output


def test_the_valid_export_restores(app, runner, tmp_path):
    code, output = run_import(runner, tmp_path, valid_export())
    assert code == 0, output
    with app.app_context():
        organisation = db.session.scalar(select(Organisation))
        assert organisation.anonymity_k == 5
        assert (
            export_schema.problems(
                export_organisation(organisation), app.extensions["roledesign.catalog"]
            )
            == []
        )


CRAFTED = [
    ("organisation.anonymity_k", 10**30, "organisation.anonymity_k: must be at most 50"),
    ("organisation.anonymity_k", "five", "organisation.anonymity_k: must be a whole number"),
    ("organisation.anonymity_k", 1, "organisation.anonymity_k: must be at least 3"),
    ("organisation.anonymity_k", 5.0, "organisation.anonymity_k: must be a whole number"),
    ("plans.0.hours", "abc", "plans[0].hours: must be a number of hours like 37.5"),
    ("plans.0.hours", 37.5, "plans[0].hours: must be text in quotes"),
    ("plans.0.hours", "NaN", "plans[0].hours: must be between 1 and 48"),
    (
        "members.1.role",
        "superuser",
        "members[1].role: must be one of admin, manager, hr, viewer",
    ),
    ("members.1.email", "admin@example.org", "members[1].email: admin@example.org appears twice"),
    ("plans.0.peer_workers", -3, "plans[0].peer_workers: must be at least 1"),
    (
        "plans.0.team_survey.group_counts",
        {"peer_worker": -5},
        "plans[0].team_survey.group_counts.peer_worker: must be at least 0",
    ),
    ("plans.0.team_survey.tallies.0.yes", -1, "plans[0].team_survey.tallies[0].yes: must be at"),
    (
        "plans.0.team_survey.tallies.0.group",
        "martians",
        "plans[0].team_survey.tallies[0].group: must be one of peer_worker",
    ),
    (
        "plans.0.team_survey.group_counts",
        {"martians": 3},
        "plans[0].team_survey.group_counts: must be one of peer_worker",
    ),
    ("jd_checks.0.plan", -1, "jd_checks[0].plan: must be at least 0"),
    ("jd_checks.0.plan", 1, "jd_checks[0].plan: refers to plan 1, but the file has 1 plan"),
    ("jd_checks.0.created_by", "x@example.org", "jd_checks[0].created_by: x@example.org is not"),
    ("plans.0.rounds.0.answers.0.item", "NOPE-99", "plans[0].rounds[0].answers[0].item: NOPE-99"),
    ("plans.0.rounds.0.answers.0.status", "maybe", "plans[0].rounds[0].answers[0].status: must"),
    ("plans.0.rounds.0.created_at", "yesterday", "plans[0].rounds[0].created_at: must be a date"),
    ("plans.0.actions.0.due_on", "2026-02-30", "plans[0].actions[0].due_on: must be a date"),
    ("plans.0.setting", "moon", "plans[0].setting: must be one of community"),
    ("plans.0.check_ins.0.month", 4, "plans[0].check_ins[0].month: must be one of 3, 6, 12"),
    ("plans.0.title", "x" * 121, "plans[0].title: must be at most 120 characters"),
    ("plans.0.surprise", 1, "plans[0].surprise: is not part of the export format"),
    ("members", {"email": "a"}, "members: must be a list"),
    ("members.0.name", [[[[["deep"]]]]], "members[0].name: must be text in quotes"),
]


@pytest.mark.parametrize(("path", "value", "message"), CRAFTED)
def test_crafted_files_are_refused_with_the_place_named(
    app, runner, tmp_path, path, value, message
):
    code, output = run_import(runner, tmp_path, changed(path, value))
    assert code == 2, output
    assert "nothing was imported" in output and message in output, output
    assert "Traceback" not in output
    assert nothing_written(app)


def test_a_missing_section_is_named(app, runner, tmp_path):
    data = valid_export()
    del data["plans"][0]["documents"]
    code, output = run_import(runner, tmp_path, data)
    assert code == 2 and "plans[0].documents: is missing" in output, output
    assert nothing_written(app)


def test_deep_nesting_is_refused_without_a_traceback(app, runner, tmp_path):
    text = json.dumps(valid_export()).replace('"audit": [', '"audit": ' + "[" * 100_000, 1)
    text = text[:-1] + "]" * 100_000 + "}"
    code, output = run_import(runner, tmp_path, text)
    assert code == 2 and "too deeply" in output, output
    assert nothing_written(app)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _places(value, path=()):
    """Every place in a JSON document, as paths of keys and positions."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _places(child, (*path, key))
    elif isinstance(value, list):
        for n, child in enumerate(value):
            yield from _places(child, (*path, n))


PLACES = [p for p in _places(valid_export()) if p]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(place=st.sampled_from(PLACES), value=JSON, delete=st.booleans())
def test_random_mutations_are_refused_or_restore_cleanly(app, place, value, delete):
    data = valid_export()
    target = data
    for part in place[:-1]:
        target = target[part]
    if delete and isinstance(target, dict):
        del target[place[-1]]
    else:
        target[place[-1]] = copy.deepcopy(value)
    with app.app_context():
        try:
            organisation = import_organisation(data)
        except TransferError as err:
            assert "Traceback" not in str(err)
            db.session.rollback()
            assert nothing_written(app)
            return
        db.session.commit()
        # Accepted: the restored organisation is sound enough to export a valid file again.
        again = export_organisation(organisation)
        assert export_schema.problems(again, app.extensions["roledesign.catalog"]) == []
        delete_organisation(organisation)
        db.session.commit()


def released_export(**figures) -> dict:
    """The valid export in the current format: its survey closed, with a release."""
    data = valid_export()
    data["format"] = export_schema.FORMAT
    old = data["plans"][0].pop("team_survey")
    release = {
        "version": 1,
        "k": 5,
        "total": 6,
        "groups": {"non_peer_staff": 6},
        "pool": None,
        "cells": {"team": {"DIS-01": [3, 1, 1, 1]}, "non_peer_staff": {"DIS-01": [3, 1, 1, 1]}},
        "comments": [],
        "sector": {"DIS-01": [3.4, 0.2, 1.9, 0.7]},
        **figures,
    }
    data["plans"][0]["team_surveys"] = [
        {key: old[key] for key in ("item_ids", "closes_on", "created_at")}
        | {"is_open": False, "release": {"closed_on": "2026-11-20", "figures": release}}
    ]
    return data


def test_a_released_survey_restores_and_its_report_reads_as_before(app, runner, tmp_path):
    code, output = run_import(runner, tmp_path, released_export())
    assert code == 0, output
    with app.app_context():
        exported = export_organisation(db.session.scalar(select(Organisation)))
    assert exported["plans"][0]["team_surveys"][0]["release"]["figures"]["groups"] == {
        "non_peer_staff": 6
    }


RELEASE = "plans[0].team_surveys[0].release.figures"


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        # A crafted release may not bring in a figure that rests on fewer than k people.
        ({"groups": {"peer_worker": 1}}, "groups peer_worker have fewer than k = 5 people"),
        ({"pool": 2}, "the pool has fewer than k = 5 people"),
        ({"cells": {"team": {"DIS-01": [1, 0, 0, 0]}}}, "cells.team: DIS-01 rest on fewer"),
        ({"cells": {"senior_manager": {"DIS-01": [5, 0, 0, 0]}}}, "which is not a group shown"),
        ({"groups": {"martians": 9}}, "must be one of peer_worker"),
        ({"k": 2}, f"{RELEASE}.k: must be at least 3"),
        ({"cells": {"team": {"DIS-01": [5, -1, 0, 0]}}}, "must be at least 0"),
        ({"sector": {"XYZ-99": [1.0, 0, 0, 0]}}, "XYZ-99: no such statement"),
    ],
)
def test_crafted_releases_are_refused(app, runner, tmp_path, figures, message):
    code, output = run_import(runner, tmp_path, released_export(**figures))
    assert code == 2, output
    assert message in output and RELEASE in output, output
    assert nothing_written(app)


def test_an_open_survey_cannot_carry_a_release(app, runner, tmp_path):
    data = released_export()
    data["plans"][0]["team_surveys"][0]["is_open"] = True
    code, output = run_import(runner, tmp_path, data)
    assert code == 2 and "an open survey has no release yet" in output, output
    assert nothing_written(app)
