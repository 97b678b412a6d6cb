"""Globals and filters the templates share, and the Jinja environment they run in."""

from collections import ChainMap

from flask import Flask, current_app, has_request_context, request, url_for
from flask.templating import Environment

from roledesign.catalog import Catalog
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_LABELS, rounded
from roledesign.domain.tailoring import hours_text
from roledesign.services.memo import Same, app_memo
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


# The attributes a plain dict has: all that getattr() can find on one (it has no __dict__).
_DICT_ATTRIBUTES = frozenset(dir(dict))


class TemplateEnvironment(Environment):
    """Flask's Jinja environment, with the faster globals map above for each template, and a
    faster ``p.text`` for plain dicts.

    Jinja reads ``p.text`` as getattr(p, "text") and, when that raises AttributeError, as
    p["text"]. Every macro parameter is a dict, so a page raised and caught that error about a
    thousand times. For a plain dict the answer is known without raising: its own attributes
    (``p.items`` is the method, as in Jinja) or else its item, or undefined.
    """

    def make_globals(self, d):
        return _TemplateGlobals({} if d is None else d, self.globals)

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def catalog() -> Catalog:
    return current_app.extensions["roledesign.catalog"]


def evidence_html(evidence, classes: str):
    """The list of findings with their sources (macros/evidence.html), rendered once per list:
    the findings and sources come from the catalogue, which is immutable, so the markup is kept
    under the catalogue, the findings themselves, the classes and the registry's address."""
    findings = tuple(evidence)
    # The registry's address depends only on where the app is mounted (url_for took as long
    # as the rest of the lookup).
    mounted = request.script_root if has_request_context() else url_for("evidence.index")
    key = (Same(catalog()), findings, classes, mounted)
    return app_memo("evidence_html", size=1024).get_or_compute(
        key,
        lambda: current_app.jinja_env.get_template(
            "macros/evidence.html"
        ).module.evidence_list_uncached(findings, classes),
    )


def score_text(value) -> str:
    shown = rounded(value)
    return "Not assessed" if shown is None else f"{shown}"


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        catalog=catalog,
        evidence_html=evidence_html,
        current_organisation=current_organisation,
        current_role=current_role,
        may=may,
        memberships=memberships,
        STATUS_LABELS=STATUS_LABELS,
        IMPORTANCE_LABELS=IMPORTANCE_LABELS,
    )
    app.jinja_env.filters["score"] = score_text
    app.jinja_env.filters["hours"] = hours_text
