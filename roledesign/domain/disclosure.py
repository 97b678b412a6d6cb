"""The one gate: every figure derived from team survey responses leaves the app through here.

Respondents are promised that nobody can learn their answers, whoever looks and however often.
The rules (docs/team-survey.md, "Threat model"):

- **Releases, not live figures.** While a survey is open only the number of responses is shown
  (``counter``). When it closes, ``release`` works out everything that may ever be shown and
  returns it as plain data that is stored and never recomputed. Every channel (report screen,
  CSV, the ``team-report`` command, the organisation export, progress over rounds and the sector
  comparison) reads a release through ``result``, ``figures_rows`` or ``sector_inputs``, so no
  two views of a survey differ at all, let alone by fewer than *k* people.
- **k on every published cell.** A group is shown on its own only with at least *k* people
  (``anonymity.disclose``: pooling and complementary suppression). A statement's answers in a
  group, the pool or the whole team are published only when at least *k* people gave an answer
  that counts; domain scores, gaps and knowledge gaps use published cells only. Complementary
  suppression again: the answers of a statement's hidden cells, added up, are either nobody's or
  at least *k* people's, so subtracting shown cells from the whole team recovers no one.
- **Nobody looks like fewer than k.** A group nobody answered for, and a small hidden group,
  are both "not shown separately"; a release names sizes only for groups it shows.
- **Withheld groups** (``pooled_only``, "Prefer not to say") are never shown on their own.
- **Comments** come only with a release, only when at least ``comment_threshold(k)`` people
  responded and at least *k* of them commented, in a random order fixed at release.
- **No rows.** Nothing here returns one row per person: the finest grain is a published cell.

Pure: no Flask, no database. The web layer reads raw tallies only to hand them to ``release``
(``roledesign/services/team_store.py``); ``tests/web/test_disclosure_gate.py`` checks that nothing
else reads the survey tables.
"""

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.anonymity import POOL, comment_threshold, disclose
from roledesign.domain.scoring import ScoredItem
from roledesign.domain.team import (
    TEAM,
    Tally,
    TeamResult,
    UnitScores,
    combine,
    consensus,
    domain_scores,
    knowledge_gaps,
    perception_gaps,
)

RELEASE_VERSION = 1
CELL_FIELDS = ("yes", "partly", "no", "dont_know")  # what a published cell carries
# The privacy budget of the sector comparison (docs/team-survey.md): each release spends
# SECTOR_EPSILON per statement, once, when it is made. One person changes a statement's four
# counts by at most 2 in all (moving from one answer to another), so Laplace noise of scale
# 2 / ε on each count gives ε-differential privacy for that statement.
SECTOR_EPSILON = 1.0
SECTOR_SENSITIVITY = 2
SECTOR_NOISE_SCALE = SECTOR_SENSITIVITY / SECTOR_EPSILON


def laplace(scale: float = SECTOR_NOISE_SCALE) -> Callable[[float], float]:
    """OpenDP's Laplace mechanism at ``scale``: value in, value plus calibrated noise out."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    return dp.m.make_laplace(
        dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float), scale=scale
    )


def counter(total: int) -> int:
    """The one live figure: how many people have responded so far (never split by group)."""
    return max(int(total), 0)


@dataclass(frozen=True)
class Published:
    """The group sizes a release may print: shown groups and the pool, nothing else."""

    k: int
    total: int
    sizes: dict[str, int]  # shown groups only
    pool_n: int | None  # None when the pool has no row of its own
    order: tuple[str, ...]

    @property
    def is_reportable(self) -> bool:
        return self.total >= self.k

    @property
    def shown(self) -> tuple[str, ...]:
        return tuple(g for g in self.order if g in self.sizes)

    @property
    def shows_pool(self) -> bool:
        return self.pool_n is not None

    def visible_n(self, group: str) -> int | None:
        """A group's size, or None when not shown on its own (nobody and few look the same)."""
        if group == POOL:
            return self.pool_n
        return self.sizes.get(group)


def _cell_json(tally: Tally) -> list[int]:
    return [getattr(tally, f) for f in CELL_FIELDS]


def _published_cells(items, parts, cells, k) -> dict[str, dict[str, Tally]]:
    """Each unit's cells that may be published: at least k answers, and complementary
    suppression so that the hidden parts of a statement add up to nobody or at least k."""
    out = {key: {} for key in (TEAM, *parts)}
    for item in items:
        team_cell = cells[TEAM][item.id]
        if team_cell.answered < k:
            continue  # too few answered this statement: nothing about it is published
        out[TEAM][item.id] = team_cell
        answered = {p: cells[p][item.id].answered for p in parts}
        ok = [p for p in parts if answered[p] >= k]
        hidden = sum(answered.values()) - sum(answered[p] for p in ok)
        while ok and 0 < hidden < k:
            # the smallest published cell joins the hidden ones (later-listed first on ties)
            smallest = min(reversed(ok), key=answered.__getitem__)
            ok.remove(smallest)
            hidden += answered[smallest]
        for p in ok:
            out[p][item.id] = cells[p][item.id]
    return out


