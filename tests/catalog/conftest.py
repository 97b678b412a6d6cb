"""The evidence-base validation tests' fixture: a private copy of checklists/ to break (the
helpers that edit it and read the problems are in tests/catalog/helpers.py)."""

import shutil

import pytest

from roledesign.config import PROJECT_ROOT


@pytest.fixture
def checklists(tmp_path):
    target = tmp_path / "checklists"
    shutil.copytree(PROJECT_ROOT / "checklists", target)
    return target
