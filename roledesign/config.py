"""Settings from the environment.

Development runs on an embedded SQLite file in the instance folder with a throwaway secret.
Anywhere else (``ROLEDESIGN_ENV=production``) a real SECRET_KEY is required and the app refuses
to start without one, rather than signing sessions with a guessable key.
"""

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# templates/, static/ and checklists/ are read through the package's links to them, so the same
# paths work in a checkout and in an installed wheel (which carries them as package data).
PACKAGE_DIR = Path(__file__).resolve().parent


class ConfigError(RuntimeError):
    """A required setting is missing or wrong."""


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + os.path.join(instance_path, "roledesign.sqlite")
    # Heroku-style URLs say postgres://; SQLAlchemy wants the driver named.
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _proxy_count(value: str) -> int:
    try:
        count = int(value.strip() or "0")
    except ValueError:
        count = -1
    if count < 0:
        raise ConfigError(
            "ROLEDESIGN_PROXY_FIX must be 0, or the number of proxies in front (e.g. 1)."
        )
    return count


def development_secret(instance_path: str) -> str:
    """The development secret kept in the instance folder, made on first use.

    A new secret on every start would sign everyone out whenever the development server restarts.
    """
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Readable by its owner only; "x" so that two processes starting at once keep one secret.
        try:
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
                f.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return path.read_text().strip()


def from_environment(instance_path: str) -> dict:
    """Build the configuration mapping for a normal (non-test) start."""
    env = os.environ.get("ROLEDESIGN_ENV", "development")
    secret = os.environ.get("SECRET_KEY", "")
    if not secret:
        if env != "development":
            raise ConfigError("SECRET_KEY must be set when ROLEDESIGN_ENV is not 'development'.")
        secret = development_secret(instance_path)
    database_url = _database_url(instance_path)
    return {
        "ENV_NAME": env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url,
        # The embedded default creates and upgrades its own database on start, so that
        # `flask run` from a clean clone just works. Servers on PostgreSQL run
        # `flask db upgrade` as a deploy step instead.
        "AUTO_MIGRATE": os.environ.get(
            "ROLEDESIGN_AUTO_MIGRATE", "1" if database_url.startswith("sqlite") else "0"
        )
        == "1",
        "SESSION_COOKIE_SECURE": env != "development",
        "REMEMBER_COOKIE_SECURE": env != "development",
        # Rate limits: in memory per process by default; set a shared store (e.g.
        # redis://host:6379) when several app servers run behind a load balancer.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Behind a reverse proxy: how many proxies set X-Forwarded-For/-Proto/-Host/-Prefix
        # (usually 1), so that client addresses, https:// links and secure cookies are right.
        "PROXY_FIX": _proxy_count(os.environ.get("ROLEDESIGN_PROXY_FIX", "0")),
        # E-mail for password resets and invitations: printed to the log unless MAIL_SERVER is set.
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "587")),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": os.environ.get("MAIL_USE_TLS", "1") == "1",
        "MAIL_SENDER": os.environ.get("MAIL_SENDER", "roledesign <no-reply@localhost>"),
    }


DEFAULTS = {
    "CHECKLISTS_DIR": str(PACKAGE_DIR / "checklists"),
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "WTF_CSRF_TIME_LIMIT": None,
    "AUTO_MIGRATE": False,
    "PROXY_FIX": 0,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "PASSWORD_RESET_MAX_AGE": 3600,
    "INVITATION_DAYS": 7,
    # Team survey submissions. Per client (internet address) and link: enough for a team sharing
    # one office network or one ward computer, too few for a script to swamp the results. Per
    # link, a ceiling far above that, so that one client's flood cannot lock anyone else out
    # (it would take dozens of addresses to reach it).
    "TEAM_SUBMIT_LIMIT_PER_CLIENT": "30 per minute;300 per day",
    "TEAM_SUBMIT_LIMIT_PER_LINK": "600 per minute;10000 per day",
    # Survey invitations by e-mail: addresses per batch, and addresses a user may invite (each
    # address counts), so that the app cannot be used to send mail in bulk.
    "TEAM_INVITE_BATCH": 100,
    "TEAM_INVITE_LIMIT": "300 per hour;1000 per day",
}
