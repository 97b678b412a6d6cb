"""The team self-assessment's text in checklists/team.yaml: stakeholder groups and explanations.

Validated with the rest of the evidence base, so a missing explanation, a duplicate group key or
an unknown source stops the app with a message naming the file, the entry and the problem.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from roledesign.catalog.model import Evidence
from roledesign.catalog.parsing import evidence_links as _evidence
from roledesign.catalog.parsing import read_yaml as _read
from roledesign.catalog.parsing import text_field as _text
from roledesign.catalog.parsing import unknown_fields as _unknown_fields

POOL_KEY = "other_respondents"  # reserved: the pool of groups too small to show on their own
TOPIC_KEYS = (
    "introduction",
    "anonymity",
    "consensus",
    "perception_gap",
    "knowledge_gaps",
    "sectors",
)
GROUP_FIELDS = {"key", "label", "plural", "hint"}
TOPIC_FIELDS = {"title", "text", "evidence"}
TOP_FIELDS = {"pool_label", "groups", "groups_evidence", "topics", "comment_prompts"}
GROUP_KEY = re.compile(r"[a-z][a-z_]{0,23}")


@dataclass(frozen=True)
class Group:
    key: str
    label: str  # as a respondent picks it: "Peer worker"
    plural: str  # as the report names the group: "Peer workers"
    hint: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TeamText:
    pool_label: str
    groups: tuple[Group, ...]
    groups_evidence: tuple[Evidence, ...]
    topics: dict[str, Topic]
    # Words that can show who wrote a comment: the respondent is asked to check it.
    comment_prompts: tuple[str, ...] = ()

    @property
    def group_keys(self) -> tuple[str, ...]:
        return tuple(g.key for g in self.groups)

    def plural(self, key: str) -> str:
        """How the report names a group; the pool's label for the pool key."""
        if key == POOL_KEY:
            return self.pool_label
        return next((g.plural for g in self.groups if g.key == key), key)

    def label(self, key: str) -> str:
        """A group as a respondent picks it."""
        return next((g.label for g in self.groups if g.key == key), key)


def _groups(raw, path, problems) -> tuple[Group, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        problems.add(path, "groups", "needs a list of at least two groups")
        return ()
    groups, seen = [], set()
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            problems.add(path, f"group {n}", "must be a mapping with key, label and hint")
            continue
        key = _text(entry.get("key"), path, f"group {n}", "key", problems)
        where = f"group {key or n}"
        _unknown_fields(entry, GROUP_FIELDS, path, where, problems)
        if key and not GROUP_KEY.fullmatch(key):
            problems.add(path, where, "key must be lower-case letters and _ (at most 24)")
        if key == POOL_KEY:
            problems.add(path, where, f"'{POOL_KEY}' is reserved for the pooled small groups")
        if key in seen:
            problems.add(path, where, "duplicate group key")
        seen.add(key)
        groups.append(
            Group(
                key=key,
                label=_text(entry.get("label"), path, where, "label", problems),
                plural=_text(entry.get("plural"), path, where, "plural", problems),
                hint=_text(entry.get("hint"), path, where, "hint", problems, required=False),
            )
        )
    return tuple(groups)


def _phrases(raw, path, problems) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, str) and p.strip() for p in raw):
        problems.add(path, "comment_prompts", "must be a list of words or phrases")
        return ()
    return tuple(p.strip() for p in raw)


def load_team(root: Path, sources, problems) -> TeamText | None:
    """Read checklists/team.yaml, adding every problem found to ``problems``."""
    path = root / "team.yaml"
    data = _read(path, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(path, "", "must map pool_label, groups, groups_evidence and topics")
        return None
    _unknown_fields(data, TOP_FIELDS, path, "", problems)
    groups = _groups(data.get("groups"), path, problems)
    raw_topics = data.get("topics")
    if not isinstance(raw_topics, dict):
        problems.add(path, "topics", "must map each topic to its title, text and evidence")
        raw_topics = {}
    for key in sorted(set(raw_topics) - set(TOPIC_KEYS), key=str):
        problems.add(path, f"topic {key}", f"unknown topic (expected {', '.join(TOPIC_KEYS)})")
    topics = {}
    for key in TOPIC_KEYS:
        entry = raw_topics.get(key)
        where = f"topic {key}"
        if not isinstance(entry, dict):
            problems.add(path, where, "is missing")
            continue
        _unknown_fields(entry, TOPIC_FIELDS, path, where, problems)
        topics[key] = Topic(
            key=key,
            title=_text(entry.get("title"), path, where, "title", problems),
            text=_text(entry.get("text"), path, where, "text", problems),
            evidence=_evidence(entry.get("evidence"), path, where, sources, problems),
        )
    return TeamText(
        pool_label=_text(data.get("pool_label"), path, "", "pool_label", problems),
        groups=groups,
        groups_evidence=_evidence(data.get("groups_evidence"), path, "groups", sources, problems),
        topics=topics,
        comment_prompts=_phrases(data.get("comment_prompts"), path, problems),
    )
