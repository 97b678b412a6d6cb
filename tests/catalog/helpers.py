"""Helpers for the evidence-base validation tests: an exact edit that fails loudly if the text to
change is not there, and the problems the loader reports."""

import pytest

from roledesign.catalog import CatalogError, load_catalog


def edit(path, old, new):
    text = path.read_text()
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1))


def problems(directory) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(directory)
    return caught.value.problems
