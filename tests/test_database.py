"""The schema: migrations build exactly what the models describe, on SQLite and PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from roledesign.app import MIGRATIONS_DIR
from roledesign.extensions import db


def test_tests_run_on_the_database_they_were_given(app):
    with app.app_context():
        expected = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
        assert db.engine.dialect.name == expected


def test_migrations_match_the_models(app):
    with app.app_context():
        db.drop_all()
        upgrade(directory=MIGRATIONS_DIR)
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == []
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE alembic_version")


def test_first_run_creates_the_sqlite_database(tmp_path):
    from roledesign import create_app

    path = tmp_path / "fresh.sqlite"
    app = create_app(
        {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "AUTO_MIGRATE": True}
    )
    assert path.exists()
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {"users", "organisations", "role_plans", "assessments", "answers"} <= tables


def test_starting_the_app_leaves_flask_migrate_and_alembic_unimported(tmp_path):
    """Only migrations need them (a tenth of the start-up time): serving pages never does."""
    code = (
        "import sys\n"
        "from roledesign import create_app\n"
        f"create_app({{'SECRET_KEY': 'x', 'SQLALCHEMY_DATABASE_URI': 'sqlite:///{tmp_path}/a.sqlite',"
        " 'AUTO_MIGRATE': False})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask_migrate', 'alembic')))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_the_db_command_sets_up_migrations_when_run(app):
    """`flask db upgrade` is Flask-Migrate's, with its options, though set up only when run."""
    with app.app_context():
        db.drop_all()
        db.engine.dispose()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["db", "-d", MIGRATIONS_DIR, "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE alembic_version")
    assert {"alembic_version", "users", "team_releases"} <= tables
    assert "Perform database migrations." in runner.invoke(args=["--help"]).output


def test_the_counts_migration_counts_the_responses_already_there(app, auth, make_plan):
    """Upgrading a database that already has survey responses starts their running counts at
    what is there: the report reads the counts, not the responses."""
    from datetime import date

    from roledesign.models import RolePlan, TeamResponse, TeamSurvey
    from roledesign.services.team_store import running_counts

    with app.app_context():
        db.drop_all()
        upgrade(directory=MIGRATIONS_DIR)
    auth.manager()
    plan_id = make_plan()
    with app.app_context():
        db.session.remove()
        downgrade(directory=MIGRATIONS_DIR, revision="52f071d7900e")  # the revision before
        survey = TeamSurvey(plan=db.session.get(RolePlan, plan_id), token="t" * 32, item_ids=[])
        db.session.add(survey)
        db.session.flush()
        for n, (group, comment) in enumerate(
            [("peer_worker", "Good"), ("peer_worker", None), ("manager", None)]
        ):
            db.session.add(
                TeamResponse(
                    survey_id=survey.id,
                    stakeholder_group=group,
                    submission_key=f"key-{n}",
                    submitted_on=date(2026, 11, 1),
                    comment=comment,
                )
            )
        db.session.commit()
        upgrade(directory=MIGRATIONS_DIR)
        assert running_counts(survey) == {"peer_worker": (2, 1), "manager": (1, 0)}
        db.session.remove()
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE alembic_version")


def test_the_releases_migration_keeps_open_surveys_open_and_closed_reports_working(
    app, auth, browser, make_plan
):
    """Surveys answered before releases existed: an open one stays open with only its count
    shown, a closed one's report still shows its figures (released on the first read)."""
    from datetime import date

    from roledesign.models import RolePlan, TeamSurvey
    from roledesign.services import team_store as store

    with app.app_context():
        db.drop_all()
        upgrade(directory=MIGRATIONS_DIR)
    auth.manager()
    open_plan, closed_plan = make_plan(), make_plan()
    with app.app_context():
        db.session.remove()
        downgrade(directory=MIGRATIONS_DIR, revision="0446cb71bf71")  # the revision before
        for plan_id, is_open in ((open_plan, True), (closed_plan, False)):
            survey = TeamSurvey(
                plan=db.session.get(RolePlan, plan_id),
                token=f"{plan_id}" * 32,
                item_ids=["DIS-01"],
                is_open=is_open,
            )
            db.session.add(survey)
            db.session.flush()
            for n in range(6):
                store.submit_response(
                    survey,
                    group="non_peer_staff",
                    answers={"DIS-01": ("yes" if n % 2 else "no", None)},
                    submission_key=f"key-{plan_id}-{n}",
                    comment=None,
                    on=date(2026, 11, 1),
                )
        db.session.commit()
        upgrade(directory=MIGRATIONS_DIR)
    auth.sign_in()  # the sessions migration ends every session once
    try:
        page = browser.client.get(f"/plans/{open_plan}/team/report").get_data(as_text=True)
        assert "6 people have responded so far" in page and "Whole team" not in page
        page = browser.client.get(f"/plans/{closed_plan}/team/report").get_data(as_text=True)
        assert "Whole team" in page and "6 people responded" in page
        assert page.count("50") >= 1  # half said yes: the team's score is 50
    finally:
        with app.app_context():
            db.session.remove()
            db.drop_all()
            with db.engine.begin() as connection:
                connection.exec_driver_sql("DROP TABLE alembic_version")
