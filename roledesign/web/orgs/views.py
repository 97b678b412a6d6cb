from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_required

from roledesign.extensions import db
from roledesign.web.orgs.forms import OrganisationForm
from roledesign.web.orgs.services import create_organisation

bp = Blueprint("orgs", __name__, url_prefix="/organisations")


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Create an organisation; the person creating it becomes its admin."""
    form = OrganisationForm()
    if form.validate_on_submit():
        organisation = create_organisation(
            name=form.name.data, sector=form.sector.data, creator=current_user
        )
        db.session.commit()
        session["org_id"] = organisation.id
        flash(f"{organisation.name} has been set up.", "success")
        return redirect(url_for("main.dashboard"))
    return render_template("orgs/new.html", form=form)
