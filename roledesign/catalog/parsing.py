"""Shared parsing primitives for every loader of checklists/: read YAML, check fields, collect
problems as "<file>: <where>: <problem>" so that all of them can be reported at once."""

from pathlib import Path

import yaml

from roledesign.catalog.model import EVIDENCE_KINDS, Evidence

try:  # the C loader is several times faster where libyaml is available
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

EVIDENCE_FIELDS = {"source", "finding", "kind", "where"}


class CatalogError(Exception):
    """The evidence base is malformed; ``problems`` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"The evidence base has {len(problems)} problem(s):"
        super().__init__("\n".join([head, *("  - " + p for p in problems)]))


class Problems:
    def __init__(self, root: Path):
        self.root = root
        self.items: list[str] = []

    def add(self, path: Path, where: str, problem: str) -> None:
        try:
            name = path.relative_to(self.root.parent)
        except ValueError:
            name = path
        self.items.append(f"{name}: {where + ': ' if where else ''}{problem}")


def read_yaml(path: Path, problems: Problems):
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


def read_list(
    path: Path, problems: Problems, list_key: str, *, header: tuple[str, str] | None = None
):
    """The list under ``list_key`` in a YAML mapping file (which must start with ``header``,
    e.g. ``domain: distinctiveness``, when one is given); None, with the problem noted, if the
    file is missing, malformed or the list is empty."""
    data = read_yaml(path, problems)
    if data is None:
        return None
    if header is not None and (not isinstance(data, dict) or data.get(header[0]) != header[1]):
        problems.add(path, "", f"must start with '{header[0]}: {header[1]}'")
        return None
    entries = data.get(list_key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.add(path, "", f"needs a non-empty list of '{list_key}'")
        return None
    return entries


def text_field(value, path, where, name, problems, required=True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(path, where, f"'{name}' is missing or empty")
        return ""
    if not isinstance(value, str | int):
        problems.add(path, where, f"'{name}' must be text")
        return ""
    return " ".join(str(value).split())


def unknown_fields(data: dict, allowed: set, path, where, problems) -> None:
    for key in sorted(set(data) - allowed, key=str):
        problems.add(path, where, f"unknown field '{key}'")


def evidence_links(raw, path, where, sources, problems) -> tuple[Evidence, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(path, where, "needs at least one evidence link")
        return ()
    links = []
    for n, entry in enumerate(raw, 1):
        at = f"{where}: evidence {n}"
        if not isinstance(entry, dict):
            problems.add(path, at, "must be a mapping with source, finding, kind and where")
            continue
        unknown_fields(entry, EVIDENCE_FIELDS, path, at, problems)
        source = text_field(entry.get("source"), path, at, "source", problems)
        if source and sources is not None and source not in sources:
            problems.add(path, at, f"unknown source '{source}'")
        kind = text_field(entry.get("kind"), path, at, "kind", problems)
        if kind and kind not in EVIDENCE_KINDS:
            problems.add(path, at, f"kind '{kind}' is not one of {', '.join(EVIDENCE_KINDS)}")
        finding = text_field(entry.get("finding"), path, at, "finding", problems)
        locator = text_field(entry.get("where"), path, at, "where", problems, required=False)
        if not locator:
            problems.add(
                path,
                at,
                "'where' is missing or empty: name the place in the seed text that supports the "
                "finding (section heading, table or slide)",
            )
        links.append(Evidence(source=source, finding=finding, kind=kind, where=locator))
    return tuple(links)
