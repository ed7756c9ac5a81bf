"""Money and time: what each model costs the buyer, how long it takes, and what rules it out."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .calendar import Production, closure_of, production
from .figures import Thresholds
from .results import Blocker, ModelCosts, Timeline
from .texts import TOOLING_CAVEAT, Msg, Paragraph, gettext_noop, time_left, units, usd
from .types import Answers, DesignReadiness, Model, QcCapability, Schedule

# Which figures each cost line is computed from, to label the lines that rest on assumptions.
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
        "inspection_usd": ("inspection_fee_usd",),
        "freight_usd": ("express_freight_percent",),
    },
    Model.ODM: {
        "samples_usd": ("odm_sample_fee_usd",),
        "sample_credit_usd": ("odm_sample_credit_percent",),
        "deposit_usd": ("odm_deposit_percent",),
        "balance_usd": ("odm_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd",),
        "freight_usd": ("express_freight_percent",),
    },
}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _percent(amount: Decimal, percent: int) -> Decimal:
    return _cents(amount * percent / 100)


def costs_for(model: Model, answers: Answers, t: Thresholds) -> ModelCosts:
    designs = answers.design_count
    if model == Model.OEM:
        molds = (
            t.oem_molds_per_design_min_usd * designs,
            t.oem_molds_per_design_max_usd * designs,
        )
        tooling = (t.oem_tooling_min_usd + molds[0], t.oem_tooling_max_usd + molds[1])
        rounds = t.oem_sampling_rounds
        samples = t.oem_sample_fee_usd * rounds * designs
        needs_cad = answers.design_readiness != DesignReadiness.FULL_SPECS
        design_fees = t.cad_design_fee_usd * designs if needs_cad else 0
        moq, deposit_percent, credit_percent = t.oem_moq_min_units, t.oem_deposit_percent, 0
    else:
        tooling, molds, rounds, design_fees = (0, 0), (0, 0), 1, 0
        samples = t.odm_sample_fee_usd * designs
        moq, deposit_percent = t.odm_moq_min_units, t.odm_deposit_percent
        credit_percent = t.odm_sample_credit_percent
    upfront = (tooling[0] + samples + design_fees, tooling[1] + samples + design_fees)
    order_units = max(answers.units_per_design, moq)
    first_order = _cents(answers.unit_cost_usd * answers.units_per_design * designs)
    order = _cents(answers.unit_cost_usd * order_units * designs)
    # The order always meets the minimum here; a credit never exceeds the order it is taken off.
    credit = min(_percent(Decimal(samples), credit_percent), order)
    deposit = _percent(order, deposit_percent)
    # Buyers without their own QC pay an inspector (a third party, or one they hire) per order.
    inspection = t.inspection_fee_usd if answers.qc_capability != QcCapability.IN_HOUSE else 0
    freight = _freight(order, order_units * designs, t)
    after_upfront = order - credit + inspection + freight
    return ModelCosts(
        tooling=tooling,
        molds=molds,
        samples=samples,
        sample_rounds=rounds,
        design_fees=design_fees,
        upfront=upfront,
        moq_units=moq,
        order_units_per_design=order_units,
        moq_forced=order_units > answers.units_per_design,
        first_order=first_order,
        first_order_at_moq=order,
        moq_extra=order - first_order,
        sample_credit=credit,
        deposit_percent=deposit_percent,
        deposit=deposit,
        balance=order - deposit,
        inspection=inspection,
        freight=freight,
        cash_to_first_delivery=(upfront[0] + after_upfront, upfront[1] + after_upfront),
    )


def _freight(order: Decimal, pieces: int, t: Thresholds) -> Decimal:
    """Express freight to the buyer: a share of the order's value, or in a re-run the freight
    and duty a piece a supplier quoted."""
    if t.quoted_freight_per_piece is None:
        return _percent(order, t.express_freight_percent)
    return _cents(t.quoted_freight_per_piece * pieces)


def timeline_for(answers: Answers, t: Thresholds, today: date) -> Timeline:
    """Weeks each model needs from today (lead time, any Chinese New Year closure inside
    production, express transit) against the weeks until the launch."""
    days = (answers.launch_date - today).days
    transit = t.transit_express_weeks
    runs = {
        Model.OEM: _runs(today, t.oem_lead_time_min_weeks, t.oem_lead_time_max_weeks, t),
        Model.ODM: _runs(today, t.odm_lead_time_min_weeks, t.odm_lead_time_max_weeks, t),
    }
    weeks = {
        model: (fast.weeks + transit, slow.weeks + transit) for model, (fast, slow) in runs.items()
    }
    festivals = sorted({day for pair in runs.values() for run in pair for day in run.festivals})
    return Timeline(
        launch_date=answers.launch_date,
        days_available=days,
        weeks_available=days // 7,
        transit_weeks=transit,
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
    )


def _runs(today: date, fast: int, slow: int, t: Thresholds) -> tuple[Production, Production]:
    closure = closure_of(t)
    return production(today, fast, closure), production(today, slow, closure)


def _schedule(days: int, weeks: tuple[int, int]) -> Schedule:
    if days >= weeks[1] * 7:
        return Schedule.FITS_EVEN_IF_SLOW
    if days >= weeks[0] * 7:
        return Schedule.FITS_ONLY_IF_FAST
    return Schedule.DOES_NOT_FIT


def blockers_for(
    answers: Answers, costs: Mapping[Model, ModelCosts], timeline: Timeline, t: Thresholds
) -> list[Blocker]:
    """What rules each model out as answered: an upfront budget below its cheapest start or a
    total budget below its cash to the first delivery, a launch inside its shortest schedule."""
    blockers = []
    # ODM first: when both models are blocked, the report leads with the smaller change.
    for model in (Model.ODM, Model.OEM):
        money = _money_blocker(model, answers, costs[model], t)
        if money is not None:
            blockers.append(money)
        if not timeline.feasible(model):
            blockers.append(_lead_time_blocker(model, answers, timeline))
    return blockers


def _money_blocker(
    model: Model, answers: Answers, costs: ModelCosts, t: Thresholds
) -> Blocker | None:
    """One blocker for all that a model's money rules out: the upfront budget, the total."""
    upfront = costs.upfront[0]
    cash = math.ceil(costs.cash_to_first_delivery[0])  # whole dollars, as buyers answer
    short_upfront = answers.upfront_budget_usd < upfront
    available = answers.cash_available
    short_cash = available is not None and available < cash
    if not (short_upfront or short_cash):
        return None
    params = {"upfront": usd(upfront), "cash": usd(cash), "model": model.name}
    lifted, reasons = answers, []
    if short_upfront:
        reasons.append(_upfront_blocker_reason(model, answers, costs))
        if model == Model.OEM and "oem_tooling_min_usd" not in t.quoted:
            reasons.append(TOOLING_CAVEAT)
        lifted = dataclasses.replace(lifted, upfront_budget_usd=upfront)
    if short_cash:
        reasons.append(_cash_blocker_reason(model, answers, costs))
        lifted = dataclasses.replace(lifted, total_budget_usd=cash)
    elif lifted.total_budget_usd is not None:  # the total includes the upfront budget
        lifted = dataclasses.replace(lifted, total_budget_usd=max(lifted.total_budget_usd, upfront))
    if short_upfront and short_cash:
        lift = gettext_noop(
            "An upfront budget of at least %(upfront)s and a total budget of at least %(cash)s "
            "lift the %(model)s money blockers."
        )
    elif short_upfront:
        lift = gettext_noop(
            "An upfront budget of at least %(upfront)s lifts the %(model)s upfront-cost blocker."
        )
    else:
        lift = gettext_noop("A total budget of at least %(cash)s lifts the %(model)s cash blocker.")
    return Blocker(model, "upfront-costs", Paragraph(tuple(reasons)), Msg(lift, params), lifted)


