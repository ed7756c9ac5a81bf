"""The report's opening sentences: the verdict, the few facts that decided it, and every hard
fact that changes what the buyer pays or when they launch.

The opening says why; then, for the model the buyer is told to start with, a minimum order
larger than planned (with the options) and the cash it takes to the first delivery. A report
never recommends a model without saying what it costs.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from .figures import Thresholds
from .money import GoldPiece, gold_piece
from .plan import oem_conditions, order_by_for
from .results import Blocker, Decision, ModelCosts, Timeline
from .texts import (
    Msg,
    Paragraph,
    Term,
    count,
    factor_phrases,
    gettext_noop,
    units,
    usd,
    weeks,
)
from .types import Answers, DemandEvidence, Fit, Model, Schedule, Verdict
from .verdict import nearest, wants_oem


def summary(a: Answers, t: Thresholds, core: Decision) -> Paragraph:
    """The opening sentence, then the hard facts about the model to start with."""
    model = acted_on(core)
    return Paragraph((_opening(a, core), *_hard_facts(model, a, t, core)))


def acted_on(core: Decision) -> Model:
    """The model the buyer is told to start with (`starting_model`)."""
    return starting_model(core.verdict, nearest(core) if core.verdict == Verdict.NEITHER else None)


def starting_model(verdict: Verdict, nearer: Model | None) -> Model:
    """The model a verdict starts with: a hybrid with ODM; with neither possible, the nearer
    one (ODM when not known: reports saved before "nearest" existed)."""
    if verdict == Verdict.OEM:
        return Model.OEM
    if verdict == Verdict.NEITHER and nearer is not None:
        return nearer
    return Model.ODM


def _opening(a: Answers, core: Decision) -> Msg:
    leaning = {
        fit: [f.slug for f in sorted(core.factors, key=lambda f: -f.weight) if f.fit == fit]
        for fit in Fit
    }
    blocked = {model: core.blockers_of(model) for model in Model}
    params = {
        "oem_count": len(leaning[Fit.OEM]),
        "odm_count": len(leaning[Fit.ODM]),
        "oem_leaders": factor_phrases(leaning[Fit.OEM][:2]),
        "odm_leaders": factor_phrases(leaning[Fit.ODM][:2]),
        "oem_blockers": factor_phrases([b.factor for b in blocked[Model.OEM]]),
        "odm_blockers": factor_phrases([b.factor for b in blocked[Model.ODM]]),
    }
    if core.verdict == Verdict.NEITHER:
        return _neither(core)
    if core.verdict == Verdict.OEM:
        forced = core.costs[Model.OEM].moq_forced
        return _oem(params, odm_blocked=bool(blocked[Model.ODM]), moq_forced=forced)
    if core.verdict == Verdict.ODM:
        return _odm(params, core.score, blocked[Model.OEM], leans_odm=bool(leaning[Fit.ODM]))
    return _hybrid(a, core, params, blocked[Model.OEM])


def _neither(core: Decision) -> Msg:
    # Lead with every change the nearer model needs: one lift alone may unblock nothing.
    nearer = nearest(core)
    return Msg(
        gettext_noop(
            "Neither OEM nor ODM works as answered. %(model)s becomes possible with these "
            "changes: %(lifts)s"
        ),
        {"model": nearer.name, "lifts": [b.lift for b in core.blockers_of(nearer)]},
    )


def _oem(params: dict, *, odm_blocked: bool, moq_forced: bool) -> Msg:
    if odm_blocked and moq_forced:
        return Msg(
            gettext_noop("Work OEM: ODM is ruled out as answered (%(odm_blockers)s)."), params
        )
    if moq_forced:  # the minimum order is a hard fact of its own, said next
        return Msg(
            gettext_noop("Work OEM: %(oem_count)s of the 8 factors leans OEM: %(oem_leaders)s."),
            params,
            plural=gettext_noop(
                "Work OEM: %(oem_count)s of the 8 factors lean OEM, led by %(oem_leaders)s."
            ),
            count="oem_count",
        )
    if odm_blocked:
        return Msg(
            gettext_noop(
                "Work OEM: ODM is ruled out as answered (%(odm_blockers)s), and nothing rules "
                "OEM out."
            ),
            params,
        )
    return Msg(
        gettext_noop(
            "Work OEM: %(oem_count)s of the 8 factors leans OEM (%(oem_leaders)s), and nothing "
            "you told us rules it out."
        ),
        params,
        plural=gettext_noop(
            "Work OEM: %(oem_count)s of the 8 factors lean OEM, led by %(oem_leaders)s, and "
            "nothing you told us rules it out."
        ),
        count="oem_count",
    )


def _odm(params: dict, score: float, oem_blockers: list[Blocker], *, leans_odm: bool) -> Msg:
    if oem_blockers and leans_odm:
        return Msg(
            gettext_noop(
                "Work ODM: OEM is ruled out today (%(oem_blockers)s), and %(odm_count)s of the 8 "
                "factors leans ODM anyway (%(odm_leaders)s)."
            ),
            params,
            plural=gettext_noop(
                "Work ODM: OEM is ruled out today (%(oem_blockers)s), and %(odm_count)s of the 8 "
                "factors lean ODM anyway, led by %(odm_leaders)s."
            ),
            count="odm_count",
        )
    elif oem_blockers:
        template = gettext_noop(
            "Work ODM: OEM is ruled out today (%(oem_blockers)s), while nothing rules ODM out."
        )
    elif score < 0 and leans_odm:
        return Msg(
            gettext_noop(
                "Work ODM: %(odm_count)s of the 8 factors leans ODM (%(odm_leaders)s); OEM's "
                "extra cost and wait would buy you little."
            ),
            params,
            plural=gettext_noop(
                "Work ODM: %(odm_count)s of the 8 factors lean ODM, led by %(odm_leaders)s; OEM's "
                "extra cost and wait would buy you little."
            ),
            count="odm_count",
        )
    else:
        template = gettext_noop(
            "Work ODM: the factors are close to balanced (of the 8, OEM %(oem_count)s, ODM "
            "%(odm_count)s), so the cheaper and faster start wins."
        )
    return Msg(template, params)


def _hybrid(a: Answers, core: Decision, params: dict, oem_blockers: list[Blocker]) -> Msg:
    why = (
        Term(gettext_noop("Your goals point to OEM"))
        if wants_oem(a)
        else Term(gettext_noop("Most factors lean OEM"))
    )
    if oem_blockers:
        return Msg(
            gettext_noop(
                "Hybrid: launch with ODM now and move your hero designs to OEM later. %(why)s, "
                "but it is ruled out for this launch (%(oem_blockers)s): OEM needs %(needs)s."
            ),
            {**params, "why": why, "needs": oem_conditions(a, core)},
        )
    when = Term(
        gettext_noop("the first ODM designs have proven which pieces sell")
        if a.demand_evidence != DemandEvidence.PROVEN
        else gettext_noop("your sales justify the OEM minimum order")
    )
    return Msg(
        gettext_noop(
            "Hybrid: launch with ODM now and move your hero designs to OEM once %(when)s. "
            "%(why)s, but the other factors do not justify it yet (of the 8, OEM %(oem_count)s, "
            "ODM %(odm_count)s)."
        ),
        {**params, "when": when, "why": why},
    )


def _hard_facts(model: Model, a: Answers, t: Thresholds, core: Decision) -> list[Msg | Paragraph]:
    costs = core.costs[model]
    facts: list[Msg | Paragraph] = []
    if costs.from_stock:
        facts.append(
            Msg(
                gettext_noop(
                    "At %(units)s a design, buy the factory's wholesale stock: the pieces you "
                    "buy are your samples, with no sample, design or inspection fees."
                ),
                {"units": units(a.units_per_design)},
            )
        )
    gold = gold_piece(a, t)
    quoted_price = model == t.quoted_model and t.quoted_unit_price is not None
    if gold is not None and quoted_price:  # a re-run's quote gives its own price
        facts.append(QUOTED_GOLD)
    elif gold is not None:
        today = core.timeline.launch_date - timedelta(days=core.timeline.days_available)
        facts.append(_gold(a, t, gold, today))
    if costs.moq_forced:
        facts.append(_forced_minimum(model, a, t, costs))
    facts.append(_cash_to_first_delivery(model, costs, a.cash_available))
    # A hybrid's plan dates the ODM order, fast and slow, on its own.
    if _schedule(model, core) == Schedule.FITS_ONLY_IF_FAST and core.verdict != Verdict.HYBRID:
        sampled = model == Model.ODM and not costs.from_stock
        facts.append(_only_if_fast(model, t, core.timeline, sampled=sampled))
    return facts


QUOTED_GOLD = Msg(
    gettext_noop(
        "A quote for solid gold moves with the gold price: agree in the contract which day's "
        "gold price the order is made at, and the price an ounce the quote assumes."
    )
)

# Assumption: gold moves every day; a price staff set more than a month ago is said to be old.
GOLD_PRICE_OLD_AFTER_DAYS = 30


def _gold(a: Answers, t: Thresholds, gold: GoldPiece, today: date) -> Msg | Paragraph:
    sentence = _gold_cost(a, t, gold)
    age = (today - t.gold_price_set_on).days
    if age <= GOLD_PRICE_OLD_AFTER_DAYS:
        return sentence
    old = Msg(
        gettext_noop(
            "That gold price is %(days)s day old: check today's price before you budget or "
            "compare quotes."
        ),
        {"days": count(age)},
        plural=gettext_noop(
            "That gold price is %(days)s days old: check today's price before you budget or "
            "compare quotes."
        ),
        count="days",
    )
    return Paragraph((sentence, old))


def _gold_cost(a: Answers, t: Thresholds, gold: GoldPiece) -> Msg:
    params = {
        "grams": f"{gold.grams.normalize():f}",
        "karat": gold.karat.upper(),
        "metal": usd(gold.metal),
        "price": usd(t.gold_price_usd_per_oz),
        "date": t.gold_price_set_on.isoformat(),
        "cost": usd(gold.cost),
        "expected": usd(a.unit_cost_usd),
    }
    if gold.cost > a.unit_cost_usd:
        template = gettext_noop(
            "A piece holds %(grams)s g of %(karat)s gold, worth about %(metal)s at %(price)s a "
            "troy ounce (set on %(date)s); with the making charge it costs about %(cost)s, "
            "more than the %(expected)s you expected, so the costs use %(cost)s. Agree in the "
            "contract which day's gold price the order is made at."
        )
    else:
        template = gettext_noop(
            "A piece holds %(grams)s g of %(karat)s gold, worth about %(metal)s at %(price)s a "
            "troy ounce (set on %(date)s); your %(expected)s a piece covers it and the making "
            "charge. Agree in the contract which day's gold price the order is made at."
        )
    return Msg(template, params)


def _schedule(model: Model, core: Decision) -> Schedule:
    timeline = core.timeline
    return timeline.oem_schedule if model == Model.OEM else timeline.odm_schedule


def _only_if_fast(model: Model, t: Thresholds, timeline: Timeline, *, sampled: bool) -> Msg:
    """The launch is met only at the short end of the lead time: say so, and by when the
    order must be placed for even a fast factory to make it."""
    fast, slow = timeline.weeks(model)
    today = timeline.launch_date - timedelta(days=timeline.days_available)
    closure = timeline.shutdown_weeks(model)[0]
    transit = timeline.transit(model)
    order_by = order_by_for(timeline.launch_date, fast, closure, transit, t, today)
    template = gettext_noop(
        "%(model)s meets your launch only if the factory is fast (%(fast)s; a slow one needs "
        "%(slow)s): order by %(date)s, and write the delivery date into the contract."
    )
    if sampled:  # ODM's time starts with choosing a catalogue design and its sample
        template = gettext_noop(
            "%(model)s meets your launch only if the factory is fast (%(fast)s, choosing and "
            "sampling included; a slow one needs %(slow)s): ask for the samples by %(date)s, "
            "and write the delivery date into the contract."
        )
    return Msg(
        template,
        {
            "model": model.name,
            "fast": weeks(fast),
            "slow": weeks(slow),
            "date": order_by.isoformat(),
        },
    )


def _forced_minimum(model: Model, a: Answers, t: Thresholds, costs: ModelCosts) -> Msg:
    params = {
        "model": model.name,
        "moq": units(costs.moq_units),
        "units": count(a.units_per_design),
        "extra": usd(costs.moq_extra),
        "total": usd(costs.first_order_at_moq),
        "odm_moq": units(t.odm_moq_min_units),
        "wholesale": units(t.wholesale_moq_min_units),
    }
    if costs.from_stock:
        template = gettext_noop(
            "Wholesale stock usually sells from %(moq)s a design, not the %(units)s you "
            "planned: %(extra)s more for the first order (%(total)s in all)."
        )
    elif model == Model.OEM:
        template = gettext_noop(
            "OEM factories usually ask for at least %(moq)s a design, not the %(units)s "
            "you planned: %(extra)s more for the first order (%(total)s in all). Ask for a lower "
            "minimum, or one your designs can share; order the minimum; or work ODM, from "
            "%(odm_moq)s a design."
        )
    else:
        template = gettext_noop(
            "ODM factories usually ask for at least %(moq)s a design, not the %(units)s "
            "you planned: %(extra)s more for the first order (%(total)s in all). Ask for a lower "
            "minimum, or one your designs can share; order the minimum; or buy the factory's "
            "wholesale stock, from %(wholesale)s a design."
        )
    return Msg(template, params)


def _cash_to_first_delivery(
    model: Model, costs: ModelCosts, available: int | None
) -> Msg | Paragraph:
    low, high = costs.cash_to_first_delivery
    params = {"model": model.name, "low": usd(low), "high": usd(high)}
    if costs.from_stock:
        template = gettext_noop(
            "Cash needed until the first %(model)s delivery arrives: about %(low)s (the order, "
            "a courier parcel and import duty)."
        )
    elif low == high:
        template = gettext_noop(
            "Cash needed until the first %(model)s delivery arrives: about %(low)s (what is paid "
            "before the order, the order itself, inspection, freight and import duty)."
        )
    else:
        template = gettext_noop(
            "Cash needed until the first %(model)s delivery arrives: about %(low)s to %(high)s "
            "(what is paid before the order, the order itself, inspection, freight and import "
            "duty)."
        )
    sentence = Msg(template, params)
    # Short of the low end is a blocker, said first; covering the top needs no warning.
    if available is None or available >= high or available < math.ceil(low):
        return sentence
    # Within the budget at the low end only: the top of the tooling range would break it.
    return Paragraph(
        (
            sentence,
            Msg(
                gettext_noop(
                    "Your total budget of %(total)s covers the low end only: get a quote before "
                    "you commit."
                ),
                {"total": usd(available)},
            ),
        )
    )
