"""The evidence base: sources, domains, items and bands, loaded from checklists/ and validated."""

from functools import lru_cache
from pathlib import Path

from roledesign.catalog.evidence_base import Catalog
from roledesign.catalog.loader import load_catalog
from roledesign.catalog.model import (
    DOMAIN_KEYS,
    EVIDENCE_KINDS,
    Band,
    ContextField,
    Domain,
    Evidence,
    Item,
    Source,
)
from roledesign.catalog.parsing import CatalogError


@lru_cache(maxsize=8)
def cached_catalog(root: str, _mtime_key: float) -> Catalog:
    return load_catalog(root)


def catalog_for(root: str | Path) -> Catalog:
    """Load once per process and directory; reload when any file under ``root`` changes."""
    root = Path(root)
    stamp = max((p.stat().st_mtime for p in root.rglob("*.yaml")), default=0.0)
    return cached_catalog(str(root), stamp)


__all__ = [
    "DOMAIN_KEYS",
    "EVIDENCE_KINDS",
    "Band",
    "Catalog",
    "CatalogError",
    "ContextField",
    "Domain",
    "Evidence",
    "Item",
    "Source",
    "catalog_for",
    "load_catalog",
]
