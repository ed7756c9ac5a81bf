"""Compliance requirements: which ones a buyer's markets, wearers and plating call for."""

import html
import re

import pytest

from advisor import seed, services
from advisor.models import ComplianceRequirement
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


# The seeded rows themselves, read from the seed file without a database (migration
# 0002_seed loads them).
SEED = [
    Requirement(**{"plating": "", **{k: v for k, v in row.items() if k != "order"}})
    for row in seed.requirement_rows()
]
CPSIA, F2923, F2999, CA_CHILDREN, CA_OTHER, PROP65, ORIGIN, FTC_GOLD = (
    "Lead in children's products (CPSIA)",
    "Children's jewelry safety (ASTM F2923)",
    "Adult jewelry safety (ASTM F2999)",
    "Lead and cadmium in California (children's jewelry)",
    "Lead in California (jewelry other than children's)",
    "California Proposition 65 warning",
    "Country-of-origin marking",
    "Gold plating terms (FTC)",
)
REACH = ["Nickel release", "Cadmium", "Lead"]
US_FOR = {
    "adults": [F2999, CA_OTHER, PROP65, ORIGIN],
    "children": [CPSIA, F2923, CA_CHILDREN, PROP65, ORIGIN],
    "all_ages": [CPSIA, F2923, F2999, CA_CHILDREN, CA_OTHER, PROP65, ORIGIN],
}


def _seeded(**kwargs) -> list[tuple[str, str]]:
    return [(row.market, row.substance) for row in applicable(SEED, **kwargs)]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
@pytest.mark.parametrize("market", ["eu", "uk"])
@pytest.mark.parametrize("plating", ["none", "gold", "rhodium", "other"])
def test_europe_gets_reach_nickel_cadmium_and_lead_whoever_wears_it(market, wearer_age, plating):
    assert _seeded(markets=[market], wearer_age=wearer_age, plating=plating) == [
        (market, substance) for substance in REACH
    ]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
@pytest.mark.parametrize("plating", ["none", "rhodium", "other"])
def test_the_us_rules_follow_the_wearers(wearer_age, plating):
    assert _seeded(markets=["us"], wearer_age=wearer_age, plating=plating) == [
        ("us", substance) for substance in US_FOR[wearer_age]
    ]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
def test_gold_plating_adds_the_ftc_terms_in_the_us_only(wearer_age):
    assert _seeded(markets=["us"], wearer_age=wearer_age, plating="gold") == [
        ("us", substance) for substance in [*US_FOR[wearer_age], FTC_GOLD]
    ]
    assert FTC_GOLD not in [
        s for _m, s in _seeded(markets=["eu", "uk"], wearer_age=wearer_age, plating="gold")
    ]


def test_every_market_at_once_lists_us_then_eu_then_uk():
    found = _seeded(markets=["uk", "other", "eu", "us"], wearer_age="children", plating="none")
    assert found == [
        *[("us", s) for s in US_FOR["children"]],
        *[("eu", s) for s in REACH],
        *[("uk", s) for s in REACH],
    ]


def test_an_old_report_without_answers_gets_both_age_groups_and_no_gold_row():
    assert _seeded(markets=["us"], wearer_age=None, plating=None) == [
        ("us", s) for s in US_FOR["all_ages"]
    ]
    assert _seeded(markets=[], wearer_age=None, plating=None) == []


def test_every_seeded_row_names_a_source_and_says_what_to_send():
    for row in SEED:
        assert "http" in row.source, row.substance
        assert row.limit and row.test_method and row.regulation and row.text, row.substance
    eu = {r.substance: r for r in SEED if r.market == "eu"}
    assert "0.5 µg/cm²/week" in eu["Nickel release"].limit
    assert "0.2 µg/cm²/week" in eu["Nickel release"].limit
    assert "EN 1811" in eu["Nickel release"].test_method
    assert "0.01 %" in eu["Cadmium"].limit and "entry 23" in eu["Cadmium"].regulation
    assert "0.05 %" in eu["Lead"].limit and "entry 63" in eu["Lead"].regulation
    us = {r.substance: r for r in SEED if r.market == "us"}
    assert "100 ppm" in us[CPSIA].limit and "90 ppm" in us[CPSIA].limit
    assert "0.05 % (500 ppm)" in us[CA_OTHER].limit and "unplated metal" in us[CA_OTHER].text
    assert "300 ppm" in us[CA_CHILDREN].limit
    assert "7/1,000,000 in" in us[FTC_GOLD].limit and "100/1,000,000 in" in us[FTC_GOLD].limit


