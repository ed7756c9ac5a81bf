"""The staff-editable figures the answers are held against, each declared once, here.

A figure's name, label, unit, default, limits, whether the source gives it or it is our
assumption, and the factor that reads it: the `Thresholds` model's fields and help texts, the
admin's fieldsets, the report's "thresholds used" and its JSON keys all come from `FIGURES`.
Defaults are the contract's (docs/product.md): the source material's figures, and our labelled
assumptions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypedDict, Unpack

from .texts import Msg, gettext_noop, units, usd, weeks
from .types import FACTOR_SLUGS, MAX_UNITS, MAX_USD


class Unit(StrEnum):
    USD = "usd"
    UNITS = "units"  # pieces per design
    WEEKS = "weeks"
    PERCENT = "percent"
    ROUNDS = "rounds"
    GRAMS = "grams"
    DAYS = "days"


# What staff may enter, per unit: (lowest, highest).
UNIT_LIMITS = {
    Unit.USD: (0, MAX_USD),
    Unit.UNITS: (1, MAX_UNITS),
    Unit.WEEKS: (0, 104),
    Unit.PERCENT: (0, 100),
    Unit.ROUNDS: (1, 10),
    Unit.GRAMS: (1, 1_000),
    Unit.DAYS: (0, 366),
}

GOLD_PRICE_SET_ON = date(2025, 10, 8)  # the default gold price's day (see FIGURES)

ASSUMPTION_NOTE = gettext_noop("Assumption: the source gives no figure.")
# An assumption checked against public sources that do not settle it.
UNCONFIRMED_NOTE = gettext_noop("Assumption: the public sources below do not confirm it.")
SOURCES_NOTE = gettext_noop("Public sources: {sources}")


@dataclass(frozen=True)
class Figure:
    name: str
    label: str  # marked for translation; the model's verbose name
    unit: Unit
    default: int
    factor: str  # the slug of the factor whose verdict reads it
    assumption: bool = False  # the source gives no figure: reports label it as ours
    at_least: str | None = None  # the other end of a range: this figure may not be below it
    note: str = ""  # for staff, beside the figure in admin (marked for translation)
    bounds: tuple[int, int] | None = None  # narrower limits than the unit's
    # The public sources it was checked against: titles, addresses and the date checked (names,
    # not prose: shown untranslated after SOURCES_NOTE).
    source: str = ""

    @property
    def limits(self) -> tuple[int, int]:
        return self.bounds or UNIT_LIMITS[self.unit]

    @property
    def notes(self) -> list[str]:
        """What admin says beside the figure, each marked for translation."""
        assumed = UNCONFIRMED_NOTE if self.source else ASSUMPTION_NOTE
        return [text for text in (self.note, assumed if self.assumption else "") if text]

    @property
    def help_text(self) -> str:
        sources = [SOURCES_NOTE.format(sources=self.source)] if self.source else []
        return " ".join([*self.notes, *sources])


class _FigureOptions(TypedDict, total=False):
    assumption: bool
    at_least: str | None
    note: str
    bounds: tuple[int, int]
    source: str


def _figure(
    name: str, label: str, unit: Unit, default: int, factor: str, **options: Unpack[_FigureOptions]
) -> Figure:
    return Figure(name, label, unit, default, factor, **options)


_USD, _UNITS, _WEEKS, _PERCENT = Unit.USD, Unit.UNITS, Unit.WEEKS, Unit.PERCENT
_UPFRONT, _MOQ, _LEAD = "upfront-costs", "moq-requirements", "lead-time"
_PROGRAMME_NOTE = gettext_noop(
    "The source's range for a whole OEM development programme. Jewelry casting molds alone often "
    "cost far less, per design (the molds figures below); a factory's quote replaces this."
)

# Public sources behind figures, as shown to staff (titles and addresses are not translated).
_CNY_STOP_SOURCES = (
    'FREJA, "Chinese New Year 2024", https://en.freja.com/news/chinese-new-year-2024; West World '
    'Trade, "Chinese New Year supply chain impact", '
    "https://westworldtrade.com/en/blog/chinese-new-year-supply-chain-impact (both: one week "
    "before); checked 2026-12-02."
)
_CNY_BACK_SOURCES = (
    'Koacore, "Chinese New Year Shutdown 2021: How to Prepare", '
    "https://blog.koacore.com/blog/chinese-new-year-shutdown-2021-how-to-prepare (almost back to "
    'normal four weeks after); Seller Union, "How Long do Factories Usually Shut Down for Chinese '
    'New Year?", https://seller-union.com/how-long-do-factories-usually-shut-down-for-chinese-new-'
    "year/ (up to a month to full capacity); checked 2026-12-02."
)
_SEA_SOURCES = (
    'Top Shipping, "Sea Freight from China to US: Time & Cost Overview", '
    "https://topshipping.co/?p=6287 (door to door: Shanghai, Ningbo or Qingdao to Los Angeles "
    "22-47 days, Shenzhen or Guangzhou to New York 36-62 days); Geese Cargo, "
    "https://geesecargo.com/?p=4547 (Northern Europe: 35-49 days door to door via Suez); "
    'Upfreights, "China to UK Sea Freight Time A 2026 Breakdown", '
    "https://upfreights.com/blog/china-to-uk-sea-freight-time (30-45 days door to door); "
    "checked 2026-12-02."
)
_DUTY_US_SOURCES = (
    'HTS Hub, "7117 Imitation jewelry" (HTS 2024 Revision 9), https://htshub.com/us-hs/head/7117; '
    "HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6; checked 2026-12-02."
)
_SEA_MINIMUM_SOURCES = (
    'Hansatic, "LCL Minimum Charge Explained", https://hansatic.com/en/guides/lcl-minimum-charge-'
    "quoting (a consignment is billed at least one weight or measure ton, with handling, "
    'documents and destination charges on top); TCL Freight, "Do not ship your personal '
    'belongings overseas by sea if your budget is not over USD 1,000", '
    "https://tclfreight.com.vn/en/do-not-ship-your-personal-belongings-to-overseas-by-sea-if-your-"
    "budget-is-not-over-usd-1000/ (one cubic metre: to the EU $1,000-1,500, to America "
    "$1,500-2,000; for small volumes air express is cheaper); checked 2026-12-02."
)
_DUTY_US_PRECIOUS_SOURCES = (
    "HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6 (silver jewelry 7113.11.50 5 %, "
    "products of China 7.5 % more); Portoria, HTS 7113.19.50.45, "
    "https://portoria.app/hts/7113195045 (gold jewelry, other: 5.5 %); U.S. Customs ruling NY "
    "M84650 (10 and 14 karat gold jewelry, 7113.19.5000, 5.5 %), "
    "http://faqs.org/rulings/rulings2006NYM84650.html; checked 2026-12-02."
)
_DUTY_EU_SOURCES = (
    'Union Cargo, "Importing jewellery from China" (updated 2024-01-29), '
    "https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, "
    "http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-"
    "items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02."
)
_DUTY_UK_SOURCES = (
    "HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, "
    "no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; "
    "checked 2026-12-02."
)
_DUTY_OTHER_SOURCES = (
    "DutyCalculator, heading 7117.90 (a global average of 12 %), "
    "http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-"
    "items/7117.90.9000/7117.90.0000/1163/; checked 2026-12-02."
)

# In the order admin and reports list them.
FIGURES: dict[str, Figure] = {
    f.name: f
    for f in (
        _figure("oem_tooling_min_usd", gettext_noop("OEM development programme (tooling), minimum (USD)"), _USD, 5_000, _UPFRONT, note=_PROGRAMME_NOTE),
        _figure("oem_tooling_max_usd", gettext_noop("OEM development programme (tooling), maximum (USD)"), _USD, 50_000, _UPFRONT, at_least="oem_tooling_min_usd", note=_PROGRAMME_NOTE),
        # Assumptions (docs/product.md): casting molds $30-$50 a design, on top of the programme.
        _figure("oem_molds_per_design_min_usd", gettext_noop("OEM molds per design, low end (USD)"), _USD, 30, _UPFRONT, assumption=True),
        _figure("oem_molds_per_design_max_usd", gettext_noop("OEM molds per design, high end (USD)"), _USD, 50, _UPFRONT, assumption=True, at_least="oem_molds_per_design_min_usd"),
        _figure("oem_sample_fee_usd", gettext_noop("OEM sample per design per round (USD)"), _USD, 150, _UPFRONT, assumption=True),
        _figure("oem_sampling_rounds", gettext_noop("OEM sampling rounds"), Unit.ROUNDS, 2, _UPFRONT, assumption=True),
        _figure("odm_sample_fee_usd", gettext_noop("ODM catalogue sample per design (USD)"), _USD, 50, _UPFRONT, assumption=True),
        # The source: ODM sample fees are "often credited to bulk order"; the contract
        # (docs/product.md): when the order meets the minimum, courier never.
        _figure("odm_sample_credit_percent", gettext_noop("ODM sample fees credited to an order that meets the minimum (%)"), _PERCENT, 100, _UPFRONT, assumption=True, note=gettext_noop("Of the fees less the courier of the sample parcel, which is never credited.")),
        _figure("cad_design_fee_usd", gettext_noop("CAD design fee per design (USD)"), _USD, 50, "customization-level", assumption=True),
        _figure("inspection_fee_usd", gettext_noop("Pre-shipment inspection, one inspector-day (USD)"), _USD, 300, "quality-control", assumption=True),
        # Assumption (docs/product.md): under about $3,000 an inspector-day costs a tenth of the
        # order or more, and the factory's photos and video of the packed goods do instead.
        _figure("inspection_min_order_usd", gettext_noop("Order value from which a paid inspection is counted (USD)"), _USD, 3_000, "quality-control", assumption=True, note=gettext_noop("Below it the report suggests the factory's photos and a video of the packed goods, at no cost.")),
        _figure("oem_moq_min_units", gettext_noop("OEM minimum order, low end (units per design)"), _UNITS, 500, _MOQ),
        _figure("oem_moq_max_units", gettext_noop("OEM minimum order, high end (units per design)"), _UNITS, 1_000, _MOQ, at_least="oem_moq_min_units"),
        _figure("odm_moq_min_units", gettext_noop("ODM minimum order, low end (units per design)"), _UNITS, 50, _MOQ),
        _figure("odm_moq_max_units", gettext_noop("ODM minimum order, high end (units per design)"), _UNITS, 200, _MOQ, at_least="odm_moq_min_units"),
        _figure("wholesale_moq_min_units", gettext_noop("Wholesale minimum order, low end (units per design)"), _UNITS, 2, _MOQ),
        _figure("wholesale_moq_max_units", gettext_noop("Wholesale minimum order, high end (units per design)"), _UNITS, 5, _MOQ, at_least="wholesale_moq_min_units"),
        # The source: ODM goes "as low as 2-5 units for wholesale". At or under this quantity ODM
        # means buying a catalogue listing from stock: no samples, fees or inspection.
        _figure("stock_order_max_units", gettext_noop("Largest quantity a design bought from the factory's stock (units per design)"), _UNITS, 5, _MOQ, note=gettext_noop("At or under it, ODM means the factory's wholesale stock: the pieces bought are the samples, with no design fees and no paid inspection.")),
        # The source's 3-5 months (OEM) and 1-3 months (ODM), in whole weeks (a month is 52/12
        # weeks, rounded).
        _figure("oem_lead_time_min_weeks", gettext_noop("OEM lead time, shortest (weeks)"), _WEEKS, 13, _LEAD),
        _figure("oem_lead_time_max_weeks", gettext_noop("OEM lead time, longest (weeks)"), _WEEKS, 22, _LEAD, at_least="oem_lead_time_min_weeks"),
        _figure("odm_lead_time_min_weeks", gettext_noop("ODM lead time, shortest (weeks)"), _WEEKS, 4, _LEAD),
        _figure("odm_lead_time_max_weeks", gettext_noop("ODM lead time, longest (weeks)"), _WEEKS, 13, _LEAD, at_least="odm_lead_time_min_weeks"),
        # Chinese New Year (docs/rules.md, "The New Year closure"): factories stop some days
        # before the festival, as workers travel home, and are back to full output some weeks
        # after it; production counts as stopped in between. Public sources, checked 2026-12-02:
        # FREJA, "Chinese New Year 2024" (https://en.freja.com/news/chinese-new-year-2024) and
        # West World Trade, "Chinese New Year supply chain impact"
        # (https://westworldtrade.com/en/blog/chinese-new-year-supply-chain-impact): most close
        # one week before. Koacore, "Chinese New Year Shutdown 2021: How to Prepare"
        # (https://blog.koacore.com/blog/chinese-new-year-shutdown-2021-how-to-prepare):
        # festival 12 February, operations almost back to normal 11 March; Seller Union, "How
        # Long do Factories Usually Shut Down for Chinese New Year?"
        # (https://seller-union.com/how-long-do-factories-usually-shut-down-for-chinese-new-year/):
        # up to a month to return to full capacity.
        _figure("cny_stop_before_days", gettext_noop("Chinese New Year: factories stop, days before the festival"), Unit.DAYS, 7, _LEAD, note=gettext_noop("Workers leave to travel home; the festival's date each year comes from the holidays package."), bounds=(0, 30), source=_CNY_STOP_SOURCES),
        _figure("cny_full_output_after_weeks", gettext_noop("Chinese New Year: back to full output, weeks after the festival"), _WEEKS, 4, _LEAD, note=gettext_noop("Production counts as stopped from the stop day until then: factories reopen earlier, short of workers."), bounds=(0, 8), source=_CNY_BACK_SOURCES),
        _figure("transit_express_weeks", gettext_noop("Transit by express (weeks)"), _WEEKS, 1, _LEAD, assumption=True),
        # A quote the buyer marks as shipping by sea is dated with it. Six weeks lies inside
        # every lane's door-to-door range in the sources and is docs/product.md's default (an
        # assumption).
        _figure("transit_sea_weeks", gettext_noop("Transit by sea, door to door (weeks)"), _WEEKS, 6, _LEAD, assumption=True, note=gettext_noop("Dates a supplier's quote the buyer marks as shipping by sea. Customs clearance and delivery from the port included."), bounds=(1, 26), source=_SEA_SOURCES),
        _figure("stock_dispatch_weeks", gettext_noop("Wholesale stock, weeks until it ships"), _WEEKS, 1, _LEAD, assumption=True),
        _figure("oem_deposit_percent", gettext_noop("OEM deposit before production (%)"), _PERCENT, 30, _UPFRONT, assumption=True),
        _figure("odm_deposit_percent", gettext_noop("ODM deposit before production (%)"), _PERCENT, 50, _UPFRONT, assumption=True),
        # Assumptions (docs/product.md): express courier from China by weight, insured on the
        # goods' value; rates vary widely by carrier and lane, and a quote's freight replaces them.
        _figure("courier_first_kg_usd", gettext_noop("Courier to the buyer, first kilogram (USD)"), _USD, 25, _UPFRONT, assumption=True, note=gettext_noop("Also the courier part of a parcel of samples, which is never credited to the order.")),
        _figure("courier_extra_kg_usd", gettext_noop("Courier to the buyer, each further kilogram (USD)"), _USD, 10, _UPFRONT, assumption=True),
        _figure("courier_insurance_per_1000_usd", gettext_noop("Courier insurance per $1,000 of goods (USD)"), _USD, 5, _UPFRONT, assumption=True, bounds=(0, 100)),
        _figure("sea_freight_min_usd", gettext_noop("Sea freight of a small shipment, door to door (USD)"), _USD, 1500, _UPFRONT, assumption=True, note=gettext_noop("What a forwarder bills at least, for one cubic metre: a sea quote that leaves freight empty is costed at this or the courier estimate, whichever is higher."), source=_SEA_MINIMUM_SOURCES),
        # Gold spot first closed above $4,000 a troy ounce on 2025-10-08 ("Gold tops $4,000 for
        # the first time", particle.news/story/gold-tops-4000-for-first-time-on-safe-haven-rush);
        # staff set it with its date (Thresholds.gold_price_set_on) as the market moves.
        _figure("gold_price_usd_per_oz", gettext_noop("Gold price per troy ounce (USD)"), _USD, 4_000, _UPFRONT, note=gettext_noop("Change the date it was set with it: reports show both.")),
        _figure("gold_making_charge_usd_per_g", gettext_noop("Making charge for solid gold, per gram (USD)"), _USD, 10, _UPFRONT, assumption=True, note=gettext_noop("The factory's labour and margin on top of the metal; its quote replaces it.")),
        # Assumptions (docs/product.md): a ring or pendant weighs 3-6 g; gold pieces are made
        # lighter for their price. Used when the buyer does not give a weight.
        *(
            _figure(f"piece_weight_{metal}_g", label, Unit.GRAMS, grams, _UPFRONT, assumption=True)
            for metal, label, grams in (
                ("sterling_silver", gettext_noop("Weight of a piece when not given: sterling silver (g)"), 5),
                ("stainless_steel", gettext_noop("Weight of a piece when not given: stainless steel (g)"), 6),
                ("brass", gettext_noop("Weight of a piece when not given: brass (g)"), 6),
                ("zinc_alloy", gettext_noop("Weight of a piece when not given: zinc alloy (g)"), 6),
                ("solid_gold", gettext_noop("Weight of a piece when not given: solid gold (g)"), 3),
                ("other", gettext_noop("Weight of a piece when not given: other metals (g)"), 5),
            )
        ),
        # Import duty on jewelry for a quote that leaves duty empty, never 0 %: the highest of
        # the buyer's markets, at the precious-metal rate for silver and solid gold (the
        # US, EU and UK tariffs put them in 7113, other pieces in 7117; other markets have one
        # figure for both). Whole percent, rounded up. Sources and the date checked: below
        # and docs/rules.md ("Default import duty").
        _figure("duty_us_percent", gettext_noop("Import duty on base-metal jewelry, United States (% of the unit price)"), _PERCENT, 19, _UPFRONT, assumption=True, note=gettext_noop("Base-metal jewelry (HTS 7117.19.90) 11 % plus 7.5 % on Chinese goods (Section 301), rounded up. Surcharges added since 2025 change often and are not counted."), bounds=(1, 100), source=_DUTY_US_SOURCES),
        _figure("duty_eu_percent", gettext_noop("Import duty on base-metal jewelry, European Union (% of the unit price)"), _PERCENT, 4, _UPFRONT, note=gettext_noop("Imitation (base-metal) jewelry, CN 7117."), bounds=(1, 100), source=_DUTY_EU_SOURCES),
        _figure("duty_uk_percent", gettext_noop("Import duty on base-metal jewelry, United Kingdom (% of the unit price)"), _PERCENT, 4, _UPFRONT, assumption=True, note=gettext_noop("The UK Global Tariff's rate for heading 7117 could not be checked: taken as the EU's."), bounds=(1, 100), source=_DUTY_UK_SOURCES),
        _figure("duty_other_percent", gettext_noop("Import duty on jewelry, other markets (% of the unit price)"), _PERCENT, 12, _UPFRONT, assumption=True, note=gettext_noop("The world's average duty on imitation jewelry, for markets outside the US, EU and UK."), bounds=(1, 100), source=_DUTY_OTHER_SOURCES),
        _figure("duty_us_precious_percent", gettext_noop("Import duty on silver or gold jewelry, United States (% of the unit price)"), _PERCENT, 13, _UPFRONT, assumption=True, note=gettext_noop("Silver jewelry (HTS 7113.11.50) 5 %, gold (7113.19.50) 5.5 %, each plus 7.5 % on Chinese goods (Section 301): the higher, rounded up. Surcharges added since 2025 change often and are not counted."), bounds=(1, 100), source=_DUTY_US_PRECIOUS_SOURCES),
        _figure("duty_eu_precious_percent", gettext_noop("Import duty on silver or gold jewelry, European Union (% of the unit price)"), _PERCENT, 3, _UPFRONT, note=gettext_noop("Silver jewelry (CN 7113 11) 2.5 %, other precious metal 2 %: the higher, rounded up."), bounds=(1, 100), source=_DUTY_EU_SOURCES),
        _figure("duty_uk_precious_percent", gettext_noop("Import duty on silver or gold jewelry, United Kingdom (% of the unit price)"), _PERCENT, 3, _UPFRONT, assumption=True, note=gettext_noop("The UK Global Tariff's rate for heading 7113 could not be checked: taken as the EU's."), bounds=(1, 100), source=_DUTY_UK_SOURCES),
    )
}  # fmt: skip

# Figures the source does not give: every report labels them as assumptions.
ASSUMPTIONS = frozenset(f.name for f in FIGURES.values() if f.assumption)

# Which figures each factor reads; a report's `thresholds` is grouped this way.
FACTOR_FIGURES: dict[str, tuple[str, ...]] = {
    slug: tuple(f.name for f in FIGURES.values() if f.factor == slug) for slug in FACTOR_SLUGS
}

DEFAULT_WEIGHTS = {
    "design-ownership": Decimal(3),
    "customization-level": Decimal(2),
    "moq-requirements": Decimal(2),
    "lead-time": Decimal(2),
    "upfront-costs": Decimal(2),
    "quality-control": Decimal(1),
    "brand-differentiation": Decimal(2),
    "risk-level": Decimal(2),
}


class _ThresholdMethods:
    weights: Mapping[str, Decimal]

    @classmethod
    def figure_names(cls) -> list[str]:
        return list(FIGURES)

    def weight(self, slug: str) -> Decimal:
        return Decimal(self.weights.get(slug, 0))

    def transit_weeks(self, model: object) -> int:
        """Weeks from the factory to the buyer: express, or in a re-run the quoted model's
        transit when its quote ships by sea."""
        if model == self.quoted_model and self.quoted_transit_weeks is not None:
            return self.quoted_transit_weeks
        return self.transit_express_weeks


# The figures as one frozen value, with the factors' weights: one field per figure, its default
# from the table. `Thresholds(oem_moq_min_units=300)` changes one figure.
Thresholds = dataclasses.make_dataclass(
    "Thresholds",
    [(f.name, int, field(default=f.default)) for f in FIGURES.values()]
    + [("weights", Mapping[str, Decimal], field(default_factory=lambda: dict(DEFAULT_WEIGHTS)))]
    # The figures a supplier's quote gave (a re-run), which are not the staff's ranges.
    + [("quoted", frozenset, field(default=frozenset()))]
    # The day staff set the gold price (shown with it).
    + [("gold_price_set_on", date, field(default=GOLD_PRICE_SET_ON))]
    # A re-run's supplier quote, for its model alone: the model, its price a piece, the freight
    # a piece it gave (in place of the courier estimate) and its duty (in place of the default
    # for the buyer's markets); None outside one, or where the quote left them empty.
    + [("quoted_model", object, field(default=None))]
    + [("quoted_unit_price", object, field(default=None))]
    + [("quoted_freight_per_piece", object, field(default=None))]
    + [("quoted_duty_percent", object, field(default=None))]
    # ...and its transit, when it ships by sea (None: express, as for the other model).
    + [("quoted_transit_weeks", object, field(default=None))],
    bases=(_ThresholdMethods,),
    frozen=True,
)
Thresholds.__module__ = __name__
Thresholds.__doc__ = "The figures the answers are held against. Defaults: see docs/product.md."


# ODM is never the slower, larger or dearer start: the rules stay monotone (more money or time
# never turns the advice away from OEM) only while staff's figures keep these orderings.
_ODM_AT_MOST_OEM = {
    "odm_moq_min_units": (
        "oem_moq_min_units",
        gettext_noop("ODM's minimum order cannot be above OEM's (%(oem)s)."),
    ),
    "odm_lead_time_min_weeks": (
        "oem_lead_time_min_weeks",
        gettext_noop("ODM's shortest lead time cannot be longer than OEM's (%(oem)s)."),
    ),
}


def problems(values: Mapping[str, int | None]) -> dict[str, Msg]:
    """What is wrong with a set of figures staff entered, by figure: ranges the wrong way
    round, and the orderings the rules rely on to stay monotone."""
    errors: dict[str, Msg] = {}
    for figure in FIGURES.values():
        low, high = values.get(figure.at_least or ""), values.get(figure.name)
        if figure.at_least and low is not None and high is not None and low > high:
            errors[figure.name] = Msg(
                gettext_noop("Must be at least the minimum (%(low)s)."), {"low": low}
            )
    for odm_name, (oem_name, message) in _ODM_AT_MOST_OEM.items():
        odm, oem = values.get(odm_name), values.get(oem_name)
        if odm is not None and oem is not None and odm > oem:
            amount = units(oem) if FIGURES[oem_name].unit == Unit.UNITS else weeks(oem)
            errors.setdefault(odm_name, Msg(message, {"oem": amount}))
    stock, odm_moq = values.get("stock_order_max_units"), values.get("odm_moq_min_units")
    if stock is not None and odm_moq is not None and stock >= odm_moq:
        errors.setdefault(
            "stock_order_max_units",
            Msg(
                gettext_noop("Must be below ODM's minimum order (%(odm)s)."),
                {"odm": units(odm_moq)},
            ),
        )
    odm_fee, oem_fee = values.get("odm_sample_fee_usd"), values.get("oem_sample_fee_usd")
    rounds = values.get("oem_sampling_rounds")
    if None not in (odm_fee, oem_fee, rounds) and odm_fee > oem_fee * rounds:
        errors.setdefault(
            "odm_sample_fee_usd",
            Msg(
                gettext_noop(
                    "An ODM sample cannot cost more than the OEM sampling rounds (%(usd)s)."
                ),
                {"usd": usd(oem_fee * rounds)},
            ),
        )
    return errors
