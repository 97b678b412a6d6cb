"""The schema: migrations build exactly what the models describe, on SQLite and PostgreSQL."""

import os

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


def test_the_counts_migration_counts_the_responses_already_there(app, auth, make_plan):
    """Upgrading a database that already has survey responses starts their running counts at
    what is there: the report reads the counts, not the responses."""
    from datetime import date

    from roledesign.models import RolePlan, TeamResponse, TeamSurvey
    from roledesign.web.team.services import group_counts, running_counts

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
        assert group_counts(survey) == {"peer_worker": 2, "manager": 1}
        db.session.remove()
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE alembic_version")
