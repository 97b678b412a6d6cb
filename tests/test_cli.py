"""The operator commands: check-evidence, export-evidence, score and demo."""

import json
import shutil

from sqlalchemy import func, select

from roledesign.config import PROJECT_ROOT
from roledesign.extensions import db
from roledesign.models import Answer, RolePlan, User


def test_check_evidence_counts_items_per_domain(runner, app):
    result = runner.invoke(args=["check-evidence"])
    assert result.exit_code == 0
    catalog = app.extensions["roledesign.catalog"]
    for key in (
        "distinctiveness",
        "shared_expectations",
        "strategic_alignment",
        "organisational_support",
    ):
        assert f"{key}: {len(catalog.items_in(key))} items" in result.output
    assert "evidence base is valid" in result.output
    assert f"job description check: {len(catalog.jd_check.rules)} rules" in result.output


def test_check_evidence_fails_on_a_broken_copy(runner, tmp_path):
    broken = tmp_path / "checklists"
    shutil.copytree(PROJECT_ROOT / "checklists", broken)
    path = broken / "items" / "strategic_alignment.yaml"
    path.write_text(path.read_text().replace("weight: 3", "weight: 7", 1))
    result = runner.invoke(args=["check-evidence", "--dir", str(broken)])
    assert result.exit_code != 0
    assert (
        "strategic_alignment.yaml: item STR-01: weight must be 1, 2 or 3 (got 7)" in result.output
    )


def test_check_evidence_fails_on_a_finding_without_a_locator(runner, tmp_path):
    broken = tmp_path / "checklists"
    shutil.copytree(PROJECT_ROOT / "checklists", broken)
    path = broken / "checkins.yaml"
    lines = path.read_text().splitlines(keepends=True)
    first = next(n for n, line in enumerate(lines) if line.strip().startswith("where:"))
    path.write_text("".join(lines[:first] + lines[first + 1 :]))
    result = runner.invoke(args=["check-evidence", "--dir", str(broken)])
    assert result.exit_code != 0
    assert (
        "checklists/checkins.yaml: question used_as_intended: evidence 1: 'where' is missing"
        in result.output
    )


def test_export_evidence_has_the_documented_shape(runner, app):
    data = json.loads(runner.invoke(args=["export-evidence"]).output)
    catalog = app.extensions["roledesign.catalog"]
    assert set(data) == {"sources", "items"}
    assert len(data["items"]) == len(catalog.items)
    item = next(i for i in data["items"] if i["id"] == "DIS-12")
    assert set(item) >= {"id", "domain", "statement", "why", "weight", "critical", "evidence"}
    # DIS-12 stopped being a gate (issue 12): its evidence is about staff resistance, not tasks.
    assert item["domain"] == "distinctiveness" and item["critical"] is False
    assert next(i for i in data["items"] if i["id"] == "DIS-03")["critical"] is True
    assert item["applies_when"] == {"introduction": ["replacement"]}
    assert {"source", "finding", "kind", "where"} == set(item["evidence"][0])
    assert all(e["where"] for i in data["items"] for e in i["evidence"])
    assert data["sources"]["mclean_2009"].endswith("Cited in Repper & Carter 2010.")
    assert {i["domain"] for i in data["items"]} == {
        "distinctiveness",
        "shared_expectations",
        "strategic_alignment",
        "organisational_support",
    }


def score(runner, tmp_path, payload):
    path = tmp_path / "answers.json"
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload))
    return runner.invoke(args=["score", str(path)])


def test_score_hand_worked(runner, tmp_path):
    answers = {
        # distinctiveness: DIS-01 w3 yes, DIS-02 w3 partly, DIS-06 w2 no -> 100 × 4.5/8 = 56.25
        "DIS-01": {"status": "yes", "importance": 4},
        "DIS-02": {"status": "partly", "importance": 4},
        "DIS-06": {"status": "no"},
        # shared expectations: EXP-02 (critical, w3) don't know -> 0
        "EXP-02": {"status": "dont_know", "importance": 4},
        # strategic alignment: only not relevant -> not assessed
        "STR-02": {"status": "not_relevant"},
        # organisational support: SUP-01 w3 yes -> 100
        "SUP-01": {"status": "yes"},
    }
    result = score(runner, tmp_path, {"answers": answers})
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["domains"] == {
        "distinctiveness": 56.25,
        "shared_expectations": 0.0,
        "strategic_alignment": None,
        "organisational_support": 100.0,
    }
    assert out["overall"] == round((56.25 + 0 + 100) / 3, 4)
    assert out["band"] == "nearly"  # overall 52.08: at least 50, but a critical gap
    assert out["critical_gaps"] == ["EXP-02"]
    assert out["knowledge_gaps"] == ["EXP-02"]
    # EXP-02: 3 × 1 × 4 × 2 = 24; DIS-02: 3 × 0.5 × 4 = 6; DIS-06: 2 × 1 × 3 = 6 (domain tie -> id)
    assert out["priorities"] == ["EXP-02", "DIS-02", "DIS-06"]


