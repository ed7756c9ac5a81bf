"""Compliance requirements: which ones a buyer's markets, wearers, plating and base metal call
for."""

import html
import re

import pytest
from django.core.exceptions import ValidationError

from advisor import seed, services
from advisor.models import ComplianceRequirement
from advisor.rules.compliance import Requirement, applicable


def _row(
    market: str, wearers: str, substance: str, plating: str = "", metals: frozenset = frozenset()
) -> Requirement:
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
        base_metals=frozenset(metals),
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
    # No row above names a metal: whichever the buyer has, the same rows come.
    return [row.substance for row in applicable(ROWS, **{"base_metal": "brass", **kwargs})]


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


METAL_ROWS = [
    _row("us", "all", "us origin"),
    _row("us", "all", "us 925 mark", metals={"sterling_silver"}),
    _row("us", "all", "us steel grade", metals={"stainless_steel"}),
    _row("uk", "all", "uk hallmark", metals={"sterling_silver", "solid_gold"}),
    _row("us", "all", "us plating terms", plating="gold", metals={"brass", "zinc_alloy"}),
    _row("us", "all", "us other metal", metals={"other"}),
]


def _by_metal(base_metal: str | None, plating: str | None = "none") -> list[str]:
    found = applicable(
        METAL_ROWS,
        markets=["us", "uk"],
        wearer_age="adults",
        plating=plating,
        base_metal=base_metal,
    )
    return [row.substance for row in found]


@pytest.mark.parametrize(
    ("base_metal", "expected"),
    [
        ("sterling_silver", ["us origin", "us 925 mark", "uk hallmark"]),
        ("solid_gold", ["us origin", "uk hallmark"]),
        ("stainless_steel", ["us origin", "us steel grade"]),
        ("brass", ["us origin"]),
        ("zinc_alloy", ["us origin"]),
        ("other", ["us origin", "us other metal"]),
    ],
)
def test_a_row_for_some_metals_comes_only_with_one_of_them(base_metal, expected):
    assert _by_metal(base_metal) == expected


def test_a_metal_row_for_gold_plating_needs_both_the_plating_and_the_metal():
    assert "us plating terms" in _by_metal("zinc_alloy", plating="gold")
    assert "us plating terms" not in _by_metal("zinc_alloy", plating="rhodium")
    assert "us plating terms" not in _by_metal("sterling_silver", plating="gold")


def test_an_unknown_metal_cannot_rule_out_any_metals_rows():
    # An old report never asked the metal: like an unknown age, every group applies.
    assert _by_metal(None) == [
        "us origin",
        "us 925 mark",
        "us steel grade",
        "us other metal",
        "uk hallmark",
    ]
    assert "us plating terms" in _by_metal(None, plating="gold")


# The seeded rows themselves, read from the seed file without a database (migrations 0002_seed
# and 0003_compliance_by_metal load them).
SEED = [
    Requirement(
        **{"plating": "", **{k: v for k, v in row.items() if k not in ("order", "base_metals")}},
        base_metals=frozenset(row.get("base_metals", [])),
    )
    for row in seed.requirement_rows()
]
CPSIA, CPC, TRACKING, F2923, F2999, CA_CHILDREN, CA_OTHER, PROP65, ORIGIN = (
    "Lead in children's products (CPSIA)",
    "Children's Product Certificate (CPSIA)",
    "Tracking labels (CPSIA section 103)",
    "Children's jewelry safety (ASTM F2923)",
    "Adult jewelry safety (ASTM F2999)",
    "Lead and cadmium in California (children's jewelry)",
    "Lead in California (jewelry other than children's)",
    "California Proposition 65 warning",
    "Country-of-origin marking",
)
FTC_GOLD, VERMEIL, SILVER_MARK, GOLD_MARK, STEEL = (
    "Gold plating terms (FTC)",
    "Vermeil (FTC)",
    "Silver quality mark",
    "Gold karat mark",
    "Stainless steel grade",
)
REACH = ["Nickel release", "Cadmium", "Lead"]
GPSR, EU_MARKS = (
    "Traceability and responsible person (GPSR)",
    "Precious metal marks, country by country",
)
UK_PRODUCER, HALLMARK = "Producer identification (GPSR 2005)", "Hallmark by an assay office"
US_FOR = {
    "adults": [F2999, CA_OTHER, PROP65, ORIGIN],
    "children": [CPSIA, CPC, TRACKING, F2923, CA_CHILDREN, PROP65, ORIGIN],
    "all_ages": [CPSIA, CPC, TRACKING, F2923, F2999, CA_CHILDREN, CA_OTHER, PROP65, ORIGIN],
}
# Each market's rows for one base metal, after those for every metal.
FOR_METAL = {
    "us": {"sterling_silver": [SILVER_MARK], "solid_gold": [GOLD_MARK], "stainless_steel": [STEEL]},
    "eu": {"sterling_silver": [EU_MARKS], "solid_gold": [EU_MARKS], "stainless_steel": [STEEL]},
    "uk": {"sterling_silver": [HALLMARK], "solid_gold": [HALLMARK], "stainless_steel": [STEEL]},
}
METALS = ["sterling_silver", "stainless_steel", "brass", "zinc_alloy", "solid_gold", "other"]
PLAIN_METALS = ["brass", "zinc_alloy", "other"]  # no row of their own


