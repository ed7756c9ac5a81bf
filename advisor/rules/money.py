"""Money and time: what each model costs the buyer, how long it takes, and what rules it out."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .figures import Thresholds
from .results import Blocker, ModelCosts, Timeline
from .texts import Msg, gettext_noop, usd
from .types import Answers, DesignReadiness, Model, QcCapability

# Which figures each cost line is computed from, to label the lines that rest on assumptions.
COST_FIGURES: dict[Model, dict[str, tuple[str, ...]]] = {
    Model.OEM: {
        "tooling_usd": ("oem_tooling_min_usd", "oem_tooling_max_usd"),
        "samples_usd": ("oem_sample_fee_usd", "oem_sampling_rounds"),
        "design_fees_usd": ("cad_design_fee_usd",),
        "deposit_usd": ("oem_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd",),
    },
    Model.ODM: {
        "samples_usd": ("odm_sample_fee_usd",),
        "deposit_usd": ("odm_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd",),
    },
}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def costs_for(model: Model, answers: Answers, t: Thresholds) -> ModelCosts:
    designs = answers.design_count
    if model == Model.OEM:
        tooling = (t.oem_tooling_min_usd, t.oem_tooling_max_usd)
        rounds = t.oem_sampling_rounds
        samples = t.oem_sample_fee_usd * rounds * designs
        needs_cad = answers.design_readiness != DesignReadiness.FULL_SPECS
        design_fees = t.cad_design_fee_usd * designs if needs_cad else 0
        moq, deposit_percent = t.oem_moq_min_units, t.oem_deposit_percent
    else:
        tooling, rounds, design_fees = (0, 0), 1, 0
        samples = t.odm_sample_fee_usd * designs
        moq, deposit_percent = t.odm_moq_min_units, t.odm_deposit_percent
    upfront = (tooling[0] + samples + design_fees, tooling[1] + samples + design_fees)
    order_units = max(answers.units_per_design, moq)
    first_order = _cents(answers.unit_cost_usd * answers.units_per_design * designs)
    first_order_at_moq = _cents(answers.unit_cost_usd * order_units * designs)
    deposit = _cents(first_order_at_moq * deposit_percent / 100)
    # Buyers without their own QC pay an inspector (a third party, or one they hire) per order.
    inspection = t.inspection_fee_usd if answers.qc_capability != QcCapability.IN_HOUSE else 0
    return ModelCosts(
        tooling=tooling,
        samples=samples,
        sample_rounds=rounds,
        design_fees=design_fees,
        upfront=upfront,
        moq_units=moq,
        order_units_per_design=order_units,
        moq_forced=order_units > answers.units_per_design,
        first_order=first_order,
        first_order_at_moq=first_order_at_moq,
        moq_extra=first_order_at_moq - first_order,
        deposit_percent=deposit_percent,
        deposit=deposit,
        inspection=inspection,
        cash_to_first_delivery=(
            upfront[0] + first_order_at_moq + inspection,
            upfront[1] + first_order_at_moq + inspection,
        ),
    )


def timeline_for(answers: Answers, t: Thresholds, today: date) -> Timeline:
    days = (answers.launch_date - today).days
    transit = t.transit_express_weeks
    oem = (t.oem_lead_time_min_weeks + transit, t.oem_lead_time_max_weeks + transit)
    odm = (t.odm_lead_time_min_weeks + transit, t.odm_lead_time_max_weeks + transit)
    return Timeline(
        launch_date=answers.launch_date,
        days_available=days,
        weeks_available=days // 7,
        transit_weeks=transit,
        oem_weeks=oem,
        odm_weeks=odm,
        oem_feasible=days >= oem[0] * 7,
        odm_feasible=days >= odm[0] * 7,
        oem_earliest_launch=today + timedelta(weeks=oem[0]),
        odm_earliest_launch=today + timedelta(weeks=odm[0]),
    )


def blockers_for(
    answers: Answers, costs: Mapping[Model, ModelCosts], timeline: Timeline
) -> list[Blocker]:
    """What rules each model out as answered: an upfront budget below its cheapest start, a
    launch inside its shortest schedule."""
    blockers = []
    # ODM first: when both models are blocked, the report leads with the smaller change.
    for model in (Model.ODM, Model.OEM):
        if answers.upfront_budget_usd < costs[model].upfront[0]:
            blockers.append(_upfront_blocker(model, answers, costs[model]))
        feasible = timeline.oem_feasible if model == Model.OEM else timeline.odm_feasible
        if not feasible:
            blockers.append(_lead_time_blocker(model, answers, timeline))
    return blockers


def _upfront_blocker(model: Model, answers: Answers, costs: ModelCosts) -> Blocker:
    needed = costs.upfront[0]
    return Blocker(
        model=model,
        factor="upfront-costs",
        reason=_upfront_blocker_reason(model, answers, costs),
        lift=Msg(
            gettext_noop(
                "An upfront budget of at least %(needed)s lifts the %(model)s upfront-cost blocker."
            ),
            {"needed": usd(needed), "model": model.name},
        ),
        lifted=dataclasses.replace(answers, upfront_budget_usd=needed),
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
            "Your upfront budget of %(budget)s is below the %(needed)s that ODM samples of your "
            "%(designs)s design(s) cost."
        ),
        params,
    )


def _lead_time_blocker(model: Model, answers: Answers, timeline: Timeline) -> Blocker:
    weeks = timeline.oem_weeks if model == Model.OEM else timeline.odm_weeks
    earliest = timeline.oem_earliest_launch if model == Model.OEM else timeline.odm_earliest_launch
    reason = Msg(
        gettext_noop(
            "Your launch on %(launch)s is %(weeks)s week away; %(model)s needs at least "
            "%(needed)s weeks (%(lead)s of lead time plus %(transit)s of express transit)."
        ),
        plural=gettext_noop(
            "Your launch on %(launch)s is %(weeks)s weeks away; %(model)s needs at least "
            "%(needed)s weeks (%(lead)s of lead time plus %(transit)s of express transit)."
        ),
        count="weeks",
        params={
            "launch": answers.launch_date.isoformat(),
            "weeks": timeline.weeks_available,
            "model": model.name,
            "needed": weeks[0],
            "lead": weeks[0] - timeline.transit_weeks,
            "transit": timeline.transit_weeks,
        },
    )
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
