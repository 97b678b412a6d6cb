"""The installation-wide comparison by sector, shown only where no single team can stand out.

A sector is compared only when at least SECTOR_MIN_ORGANISATIONS organisations and
SECTOR_MIN_RESPONDENTS people in it have answered, counting only surveys that have themselves
reached their organisation's anonymity threshold. A statement's figure for a sector needs at least
SECTOR_MIN_ANSWERS answers that count. The comparison needs at least two sectors that qualify; no
installation-wide total is shown, so nothing can be worked out by subtraction.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.scoring import ScoredItem
from roledesign.domain.team import Tally

SECTOR_MIN_ORGANISATIONS = 5
SECTOR_MIN_RESPONDENTS = 50
SECTOR_MIN_ANSWERS = 20


@dataclass(frozen=True)
class SectorFigures:
    """What the database added up for one sector."""

    sector: str
    organisations: int
    respondents: int
    cells: Mapping[str, Tally]  # item id -> everyone's answers in the sector


@dataclass(frozen=True)
class SectorRow:
    item_id: str
    domain: str
    means: dict[str, Fraction | None]  # sector -> mean, None when too few answers


@dataclass(frozen=True)
class SectorComparison:
    shown: tuple[SectorFigures, ...]
    not_shown: tuple[str, ...]  # sectors with some answers but below the thresholds
    rows: tuple[SectorRow, ...]

    @property
    def is_available(self) -> bool:
        return len(self.shown) >= 2


def qualifies(figures: SectorFigures) -> bool:
    return (
        figures.organisations >= SECTOR_MIN_ORGANISATIONS
        and figures.respondents >= SECTOR_MIN_RESPONDENTS
    )


def compare_sectors(
    figures: Sequence[SectorFigures],
    items: Sequence[ScoredItem],
    sector_order: Sequence[str],
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> SectorComparison:
    """Mean answer per statement for each sector that qualifies, in ``sector_order``."""
    by_key = {f.sector: f for f in figures}
    shown = tuple(by_key[s] for s in sector_order if s in by_key and qualifies(by_key[s]))
    not_shown = tuple(
        s
        for s in sector_order
        if s in by_key and by_key[s].respondents and not qualifies(by_key[s])
    )
    if len(shown) < 2:
        return SectorComparison(
            shown=(), not_shown=not_shown + tuple(f.sector for f in shown), rows=()
        )
    rank = {key: n for n, key in enumerate(domain_order)}
    rows = []
    for item in sorted(items, key=lambda i: (rank[i.domain], i.id)):
        means = {}
        for f in shown:
            cell = f.cells.get(item.id, Tally())
            means[f.sector] = cell.mean if cell.answered >= SECTOR_MIN_ANSWERS else None
        if any(m is not None for m in means.values()):
            rows.append(SectorRow(item.id, item.domain, means))
    return SectorComparison(shown=shown, not_shown=not_shown, rows=tuple(rows))
