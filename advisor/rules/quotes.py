"""A supplier's quote held against the buyer's plan: what a piece costs landed, the cash it
needs, when it arrives if the factory is fast and if it is slow, and the thresholds the advice
is re-run with. How quotes rank, and why: `ranking`."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .figures import FIGURES, Thresholds
from .money import (
    DUTY_FIGURES,
    FREIGHT_FIGURES,
    costs_for,
    courier,
    default_duty,
    gold_value,
    timeline_for,
)
from .plating import PlatingCheck, plating_check
from .types import Answers, BaseMetal, Karat, Model, Schedule

MAX_LEAD_TIME_WEEKS = 104
SUPPLIER_MAX_LENGTH = 120


class Incoterm(StrEnum):
    EXW = "exw"  # the buyer collects at the factory and pays all the way
    FOB = "fob"  # the factory delivers onto the ship; the buyer pays the voyage on
    CIF = "cif"  # the factory pays the voyage to the buyer's port
    DDP = "ddp"  # the factory delivers, duty paid: nothing more for the buyer to pay


@dataclass(frozen=True)
class Quote:
    supplier: str
    model: Model
    unit_price_usd: Decimal
    moq_per_design: int
    tooling_per_design_usd: Decimal  # tooling and molds for one design; 0 for ODM
    sample_fee_usd: Decimal  # per design (per round, for OEM)
    lead_time_weeks_min: int
    lead_time_weeks_max: int
    incoterm: Incoterm
    deposit_percent: Decimal
    designs: int  # the buyer's designs, the quote's tooling is for each of them
    freight_per_piece_usd: Decimal | None = None  # ignored for DDP
    duty_percent: Decimal | None = None  # ignored for DDP
    # How the goods travel: express unless the buyer says the quote ships by sea, or it is CIF
    # (a sea term: the database's Quote.ships_by_sea). FOB alone does not say it: marketplace
    # factories write "FOB" for a price at their door before a courier.
    by_sea: bool = False
    valid_until: date | None = None  # the last day the factory holds its price, when given
    gold_grams: Decimal | None = None  # solid gold: the gold in a piece, as quoted
    gold_price_usd_per_oz: Decimal | None = None  # and the gold price the quote assumes
    plating_microns: Decimal | None = None  # the plating thickness quoted, when given

    @property
    def tooling_total_usd(self) -> Decimal:
        """Tooling for all the buyer's designs: per design times designs."""
        return self.tooling_per_design_usd * self.designs

    @property
    def tooling_usd(self) -> int:
        """The tooling for all designs as a threshold: whole dollars, rounded up."""
        return math.ceil(self.tooling_total_usd)


@dataclass(frozen=True)
class Landed:
    """What a piece costs delivered to the buyer, and which parts of it are our estimates."""

    per_piece: Decimal
    freight: Decimal  # a piece: as quoted, our estimate (`_estimated_freight`), or 0 for DDP
    freight_estimated: bool  # no freight quoted: our estimate (`_estimated_freight`)
    duty_percent: Decimal  # the duty counted: as quoted, a default, or 0 for DDP
    # The markets whose default duty was counted (the highest of the buyer's), when the quote
    # left duty empty; empty when it gave one, or for DDP.
    duty_markets: tuple[str, ...] = ()

    @property
    def duty_estimated(self) -> bool:
        return bool(self.duty_markets)

    @property
    def complete(self) -> bool:
        """Every part of the landed cost is the factory's, none ours."""
        return not (self.freight_estimated or self.duty_estimated)


@dataclass(frozen=True)
class QuotedGold:
    """A solid gold quote's price split as the factory's own figures give it: the gold at the
    price it assumes, and the rest, its making, a gram (what compares factories whose gold
    prices differ)."""

    grams: Decimal
    price_per_oz: Decimal
    metal: Decimal  # a piece
    making_per_g: Decimal  # negative when the price is below the gold in it


