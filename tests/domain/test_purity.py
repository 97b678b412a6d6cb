"""roledesign.domain and roledesign.catalog must stay free of Flask, SQLAlchemy and the models."""

import subprocess
import sys
from pathlib import Path

FORBIDDEN = ("flask", "sqlalchemy", "flask_sqlalchemy", "roledesign.models", "roledesign.web")
PACKAGE_DIR = Path(__file__).resolve().parents[2] / "roledesign"


def loaded_forbidden_modules(*modules: str) -> list[str]:
    """Import ``modules`` in a fresh interpreter and list the forbidden modules that came along.

    An empty 'roledesign' package is registered first, so the package __init__ (which imports
    the app factory) does not run and cannot hide what the modules themselves import.
    """
    code = "\n".join(
        [
            "import sys, types",
            f"pkg = types.ModuleType('roledesign'); pkg.__path__ = [{str(PACKAGE_DIR)!r}]",
            "sys.modules['roledesign'] = pkg",
            *(f"import {m}" for m in modules),
            f"forbidden = {FORBIDDEN!r}",
            "bad = sorted(m for m in sys.modules if any(m == f or m.startswith(f + '.') for f in forbidden))",
            "print(','.join(bad))",
        ]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_domain_and_catalog_import_nothing_from_the_web_stack():
    assert (
        loaded_forbidden_modules(
            "roledesign.domain.scoring",
            "roledesign.domain.report",
            "roledesign.domain.context",
            "roledesign.domain.charts",
            "roledesign.domain.tailoring",
            "roledesign.domain.anonymity",
            "roledesign.domain.team",
            "roledesign.domain.sectors",
            "roledesign.domain.team_charts",
            "roledesign.catalog.team",
            "roledesign.domain.jd_text",
            "roledesign.domain.jd_check",
            "roledesign.domain.jd_facts",
            "roledesign.documents.jd_check_document",
            "roledesign.documents.extract",
            "roledesign.catalog",
            "roledesign.documents.plan_documents",
        )
        == []
    )


def test_the_check_notices_a_web_import():
    assert "flask" in loaded_forbidden_modules("roledesign.web.forms")