def _cash_blocker_reason(model: Model, answers: Answers, costs: ModelCosts) -> Msg:
    low = costs.cash_to_first_delivery[0]
    return Msg(
        gettext_noop(
            "Your total budget of %(total)s is below the %(cash)s that %(model)s needs until the "
            "first delivery arrives: %(upfront)s before the order, %(order)s for the order "
            "(%(units)s a design), %(inspection)s for inspection and %(freight)s for "
            "express freight, less %(credit)s of sample fees credited."
        ),
        {
            "total": usd(answers.cash_available or 0),
            "cash": usd(low),
            "model": model.name,
            "upfront": usd(costs.upfront[0]),
            "order": usd(costs.first_order_at_moq),
            "units": units(costs.order_units_per_design),
            "inspection": usd(costs.inspection),
            "freight": usd(costs.freight),
            "credit": usd(costs.sample_credit),
        },
    )


def _upfront_blocker_reason(model: Model, answers: Answers, costs: ModelCosts) -> Msg:
    params = {
        "budget": usd(answers.upfront_budget_usd),
        "needed": usd(costs.upfront[0]),
        "tooling": usd(costs.tooling[0]),
        "samples": usd(costs.samples),
        "design": usd(costs.design_fees),
        "designs": answers.design_count,
    }
    if model == Model.OEM:
        return Msg(
            gettext_noop(
                "Your upfront budget of %(budget)s is below the %(needed)s the cheapest OEM start "
                "costs: tooling from %(tooling)s, samples %(samples)s and design fees %(design)s."
            ),
            params,
        )
    return Msg(
        gettext_noop(
            "Your upfront budget of %(budget)s is below the %(needed)s that an ODM sample of your "
            "%(designs)s design costs."
        ),
        params,
        plural=gettext_noop(
            "Your upfront budget of %(budget)s is below the %(needed)s that ODM samples of your "
            "%(designs)s designs cost."
        ),
        count="designs",
    )


