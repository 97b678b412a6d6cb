"""The real evidence base in checklists/: complete, consistent and covering what the research says."""

import re
from collections import Counter

import pytest

from roledesign.catalog import DOMAIN_KEYS, load_catalog
from roledesign.catalog.model import PERSON, Source
from roledesign.config import PROJECT_ROOT

SEEDS = ("gillard_holley_2014", "gillard_2013", "repper_carter", "mrp_portfolio", "pwrp_2013")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PROJECT_ROOT / "checklists")


def test_at_least_40_items_and_8_per_domain(catalog):
    counts = Counter(item.domain for item in catalog.items)
    assert len(catalog.items) >= 40
    assert all(counts[key] >= 8 for key in DOMAIN_KEYS), counts


def test_item_ids_are_stable_codes_in_their_domain(catalog):
    prefixes = {
        "distinctiveness": "DIS",
        "shared_expectations": "EXP",
        "strategic_alignment": "STR",
        "organisational_support": "SUP",
    }
    for item in catalog.items:
        assert re.fullmatch(rf"{prefixes[item.domain]}-\d\d", item.id), item.id


def test_every_source_is_used_and_every_seed_is_cited(catalog):
    links = [e for i in catalog.items for e in i.evidence]
    links += [e for d in catalog.domains for e in d.evidence]
    links += [e for b in catalog.bands.values() for e in b.evidence]
    links += [e for r in catalog.jd_check.rules for e in r.evidence]
    links += [e for q in catalog.checkin_questions for e in q.evidence]
    links += [e for t in catalog.team.topics.values() for e in t.evidence]
    links += list(catalog.team.groups_evidence)
    used = {e.source for e in links}
    used |= {key for clause in catalog.documents.clauses for key in clause.sources}
    used.add(catalog.pay.source)  # the Agenda for Change pay table
    assert set(catalog.sources) - used == set()
    assert set(SEEDS) <= used
    for source in catalog.sources.values():
        assert source.cited_in in ("", *SEEDS), source.key


def test_the_eight_expectations_statements_of_the_peer_worker_research_project(catalog):
    covered = {
        m.group(1)
        for item in catalog.items
        for e in item.evidence
        if e.source == "pwrp_2013"
        for m in [re.search(r"statement (2\.[1-8])", e.finding)]
        if m
    }
    assert covered == {f"2.{n}" for n in range(1, 9)}


def _cites(catalog, source, *words):
    """Items citing ``source`` with a finding that mentions every word."""
    return [
        item.id
        for item in catalog.items
        for e in item.evidence
        if e.source == source and all(w.lower() in e.finding.lower() for w in words)
    ]


def test_gates_five_integration_barriers(catalog):
    assert _cites(catalog, "gates_2007", "recovery")  # staff understanding of recovery
    assert _cites(catalog, "gates_2007", "confusion")  # role confusion
    assert _cites(catalog, "gates_2007", "confidential")  # confidentiality of peers' history
    assert _cites(catalog, "gates_2007", "job structure")  # insufficient job structure
    assert _cites(catalog, "gates_2007", "social support")  # inadequate social support


def test_mclean_recommendations(catalog):
    assert _cites(catalog, "mclean_2009", "staff")  # training for non-peer staff
    assert _cites(catalog, "mclean_2009", "role description", "flexible")
    assert _cites(catalog, "mclean_2009", "training programme")
    assert _cites(catalog, "mclean_2009", "advisory")
    assert _cites(catalog, "mclean_2009", "team leaders")  # supervision, managerial and peer
    assert _cites(catalog, "mclean_2009", "other peer support workers")
    assert _cites(catalog, "mclean_2009", "at least two")


def test_gillard_2013_conclusions(catalog):
    assert _cites(catalog, "gillard_2013", "recruitment", "purpose")
    assert _cites(catalog, "gillard_2013", "readiness", "selection")
    assert _cites(catalog, "gillard_2013", "non-peer staff", "before")
    assert _cites(catalog, "gillard_2013", "stakeholders", "boundaries")


