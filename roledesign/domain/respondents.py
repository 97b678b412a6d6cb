"""What a respondent is told before sending: whether their group is likely to be shown on its
own, and whether their comment might identify them. Pure functions over plain values."""

import re
from collections.abc import Iterable, Mapping


def likely_small_groups(invited: Mapping[str, int], k: int) -> frozenset[str]:
    """Groups to which somebody, but fewer than ``k`` people, were invited individually: unless
    others in the group answer through the shared link, the group will be too small to show.

    Groups nobody was invited to say nothing either way (people may answer through the shared
    link), so they are not named; the survey says in general that small groups are combined.
    """
    return frozenset(group for group, n in invited.items() if 0 < n < k)


def phrases_found(comment: str, phrases: Iterable[str]) -> tuple[str, ...]:
    """The phrases that occur in ``comment`` as whole words, ignoring case and the spacing
    between words, in the order of the list."""
    found = []
    for phrase in phrases:
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        if words and re.search(rf"(?<!\w){words}(?!\w)", comment, re.IGNORECASE):
            found.append(phrase)
    return tuple(found)
