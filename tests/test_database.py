"""The schema: migrations build exactly what the models describe, on SQLite and PostgreSQL."""

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

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
