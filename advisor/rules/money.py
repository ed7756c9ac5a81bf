"""Money and time: what each model costs the buyer and how long it takes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .calendar import Production, closure_of, production
from .figures import Thresholds
from .results import ModelCosts, Timeline
from .types import (
    FINENESS,
    TROY_OUNCE_G,
    Answers,
    BaseMetal,
    DesignReadiness,
    Karat,
    Market,
    Model,
    QcCapability,
    Schedule,
)

# Which figures each cost line is computed from, to label the lines that rest on assumptions.
FREIGHT_FIGURES = (
    "courier_first_kg_usd",
    "courier_extra_kg_usd",
    "courier_insurance_per_1000_usd",
    "sea_freight_min_usd",
    *(f"piece_weight_{metal}_g" for metal in BaseMetal),
)
# Silver and solid gold pay the precious-metal rate (tariff heading 7113), other pieces the
# base-metal one (7117); other markets have one figure for both.
PRECIOUS_METALS = frozenset({BaseMetal.STERLING_SILVER, BaseMetal.SOLID_GOLD})
DUTY_FIGURES = (
    *(f"duty_{market}_percent" for market in Market),
    *(f"duty_{market}_precious_percent" for market in Market if market != Market.OTHER),
)
COST_FIGURES: dict[Model, dict[str, tuple[str, ...]]] = {
    Model.OEM: {
        "tooling_usd": (
            "oem_tooling_min_usd",
            "oem_tooling_max_usd",
            "oem_molds_per_design_min_usd",
            "oem_molds_per_design_max_usd",
        ),
        "molds_usd": ("oem_molds_per_design_min_usd", "oem_molds_per_design_max_usd"),
        "samples_usd": ("oem_sample_fee_usd", "oem_sampling_rounds"),
        "design_fees_usd": ("cad_design_fee_usd",),
        "deposit_usd": ("oem_deposit_percent",),
        "balance_usd": ("oem_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd", "inspection_min_order_usd"),
        "freight_usd": FREIGHT_FIGURES,
        "duty_usd": DUTY_FIGURES,
    },
    Model.ODM: {
        "samples_usd": ("odm_sample_fee_usd",),
        "sample_credit_usd": ("odm_sample_credit_percent", "courier_first_kg_usd"),
        "deposit_usd": ("odm_deposit_percent",),
        "balance_usd": ("odm_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd", "inspection_min_order_usd"),
        "freight_usd": FREIGHT_FIGURES,
        "duty_usd": DUTY_FIGURES,
    },
}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _percent(amount: Decimal, percent: int) -> Decimal:
    return _cents(amount * percent / 100)


def from_stock(model: Model, answers: Answers, t: Thresholds) -> bool:
    """Whether the buyer's quantity makes ODM a purchase of the factory's wholesale stock (an
    ODM quote in a re-run is the factory's own terms, whatever they are)."""
    if model != Model.ODM or t.quoted_model == Model.ODM:
        return False
    return answers.units_per_design <= t.stock_order_max_units


@dataclass(frozen=True)
class _Terms:
    """What a model asks before and of the order."""

    tooling: tuple[int, int] = (0, 0)
    molds: tuple[int, int] = (0, 0)
    rounds: int = 0
    samples: int = 0
    design_fees: int = 0
    moq: int = 0
    deposit_percent: int = 0
    credit_percent: int = 0


def _terms(model: Model, stock: bool, answers: Answers, t: Thresholds) -> _Terms:
    designs = answers.design_count
    if model == Model.OEM:
        fee = sample_fee(Model.OEM, answers, t)
        molds = (
            t.oem_molds_per_design_min_usd * designs,
            t.oem_molds_per_design_max_usd * designs,
        )
        needs_cad = answers.design_readiness != DesignReadiness.FULL_SPECS
        return _Terms(
            tooling=(t.oem_tooling_min_usd + molds[0], t.oem_tooling_max_usd + molds[1]),
            molds=molds,
            rounds=t.oem_sampling_rounds,
            samples=fee * t.oem_sampling_rounds * designs,
            design_fees=t.cad_design_fee_usd * designs if needs_cad else 0,
            moq=t.oem_moq_min_units,
            deposit_percent=t.oem_deposit_percent,
        )
    if stock:
        # The pieces bought are the samples: nothing to pay before the order. Assumption: stock
        # is paid in full when ordered, as marketplace listings sell it.
        return _Terms(moq=t.wholesale_moq_min_units, deposit_percent=100)
    return _Terms(
        rounds=1,
        samples=sample_fee(Model.ODM, answers, t) * designs,
        moq=t.odm_moq_min_units,
        deposit_percent=t.odm_deposit_percent,
        credit_percent=t.odm_sample_credit_percent,
    )


def costs_for(model: Model, answers: Answers, t: Thresholds) -> ModelCosts:
    designs = answers.design_count
    stock = from_stock(model, answers, t)
    terms = _terms(model, stock, answers, t)
    tooling, samples, design_fees, moq = terms.tooling, terms.samples, terms.design_fees, terms.moq
    upfront = (tooling[0] + samples + design_fees, tooling[1] + samples + design_fees)
    order_units = max(answers.units_per_design, moq)
    unit_cost = unit_cost_for(model, answers, t)
    first_order = _cents(unit_cost * answers.units_per_design * designs)
    order = _cents(unit_cost * order_units * designs)
    # The order always meets the minimum here. The sample fees include their courier, which is
    # never credited; a credit never exceeds the order it is taken off.
    sample_courier = courier(designs, answers, t, insured_value=Decimal(0)) if samples else 0
    creditable = Decimal(max(samples - sample_courier, 0))
    credit = min(_percent(creditable, terms.credit_percent), order)
    deposit = _percent(order, terms.deposit_percent)
    inspection = t.inspection_fee_usd if pays_inspection(stock, answers, order, t) else 0
    freight = _freight(model, order, order_units * designs, answers, t)
    duty_rate = duty_percent(model, answers, t)
    duty = _cents(order * duty_rate / 100)
    after_upfront = order - credit + inspection + freight + duty
    return ModelCosts(
        tooling=tooling,
        molds=terms.molds,
        samples=samples,
        sample_rounds=terms.rounds,
        design_fees=design_fees,
        upfront=upfront,
        moq_units=moq,
        order_units_per_design=order_units,
        moq_forced=order_units > answers.units_per_design,
        first_order=first_order,
        first_order_at_moq=order,
        moq_extra=order - first_order,
        sample_credit=credit,
        deposit_percent=terms.deposit_percent,
        deposit=deposit,
        balance=order - deposit,
        inspection=inspection,
        freight=freight,
        duty_percent=duty_rate,
        duty=duty,
        cash_to_first_delivery=(upfront[0] + after_upfront, upfront[1] + after_upfront),
        from_stock=stock,
        unit_cost=unit_cost,
    )


def sample_fee(model: Model, answers: Answers, t: Thresholds) -> int:
    """A sample's fee, never below the gold and making of a solid gold piece (whole dollars,
    rounded up): a base-metal fee would price a gold sample at a fraction of its metal. A fee
    a supplier quoted stands as quoted."""
    name = f"{model}_sample_fee_usd"
    fee = getattr(t, name)
    gold = gold_piece(answers, t)
    if gold is None or name in t.quoted:
        return fee
    return max(fee, math.ceil(gold.cost))


def pays_inspection(stock: bool, answers: Answers, order: Decimal, t: Thresholds) -> bool:
    """Buyers without their own QC pay an inspector-day per order once the order is worth it;
    below that, and for stock, the factory's photos and video of the packed goods do."""
    if stock or answers.qc_capability == QcCapability.IN_HOUSE:
        return False
    return order >= t.inspection_min_order_usd


def piece_weight_g(answers: Answers, t: Thresholds) -> Decimal:
    """The buyer's weight of a piece, or the assumed one for its metal."""
    if answers.piece_weight_g is not None:
        return answers.piece_weight_g
    metal = answers.base_metal if answers.base_metal in set(BaseMetal) else BaseMetal.OTHER
    return Decimal(getattr(t, f"piece_weight_{metal}_g"))


def courier(pieces: int, answers: Answers, t: Thresholds, insured_value: Decimal) -> Decimal:
    """An express courier parcel of these pieces: the first kilogram, each further one started,
    and insurance on the goods' value."""
    kilograms = max(1, math.ceil(pieces * piece_weight_g(answers, t) / 1000))
    carriage = t.courier_first_kg_usd + (kilograms - 1) * t.courier_extra_kg_usd
    return _cents(carriage + insured_value * t.courier_insurance_per_1000_usd / 1000)


def unit_cost_for(model: Model, answers: Answers, t: Thresholds) -> Decimal:
    """The buyer's expected cost a piece, never below what the gold in a solid gold piece and
    its making cost; in a re-run, the price its quote gave this model (the other model keeps
    the buyer's figure)."""
    if model == t.quoted_model and t.quoted_unit_price is not None:
        return t.quoted_unit_price
    gold = gold_piece(answers, t)
    return max(answers.unit_cost_usd, gold.cost) if gold else answers.unit_cost_usd


@dataclass(frozen=True)
class GoldPiece:
    grams: Decimal
    karat: str
    metal: Decimal  # the gold in it, at the staff's price
    cost: Decimal  # the metal and the making charge


def gold_value(grams: Decimal, karat: Karat, price_per_oz: Decimal) -> Decimal:
    """The fine gold in `grams` of the karat at a price a troy ounce, unrounded."""
    return grams * FINENESS[karat] / 1000 * price_per_oz / TROY_OUNCE_G


def gold_piece(answers: Answers, t: Thresholds) -> GoldPiece | None:
    """What the gold in one solid gold piece is worth, and with its making charge costs:
    grams x fineness x the price a gram, plus the making charge a gram."""
    if answers.base_metal != BaseMetal.SOLID_GOLD or answers.karat not in set(Karat):
        return None
    grams = piece_weight_g(answers, t)
    metal = _cents(gold_value(grams, Karat(answers.karat), t.gold_price_usd_per_oz))
    making = grams * t.gold_making_charge_usd_per_g
    return GoldPiece(grams, answers.karat, metal, _cents(metal + making))


def _freight(model: Model, order: Decimal, pieces: int, answers: Answers, t: Thresholds) -> Decimal:
    """Freight to the buyer: a courier parcel by weight, or in a re-run the freight a piece its
    quote gave this model."""
    if model == t.quoted_model and t.quoted_freight_per_piece is not None:
        return _cents(t.quoted_freight_per_piece * pieces)
    return courier(pieces, answers, t, insured_value=order)


def duty_figure(market: str, base_metal: str | None) -> str:
    """The figure holding a market's default duty on the buyer's pieces."""
    if base_metal in PRECIOUS_METALS and market != Market.OTHER:
        return f"duty_{market}_precious_percent"
    return f"duty_{market}_percent"


def default_duty(
    markets: Sequence[str], t: Thresholds, base_metal: str | None = None
) -> tuple[Decimal, tuple[str, ...]]:
    """The default duty on the buyer's pieces for their markets: the highest of their figures
    (all four when the markets are not known), and the markets that have it."""
    names = tuple(markets) or tuple(Market)
    rates = {name: getattr(t, duty_figure(name, base_metal)) for name in names}
    highest = max(rates.values())
    return Decimal(highest), tuple(name for name in names if rates[name] == highest)


def duty_percent(model: Model, answers: Answers, t: Thresholds) -> Decimal:
    """The import duty counted on the order's price: in a re-run the duty its quote gave this
    model (0 for DDP), else the default for the buyer's markets. Counted on every order,
    however small: exemptions for small parcels are left out (an assumption)."""
    if model == t.quoted_model and t.quoted_duty_percent is not None:
        return t.quoted_duty_percent
    return default_duty(answers.target_markets, t, answers.base_metal)[0]


def timeline_for(answers: Answers, t: Thresholds, today: date) -> Timeline:
    """Weeks each model needs from today (lead time, any Chinese New Year closure inside
    production, transit: express, or by sea for a re-run's quote that ships so) against the
    weeks until the launch."""
    days = (answers.launch_date - today).days
    runs = {
        Model.OEM: _runs(today, t.oem_lead_time_min_weeks, t.oem_lead_time_max_weeks, t),
        Model.ODM: _runs(today, *odm_lead_weeks(answers, t), t),
    }
    transit = {model: t.transit_weeks(model) for model in runs}
    weeks = {
        model: (fast.weeks + transit[model], slow.weeks + transit[model])
        for model, (fast, slow) in runs.items()
    }
    by_sea = None
    if t.quoted_transit_weeks is not None:
        by_sea = (t.quoted_model, t.quoted_transit_weeks)
    festivals = sorted({day for pair in runs.values() for run in pair for day in run.festivals})
    return Timeline(
        launch_date=answers.launch_date,
        days_available=days,
        weeks_available=days // 7,
        transit_weeks=t.transit_express_weeks,
        oem_weeks=weeks[Model.OEM],
        odm_weeks=weeks[Model.ODM],
        oem_feasible=days >= weeks[Model.OEM][0] * 7,
        odm_feasible=days >= weeks[Model.ODM][0] * 7,
        oem_earliest_launch=today + timedelta(weeks=weeks[Model.OEM][0]),
        odm_earliest_launch=today + timedelta(weeks=weeks[Model.ODM][0]),
        oem_schedule=_schedule(days, weeks[Model.OEM]),
        odm_schedule=_schedule(days, weeks[Model.ODM]),
        oem_shutdown_weeks=tuple(run.shutdown_weeks for run in runs[Model.OEM]),
        odm_shutdown_weeks=tuple(run.shutdown_weeks for run in runs[Model.ODM]),
        festival=festivals[0] if festivals else None,
        by_sea=by_sea,
    )


def odm_lead_weeks(answers: Answers, t: Thresholds) -> tuple[int, int]:
    """ODM's shortest and longest lead time: stock ships in days, a catalogue order is made."""
    if from_stock(Model.ODM, answers, t):
        return t.stock_dispatch_weeks, t.stock_dispatch_weeks
    return t.odm_lead_time_min_weeks, t.odm_lead_time_max_weeks


def _runs(today: date, fast: int, slow: int, t: Thresholds) -> tuple[Production, Production]:
    closure = closure_of(t)
    return production(today, fast, closure), production(today, slow, closure)


def _schedule(days: int, weeks: tuple[int, int]) -> Schedule:
    if days >= weeks[1] * 7:
        return Schedule.FITS_EVEN_IF_SLOW
    if days >= weeks[0] * 7:
        return Schedule.FITS_ONLY_IF_FAST
    return Schedule.DOES_NOT_FIT
