from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from roledesign.services.plans import plans_of
from roledesign.web.access import current_organisation, organisation_required

bp = Blueprint("main", __name__)


@bp.get("/")
def start():
    """The start page: what the service does and how to begin."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    return render_template("main/start.html")


@bp.get("/dashboard")
@organisation_required
def dashboard():
    """The organisation's role plans."""
    organisation = current_organisation()
    plans = plans_of(organisation)
    return render_template("main/dashboard.html", organisation=organisation, plans=plans)