def _seeded(**kwargs) -> list[tuple[str, str]]:
    return [(row.market, row.substance) for row in applicable(SEED, **kwargs)]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
@pytest.mark.parametrize("market", ["eu", "uk"])
@pytest.mark.parametrize("plating", ["none", "gold", "rhodium", "other"])
@pytest.mark.parametrize("base_metal", PLAIN_METALS)
def test_europe_gets_reach_and_traceability_whoever_wears_it(
    market, wearer_age, plating, base_metal
):
    traceability = GPSR if market == "eu" else UK_PRODUCER
    found = _seeded(markets=[market], wearer_age=wearer_age, plating=plating, base_metal=base_metal)
    assert found == [(market, substance) for substance in [*REACH, traceability]]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
@pytest.mark.parametrize("plating", ["none", "rhodium", "other"])
def test_the_us_rules_follow_the_wearers(wearer_age, plating):
    assert _seeded(markets=["us"], wearer_age=wearer_age, plating=plating, base_metal="brass") == [
        ("us", substance) for substance in US_FOR[wearer_age]
    ]


@pytest.mark.parametrize("wearer_age", ["adults", "children", "all_ages"])
def test_gold_plating_adds_the_ftc_terms_in_the_us_only(wearer_age):
    kwargs = {"wearer_age": wearer_age, "plating": "gold", "base_metal": "brass"}
    assert _seeded(markets=["us"], **kwargs) == [
        ("us", substance) for substance in [*US_FOR[wearer_age], FTC_GOLD]
    ]
    assert FTC_GOLD not in [s for _m, s in _seeded(markets=["eu", "uk"], **kwargs)]


@pytest.mark.parametrize("market", ["us", "eu", "uk"])
@pytest.mark.parametrize("base_metal", METALS)
def test_each_base_metal_gets_its_own_rows_and_no_other_metals(market, base_metal):
    everyone = _seeded(markets=[market], wearer_age="adults", plating="none", base_metal="brass")
    found = _seeded(markets=[market], wearer_age="adults", plating="none", base_metal=base_metal)
    assert found == everyone + [(market, s) for s in FOR_METAL[market].get(base_metal, [])]


@pytest.mark.parametrize("base_metal", [m for m in METALS if m != "sterling_silver"])
def test_only_sterling_silver_is_offered_the_word_vermeil(base_metal):
    for wearer_age in ("adults", "children", "all_ages"):
        found = applicable(
            SEED,
            markets=["us", "eu", "uk"],
            wearer_age=wearer_age,
            plating="gold",
            base_metal=base_metal,
        )
        assert found and not any("vermeil" in str(row).lower() for row in found)
    silver = _seeded(
        markets=["us"], wearer_age="adults", plating="gold", base_metal="sterling_silver"
    )
    assert silver[-3:] == [("us", FTC_GOLD), ("us", VERMEIL), ("us", SILVER_MARK)]


def test_solid_gold_is_held_to_its_karat_not_to_the_plating_terms():
    found = _seeded(markets=["us"], wearer_age="adults", plating="gold", base_metal="solid_gold")
    assert found == [("us", s) for s in [*US_FOR["adults"], GOLD_MARK]]


def test_every_market_at_once_lists_us_then_eu_then_uk():
    found = _seeded(
        markets=["uk", "other", "eu", "us"],
        wearer_age="children",
        plating="none",
        base_metal="stainless_steel",
    )
    assert found == [
        *[("us", s) for s in [*US_FOR["children"], STEEL]],
        *[("eu", s) for s in [*REACH, GPSR, STEEL]],
        *[("uk", s) for s in [*REACH, UK_PRODUCER, STEEL]],
    ]


def test_an_old_report_without_answers_gets_both_age_groups_every_metal_and_no_gold_row():
    found = _seeded(markets=["us"], wearer_age=None, plating=None, base_metal=None)
    assert found == [("us", s) for s in [*US_FOR["all_ages"], SILVER_MARK, GOLD_MARK, STEEL]]
    assert _seeded(markets=[], wearer_age=None, plating=None, base_metal=None) == []


# Words that tell the factory what to do: every row says at least one.
INSTRUCTIONS = re.compile(r"\b(send|tell|mark|quote|agree|stamp)\b", re.IGNORECASE)


