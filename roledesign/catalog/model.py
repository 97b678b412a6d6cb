"""The evidence base as frozen, plain objects: no Flask, no database."""

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roledesign.catalog.jd_check import JdCheckRules
    from roledesign.catalog.pay import PayTable
    from roledesign.catalog.team import TeamText

from roledesign.catalog.documents import DocumentRules

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


@dataclass(frozen=True)
class Catalog:
    sources: dict[str, Source]
    domains: tuple[Domain, ...]
    items: tuple[Item, ...]
    bands: dict[str, Band]
    context: dict[str, ContextField]
    checkin_questions: tuple[CheckinQuestion, ...] = ()
    team: "TeamText | None" = None  # checklists/team.yaml: the team self-assessment's text
    _by_id: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)
    documents: DocumentRules = field(default_factory=DocumentRules)  # checklists/documents/
    jd_check: "JdCheckRules | None" = None  # checklists/jd_check.yaml
    pay: "PayTable | None" = None  # checklists/pay.yaml: Agenda for Change pay by band

    def __post_init__(self):
        self._by_id.update({item.id: item for item in self.items})

    def item(self, item_id: str) -> Item:
        return self._by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._by_id

    def domain(self, key: str) -> Domain:
        return next(d for d in self.domains if d.key == key)

    def items_in(self, domain_key: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.domain == domain_key)

    def source(self, key: str) -> Source:
        return self.sources[key]

    def citation(self, key: str) -> str:
        """The full citation, ending 'Cited in …' for studies we know only through a seed text."""
        source = self.sources[key]
        parts = [f"{source.authors} ({source.year})."]
        if source.title:
            parts.append(f"{source.title}.")
        if source.published_in:
            parts.append(f"{source.published_in}.")
        if source.doi:
            parts.append(f"doi:{source.doi}.")
        if source.cited_in:
            parts.append(f"Cited in {self.sources[source.cited_in].short}.")
        return " ".join(parts)
