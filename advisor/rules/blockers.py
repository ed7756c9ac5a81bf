"""What rules a model out as answered: its money (the upfront budget, the total) or its time."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

from .figures import Thresholds
from .money import PRECIOUS_METALS
from .results import Blocker, ModelCosts, Timeline
from .texts import TOOLING_CAVEAT, Msg, Paragraph, gettext_noop, time_left, units, usd
from .types import Answers, BaseMetal, Model


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
        reasons += _minimum_caveat(model, answers, costs, t)
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


def _minimum_caveat(model: Model, answers: Answers, costs: ModelCosts, t: Thresholds) -> list[Msg]:
    """For silver and gold, whose pieces cost many times a base-metal one, a forced minimum is
    the source's figure, one for every metal: worth a factory's own before the model is
    ruled out."""
    if (
        not costs.moq_forced
        or f"{model.value}_moq_min_units" in t.quoted
        or answers.base_metal not in PRECIOUS_METALS
    ):
        return []
    params = {"moq": units(costs.moq_units), "model": model.name}
    if answers.base_metal == BaseMetal.SOLID_GOLD:
        text = gettext_noop(
            "%(model)s's minimum of %(moq)s a design is the source's figure, the same for every "
            "metal: ask factories for their minimum in solid gold; a quote's replaces it."
        )
    else:
        text = gettext_noop(
            "%(model)s's minimum of %(moq)s a design is the source's figure, the same for every "
            "metal: ask factories for their minimum in sterling silver; a quote's replaces it."
        )
    return [Msg(text, params)]


def _cash_blocker_reason(model: Model, answers: Answers, costs: ModelCosts) -> Msg:
    low = costs.cash_to_first_delivery[0]
    return Msg(
        gettext_noop(
            "Your total budget of %(total)s is below the %(cash)s that %(model)s needs until the "
            "first delivery arrives: %(upfront)s before the order, %(order)s for the order "
            "(%(units)s a design), %(inspection)s for inspection, %(freight)s for freight and "
            "%(duty)s for import duty, less %(credit)s of sample fees credited."
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
            "duty": usd(costs.duty),
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
    transit = timeline.transit(model)
    if timeline.by_sea is not None and timeline.by_sea[0] == model:
        how = Msg(gettext_noop("transit by sea %(weeks)s"), {"weeks": transit})
    else:
        how = Msg(gettext_noop("express transit %(weeks)s"), {"weeks": transit})
    params = {
        "model": model.name,
        "needed": weeks,
        "lead": weeks - shutdown - transit,
        "shutdown": shutdown,
        "transit": how,
    }
    if shutdown:
        return Msg(
            gettext_noop(
                "%(model)s needs at least %(needed)s week: lead time %(lead)s, the Chinese New "
                "Year closure %(shutdown)s and %(transit)s."
            ),
            params,
            plural=gettext_noop(
                "%(model)s needs at least %(needed)s weeks: lead time %(lead)s, the Chinese New "
                "Year closure %(shutdown)s and %(transit)s."
            ),
            count="needed",
        )
    return Msg(
        gettext_noop(
            "%(model)s needs at least %(needed)s week: lead time %(lead)s and %(transit)s."
        ),
        params,
        plural=gettext_noop(
            "%(model)s needs at least %(needed)s weeks: lead time %(lead)s and %(transit)s."
        ),
        count="needed",
    )
