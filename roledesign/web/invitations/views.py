"""The manager invites people one by one: each gets a single-use link by e-mail.

The links are never shown to the manager, and nothing stored connects an address to an answer
(see services.py). The survey's shared link stays, with its risk stated beside it.
"""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from roledesign.extensions import limiter
from roledesign.services import invitations as services
from roledesign.services import team as team_services
from roledesign.services.transaction import transaction
from roledesign.web.access import organisation_required, plan_or_404
from roledesign.web.invitations.forms import invite_form, split
from roledesign.web.template_helpers import catalog

bp = Blueprint("invitations", __name__)
NOT_SAID = "not_said"  # "Prefer not to say" is for respondents, not for a batch of invitations


def _limit() -> str:
    return current_app.config["TEAM_INVITE_LIMIT"]


def _per_user() -> str:
    return f"team-invite:{current_user.get_id()}"


def _cost() -> int:
    """Each address pasted counts against the sending limit, not each press of the button."""
    return max(1, min(len(split(request.form.get("addresses", ""))), _batch() + 1))


def _batch() -> int:
    return current_app.config["TEAM_INVITE_BATCH"]


@bp.app_template_global()
def invitation_counts(survey) -> dict[str, int]:
    """How many were invited and answered, and how many responses came through the shared link:
    for the team report and the survey page."""
    invited, answered = services.counts(survey)
    shared = team_services.response_count(survey) - answered if invited else 0
    return {"invited": invited, "answered": answered, "shared": shared}


@bp.route("/plans/<int:plan_id>/team/invite", methods=["GET", "POST"])
@organisation_required
@limiter.limit(
    _limit,
    key_func=_per_user,
    methods=["POST"],
    cost=_cost,
    deduct_when=lambda r: r.status_code == 302,
)
def new(plan_id: int):
    """Paste addresses, choose a group or none, and send each person their own link."""
    plan = plan_or_404(plan_id, "edit")
    survey = team_services.survey_for(plan)
    if survey is None:
        abort(404)
    if not survey.is_accepting(team_services.today()):
        flash(
            "The survey is closed and its results are final. To invite people, ask your team "
            "again: that starts a new survey."
        )
        return redirect(url_for("team.overview", plan_id=plan.id))
    groups = [g for g in catalog().team.groups if g.key != NOT_SAID]
    form = invite_form(groups, batch=_batch())
    if form.validate_on_submit():
        with transaction(current_user) as tx:
            sent, skipped = services.invite(
                survey, form.parsed, group=form.chosen_group, secret=_secret()
            )
            # Sent before the commit: with a mail outbox, the messages are stored in the same
            # transaction as the invitations, so neither exists without the other.
            for address, token in sent:
                link = url_for("survey.start", token=token, _external=True)
                services.send_invitation(survey, address, link)
            tx.record(
                plan.organisation_id,
                "invited",
                f"team survey of plan {plan.id}",
                _people(len(sent)),
            )
        flash(_sent_message(len(sent), skipped), "success")
        return redirect(url_for("team.overview", plan_id=plan.id))
    return render_template(
        "invitations/new.html", plan=plan, survey=survey, form=form, batch=_batch()
    )


def _secret() -> bytes:
    secret = current_app.secret_key
    return secret.encode() if isinstance(secret, str) else secret


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _sent_message(sent: int, skipped: int) -> str:
    message = f"Invitations sent to {_people(sent)}."
    if skipped:
        already = "address was" if skipped == 1 else "addresses were"
        message += f" {skipped} {already} invited before and not sent another link."
    return message