def test_every_seeded_row_names_a_source_and_says_what_to_send():
    for row in SEED:
        assert "http" in row.source, row.substance
        assert row.limit and row.test_method and row.regulation and row.text, row.substance
        assert INSTRUCTIONS.search(row.text), row.substance
        assert "none set" not in f"{row.limit} {row.test_method}", row.substance
    eu = {r.substance: r for r in SEED if r.market == "eu"}
    assert "0.5 µg/cm²/week" in eu["Nickel release"].limit
    assert "0.2 µg/cm²/week" in eu["Nickel release"].limit
    assert "EN 1811" in eu["Nickel release"].test_method
    assert "0.01 %" in eu["Cadmium"].limit and "entry 23" in eu["Cadmium"].regulation
    assert "0.05 %" in eu["Lead"].limit and "entry 63" in eu["Lead"].regulation
    assert "responsible person" in eu[GPSR].limit and "2023/988" in eu[GPSR].regulation
    us = {r.substance: r for r in SEED if r.market == "us"}
    assert "100 ppm" in us[CPSIA].limit and "90 ppm" in us[CPSIA].limit
    assert "CPSC-CH-E1003-09.1" in us[CPSIA].test_method
    assert "CPSC-accepted" in us[CPC].limit and "1110" in us[CPC].regulation
    assert "batch" in us[TRACKING].limit and "2063(a)(5)" in us[TRACKING].regulation
    assert "0.5 µg a day" in us[PROP65].limit
    assert "0.05 % (500 ppm)" in us[CA_OTHER].limit and "unplated metal" in us[CA_OTHER].text
    assert "300 ppm" in us[CA_CHILDREN].limit
    assert "7/1,000,000 in" in us[FTC_GOLD].limit and "100/1,000,000 in" in us[FTC_GOLD].limit
    assert "2.5 µm" in us[VERMEIL].limit and "10K" in us[VERMEIL].limit
    assert "925" in us[SILVER_MARK].limit and "trademark" in us[SILVER_MARK].limit
    assert "10K" in us[GOLD_MARK].limit and "trademark" in us[GOLD_MARK].limit
    assert "ASTM F138" in us[STEEL].limit and "mill certificate" in us[STEEL].test_method
    uk = {r.substance: r for r in SEED if r.market == "uk"}
    assert "7.78 g" in uk[HALLMARK].limit and "1 g" in uk[HALLMARK].limit
    assert "batch" in uk[UK_PRODUCER].limit


def test_no_two_seeded_rows_share_a_key():
    keys = [tuple(seed._requirement_key(row).items()) for row in seed.requirement_rows()]
    assert len(keys) == len(set(keys))


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
            markets=["eu", "us", "uk"], wearer_age="all_ages", plating="gold", base_metal=None
        )
    assert found == applicable(
        SEED, markets=["eu", "us", "uk"], wearer_age="all_ages", plating="gold", base_metal=None
    )
    assert len(found) == len(SEED)  # an unknown metal with gold plating: every row


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
        markets=["eu"], wearer_age="adults", plating="none", base_metal="brass"
    )
    assert [r.substance for r in found] == ["Nickel release", "Lead", GPSR]


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


def _admin_data(row: ComplianceRequirement, **changes) -> dict:
    fields = ("market", "wearers", "plating", "order", "substance", "limit", "test_method")
    data = {field: getattr(row, field) for field in (*fields, "regulation", "text", "source")}
    return {**data, "active": "on", "base_metals": row.base_metals, **changes, "_save": "Save"}


def test_staff_tick_the_base_metals_a_requirement_is_for(staff_client):
    row = ComplianceRequirement.objects.get(market="us", substance=ORIGIN)
    url = f"/admin/advisor/compliancerequirement/{row.pk}/change/"
    page = staff_client.get(url).content.decode()
    assert 'type="checkbox" name="base_metals" value="sterling_silver"' in page
    assert "Sterling silver" in page and "Tick none for a rule whatever the metal" in page
    # Ticked in any order, kept in the wizard's order.
    response = staff_client.post(url, _admin_data(row, base_metals=["solid_gold", "brass"]))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.base_metals == ["brass", "solid_gold"]
    assert row.history.first().base_metals == ["brass", "solid_gold"]
    listing = html.unescape(
        staff_client.get("/admin/advisor/compliancerequirement/").content.decode()
    )
    assert 'class="field-metals">Brass, Solid gold<' in listing
    assert 'class="field-metals">any<' in listing  # the rows for any metal
    # None ticked: the requirement is for any metal again.
    assert staff_client.post(url, _admin_data(row, base_metals=[])).status_code == 302
    row.refresh_from_db()
    assert row.base_metals == []


def test_a_metal_the_wizard_does_not_offer_is_refused(staff_client):
    row = ComplianceRequirement.objects.get(market="us", substance=ORIGIN)
    url = f"/admin/advisor/compliancerequirement/{row.pk}/change/"
    response = staff_client.post(url, _admin_data(row, base_metals=["titanium"]))
    assert response.status_code == 200
    assert "Select a valid choice. titanium is not one of the available choices." in (
        html.unescape(response.content.decode())
    )
    row.refresh_from_db()
    assert row.base_metals == []


@pytest.mark.django_db
@pytest.mark.parametrize("metals", [["titanium"], "sterling_silver", ["brass", "brass"], [{}]])
def test_the_model_refuses_base_metals_that_are_not_a_list_of_known_metals(metals):
    row = ComplianceRequirement.objects.get(market="us", substance=ORIGIN)
    row.base_metals = metals
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert "base_metals" in refused.value.message_dict
