"""The installation-wide comparison by sector, from noisy release contributions only.

Each closed survey's release carries its contribution to this comparison: its published
whole-team counts per statement with Laplace noise added once, when the release was made
(``roledesign.domain.disclosure``, differential privacy with a budget of SECTOR_EPSILON per
statement). Everything here is post-processing of those stored noisy counts, so no view, however
often repeated and whatever other organisations are created to compare against, spends more
privacy budget or sees a fresh draw of noise.

A sector is compared only when at least SECTOR_MIN_ORGANISATIONS organisations, each with one
release (its latest), and SECTOR_MIN_RESPONDENTS people in it have contributed. A statement's
figure needs at least SECTOR_MIN_ANSWERS (noisy) answers, and is shown as a rounded range
that covers the noise, never as a count. The comparison needs at least two sectors that qualify.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.disclosure import SECTOR_NOISE_SCALE
from roledesign.domain.scoring import ScoredItem

SECTOR_MIN_ORGANISATIONS = 5
SECTOR_MIN_RESPONDENTS = 50
SECTOR_MIN_ANSWERS = 20
ROUND_TO = 5  # ranges are rounded outwards to whole multiples of 5 percentage points
RESPONDENTS_TO = 10  # respondents per sector are shown rounded down to a multiple of 10


@dataclass(frozen=True)
class Contribution:
    """One organisation's latest release, as far as the sector comparison may use it."""

    organisation_id: int
    sector: str
    respondents: int  # the release's total (published with the release)
    noisy: Mapping[str, Sequence[float]]  # item id -> noisy [yes, partly, no, dont_know]


@dataclass(frozen=True)
class SectorFigures:
    sector: str
    organisations: int
    respondents: int  # rounded down to RESPONDENTS_TO
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class SectorRow:
    item_id: str
    domain: str
    ranges: dict[str, tuple[int, int] | None]  # sector -> (low, high) per cent, None: too few


@dataclass(frozen=True)
class SectorComparison:
    shown: tuple[SectorFigures, ...]
    not_shown: tuple[str, ...]  # sectors with some contributions but below the thresholds
    rows: tuple[SectorRow, ...]

    @property
    def is_available(self) -> bool:
        return len(self.shown) >= 2


def _by_sector(contributions: Sequence[Contribution]) -> dict[str, list[Contribution]]:
    seen, by_sector = set(), {}
    for c in contributions:
        if c.organisation_id in seen:  # one release per organisation, the first given
            continue
        seen.add(c.organisation_id)
        by_sector.setdefault(c.sector, []).append(c)
    return by_sector


def qualifies(contributions: Sequence[Contribution]) -> bool:
    return (
        len(contributions) >= SECTOR_MIN_ORGANISATIONS
        and sum(c.respondents for c in contributions) >= SECTOR_MIN_RESPONDENTS
    )


def noisy_range(
    counts: Sequence[Sequence[float]], scale: float = SECTOR_NOISE_SCALE
) -> tuple[int, int] | None:
    """The average answer (Yes 1, Partly ½, else 0) as a range in whole per cent.

    ``counts`` are the organisations' noisy [yes, partly, no, dont_know]. The range is the
    estimate plus and minus two standard deviations of the noise (Laplace: √2 × scale per
    count), rounded outwards to ROUND_TO, so one person's answer moves it by less than its width.
    """
    yes, partly, no, dont_know = (sum(c[i] for c in counts) for i in range(4))
    answered = yes + partly + no + dont_know
    if answered < SECTOR_MIN_ANSWERS:
        return None
    mean = min(max((yes + partly / 2) / answered, 0.0), 1.0)
    variance = len(counts) * 2 * scale**2 * (1.25 + 4 * mean**2)
    half = 2 * math.sqrt(variance) / answered
    low = max(0, math.floor((mean - half) * 100 / ROUND_TO) * ROUND_TO)
    high = min(100, math.ceil((mean + half) * 100 / ROUND_TO) * ROUND_TO)
    return low, high


def compare_sectors(
    contributions: Sequence[Contribution],
    items: Sequence[ScoredItem],
    sector_order: Sequence[str],
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> SectorComparison:
    """A range per statement for each sector that qualifies, in ``sector_order``."""
    by_sector = _by_sector(contributions)
    figures = {
        s: SectorFigures(
            s,
            len(cs),
            sum(c.respondents for c in cs) // RESPONDENTS_TO * RESPONDENTS_TO,
            tuple(cs),
        )
        for s, cs in by_sector.items()
    }
    shown = tuple(figures[s] for s in sector_order if s in figures and qualifies(by_sector[s]))
    not_shown = tuple(s for s in sector_order if s in figures and figures[s] not in shown)
    if len(shown) < 2:
        return SectorComparison(
            shown=(), not_shown=not_shown + tuple(f.sector for f in shown), rows=()
        )
    rank = {key: n for n, key in enumerate(domain_order)}
    rows = []
    for item in sorted(items, key=lambda i: (rank[i.domain], i.id)):
        ranges = {
            f.sector: noisy_range([c.noisy[item.id] for c in f.contributions if item.id in c.noisy])
            for f in shown
        }
        if any(r is not None for r in ranges.values()):
            rows.append(SectorRow(item.id, item.domain, ranges))
    return SectorComparison(shown=shown, not_shown=not_shown, rows=tuple(rows))
