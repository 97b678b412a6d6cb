"""The application factory, in named steps."""

from pathlib import Path

import click
from flask import Flask, render_template, send_from_directory
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader

from roledesign import config as settings
from roledesign.catalog import CatalogError, catalog_for
from roledesign.extensions import csrf, db, limiter, login_manager

NHSUK_FRONTEND = "nhsuk-frontend"  # folder under static/, version recorded in its VERSION file
MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")


def create_app(config: dict | None = None) -> Flask:
    """Build the app. Tests pass a mapping; everything else reads the environment."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(settings.PACKAGE_DIR / "templates"),
        static_folder=str(settings.PACKAGE_DIR / "static"),
    )
    app.config.from_mapping(settings.DEFAULTS)
    app.config.from_mapping(
        config if config is not None else settings.from_environment(app.instance_path)
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    load_evidence_base(app)
    configure_templates(app)
    register_extensions(app)
    register_converters(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    configure_proxy(app)
    if app.config["AUTO_MIGRATE"]:
        upgrade_database(app)
    return app


def load_evidence_base(app: Flask) -> None:
    """Validate checklists/ once, at start-up; a malformed file stops the app with a clear message."""
    try:
        app.extensions["roledesign.catalog"] = catalog_for(app.config["CHECKLISTS_DIR"])
    except CatalogError as err:
        raise SystemExit(f"roledesign cannot start: {err}") from err


def configure_templates(app: Flask) -> None:
    from roledesign.web.template_helpers import TemplateEnvironment

    app.jinja_environment = TemplateEnvironment
    # The nhsuk-frontend macros read optional nested parameters, which needs ChainableUndefined.
    # Their files end in .jinja, which Flask would not autoescape: escape everything, always.
    app.jinja_options = {
        **app.jinja_options,
        "autoescape": True,
        "undefined": ChainableUndefined,
        "loader": ChoiceLoader(
            [
                FileSystemLoader(app.template_folder),
                PackageLoader("nhsuk_frontend_jinja"),
            ]
        ),
    }
    version_file = Path(app.static_folder, NHSUK_FRONTEND, "VERSION")
    app.config.setdefault("NHSUK_FRONTEND_VERSION", version_file.read_text().strip())

    from roledesign.web import template_helpers

    template_helpers.register(app)


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    defer_migrations(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    from roledesign import mail
    from roledesign.services import passwords
    from roledesign.web import security

    passwords.init_app(app)
    mail.init_app(app)
    security.init_app(app)


class _DeferredMigrate:
    """Stands in for Flask-Migrate's ``app.extensions["migrate"]`` until something reads it (its
    ``upgrade()``, the migrations' env.py, a `flask db` command): then sets up Flask-Migrate and
    answers from it. Importing Flask-Migrate, and Alembic under it, took a tenth of the start-up
    time, and serving pages never needs them."""

    def __init__(self, app: Flask):
        self._app = app

    def __getattr__(self, name: str):
        if self._app.extensions.get("migrate") is self:
            from flask_migrate import Migrate

            # Batch mode lets Alembic alter tables on SQLite, which cannot ALTER most columns
            # in place.
            Migrate().init_app(self._app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
        return getattr(self._app.extensions["migrate"], name)


class _MigrateCommands(click.Group):
    """`flask db …`: Flask-Migrate's command group, imported when it is run."""

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        from flask_migrate.cli import db as commands

        return commands.make_context(info_name, args, parent=parent, **extra)


def defer_migrations(app: Flask) -> None:
    app.extensions["migrate"] = _DeferredMigrate(app)
    app.cli.add_command(_MigrateCommands("db", help="Perform database migrations."))


def register_converters(app: Flask) -> None:
    """Ids in URLs stop at what the database can hold (web/ids.py): larger ones are 404."""
    from roledesign.web.ids import DatabaseId

    app.url_map.converters["int"] = DatabaseId


def register_blueprints(app: Flask) -> None:
    from roledesign.web.actions.views import bp as actions_bp
    from roledesign.web.assessment.views import bp as assessment_bp
    from roledesign.web.auth.views import bp as auth_bp
    from roledesign.web.documents.views import bp as documents_bp
    from roledesign.web.evidence.views import bp as evidence_bp
    from roledesign.web.invitations.views import bp as invitations_bp
    from roledesign.web.jd_check.views import bp as jd_check_bp
    from roledesign.web.main.views import bp as main_bp
    from roledesign.web.orgs.views import bp as orgs_bp
    from roledesign.web.plans.views import bp as plans_bp
    from roledesign.web.progress.views import bp as progress_bp
    from roledesign.web.survey.views import bp as survey_bp
    from roledesign.web.team.views import bp as team_bp

    for bp in (
        main_bp,
        auth_bp,
        orgs_bp,
        plans_bp,
        assessment_bp,
        documents_bp,
        team_bp,
        survey_bp,
        invitations_bp,
        actions_bp,
        progress_bp,
        jd_check_bp,
        evidence_bp,
    ):
        app.register_blueprint(bp)

    # nhsuk-frontend's compiled CSS asks for its images under /assets/.
    assets = Path(app.static_folder, NHSUK_FRONTEND, "assets")

    @app.get("/assets/<path:filename>")
    def nhsuk_assets(filename):
        return send_from_directory(assets, filename, max_age=86400)


def register_errorhandlers(app: Flask) -> None:
    def render_error(error):
        code = getattr(error, "code", 500) or 500
        if code >= 500:
            db.session.rollback()
        template = f"errors/{code}.html"
        if code not in (400, 403, 404, 405, 409, 413, 429):
            template = "errors/500.html"
        return render_template(template, error=error), code

    for code in (400, 403, 404, 405, 409, 413, 429, 500):
        app.register_error_handler(code, render_error)

    from flask_wtf.csrf import CSRFError

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        reason = (
            "Your form could not be sent because its security check was missing or did not "
            "match. This happens when a page is sent from another site, or after you signed "
            "in or out in another tab. Reload the page and try again."
        )
        return render_template("errors/400.html", error=error, reason=reason), 400

    # Forms answer a save that lost a race themselves (web.concurrency.saving); anything else
    # that loses one gets this page.
    from sqlalchemy.orm.exc import StaleDataError
    from werkzeug.exceptions import Conflict

    @app.errorhandler(StaleDataError)
    def stale(error):
        db.session.rollback()
        return render_error(Conflict())


def register_commands(app: Flask) -> None:
    from roledesign import cli

    cli.register(app)


def configure_proxy(app: Flask) -> None:
    """Trust X-Forwarded-* from the given number of reverse proxies (ROLEDESIGN_PROXY_FIX)."""
    proxies = app.config["PROXY_FIX"]
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )


def upgrade_database(app: Flask) -> None:
    """Bring the database to the newest schema (creating it on first run)."""
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