def release(
    items: Sequence[ScoredItem],
    counts: Mapping[str, int],
    tallies: Mapping[tuple[str, str], Tally],
    comments: Sequence[str],
    *,
    k: int,
    order: Sequence[str],
    pooled_only: Collection[str] = (),
    shuffle: Callable[[list], None] | None = None,
    noise: Callable[[float], float] | None = None,
) -> dict:
    """Everything a closed survey may ever show, as plain JSON-ready data, to store once.

    ``counts`` are respondents per group, ``tallies`` each group's answers per statement and
    ``comments`` every comment left. Only published figures are kept: hidden groups' sizes and
    cells, thin cells and individual answers never enter a release.
    """
    d = disclose(counts, k, order, pooled_only)
    figures = {
        "version": RELEASE_VERSION,
        "k": k,
        "total": d.total,
        "groups": {},
        "pool": None,
        "cells": {},
        "comments": [],
        "sector": {},
    }
    if not d.is_reportable:
        return figures
    everyone = tuple(g for g in d.order if d.counts[g] > 0)
    units = ((TEAM, everyone), *d.units())
    empty = Tally()
    cells = {
        key: {i.id: combine(tallies.get((g, i.id), empty) for g in members) for i in items}
        for key, members in units
    }
    parts = tuple(key for key, _ in d.units())
    published = _published_cells(items, parts, cells, k)
    figures["groups"] = {g: d.counts[g] for g in d.shown}
    figures["pool"] = d.pool_n if d.shows_pool else None
    figures["cells"] = {
        key: {item_id: _cell_json(t) for item_id, t in unit.items()}
        for key, unit in published.items()
    }
    noise = noise or laplace()
    figures["sector"] = {
        item_id: [round(noise(float(n)), 2) for n in _cell_json(t)]
        for item_id, t in published[TEAM].items()
    }
    kept = [c for c in comments if c]
    if d.total >= comment_threshold(k) and len(kept) >= k:
        kept = list(kept)
        (shuffle or random.SystemRandom().shuffle)(
            kept
        )  # no order to match against anything: not time, not group
        figures["comments"] = kept
    return figures


def published(figures: Mapping, order: Sequence[str]) -> Published:
    return Published(
        k=figures["k"],
        total=figures["total"],
        sizes={g: n for g, n in figures["groups"].items() if g in order},
        pool_n=figures["pool"],
        order=tuple(order),
    )


def _tallies(unit: Mapping[str, list[int]]) -> dict[str, Tally]:
    return {
        item_id: Tally(**dict(zip(CELL_FIELDS, counts, strict=True)))
        for item_id, counts in unit.items()
    }


def result(
    items: Sequence[ScoredItem],
    figures: Mapping,
    order: Sequence[str],
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> TeamResult:
    """The team report as every channel shows it, from a stored release alone."""
    pub = published(figures, order)
    if not pub.is_reportable:
        return TeamResult(pub, None, (), dict.fromkeys(domain_order), (), ())
    k = pub.k
    asked = list(items)

    def unit(key, n):
        cells = _tallies(figures["cells"].get(key, {}))
        return UnitScores(
            key=key,
            n=n,
            domains=domain_scores(asked, cells, domain_order),
            means={i.id: (cells[i.id].mean if i.id in cells else None) for i in asked},
        ), cells

    team, team_cells = unit(TEAM, pub.total)
    units = [unit(g, pub.sizes[g])[0] for g in pub.shown]
    if pub.shows_pool:
        units.append(unit(POOL, pub.pool_n)[0])
    gaps = perception_gaps(asked, [u for u in units if u.key != POOL], domain_order)
    return TeamResult(
        disclosure=pub,
        team=team,
        units=tuple(units),
        consensus=consensus(gaps, domain_order),
        gaps=gaps,
        knowledge_gaps=knowledge_gaps(asked, team_cells, k, domain_order),
    )


def comments(figures: Mapping) -> list[str]:
    """The released comments, in the random order fixed when the survey closed."""
    return list(figures.get("comments", []))


def figures_rows(items: Sequence[ScoredItem], figures: Mapping, order: Sequence[str]):
    """The released figures as CSV rows: one per published cell (unit and statement), never per
    person. Units are the whole team, then each shown group, then the pool."""
    pub = published(figures, order)
    header = ["group", "people in group", "statement", *CELL_FIELDS, "average (Yes 1, No 0)"]
    rows = [header]
    if not pub.is_reportable:
        return rows
    units = [(TEAM, pub.total)] + [(g, pub.sizes[g]) for g in pub.shown]
    if pub.shows_pool:
        units.append((POOL, pub.pool_n))
    for key, n in units:
        cells = _tallies(figures["cells"].get(key, {}))
        for item in items:
            cell = cells.get(item.id)
            if cell is None:
                continue
            rows.append([key, n, item.id, *_cell_json(cell), f"{float(cell.mean):.2f}"])
    return rows
