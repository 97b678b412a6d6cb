"""Organisations: setting one up, switching between them, members, invitations, settings and
the audit log."""

import json

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required

from roledesign.models import ROLES
from roledesign.models.accounts import ROLE_AS
from roledesign.services import audit
from roledesign.services import org_transfer as transfer
from roledesign.services import orgs as services
from roledesign.services.transaction import transaction
from roledesign.web.access import current_organisation, memberships, organisation_required
from roledesign.web.orgs.forms import (
    ROLE_HINTS,
    DeleteForm,
    InviteForm,
    OrganisationForm,
    RoleForm,
    SettingsForm,
)

bp = Blueprint("orgs", __name__)


@bp.route("/organisations/new", methods=["GET", "POST"])
@login_required
def new():
    """Create an organisation; the person creating it becomes its admin."""
    form = OrganisationForm()
    if form.validate_on_submit():
        with transaction(current_user) as tx:
            organisation = services.create_organisation(
                name=form.name.data, sector=form.sector.data, creator=current_user
            )
            tx.record(organisation.id, "created", "organisation", organisation.name)
        session["org_id"] = organisation.id
        flash(f"{organisation.name} has been set up.", "success")
        return redirect(url_for("main.dashboard"))
    return render_template("orgs/new.html", form=form)


@bp.post("/organisations/switch")
@login_required
def switch():
    """Work in another of the user's organisations."""
    wanted = request.form.get("organisation_id", "")
    mine = {str(m.organisation_id): m for m in memberships()}
    if wanted not in mine:
        abort(404)
    session["org_id"] = mine[wanted].organisation_id
    flash(f"You are now working in {mine[wanted].organisation.name}.", "info")
    return redirect(url_for("main.dashboard"))


@bp.route("/organisation/settings", methods=["GET", "POST"])
@organisation_required(need="admin")
def settings():
    organisation = current_organisation()
    form = SettingsForm(obj=organisation)
    if form.validate_on_submit():
        changed = [
            f.label.text
            for f in (form.name, form.sector)
            if getattr(organisation, f.name) != f.data
        ]
        with transaction(current_user) as tx:
            services.update_settings(organisation, name=form.name.data, sector=form.sector.data)
            if changed:
                tx.record(organisation.id, "changed", "organisation settings", ", ".join(changed))
        flash("The settings have been saved.", "success")
        return redirect(url_for("orgs.settings"))
    return render_template("orgs/settings.html", form=form, organisation=organisation)


@bp.get("/organisation/members")
@organisation_required(need="admin")
def members():
    organisation = current_organisation()
    return render_template(
        "orgs/members.html",
        organisation=organisation,
        members=services.members(organisation),
        invitations=services.pending_invitations(organisation),
        roles=ROLES,
        role_as=ROLE_AS,
    )


@bp.route("/organisation/members/invite", methods=["GET", "POST"])
@organisation_required(need="admin")
def invite():
    """Invite someone by a single-use link that expires; the link is e-mailed and shown here."""
    organisation = current_organisation()
    form = InviteForm()
    if form.validate_on_submit():
        days = current_app.config["INVITATION_DAYS"]
        with transaction(current_user) as tx:  # the invitation, its audit line and e-mail
            token = services.invite(
                organisation, email=form.email.data, role=form.role.data, by=current_user, days=days
            )
            tx.record(organisation.id, "invited", form.email.data.lower(), ROLES[form.role.data])
            link = url_for("orgs.invitation", token=token, _external=True)
            services.send_invitation(
                organisation,
                email=form.email.data,
                role=form.role.data,
                by=current_user,
                days=days,
                link=link,
            )
        return render_template(
            "orgs/invited.html",
            organisation=organisation,
            link=link,
            email=form.email.data,
            days=days,
        )
    return render_template("orgs/invite.html", form=form, hints=ROLE_HINTS)