# With the database: the seeded rows, the service, and the admin.


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_superuser("ana", "ana@example.com", "pw-for-tests")
    client.force_login(staff)
    return client


@pytest.mark.django_db
def test_the_seeded_rows_load_through_the_service_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        found = services.compliance.requirements_for(
            markets=["eu", "us", "uk"], wearer_age="all_ages", plating="gold"
        )
    assert found == applicable(
        SEED, markets=["eu", "us", "uk"], wearer_age="all_ages", plating="gold"
    )
    assert len(found) == len(SEED)


@pytest.mark.django_db
def test_the_seeded_rows_are_valid_model_rows():
    for row in ComplianceRequirement.objects.all():
        row.full_clean()  # lengths and choices, which SQLite would not check


@pytest.mark.django_db
def test_the_seed_is_undone_by_its_reverse():
    from django.apps import apps

    ComplianceRequirement.objects.create(
        market="uk", wearers="all", substance="Added by staff", limit="-", test_method="-"
    )
    seed.unload(apps)
    assert list(ComplianceRequirement.objects.values_list("substance", flat=True)) == [
        "Added by staff"
    ]


@pytest.mark.django_db
def test_an_inactive_requirement_is_left_out():
    ComplianceRequirement.objects.filter(market="eu", substance="Cadmium").update(active=False)
    found = services.compliance.requirements_for(
        markets=["eu"], wearer_age="adults", plating="none"
    )
    assert [r.substance for r in found] == ["Nickel release", "Lead"]


def test_staff_see_the_requirements_list_with_filters(staff_client):
    response = staff_client.get(
        "/admin/advisor/compliancerequirement/",
        {"market__exact": "us", "wearers__exact": "children"},
    )
    page = html.unescape(response.content.decode())
    assert CPSIA in page and F2923 in page and CA_CHILDREN in page
    assert F2999 not in page and "Nickel release" not in page


def test_a_change_in_admin_is_saved_and_recorded_in_history(staff_client):
    row = ComplianceRequirement.objects.get(market="eu", substance="Nickel release")
    url = f"/admin/advisor/compliancerequirement/{row.pk}/change/"
    page = staff_client.get(url).content.decode()
    assert "lamez.teg.co.uk" in page  # the source is shown to staff
    data = {
        field: getattr(row, field)
        for field in ("market", "wearers", "plating", "order", "substance", "limit")
        + ("test_method", "regulation", "text", "source")
    }
    response = staff_client.post(
        url, {**data, "active": "on", "limit": "0.4 µg/cm²/week", "_save": "Save"}
    )
    assert response.status_code == 302
    assert ComplianceRequirement.objects.get(pk=row.pk).limit == "0.4 µg/cm²/week"
    history = staff_client.get(f"{url.removesuffix('change/')}history/").content.decode()
    assert "ana" in history
    assert re.search(
        r"<strong>Limit:</strong>\s*0\.5 µg/cm²/week.*?&rarr;&nbsp;&nbsp;0\.4 µg", history, re.S
    )


def test_a_bad_market_is_refused_with_a_message(staff_client):
    response = staff_client.post(
        "/admin/advisor/compliancerequirement/add/",
        {"market": "fr", "wearers": "all", "substance": "x", "limit": "x", "test_method": "x"}
        | {"regulation": "x", "text": "x", "source": "x", "order": 1},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not ComplianceRequirement.objects.filter(substance="x").exists()


@pytest.mark.django_db
def test_the_origin_marking_row_names_the_source_of_its_10_percent_duty():
    from advisor.models import ComplianceRequirement

    row = ComplianceRequirement.objects.get(market="us", substance="Country-of-origin marking")
    assert "10 %" in row.text
    assert "19 CFR 134.2" in row.source and "1304 (subsection (i)" in row.source
    first = row.history.get()  # the seed's own record, with the source as it is now
    assert first.history_change_reason == "Loaded by the seed migration"
    assert first.source == row.source
