"""Compliance requirements: which ones a buyer's markets, wearers and plating call for."""

import pytest

from advisor.rules.compliance import Requirement, applicable


def _row(market: str, wearers: str, substance: str, plating: str = "") -> Requirement:
    return Requirement(
        market=market,
        wearers=wearers,
        plating=plating,
        substance=substance,
        limit="a limit",
        test_method="a method",
        regulation="a regulation",
        text="a text",
        source="a source",
    )


# Deliberately out of market order, to show the result is ordered us, eu, uk.
ROWS = [
    _row("uk", "all", "uk nickel"),
    _row("eu", "all", "eu nickel"),
    _row("eu", "all", "eu cadmium"),
    _row("us", "children", "us children lead"),
    _row("us", "children", "us F2923"),
    _row("us", "adults", "us F2999"),
    _row("us", "all", "us origin"),
    _row("us", "all", "us ftc gold", plating="gold"),
    _row("uk", "all", "uk lead"),
]


def _picked(**kwargs) -> list[str]:
    return [row.substance for row in applicable(ROWS, **kwargs)]


def test_it_orders_by_market_us_eu_uk_then_row_order():
    assert _picked(markets=["uk", "eu", "us"], wearer_age="adults", plating="none") == [
        "us F2999",
        "us origin",
        "eu nickel",
        "eu cadmium",
        "uk nickel",
        "uk lead",
    ]


def test_children_get_the_all_and_children_rows_only():
    assert _picked(markets=["us"], wearer_age="children", plating="none") == [
        "us children lead",
        "us F2923",
        "us origin",
    ]


def test_adults_get_the_all_and_adult_rows_only():
    assert _picked(markets=["us"], wearer_age="adults", plating="rhodium") == [
        "us F2999",
        "us origin",
    ]


@pytest.mark.parametrize("wearer_age", ["all_ages", None])
def test_all_ages_and_an_unknown_age_take_both_groups(wearer_age):
    assert _picked(markets=["us"], wearer_age=wearer_age, plating=None) == [
        "us children lead",
        "us F2923",
        "us F2999",
        "us origin",
    ]


def test_a_gold_only_row_comes_only_with_gold_plating():
    for plating in ("none", "rhodium", "other", None, ""):
        assert "us ftc gold" not in _picked(markets=["us"], wearer_age="adults", plating=plating)
    assert _picked(markets=["us"], wearer_age="adults", plating="gold")[-1] == "us ftc gold"


@pytest.mark.parametrize("markets", [[], ["other"]])
def test_no_market_with_rules_means_no_requirements(markets):
    for wearer_age in ["adults", "children", "all_ages", None]:
        assert _picked(markets=markets, wearer_age=wearer_age, plating="gold") == []


def test_other_beside_a_market_adds_nothing():
    assert _picked(markets=["eu", "other"], wearer_age="children", plating="gold") == [
        "eu nickel",
        "eu cadmium",
    ]