def quoted_gold(quote: Quote, karat: str | None) -> QuotedGold | None:
    """The quote's gold and making, when it gives its grams and gold price and the karat is
    known."""
    if not quote.gold_grams or quote.gold_price_usd_per_oz is None:
        return None
    if karat not in set(Karat):
        return None
    metal = gold_value(quote.gold_grams, Karat(karat), quote.gold_price_usd_per_oz)
    making = (quote.unit_price_usd - metal) / quote.gold_grams
    return QuotedGold(quote.gold_grams, quote.gold_price_usd_per_oz, _cents(metal), _cents(making))


@dataclass(frozen=True)
class Assessment:
    """A quote's figures for the buyer's order, as of a day."""

    landed: Landed
    cash_before_first_order: int
    cash_to_first_delivery: Decimal
    fast_delivery: date  # with the quote's shortest lead time, closure and transit counted
    slow_delivery: date  # with its longest
    schedule: Schedule  # fits even if slow, only if fast, or not at all
    shutdown_weeks: tuple[int, int]  # the New Year closure inside the fast and slow runs
    margin_percent: Decimal | None  # against the planned retail price, when there is one
    moq_forced: bool  # the quoted minimum is above the buyer's quantity a design
    within_budget: bool  # the upfront (and any total) budget covers the quote's cash
    short_upfront: bool = False  # the upfront budget is below its cash before the first order
    lapsed_on: date | None = None  # the quote's last valid day, when it has passed
    gold: QuotedGold | None = None  # solid gold: the metal and making in its price, when quoted
    gold_unquoted: bool = False  # solid gold without its grams or gold price: not comparable
    # Solid gold: what its landed cost a piece moves by with its gold at the report's price, the
    # price every quote's gold is bought at on the day of the order (0: not gold, or unquoted).
    gold_repricing: Decimal = Decimal(0)
    plating: PlatingCheck | None = None  # what its plating thickness says for the buyer's piece
    # False: a hybrid's OEM quote, for the buyer's own designs later; its launch does not rank it.
    for_launch: bool = True
    pieces: int = 1  # the first order's pieces: the buyer's units or the minimum, every design

    @property
    def landed_per_piece(self) -> Decimal:
        return self.landed.per_piece

    @property
    def all_in_per_piece(self) -> Decimal:
        """The cash to the first delivery over the first order's pieces: its tooling, samples,
        design fees and inspection shared over them, on top of the landed cost."""
        return _cents(self.cash_to_first_delivery / self.pieces)

    @property
    def ranked_per_piece(self) -> Decimal:
        """What ranks it: all in, with a solid gold quote's gold at the report's price."""
        return self.all_in_per_piece + self.gold_repricing

    @property
    def freight_assumed(self) -> bool:
        return self.landed.freight_estimated

    @property
    def complete(self) -> bool:
        return self.landed.complete

    @property
    def earliest_delivery(self) -> date:
        return self.fast_delivery

    @property
    def arrives_in_time(self) -> bool:
        """A fast factory delivers by the launch."""
        return self.schedule != Schedule.DOES_NOT_FIT


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def landed_cost(quote: Quote, answers: Answers, t: Thresholds) -> Landed:
    """The price of a piece delivered to the buyer. A DDP price includes freight and duty; other
    quotes add freight (the report's courier estimate when none is quoted) and duty on the unit
    price (an assumption: customs value rules vary), the default for the buyer's markets when
    none is quoted, never 0 %."""
    price = quote.unit_price_usd
    freight, duty = quoted_freight_and_duty(quote)
    estimated = freight is None
    if freight is None:
        freight = _estimated_freight(quote, answers, t)
    duty_markets = ()
    if duty is None:
        duty, duty_markets = default_duty(answers.target_markets, t, answers.base_metal)
    per_piece = _cents(price + freight + price * duty / 100)
    return Landed(per_piece, freight, estimated, duty, duty_markets)


def quoted_freight_and_duty(quote: Quote) -> tuple[Decimal | None, Decimal | None]:
    """The freight a piece and the duty the quote gives, None where it left them empty; a DDP
    price includes both."""
    if quote.incoterm == Incoterm.DDP:
        return Decimal(0), Decimal(0)
    return quote.freight_per_piece_usd, quote.duty_percent


