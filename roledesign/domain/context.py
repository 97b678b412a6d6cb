"""Which items apply to a plan: items may be limited to some contexts (e.g. replacement posts)."""

from collections.abc import Iterable, Mapping


def plan_context(*, introduction: str, setting: str, employment: str, peer_workers: int) -> dict:
    """The context values that item conditions in checklists/ can test."""
    return {
        "introduction": introduction,
        "setting": setting,
        "employment": employment,
        "peer_team": "single" if peer_workers <= 1 else "several",
    }


def applies(conditions: Iterable[tuple[str, tuple[str, ...]]], context: Mapping | None) -> bool:
    """True when every condition holds; with no context at all, everything applies."""
    if context is None:
        return True
    return all(context.get(key) in values for key, values in conditions)


def applicable(items, context: Mapping | None) -> tuple:
    return tuple(item for item in items if applies(item.applies_when, context))
