from flask import Blueprint, render_template

bp = Blueprint("evidence", __name__, url_prefix="/evidence")


@bp.get("/")
def index():
    """The whole evidence base: domains, items with their evidence, and the sources registry."""
    return render_template("evidence/index.html")
