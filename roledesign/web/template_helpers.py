"""Globals and filters the templates share, and the Jinja environment they run in."""

from collections import ChainMap

from flask import Flask, current_app
from flask.templating import Environment

from roledesign.catalog import Catalog
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_LABELS, rounded
from roledesign.domain.tailoring import hours_text
from roledesign.web.access import current_organisation, current_role, may, memberships


class _TemplateGlobals(ChainMap):
    """A template's globals over the environment's, as Jinja makes them, with fast keys().

    On every ``{% from ... import ... %}`` Jinja takes the context's global names minus
    ``template.globals.keys()``; a ChainMap answers that one name at a time in Python, and each
    nhsuk-frontend macro call makes several such imports (a page makes a hundred or more). The
    keys of one merged dict give the same set, worked out in C.
    """

    def keys(self):
        merged = {}
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return merged.keys()


class TemplateEnvironment(Environment):
    """Flask's Jinja environment, with the faster globals map above for each template."""

    def make_globals(self, d):
        return _TemplateGlobals({} if d is None else d, self.globals)


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
    app.jinja_env.filters["hours"] = hours_text
