"""The whole evidence base as one frozen object, built by `loader.load_catalog`."""

from dataclasses import dataclass, field

from roledesign.catalog.documents import DocumentRules
from roledesign.catalog.jd_check import JdCheckRules
from roledesign.catalog.model import Band, CheckinQuestion, ContextField, Domain, Item, Source
from roledesign.catalog.pay import PayTable
from roledesign.catalog.team import TeamText


@dataclass(frozen=True)
class Catalog:
    sources: dict[str, Source]
    domains: tuple[Domain, ...]
    items: tuple[Item, ...]
    bands: dict[str, Band]
    context: dict[str, ContextField]
    checkin_questions: tuple[CheckinQuestion, ...] = ()
    team: TeamText | None = None  # checklists/team.yaml: the team self-assessment's text
    _by_id: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)
    documents: DocumentRules = field(default_factory=DocumentRules)  # checklists/documents/
    jd_check: JdCheckRules | None = None  # checklists/jd_check.yaml
    pay: PayTable | None = None  # checklists/pay.yaml: Agenda for Change pay by band

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
