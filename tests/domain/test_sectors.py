"""The sector comparison: only from noisy release contributions of enough organisations, shown as
ranges wide enough that one person's answer is lost in the noise."""

import opendp.prelude as dp

from roledesign.domain import disclosure
from roledesign.domain.sectors import (
    SECTOR_MIN_ANSWERS,
    SECTOR_MIN_ORGANISATIONS,
    Contribution,
    compare_sectors,
    noisy_range,
)

ORDER = ("nhs", "voluntary", "partnership")


class Item:
    def __init__(self, id, domain, weight=1):
        self.id, self.domain, self.weight, self.critical = id, domain, weight, False


ITEMS = [Item("EXP-01", "shared_expectations"), Item("DIS-01", "distinctiveness")]


def contributions(sector, n=SECTOR_MIN_ORGANISATIONS, respondents=10, start=0, **cells):
    return [
        Contribution(
            start + i, sector, respondents, {k.replace("_", "-"): v for k, v in cells.items()}
        )
        for i in range(n)
    ]


def test_two_qualifying_sectors_are_compared_as_ranges():
    nhs = contributions("nhs", DIS_01=[9, 0, 3, 0], EXP_01=[1, 0, 0, 0])  # 75% said yes
    vol = contributions("voluntary", start=100, DIS_01=[0, 10, 0, 0])  # all partly: 50%
    result = compare_sectors([*vol, *nhs], ITEMS, ORDER)
    assert result.is_available and [f.sector for f in result.shown] == ["nhs", "voluntary"]
    [row] = result.rows  # EXP-01 has too few answers in both sectors to show
    assert row.item_id == "DIS-01"
    low, high = row.ranges["nhs"]
    assert low <= 75 <= high and low % 5 == 0 and high % 5 == 0
    low, high = row.ranges["voluntary"]
    assert low <= 50 <= high
    assert result.shown[0].respondents == 50  # rounded down to a multiple of 10


def test_a_sector_short_of_organisations_or_people_is_left_out():
    few_orgs = contributions("partnership", n=SECTOR_MIN_ORGANISATIONS - 1, start=200)
    few_people = contributions("voluntary", respondents=9, start=100)  # 45 people
    nhs = contributions("nhs", DIS_01=[40, 0, 0, 0])
    result = compare_sectors([*nhs, *few_orgs, *few_people], ITEMS, ORDER)
    # Only one sector qualifies: there is nothing to compare it with, so nothing is shown.
    assert not result.is_available and result.rows == ()
    assert set(result.not_shown) == {"nhs", "voluntary", "partnership"}


def test_each_organisation_counts_once_however_many_releases_it_has():
    same = [Contribution(1, "nhs", 50, {"DIS-01": [50, 0, 0, 0]})] * SECTOR_MIN_ORGANISATIONS
    vol = contributions("voluntary", start=100, DIS_01=[0, 10, 0, 0])
    assert not compare_sectors([*same, *vol], ITEMS, ORDER).is_available


def test_the_noise_budget_is_what_opendp_accounts_and_a_range_covers_one_person():
    # OpenDP's own privacy map of the mechanism the releases use, at one person's sensitivity,
    # gives the budget we state.
    mechanism = disclosure.laplace()
    assert mechanism.map(disclosure.SECTOR_SENSITIVITY) == disclosure.SECTOR_EPSILON == 1.0
    assert (
        dp.m.make_laplace(
            dp.atom_domain(T=float, nan=False),
            dp.absolute_distance(T=float),
            scale=disclosure.SECTOR_NOISE_SCALE,
        ).map(2)
        == disclosure.SECTOR_EPSILON
    )
    # One more person answering Yes moves the exact average by less than the range is wide.
    counts = [[6, 2, 2, 0]] * SECTOR_MIN_ORGANISATIONS  # 50 answers
    low, high = noisy_range(counts)
    one_person = 100 * (31 / 51 - 30 / 50)  # about 0.8 points
    assert high - low > 10 * one_person
    assert noisy_range([[1, 0, 0, 0]] * (SECTOR_MIN_ANSWERS - 1)) is None
