"""Load and validate the evidence base in checklists/.

Every problem is collected with the file and item it belongs to, so that whoever edits the
evidence base sees all of them at once: ``checklists/items/distinctiveness.yaml: item DIS-03:
evidence 2: unknown source 'gates_2008'``. The app refuses to start while any remain.
"""

from pathlib import Path

import yaml

from roledesign.catalog.model import (
    DOMAIN_KEYS,
    EVIDENCE_KINDS,
    Band,
    Catalog,
    ContextField,
    Domain,
    Evidence,
    Item,
    Source,
)

try:  # the C loader is several times faster where libyaml is available
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

BAND_KEYS = ("ready", "nearly", "not_yet")
SOURCE_FIELDS = {"authors", "year", "title", "published_in", "doi", "cited_in", "note"}
ITEM_FIELDS = {"id", "statement", "why", "action", "weight", "critical", "evidence", "applies_when"}
EVIDENCE_FIELDS = {"source", "finding", "kind"}


class CatalogError(Exception):
    """The evidence base is malformed; ``problems`` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"The evidence base has {len(problems)} problem(s):"
        super().__init__("\n".join([head, *("  - " + p for p in problems)]))


class _Problems:
    def __init__(self, root: Path):
        self.root = root
        self.items: list[str] = []

    def add(self, path: Path, where: str, problem: str) -> None:
        try:
            name = path.relative_to(self.root.parent)
        except ValueError:
            name = path
        self.items.append(f"{name}: {where + ': ' if where else ''}{problem}")


def _read(path: Path, problems: _Problems):
    if not path.is_file():
        problems.add(path, "", "file is missing")
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problems.add(path, where, f"is not valid YAML ({getattr(err, 'problem', err)})")
        return None


def _text(value, path, where, name, problems, required=True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(path, where, f"'{name}' is missing or empty")
        return ""
    if not isinstance(value, str | int):
        problems.add(path, where, f"'{name}' must be text")
        return ""
    return " ".join(str(value).split())


def _unknown_fields(data: dict, allowed: set, path, where, problems) -> None:
    for key in sorted(set(data) - allowed, key=str):
        problems.add(path, where, f"unknown field '{key}'")


def _load_sources(root: Path, problems: _Problems) -> dict[str, Source] | None:
    """The registry, or None when it cannot be read (then source keys are not checked)."""
    path = root / "sources.yaml"
    data = _read(path, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(path, "", "must map source keys to citations")
        return {}
    sources = {}
    for key, entry in data.items():
        where = f"source {key}"
        if not isinstance(entry, dict):
            problems.add(path, where, "must be a mapping of citation fields")
            continue
        _unknown_fields(entry, SOURCE_FIELDS, path, where, problems)
        sources[str(key)] = Source(
            key=str(key),
            authors=_text(entry.get("authors"), path, where, "authors", problems),
            year=_text(entry.get("year"), path, where, "year", problems),
            title=_text(entry.get("title"), path, where, "title", problems, required=False),
            published_in=_text(
                entry.get("published_in"), path, where, "published_in", problems, required=False
            ),
            doi=_text(entry.get("doi"), path, where, "doi", problems, required=False),
            cited_in=_text(
                entry.get("cited_in"), path, where, "cited_in", problems, required=False
            ),
            note=_text(entry.get("note"), path, where, "note", problems, required=False),
        )
    for source in sources.values():
        if not source.title and not source.note:
            problems.add(path, f"source {source.key}", "needs a 'title' or a descriptive 'note'")
        if source.cited_in and source.cited_in not in sources:
            problems.add(
                path, f"source {source.key}", f"cited_in names unknown source '{source.cited_in}'"
            )
    return sources


def _evidence(raw, path, where, sources, problems) -> tuple[Evidence, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(path, where, "needs at least one evidence link")
        return ()
    links = []
    for n, entry in enumerate(raw, 1):
        at = f"{where}: evidence {n}"
        if not isinstance(entry, dict):
            problems.add(path, at, "must be a mapping with source, finding and kind")
            continue
        _unknown_fields(entry, EVIDENCE_FIELDS, path, at, problems)
        source = _text(entry.get("source"), path, at, "source", problems)
        if source and sources is not None and source not in sources:
            problems.add(path, at, f"unknown source '{source}'")
        kind = _text(entry.get("kind"), path, at, "kind", problems)
        if kind and kind not in EVIDENCE_KINDS:
            problems.add(path, at, f"kind '{kind}' is not one of {', '.join(EVIDENCE_KINDS)}")
        finding = _text(entry.get("finding"), path, at, "finding", problems)
        links.append(Evidence(source=source, finding=finding, kind=kind))
    return tuple(links)


def _load_context(root: Path, problems: _Problems) -> dict[str, ContextField]:
    path = root / "context.yaml"
    data = _read(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, "", "must map context fields to their question and values")
        return {}
    fields = {}
    for key, entry in data.items():
        where = f"context {key}"
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            problems.add(path, where, "needs a 'question' and a mapping of 'values' to labels")
            continue
        values = tuple(
            (str(v), _text(label, path, where, f"label of {v}", problems))
            for v, label in entry["values"].items()
        )
        fields[str(key)] = ContextField(
            key=str(key),
            question=_text(entry.get("question"), path, where, "question", problems),
            values=values,
        )
    return fields


def _conditions(raw, path, where, context, problems):
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not raw:
        problems.add(path, where, "'applies_when' must map context fields to lists of values")
        return ()
    conditions = []
    for key, values in raw.items():
        if key not in context:
            problems.add(path, where, f"applies_when names unknown context field '{key}'")
            continue
        if not isinstance(values, list) or not values:
            problems.add(path, where, f"applies_when.{key} must be a non-empty list")
            continue
        known = {value for value, _ in context[key].values}
        for value in values:
            if str(value) not in known:
                problems.add(path, where, f"applies_when.{key} has unknown value '{value}'")
        conditions.append((str(key), tuple(str(v) for v in values)))
    return tuple(conditions)


def _load_items(root, sources, context, problems) -> list[Item]:
    items: list[Item] = []
    seen: dict[str, Path] = {}
    for domain in DOMAIN_KEYS:
        path = root / "items" / f"{domain}.yaml"
        data = _read(path, problems)
        if data is None:
            continue
        if not isinstance(data, dict) or data.get("domain") != domain:
            problems.add(path, "", f"must start with 'domain: {domain}'")
            continue
        raw_items = data.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            problems.add(path, "", "needs a non-empty list of 'items'")
            continue
        for n, raw in enumerate(raw_items, 1):
            if not isinstance(raw, dict):
                problems.add(path, f"item {n}", "must be a mapping")
                continue
            item_id = _text(raw.get("id"), path, f"item {n}", "id", problems)
            where = f"item {item_id or n}"
            if item_id in seen:
                problems.add(path, where, f"duplicate id (also in {seen[item_id].name})")
            seen[item_id] = path
            _unknown_fields(raw, ITEM_FIELDS, path, where, problems)
            weight = raw.get("weight")
            if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 3:
                problems.add(path, where, f"weight must be 1, 2 or 3 (got {weight!r})")
                weight = 1
            critical = raw.get("critical", False)
            if not isinstance(critical, bool):
                problems.add(path, where, f"critical must be true or false (got {critical!r})")
                critical = False
            items.append(
                Item(
                    id=item_id,
                    domain=domain,
                    statement=_text(raw.get("statement"), path, where, "statement", problems),
                    why=_text(raw.get("why"), path, where, "why", problems),
                    action=_text(raw.get("action"), path, where, "action", problems),
                    weight=weight,
                    critical=critical,
                    evidence=_evidence(raw.get("evidence"), path, where, sources, problems),
                    applies_when=_conditions(
                        raw.get("applies_when"), path, where, context, problems
                    ),
                )
            )
    return items


def _load_domains(root, sources, problems) -> tuple[Domain, ...]:
    path = root / "domains.yaml"
    data = _read(path, problems)
    if data is None:
        return ()
    if not isinstance(data, dict):
        problems.add(path, "", "must map the four domain keys to their description")
        return ()
    for key in sorted(set(data) - set(DOMAIN_KEYS), key=str):
        problems.add(path, f"domain {key}", f"unknown domain (expected {', '.join(DOMAIN_KEYS)})")
    domains = []
    for key in DOMAIN_KEYS:
        entry = data.get(key)
        where = f"domain {key}"
        if not isinstance(entry, dict):
            problems.add(path, where, "is missing")
            continue
        domains.append(
            Domain(
                key=key,
                title=_text(entry.get("title"), path, where, "title", problems),
                summary=_text(entry.get("summary"), path, where, "summary", problems),
                evidence=_evidence(entry.get("evidence"), path, where, sources, problems),
            )
        )
    return tuple(domains)


def _load_bands(root, sources, problems) -> dict[str, Band]:
    path = root / "bands.yaml"
    data = _read(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, "", "must map the band keys to their meaning")
        return {}
    bands = {}
    for key in BAND_KEYS:
        entry = data.get(key)
        where = f"band {key}"
        if not isinstance(entry, dict):
            problems.add(path, where, "is missing")
            continue
        bands[key] = Band(
            key=key,
            title=_text(entry.get("title"), path, where, "title", problems),
            meaning=_text(entry.get("meaning"), path, where, "meaning", problems),
            evidence=_evidence(entry.get("evidence"), path, where, sources, problems),
        )
    return bands


def load_catalog(root: str | Path) -> Catalog:
    """Read every file under ``root`` and return the validated catalogue.

    Raises CatalogError naming each file, item and problem when anything is wrong.
    """
    root = Path(root)
    problems = _Problems(root)
    sources = _load_sources(root, problems)
    context = _load_context(root, problems)
    domains = _load_domains(root, sources, problems)
    bands = _load_bands(root, sources, problems)
    items = _load_items(root, sources, context, problems)
    from roledesign.catalog.jd_check import load_jd_check  # it builds on this module's helpers

    jd_check = load_jd_check(root, sources, problems)
    if problems.items:
        raise CatalogError(problems.items)
    return Catalog(
        sources=sources or {},
        domains=domains,
        items=tuple(items),
        bands=bands,
        context=context,
        jd_check=jd_check,
    )