def _lead_time_blocker(model: Model, answers: Answers, timeline: Timeline) -> Blocker:
    earliest = timeline.earliest_launch(model)
    away = Msg(
        gettext_noop("Your launch on %(launch)s is %(left)s away."),
        {"launch": answers.launch_date.isoformat(), "left": time_left(timeline.days_available)},
    )
    reason = Paragraph((away, needed_weeks(model, timeline)))
    return Blocker(
        model=model,
        factor="lead-time",
        reason=reason,
        lift=Msg(
            gettext_noop("A launch on or after %(date)s lifts the %(model)s lead-time blocker."),
            {"date": earliest.isoformat(), "model": model.name},
        ),
        lifted=dataclasses.replace(answers, launch_date=earliest),
    )


def needed_weeks(model: Model, timeline: Timeline) -> Msg:
    """What a model's shortest schedule is made of, in weeks."""
    weeks, shutdown = timeline.weeks(model)[0], timeline.shutdown_weeks(model)[0]
    params = {
        "model": model.name,
        "needed": weeks,
        "lead": weeks - shutdown - timeline.transit_weeks,
        "shutdown": shutdown,
        "transit": timeline.transit_weeks,
    }
    if shutdown:
        return Msg(
            gettext_noop(
                "%(model)s needs at least %(needed)s week: lead time %(lead)s, the Chinese New "
                "Year closure %(shutdown)s and express transit %(transit)s."
            ),
            params,
            plural=gettext_noop(
                "%(model)s needs at least %(needed)s weeks: lead time %(lead)s, the Chinese New "
                "Year closure %(shutdown)s and express transit %(transit)s."
            ),
            count="needed",
        )
    return Msg(
        gettext_noop(
            "%(model)s needs at least %(needed)s week: lead time %(lead)s and express transit "
            "%(transit)s."
        ),
        params,
        plural=gettext_noop(
            "%(model)s needs at least %(needed)s weeks: lead time %(lead)s and express transit "
            "%(transit)s."
        ),
        count="needed",
    )