def test_score_context_leaves_out_items_that_do_not_apply(runner, tmp_path):
    payload = {"answers": {"DIS-12": {"status": "no"}, "DIS-01": {"status": "yes"}}}
    # DIS-01 (weight 3) Yes, DIS-12 (weight 2 since issue 12) No: 100 × 3 ÷ 5 = 60
    assert json.loads(score(runner, tmp_path, payload).output)["domains"]["distinctiveness"] == 60.0
    payload["context"] = {"introduction": "new_role"}
    assert (
        json.loads(score(runner, tmp_path, payload).output)["domains"]["distinctiveness"] == 100.0
    )


def test_score_rejects_bad_input_with_exit_code_2(runner, tmp_path):
    cases = {
        '{"answers": {"NOPE-01": {"status": "yes"}}}': "unknown item id 'NOPE-01'",
        '{"answers": {"DIS-01": {"status": "maybe"}}}': "DIS-01: status must be one of",
        '{"answers": {"DIS-01": {"status": "yes", "importance": 5}}}': "importance must be a whole number from 1 to 4",
        '{"answers": {"DIS-01": {"status": "yes", "importance": true}}}': "importance must be",
        '{"answers": []}': 'expected a JSON object with an "answers" object',
        '{"answers": {}, "context": {"introduction": "sideways"}}': "context: unknown 'introduction'",
        "not json": "not valid JSON",
    }
    for payload, message in cases.items():
        result = score(runner, tmp_path, payload)
        assert result.exit_code == 2, (payload, result.output)
        assert message in result.output, (payload, result.output)


def test_demo_creates_a_completed_assessment_and_prints_credentials(runner, app):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "Sign in as demo@example.org with password " in result.output
    with app.app_context():
        plan = db.session.scalar(select(RolePlan))
        answered = db.session.scalar(select(func.count()).select_from(Answer))
        catalog = app.extensions["roledesign.catalog"]
        # Every statement that applies to a new, paid, two-peer community post: all but the
        # replacement-, commissioning-, lone-peer- and volunteer-only statements.
        assert answered == len([i for i in catalog.items if not i.applies_when])
        assert answered < len(catalog.items)
        assert plan.organisation.name.endswith("(demo)")
    again = runner.invoke(args=["demo"])
    assert "already exists" in again.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_demo_credentials_work(runner, client):
    password = runner.invoke(args=["demo"]).output.split("with password ")[1].strip()
    from tests.helpers import Browser

    response = Browser(client).submit(
        "/sign-in", {"email": "demo@example.org", "password": password}
    )
    assert response.headers["Location"] == "/dashboard"


def test_backup_db_copies_a_live_sqlite_database(app, runner, auth, make_plan, tmp_path):
    import os
    import sqlite3

    if os.environ.get("TEST_DATABASE_URL"):
        result = runner.invoke(args=["backup-db", str(tmp_path / "copy.sqlite")])
        assert result.exit_code == 2 and "pg_dump" in result.output
        return
    auth.manager()
    make_plan(team="Backed-up team")
    target = tmp_path / "copy.sqlite"
    result = runner.invoke(args=["backup-db", str(target)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT team FROM role_plans").fetchall() == [("Backed-up team",)]
    again = runner.invoke(args=["backup-db", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_check_jd_prints_the_documented_json(runner, tmp_path):
    path = PROJECT_ROOT / "tests/jd_corpus/02_drifted_inpatient_nhs.txt"
    result = runner.invoke(args=["check-jd", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"drift", "missing", "evaluation", "language", "domains"}
    first = data["drift"][0]
    assert {"rule", "sentence", "source"} <= set(first)
    assert first["rule"] == "close-observations"
    assert first["sentence"].startswith("To carry out enhanced observations")  # bullet number gone
    assert first["source"] == "repper_carter"
    assert "peer-supervision" in [m["rule"] for m in data["missing"]]
    assert all({"rule", "source"} <= set(m) for m in data["missing"] + data["evaluation"])
    assert all("suggestion" in m for m in data["language"])
    assert set(data["domains"]) == {
        "distinctiveness",
        "shared_expectations",
        "strategic_alignment",
        "organisational_support",
    }
    assert data["domains"]["distinctiveness"] == 0


def test_check_jd_reads_word_files(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("You will supervise mealtimes on the ward.")
    path = tmp_path / "advert.docx"
    document.save(path)
    result = runner.invoke(args=["check-jd", str(path)])
    assert result.exit_code == 0, result.output
    assert [d["rule"] for d in json.loads(result.output)["drift"]] == ["mealtimes"]


def test_check_jd_refuses_unreadable_files_with_exit_code_2(runner, tmp_path):
    missing = runner.invoke(args=["check-jd", str(tmp_path / "nowhere.txt")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.output
    binary = tmp_path / "advert.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    result = runner.invoke(args=["check-jd", str(binary)])
    assert result.exit_code == 2
    assert "advert.txt is not a text file" in result.output
    fake = tmp_path / "advert.docx"
    fake.write_text("not really Word")
    assert runner.invoke(args=["check-jd", str(fake)]).exit_code == 2