def test_gillard_holley_domain_studies(catalog):
    for key in (
        "dierdorff_2007",
        "kemp_2012",
        "bach_2000",
        "creamer_2012",
        "turner_1990",
        "moran_2012",
        "nadler_1980",
        "currie_2009",
        "repper_2011",
    ):
        assert any(e.source == key for i in catalog.items for e in i.evidence), key


def test_context_conditions_cover_replacement_commissioned_single_and_voluntary(catalog):
    conditions = {(k, v) for i in catalog.items for k, vs in i.applies_when for v in vs}
    assert {
        ("introduction", "replacement"),
        ("introduction", "commissioned"),
        ("peer_team", "single"),
        ("employment", "voluntary"),
    } <= conditions


def test_the_critical_set_is_the_one_docs_scoring_md_argues_for(catalog):
    """Each gate is something a seed calls essential or a condition of the role's benefits
    (see docs/scoring.md, Critical statements); DIS-12 and SUP-05 are deliberately not gates."""
    critical = {i.id for i in catalog.items if i.critical}
    assert critical == {
        "DIS-01",
        "DIS-03",
        "EXP-02",
        "EXP-13",
        "STR-08",
        "SUP-01",
        "SUP-02",
        "SUP-03",
    }
    assert all(catalog.item(key).weight == 3 for key in critical)


def test_what_the_seeds_stress_has_an_item(catalog):
    """Issue 12, point 7: code of conduct, negotiated safety planning, pay that makes up for lost
    benefits, staffing patterns adjusted to peer workers, and the strains of the role."""
    assert _cites(catalog, "repper_carter", "code of conduct")
    assert _cites(catalog, "mead_macneil_2004", "negotiated safety planning")
    assert _cites(catalog, "gates_2007", "loss of welfare benefits")
    assert _cites(catalog, "paulson_1999", "staffing patterns")
    assert _cites(catalog, "mrp_portfolio", "overwhelmed by responsibility")


def test_every_domain_has_a_gate(catalog):
    assert {i.domain for i in catalog.items if i.critical} == set(DOMAIN_KEYS)


def test_citations_name_the_seed_for_cited_studies(catalog):
    assert catalog.citation("gates_2007").endswith("Cited in Repper & Carter 2010.")
    assert "doi:10.1192/apt.bp.113.011940" in catalog.citation("gillard_holley_2014")


def test_short_citations(catalog):
    assert catalog.source("gillard_holley_2014").short == "Gillard & Holley 2014"
    assert catalog.source("gillard_2013").short == "Gillard et al. 2013"
    assert catalog.source("chinman_2006").short == "Chinman et al. 2006"
    assert catalog.source("bach_2000").short == "Bach 2000"


def test_an_organisation_or_project_is_cited_by_its_whole_name():
    assert Source("k", "Peer Worker Research Project", "2011–2013").short == (
        "Peer Worker Research Project 2011–2013"
    )
    assert Source("k", "NHS England", "2023").short == "NHS England 2023"
    assert Source("k", "Burns-Lynch, Salzer", "2001").short == "Burns-Lynch & Salzer 2001"
    assert Source("k", "Gillard SG, Edwards C, Gibson SL", "2013").short == "Gillard et al. 2013"


def test_every_source_has_a_well_formed_short_name(catalog):
    """People by surname, organisations and projects by their whole name: never the first word
    of an organisation's name with a year ('Peer 2011–2013')."""
    for source in catalog.sources.values():
        short = source.short
        assert short.endswith(source.year) or source.cite_as, source.key
        lead = short.removesuffix(source.year).strip()
        names = [n.strip() for n in source.authors.split(",") if not n.strip().startswith("et al")]
        if source.cite_as:
            assert lead and lead != source.authors.split()[0], source.key
        elif all(PERSON.fullmatch(n) for n in names):
            assert lead.split(" ")[0] == names[0].split(" ")[0], source.key
        else:  # an organisation or project
            assert lead == source.authors.strip(), source.key
    assert catalog.source("pwrp_2013").short == "Peer Worker Research Project 2011–2013"