@bp.route("/organisation/members/<int:membership_id>", methods=["GET", "POST"])
@organisation_required(need="admin")
def member(membership_id: int):
    """Change a member's role."""
    organisation = current_organisation()
    membership = services.membership_or_404(organisation, membership_id)
    form = RoleForm(obj=membership)
    if form.validate_on_submit():
        if services.would_leave_no_admin(membership, form.role.data):
            form.role.errors.append(
                "The organisation needs at least one admin. Make someone else an admin first."
            )
        else:
            with transaction(current_user) as tx:
                if membership.role != form.role.data:
                    tx.record(
                        organisation.id,
                        "changed",
                        f"role of {membership.user.email}",
                        f"{ROLES[membership.role]} to {ROLES[form.role.data]}",
                    )
                services.set_role(membership, form.role.data)
            flash(f"{membership.user.name} is now {ROLE_AS[membership.role]}.", "success")
            return redirect(url_for("orgs.members"))
    return render_template("orgs/member.html", form=form, membership=membership, hints=ROLE_HINTS)


@bp.post("/organisation/members/<int:membership_id>/remove")
@organisation_required(need="admin")
def remove_member(membership_id: int):
    organisation = current_organisation()
    membership = services.membership_or_404(organisation, membership_id)
    if services.would_leave_no_admin(membership, None):
        flash(
            "The organisation needs at least one admin, so the last admin cannot be removed.",
            "info",
        )
        return redirect(url_for("orgs.members"))
    name = membership.user.name
    with transaction(current_user) as tx:
        tx.record(
            organisation.id, "deleted", f"member {membership.user.email}", ROLES[membership.role]
        )
        services.remove_member(membership)
    flash(f"{name} has been removed from {organisation.name}.", "success")
    return redirect(url_for("orgs.members"))


@bp.get("/organisation/audit")
@organisation_required(need="admin")
def audit_log():
    """The whole log, a page at a time, most recent first."""
    organisation = current_organisation()
    number = request.args.get("page", "1")
    page = audit.events_page(organisation.id, int(number)) if _is_page(number) else None
    if page is None:
        abort(404)
    return render_template(
        "orgs/audit.html",
        organisation=organisation,
        page=page,
        page_links=[
            {"ellipsis": True}
            if n is None
            else {
                "number": n,
                "href": url_for("orgs.audit_log", page=n),
                "current": n == page.number,
            }
            for n in page.nearby()
        ],
        events=page.events,
        actions=audit.ACTIONS,
    )


def _is_page(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 9


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def invitation(token: str):
    """Accept an invitation: sign in (or create an account) first, with the invited address."""
    invitation, state = services.invitation_for(token)
    if state != "ok":
        return render_template(
            "orgs/invitation_invalid.html", state=state
        ), 410 if invitation else 404
    if not current_user.is_authenticated:
        return render_template(
            "orgs/invitation.html", invitation=invitation, token=token, roles=ROLE_AS
        )
    if current_user.email != invitation.email:
        return render_template(
            "orgs/invitation.html",
            invitation=invitation,
            token=token,
            roles=ROLE_AS,
            wrong_account=True,
        ), 403
    if request.method == "POST":
        with transaction(current_user) as tx:
            membership = services.accept(invitation, current_user)
            tx.record(
                invitation.organisation_id, "joined", current_user.email, ROLES[membership.role]
            )
        session["org_id"] = invitation.organisation_id
        flash(f"You have joined {invitation.organisation.name}.", "success")
        return redirect(url_for("main.dashboard"))
    return render_template(
        "orgs/invitation.html", invitation=invitation, token=token, roles=ROLE_AS
    )


@bp.get("/organisation/export.json")
@organisation_required(need="admin")
def export():
    """Everything the organisation owns, as a JSON file (no passwords)."""
    organisation = current_organisation()
    with transaction(current_user) as tx:
        data = transfer.export_organisation(organisation)
        tx.record(organisation.id, "exported", "organisation", "all data as JSON")
    return Response(
        json.dumps(data, indent=2, ensure_ascii=False),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="organisation-{organisation.id}.json"'
        },
    )


@bp.route("/organisation/delete", methods=["GET", "POST"])
@organisation_required(need="admin")
def delete():
    """Delete the organisation and everything it owns, after typing its name to confirm."""
    organisation = current_organisation()
    form = DeleteForm(expected=organisation.name)
    if form.validate_on_submit():
        name = organisation.name
        with transaction(current_user):
            transfer.delete_organisation(organisation)
        session.pop("org_id", None)
        flash(f"{name} and everything it owned have been deleted.", "info")
        return redirect(url_for("main.start"))
    return render_template("orgs/delete.html", form=form, organisation=organisation)
