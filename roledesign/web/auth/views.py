"""Sign up, sign in and sign out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user

from roledesign.extensions import limiter
from roledesign.services import auth as services
from roledesign.services.transaction import transaction
from roledesign.web.auth import sessions
from roledesign.web.auth.forms import ForgotPasswordForm, ResetPasswordForm, SignInForm, SignUpForm
from roledesign.web.forms import BaseForm

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only follow ?next= to a path on this site, never to another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("main.dashboard")


def _sign_up_links() -> services.SignUpLinks:
    return services.SignUpLinks(
        sign_in=url_for("auth.sign_in", _external=True),
        forgot_password=url_for("auth.forgot_password", _external=True),
        confirm=lambda token: url_for("auth.confirm", token=token, _external=True),
    )


# Per address: enough for someone who mistypes a few times, too few for guessing passwords.
AUTH_LIMIT = "10 per minute;50 per hour"


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def sign_up():
    """Ask for an account. The answer is the same whether or not the address has one: the
    address's owner gets either a link to finish or a note that the account exists."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = SignUpForm()
    if form.validate_on_submit():
        target = request.args.get("next")
        with transaction():
            services.sign_up(
                name=form.name.data,
                email=form.email.data,
                password=form.password.data,
                next_url=_safe_next(target) if target else None,
                links=_sign_up_links(),
            )
        return redirect(url_for("auth.sign_up_sent"))
    return render_template("auth/sign_up.html", form=form)


@bp.get("/sign-up/check-your-email")
def sign_up_sent():
    return render_template("auth/sign_up_sent.html")


@bp.route("/sign-up/confirm/<token>", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def confirm(token: str):
    """The link e-mailed at sign-up: a button (not the GET, which mail scanners open) confirms
    the address and signs in."""
    user, target = services.user_for_confirm_token(token)
    if user is None:
        return render_template("auth/confirm_invalid.html"), 400
    form = BaseForm()
    if form.validate_on_submit():
        with transaction():
            services.confirm(user)
            sessions.start_session(user)
        flash("Your account has been created.", "success")
        # Someone following an invitation goes back to it; everyone else sets up an organisation.
        return redirect(_safe_next(target) if target else url_for("orgs.new"))
    return render_template("auth/confirm.html", form=form, user=user)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None and user.email_confirmed_at is None:
            # Only someone who knows the password gets here: send the link again.
            with transaction():
                services.sign_up(
                    name=user.name,
                    email=user.email,
                    password=form.password.data,
                    next_url=request.args.get("next") and _safe_next(request.args.get("next")),
                    links=_sign_up_links(),
                )
            return redirect(url_for("auth.sign_up_sent"))
        if user is not None:
            with transaction():
                sessions.start_session(user)
            return redirect(_safe_next(request.args.get("next")))
        error = "Enter a correct email address and password"
    return render_template("auth/sign_in.html", form=form, error=error)


@bp.post("/sign-out")
def sign_out():
    with transaction():
        sessions.end_session()
    flash("You have signed out.", "info")
    return redirect(url_for("main.start"))


@bp.post("/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    """End every session of this account, on every device."""
    with transaction():
        services.end_every_session(current_user)
    logout_user()
    session.clear()
    flash("You have been signed out on every device.", "info")
    return redirect(url_for("auth.sign_in"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def forgot_password():
    """Send a reset link. The page says the same whether or not the address has an account,
    and the e-mail only joins the outbox, so a mail server's trouble cannot change it."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.user_by_email(form.email.data)
        if user is not None:
            link = url_for("auth.reset_password", token=services.reset_token(user), _external=True)
            with transaction():
                services.send_reset(user, link)
        return render_template("auth/reset_sent.html", email=form.email.data)
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def reset_password(token: str):
    user = services.user_for_reset_token(token)
    if user is None:
        return render_template("auth/reset_invalid.html"), 400
    form = ResetPasswordForm(user=user)
    if form.validate_on_submit():
        with transaction():
            services.set_password(user, form.password.data)
        logout_user()
        session.clear()
        flash(
            "Your password has been changed and you have been signed out everywhere. "
            "Sign in with your new password.",
            "success",
        )
        return redirect(url_for("auth.sign_in"))
    return render_template("auth/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account():
    """The signed-in person's account: organisations to switch between, sign out everywhere."""
    return render_template("auth/account.html")
