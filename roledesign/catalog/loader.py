"""Load and validate the evidence base in checklists/.

Every problem is collected with the file and item it belongs to, so that whoever edits the
evidence base sees all of them at once: ``checklists/items/distinctiveness.yaml: item DIS-03:
evidence 2: unknown source 'gates_2008'``. The app refuses to start while any remain.
"""

from pathlib import Path

from roledesign.catalog.checkins import load_checkins
from roledesign.catalog.documents import load_document_rules
from roledesign.catalog.evidence_base import Catalog
from roledesign.catalog.jd_check import load_jd_check
from roledesign.catalog.model import (
    DOMAIN_KEYS,
    Band,
    ContextField,
    Domain,
    Item,
    Source,
)
from roledesign.catalog.parsing import (
    CatalogError,
    Problems,
    evidence_links,
    read_list,
    read_yaml,
    text_field,
    unknown_fields,
)
from roledesign.catalog.pay import load_pay
from roledesign.catalog.team import load_team

BAND_KEYS = ("ready", "nearly", "not_yet")
SOURCE_FIELDS = {"authors", "year", "title", "published_in", "doi", "cited_in", "note", "cite_as"}
ITEM_FIELDS = {"id", "statement", "why", "action", "weight", "critical", "evidence", "applies_when"}


def _load_sources(root: Path, problems: Problems) -> dict[str, Source] | None:
    """The registry, or None when it cannot be read (then source keys are not checked)."""
    path = root / "sources.yaml"
    data = read_yaml(path, problems)
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
        unknown_fields(entry, SOURCE_FIELDS, path, where, problems)
        sources[str(key)] = Source(
            key=str(key),
            authors=text_field(entry.get("authors"), path, where, "authors", problems),
            year=text_field(entry.get("year"), path, where, "year", problems),
            title=text_field(entry.get("title"), path, where, "title", problems, required=False),
            published_in=text_field(
                entry.get("published_in"), path, where, "published_in", problems, required=False
            ),
            doi=text_field(entry.get("doi"), path, where, "doi", problems, required=False),
            cited_in=text_field(
                entry.get("cited_in"), path, where, "cited_in", problems, required=False
            ),
            note=text_field(entry.get("note"), path, where, "note", problems, required=False),
            cite_as=text_field(
                entry.get("cite_as"), path, where, "cite_as", problems, required=False
            ),
        )
    for source in sources.values():
        if not source.title and not source.note:
            problems.add(path, f"source {source.key}", "needs a 'title' or a descriptive 'note'")
        if source.cited_in and source.cited_in not in sources:
            problems.add(
                path, f"source {source.key}", f"cited_in names unknown source '{source.cited_in}'"
            )
    return sources


def _load_context(root: Path, problems: Problems) -> dict[str, ContextField]:
    path = root / "context.yaml"
    data = read_yaml(path, problems)
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
            (str(v), text_field(label, path, where, f"label of {v}", problems))
            for v, label in entry["values"].items()
        )
        fields[str(key)] = ContextField(
            key=str(key),
            question=text_field(entry.get("question"), path, where, "question", problems),
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
        raw_items = read_list(path, problems, "items", header=("domain", domain))
        if raw_items is None:
            continue
        for n, raw in enumerate(raw_items, 1):
            if not isinstance(raw, dict):
                problems.add(path, f"item {n}", "must be a mapping")
                continue
            item_id = text_field(raw.get("id"), path, f"item {n}", "id", problems)
            where = f"item {item_id or n}"
            if item_id in seen:
                problems.add(path, where, f"duplicate id (also in {seen[item_id].name})")
            seen[item_id] = path
            unknown_fields(raw, ITEM_FIELDS, path, where, problems)
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
                    statement=text_field(raw.get("statement"), path, where, "statement", problems),
                    why=text_field(raw.get("why"), path, where, "why", problems),
                    action=text_field(raw.get("action"), path, where, "action", problems),
                    weight=weight,
                    critical=critical,
                    evidence=evidence_links(raw.get("evidence"), path, where, sources, problems),
                    applies_when=_conditions(
                        raw.get("applies_when"), path, where, context, problems
                    ),
                )
            )
    return items


def _load_domains(root, sources, problems) -> tuple[Domain, ...]:
    path = root / "domains.yaml"
    data = read_yaml(path, problems)
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
                title=text_field(entry.get("title"), path, where, "title", problems),
                summary=text_field(entry.get("summary"), path, where, "summary", problems),
                evidence=evidence_links(entry.get("evidence"), path, where, sources, problems),
            )
        )
    return tuple(domains)


def _load_bands(root, sources, problems) -> dict[str, Band]:
    path = root / "bands.yaml"
    data = read_yaml(path, problems)
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
            title=text_field(entry.get("title"), path, where, "title", problems),
            meaning=text_field(entry.get("meaning"), path, where, "meaning", problems),
            evidence=evidence_links(entry.get("evidence"), path, where, sources, problems),
        )
    return bands


def load_catalog(root: str | Path) -> Catalog:
    """Read every file under ``root`` and return the validated catalogue.

    Raises CatalogError naming each file, item and problem when anything is wrong.
    """
    root = Path(root)
    problems = Problems(root)
    sources = _load_sources(root, problems)
    context = _load_context(root, problems)
    domains = _load_domains(root, sources, problems)
    bands = _load_bands(root, sources, problems)
    before = len(problems.items)
    items = _load_items(root, sources, context, problems)
    # With broken item files, references to items from the document rules are not checked:
    # they would only repeat the same problem many times.
    item_ids = {i.id for i in items} if len(problems.items) == before else None
    documents = load_document_rules(root, sources, item_ids, context, problems)
    checkin_questions = load_checkins(root, sources, problems)
    team = load_team(root, sources, problems)
    jd_check = load_jd_check(root, sources, problems)
    pay = load_pay(root, sources, problems)
    if jd_check is not None and jd_check.rules:  # a missing or broken file is reported already
        drift = {rule.id for rule in jd_check.rules if rule.kind == "drift"}
        for clause in documents.clauses:
            for rule_id in clause.excludes:
                if rule_id not in drift:
                    problems.add(
                        root / "documents" / f"{clause.document}.yaml",
                        f"clause {clause.id}",
                        f"excludes '{rule_id}', which is not a drift rule in jd_check.yaml",
                    )
    if problems.items:
        raise CatalogError(problems.items)
    return Catalog(
        sources=sources or {},
        domains=domains,
        items=tuple(items),
        bands=bands,
        context=context,
        checkin_questions=checkin_questions,
        documents=documents,
        team=team,
        jd_check=jd_check,
        pay=pay,
    )
