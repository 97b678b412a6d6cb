"""Response headers that keep pages to our own assets, out of other sites' frames and out of
caches."""

import secrets

from flask import Flask, g, request
from flask_login import current_user


def _nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


# Assets, and the pages that are the same for every visitor who is not signed in.
ASSETS = {"static", "nhsuk_assets"}
PUBLIC_PAGES = {"main.start", "evidence.index"}


def no_store(response) -> None:
    """Keep every other answer out of browser and proxy caches, so that on a shared computer
    the back button cannot bring back someone's pages, downloads or survey answers."""
    if request.endpoint in ASSETS:
        return
    if request.endpoint in PUBLIC_PAGES and not current_user.is_authenticated:
        return
    response.headers["Cache-Control"] = "no-store"


def init_app(app: Flask) -> None:
    # The nhsuk page template has one small inline script (it marks the page as JS-enabled);
    # it carries this nonce, and nothing else inline may run.
    @app.context_processor
    def nonce():
        return {"cspNonce": _nonce()}

    @app.after_request
    def headers(response):
        nonce = g.get("csp_nonce", "")
        script = "'self'" + (f" 'nonce-{nonce}'" if nonce else "")
        response.headers.setdefault(
            "Content-Security-Policy",
            "; ".join(
                [
                    "default-src 'self'",
                    f"script-src {script}",
                    "style-src 'self'",
                    "img-src 'self' data:",
                    "font-src 'self'",
                    "connect-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'",
                ]
            ),
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        no_store(response)
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
