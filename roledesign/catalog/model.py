"""The evidence base's parts as frozen, plain objects: no Flask, no database.

These are the leaves every loader builds on; the whole (`Catalog`) is in `evidence_base.py`."""

import re
from dataclasses import dataclass
from functools import cached_property

DOMAIN_KEYS = (
    "distinctiveness",
    "shared_expectations",
    "strategic_alignment",
    "organisational_support",
)
# The design of the study a source reports, as the seed that describes it says; `unknown` where the
# seed cites a study without saying how it was done.
# One person in an author list: a surname, then perhaps initials ("Gillard SG", "Burns-Lynch",
# "McLean"). Any other author ("Peer Worker Research Project", "NHS Employers") is an organisation.
PERSON = re.compile(r"[A-Z][\w'’-]+(?: [A-Z]{1,3})?")
EVIDENCE_KINDS = ("trial", "review", "qualitative", "survey", "policy", "expert", "unknown")


@dataclass(frozen=True)
class Source:
    key: str
    authors: str
    year: str
    title: str = ""
    published_in: str = ""
    doi: str = ""
    cited_in: str = ""  # key of the seed text that cites this study, if we know it only from there
    note: str = ""
    cite_as: str = ""  # short form where author–year does not work, e.g. for an Act

    @cached_property
    def short(self) -> str:
        """Author–year form for running text, e.g. 'Gillard & Holley 2014'; an organisation or
        project is cited by its whole name, e.g. 'Peer Worker Research Project 2011–2013'."""
        if self.cite_as:
            return self.cite_as
        names = [n.strip() for n in self.authors.split(",") if n.strip()]
        people = [n for n in names if not n.startswith("et al")]
        if not all(PERSON.fullmatch(n) for n in people):
            return f"{self.authors.strip()} {self.year}"
        surnames = [n.split(" ")[0] for n in people]
        if len(names) > len(surnames):  # "Chinman M, et al." lists only the first author
            lead = f"{surnames[0]} et al."
        elif len(surnames) == 1:
            lead = surnames[0]
        elif len(surnames) == 2:
            lead = f"{surnames[0]} & {surnames[1]}"
        else:
            lead = f"{surnames[0]} et al."
        return f"{lead} {self.year}"


@dataclass(frozen=True)
class Evidence:
    source: str
    finding: str
    kind: str
    where: str = ""  # the place in the seed text that supports the finding (section, table, slide)


@dataclass(frozen=True)
class Item:
    id: str
    domain: str
    statement: str
    why: str
    action: str
    weight: int
    critical: bool
    evidence: tuple[Evidence, ...]
    applies_when: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Domain:
    key: str
    title: str
    summary: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Band:
    key: str
    title: str
    meaning: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ContextField:
    key: str
    question: str
    values: tuple[tuple[str, str], ...]  # (value, label)

    def label(self, value: str) -> str:
        return dict(self.values).get(value, value)


@dataclass(frozen=True)
class CheckinQuestion:
    key: str
    question: str
    hint: str
    domain: str
    good: str  # the answer that means all is well: "yes", or "no" for questions about problems
    evidence: tuple[Evidence, ...]

    def is_concern(self, answer: str | None) -> bool:
        """Anything but the good answer is worth talking about (Don't know included)."""
        return answer is not None and answer != self.good