def _in_cif_price(quote: Quote) -> Decimal | None:
    """A CIF price with freight left empty carries the voyage: nothing more is counted (port
    charges and delivery from the port are not known, so the quote stays incomplete); None for
    any other Incoterm."""
    return Decimal(0) if quote.incoterm == Incoterm.CIF else None


def _estimated_freight(quote: Quote, answers: Answers, t: Thresholds) -> Decimal:
    """Freight a piece for a quote that leaves it empty: nothing on top of a CIF price, else the
    report's courier estimate; by sea, never less than what a forwarder bills a small shipment
    (`sea_freight_min_usd`: for a few kilograms a courier is the cheaper way)."""
    in_price = _in_cif_price(quote)
    if in_price is not None:
        return in_price
    by_courier = courier_per_piece(quote, answers, t)
    if not quote.by_sea:
        return by_courier
    pieces = max(answers.units_per_design, quote.moq_per_design) * answers.design_count
    return max(by_courier, Decimal(t.sea_freight_min_usd) / pieces)


def courier_per_piece(quote: Quote, answers: Answers, t: Thresholds) -> Decimal:
    """The report's courier estimate for the order this quote makes, shared over its pieces."""
    pieces = max(answers.units_per_design, quote.moq_per_design) * answers.design_count
    return courier(pieces, answers, t, insured_value=quote.unit_price_usd * pieces) / pieces


def _quoted_freight_per_piece(
    quote: Quote, freight: Decimal | None, answers: Answers, t: Thresholds
) -> Decimal | None:
    """What a re-run counts for the quoted model's freight a piece: the quote's, our estimate
    for a CIF or a sea quote that left it empty, else None (the report's courier estimate)."""
    if freight is not None:
        return freight
    if quote.incoterm == Incoterm.CIF or quote.by_sea:
        return _estimated_freight(quote, answers, t)
    return None


def transit_weeks(quote: Quote, t: Thresholds) -> int | None:
    """The quote's transit when it ships by sea; None: express, as the report's."""
    return t.transit_sea_weeks if quote.by_sea else None


def with_quote(answers: Answers, t: Thresholds, quote: Quote) -> tuple[Answers, Thresholds]:
    """The answers and thresholds with the quote's figures in place of the assumptions, for the
    quote's model only: the other model keeps the buyer's figures and the assumptions."""
    figures = quoted_figures(quote, t)
    quoted = frozenset(figures)
    freight, duty = quoted_freight_and_duty(quote)
    if freight is not None:
        quoted |= set(FREIGHT_FIGURES)  # what the freight estimate came from, replaced
    if duty is not None:
        quoted |= set(DUTY_FIGURES)
    return answers, dataclasses.replace(
        t,
        **figures,
        quoted=quoted,
        quoted_model=quote.model,
        quoted_unit_price=quote.unit_price_usd,
        quoted_freight_per_piece=_quoted_freight_per_piece(quote, freight, answers, t),
        quoted_duty_percent=duty,
        quoted_transit_weeks=transit_weeks(quote, t),
    )


def quoted_figures(quote: Quote, t: Thresholds) -> dict[str, int]:
    """The figures a quote gives, by threshold name. Thresholds are whole numbers: a quoted
    sample fee is rounded up to whole dollars, a deposit to the nearest whole percent.
    (Freight and duty are not a figure: see `freight_per_piece`.)"""
    m = quote.model.value
    figures = {
        f"{m}_moq_min_units": quote.moq_per_design,
        f"{m}_moq_max_units": quote.moq_per_design,
        f"{m}_sample_fee_usd": math.ceil(quote.sample_fee_usd),
        f"{m}_lead_time_min_weeks": quote.lead_time_weeks_min,
        f"{m}_lead_time_max_weeks": quote.lead_time_weeks_max,
        f"{m}_deposit_percent": int(quote.deposit_percent.quantize(0, rounding=ROUND_HALF_UP)),
    }
    if quote.model == Model.OEM:  # the quote's tooling is all of it, molds included
        figures |= {
            "oem_tooling_min_usd": quote.tooling_usd,
            "oem_tooling_max_usd": quote.tooling_usd,
            "oem_molds_per_design_min_usd": 0,
            "oem_molds_per_design_max_usd": 0,
        }
    return figures


