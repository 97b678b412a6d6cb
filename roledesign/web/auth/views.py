"""Sign up, sign in and sign out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from roledesign.extensions import db
from roledesign.web.auth import services
from roledesign.web.auth.forms import SignInForm, SignUpForm

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only follow ?next= to a path on this site, never to another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("main.dashboard")


@bp.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    """Create an account, then go on to create or join an organisation."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = SignUpForm()
    if form.validate_on_submit():
        user = services.create_user(
            name=form.name.data, email=form.email.data, password=form.password.data
        )
        db.session.commit()
        session.clear()
        login_user(user)
        flash("Your account has been created.", "success")
        return redirect(url_for("orgs.new"))
    return render_template("auth/sign_up.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            session.clear()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        error = "Enter a correct email address and password"
    return render_template("auth/sign_in.html", form=form, error=error)


@bp.post("/sign-out")
def sign_out():
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("main.start"))
