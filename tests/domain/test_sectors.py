"""The sector comparison appears only where enough organisations and people have answered."""

from fractions import Fraction

from roledesign.domain.sectors import (
    SECTOR_MIN_ANSWERS,
    SECTOR_MIN_ORGANISATIONS,
    SECTOR_MIN_RESPONDENTS,
    SectorFigures,
    compare_sectors,
)
from roledesign.domain.team import Tally

ORDER = ("nhs", "voluntary", "partnership")


class Item:
    def __init__(self, id, domain, weight=1):
        self.id, self.domain, self.weight, self.critical = id, domain, weight, False


ITEMS = [Item("EXP-01", "shared_expectations"), Item("DIS-01", "distinctiveness")]


def sector(
    key, organisations=SECTOR_MIN_ORGANISATIONS, respondents=SECTOR_MIN_RESPONDENTS, **cells
):
    return SectorFigures(
        key, organisations, respondents, {k.replace("_", "-"): v for k, v in cells.items()}
    )


def test_two_qualifying_sectors_are_compared_statement_by_statement():
    nhs = sector(
        "nhs",
        DIS_01=Tally.of("yes", count=30) + Tally.of("no", count=10),
        EXP_01=Tally.of("yes", count=5),
    )
    vol = sector("voluntary", DIS_01=Tally.of("partly", count=SECTOR_MIN_ANSWERS))
    result = compare_sectors([vol, nhs], ITEMS, ORDER)
    assert result.is_available and [f.sector for f in result.shown] == ["nhs", "voluntary"]
    [row] = result.rows  # EXP-01 has too few answers in both sectors to show
    assert row.item_id == "DIS-01"
    assert row.means == {"nhs": Fraction(3, 4), "voluntary": Fraction(1, 2)}


def test_a_sector_short_of_organisations_or_people_is_left_out():
    few_orgs = sector("partnership", organisations=SECTOR_MIN_ORGANISATIONS - 1)
    few_people = sector("voluntary", respondents=SECTOR_MIN_RESPONDENTS - 1)
    nhs = sector("nhs", DIS_01=Tally.of("yes", count=40))
    result = compare_sectors([nhs, few_orgs, few_people], ITEMS, ORDER)
    # Only one sector qualifies: there is nothing to compare it with, so nothing is shown.
    assert not result.is_available and result.rows == ()
    assert set(result.not_shown) == {"nhs", "voluntary", "partnership"}