def usual_deposit(model: Model, t: Thresholds, quoted: Collection[str]) -> int:
    """The deposit staff set for the model: in a re-run whose quote gave one (`quoted`, its
    figures' names), the snapshot holds the supplier's instead, and the figure's default
    stands in for staff's (another factory's terms are no usual)."""
    name = f"{model.value}_deposit_percent"
    return FIGURES[name].default if name in quoted else getattr(t, name)


def assess(
    quote: Quote, answers: Answers, t: Thresholds, today: date, *, for_launch: bool = True
) -> Assessment:
    """The quote for the buyer's order as of today: its landed cost, its cash (freight and duty
    a piece as in its landed cost, estimates included), and its delivery if the factory is fast
    and if it is slow, the New Year closure and transit counted; ranked by the launch unless it
    is not `for_launch` (a hybrid's own designs, ordered later)."""
    quoted_answers, quoted = with_quote(answers, t, quote)
    landed = landed_cost(quote, answers, t)
    quoted = dataclasses.replace(
        quoted, quoted_freight_per_piece=landed.freight, quoted_duty_percent=landed.duty_percent
    )
    costs = costs_for(quote.model, quoted_answers, quoted)
    timeline = timeline_for(quoted_answers, quoted, today)
    fast, slow = timeline.weeks(quote.model)
    retail = answers.retail_price_usd
    margin = None
    if retail:
        margin = ((retail - landed.per_piece) / retail * 100).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )
    return Assessment(
        **_the_piece(quote, answers, t, landed),
        landed=landed,
        cash_before_first_order=costs.upfront[0],
        cash_to_first_delivery=costs.cash_to_first_delivery[0],
        fast_delivery=today + timedelta(weeks=fast),
        slow_delivery=today + timedelta(weeks=slow),
        schedule=timeline.schedule(quote.model),
        for_launch=for_launch,
        pieces=costs.order_units_per_design * answers.design_count,
        shutdown_weeks=timeline.shutdown_weeks(quote.model),
        margin_percent=margin,
        moq_forced=costs.moq_forced,
        lapsed_on=quote.valid_until
        if quote.valid_until is not None and quote.valid_until < today
        else None,
        short_upfront=answers.upfront_budget_usd < costs.upfront[0],
        within_budget=answers.upfront_budget_usd >= costs.upfront[0]
        and (
            answers.cash_available is None
            or answers.cash_available >= costs.cash_to_first_delivery[0]
        ),
    )


def _the_piece(quote: Quote, answers: Answers, t: Thresholds, landed: Landed) -> dict:
    """What the quote says of the piece itself: a solid gold quote's gold and making, whether
    it gives them, what its gold comes to at the report's price; a plated piece's plating."""
    if answers.base_metal != BaseMetal.SOLID_GOLD:
        plating = plating_check(
            quote.plating_microns, answers.plating, answers.base_metal, answers.target_markets
        )
        return {"plating": plating}
    gold = quoted_gold(quote, answers.karat)
    return {
        "gold": gold,
        "gold_unquoted": not (quote.gold_grams and quote.gold_price_usd_per_oz),
        "gold_repricing": _gold_repricing(gold, answers, t, landed.duty_percent),
    }


def _gold_repricing(
    gold: QuotedGold | None, answers: Answers, t: Thresholds, duty_percent: Decimal
) -> Decimal:
    """How much a solid gold quote's landed cost a piece moves with its gold at the report's
    gold price instead of its own (duty on the difference too): quotes made on days the gold
    price differed compare by their gold and making alone, as each is re-priced when ordered
    (a consultant's read: a quote from a month the price was lower ranked first)."""
    if gold is None:
        return Decimal(0)
    at_report = gold_value(gold.grams, Karat(answers.karat), t.gold_price_usd_per_oz)
    return _cents((at_report - gold.metal) * (1 + duty_percent / 100))
