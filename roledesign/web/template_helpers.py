"""Globals and filters the templates share."""

from flask import Flask, current_app

from roledesign.catalog import Catalog
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_LABELS, rounded
from roledesign.web.access import current_organisation, current_role, may, memberships


def catalog() -> Catalog:
    return current_app.extensions["roledesign.catalog"]


def score_text(value) -> str:
    shown = rounded(value)
    return "Not assessed" if shown is None else f"{shown}"


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        catalog=catalog,
        current_organisation=current_organisation,
        current_role=current_role,
        may=may,
        memberships=memberships,
        STATUS_LABELS=STATUS_LABELS,
        IMPORTANCE_LABELS=IMPORTANCE_LABELS,
    )
    app.jinja_env.filters["score"] = score_text
