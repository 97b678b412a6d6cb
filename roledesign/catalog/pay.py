"""Agenda for Change pay by band, from checklists/pay.yaml: dated, with its source."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from roledesign.catalog.parsing import read_yaml, text_field


@dataclass(frozen=True)
class BandPay:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class HighCostArea:
    key: str
    label: str
    percent: int
    minimum: int
    maximum: int


@dataclass(frozen=True)
class PayTable:
    year: str  # e.g. "2025/26"
    effective_from: date
    source: str  # a key in sources.yaml
    full_time_hours: float
    bands: dict[str, BandPay]
    high_cost_areas: dict[str, HighCostArea]


def _pounds(raw, path, where, name, problems) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or raw <= 0:
        problems.add(path, where, f"{name} must be a whole number of pounds")
        return 0
    return raw


def load_pay(root: Path, sources, problems) -> PayTable | None:
    """Read checklists/pay.yaml; problems are added to ``problems`` (see catalog.loader)."""
    path = root / "pay.yaml"
    if not path.exists():
        return None
    data = read_yaml(path, problems)
    if not isinstance(data, dict):
        problems.add(path, "", "must hold year, effective_from, source, bands, high_cost_areas")
        return None
    year = text_field(data.get("year"), path, "", "year", problems)
    effective = data.get("effective_from")
    if not isinstance(effective, date):
        problems.add(path, "", "effective_from must be a date, like 2025-04-01")
        effective = date.min
    source = text_field(data.get("source"), path, "", "source", problems)
    if sources is not None and source and source not in sources:
        problems.add(path, "", f"unknown source '{source}'")
    hours = data.get("full_time_hours")
    if not isinstance(hours, int | float) or hours <= 0:
        problems.add(path, "", "full_time_hours must be a number of hours")
        hours = 37.5
    bands = {}
    for band, raw in (data.get("bands") or {}).items():
        where = f"band {band}"
        raw = raw if isinstance(raw, dict) else {}
        low = _pounds(raw.get("minimum"), path, where, "minimum", problems)
        high = _pounds(raw.get("maximum"), path, where, "maximum", problems)
        if low > high:
            problems.add(path, where, "minimum is above maximum")
        bands[str(band)] = BandPay(low, high)
    areas = {}
    for key, raw in (data.get("high_cost_areas") or {}).items():
        where = f"high cost area {key}"
        raw = raw if isinstance(raw, dict) else {}
        areas[str(key)] = HighCostArea(
            key=str(key),
            label=text_field(raw.get("label"), path, where, "label", problems),
            percent=_pounds(raw.get("percent"), path, where, "percent", problems),
            minimum=_pounds(raw.get("minimum"), path, where, "minimum", problems),
            maximum=_pounds(raw.get("maximum"), path, where, "maximum", problems),
        )
    return PayTable(
        year=year,
        effective_from=effective,
        source=source,
        full_time_hours=float(hours),
        bands=bands,
        high_cost_areas=areas,
    )
