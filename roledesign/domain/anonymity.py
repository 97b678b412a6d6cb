"""Which stakeholder groups a team report may show, so that no small group can be singled out.

The rules (docs/team-survey.md):

- Nothing at all is shown until at least *k* people have responded.
- A group is shown on its own only when it has at least *k* respondents.
- Groups with fewer than *k* are hidden and pooled as "other respondents".
- Complementary suppression: while the pool holds fewer than *k* people, the smallest group still
  shown joins it. Otherwise the pool's figures could be worked out by subtracting the shown groups
  from the whole team, and a pool of one group is that group.
- The pool is shown as one row when it is not the whole team.

So the people not in a shown group are always either nobody, or at least *k* people from at least
two groups: subtraction from the total can recover the pool, which is shown anyway, and never one
hidden group.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

MIN_K = 3
MAX_K = 50
POOL = "other_respondents"
COMMENT_FLOOR = 10  # comments need max(2k, 10) respondents


def check_k(k: int) -> int:
    """k as given, or ValueError when it is below the floor of 3 (or not a whole number)."""
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(f"k must be a whole number from {MIN_K} to {MAX_K}, not {k!r}")
    return k


def comment_threshold(k: int) -> int:
    """Free-text comments are shown only when at least this many people have responded."""
    return max(2 * check_k(k), COMMENT_FLOOR)


@dataclass(frozen=True)
class Disclosure:
    """What may be shown about each group."""

    k: int
    total: int
    counts: dict[str, int]  # respondents per group, every group in ``order``
    shown: tuple[str, ...]  # groups shown on their own, in ``order``
    pooled: tuple[str, ...]  # groups with respondents that are not shown on their own
    order: tuple[str, ...]

    @property
    def is_reportable(self) -> bool:
        return self.total >= self.k

    @property
    def pool_n(self) -> int:
        return sum(self.counts[g] for g in self.pooled)

    @property
    def shows_pool(self) -> bool:
        """The pool gets its own row unless it is everyone (then it is the whole-team row)."""
        return bool(self.shown) and bool(self.pooled)

    def units(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The rows a report may show: each shown group, then the pool, with their member groups."""
        rows = tuple((g, (g,)) for g in self.shown)
        return rows + (((POOL, self.pooled),) if self.shows_pool else ())

    def visible_n(self, group: str) -> int | None:
        """A group's size as a report may print it, or None when it is not shown on its own.

        A group nobody answered for looks exactly like a small hidden one: both are None.
        """
        if not self.is_reportable:
            return None
        if group == POOL:
            return self.pool_n if self.shows_pool else None
        return self.counts[group] if group in self.shown else None


def disclose(
    counts: Mapping[str, int], k: int, order: Sequence[str], pooled_only: Collection[str] = ()
) -> Disclosure:
    """Apply the anonymity rules to the number of respondents per group.

    Groups in ``pooled_only`` (people who preferred not to say) are never shown on their own,
    whatever their size: their answers count only in the pool and the whole team.

    ``order`` lists every group key in display order; it also breaks ties when choosing the
    smallest group for complementary suppression (the later group in ``order`` goes first).
    """
    check_k(k)
    unknown = set(counts) - set(order)
    if unknown:
        raise ValueError(f"unknown groups {sorted(unknown)}")
    full = {g: int(counts.get(g, 0)) for g in order}
    if any(n < 0 for n in full.values()):
        raise ValueError("group sizes cannot be negative")
    total = sum(full.values())
    present = [g for g in order if full[g] > 0]
    if total < k:
        return Disclosure(k, total, full, (), tuple(present), tuple(order))
    hidden = {g for g in present if full[g] < k or g in pooled_only}
    rank = {g: n for n, g in enumerate(order)}
    # Smallest first; among equals, the one listed later (so the first-listed groups stay shown).
    candidates = sorted((g for g in present if g not in hidden), key=lambda g: (full[g], -rank[g]))
    while hidden and sum(full[g] for g in hidden) < k and candidates:
        hidden.add(candidates.pop(0))
    shown = tuple(g for g in order if g in present and g not in hidden)
    pooled = tuple(g for g in order if g in hidden)
    return Disclosure(k, total, full, shown, pooled, tuple(order))
