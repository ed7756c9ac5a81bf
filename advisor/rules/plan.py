"""The hybrid plan, dated: what to order from ODM now, when OEM development starts, and the
condition for moving a design to OEM, in the buyer's own figures (never a pasted sentence)."""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import closure_of, production
from .figures import Thresholds
from .money import odm_lead_weeks
from .results import Decision
from .texts import Msg, gettext_noop, time_left, units, usd, week_range
from .types import Answers, DemandEvidence, Model, Verdict


def oem_conditions(a: Answers, core: Decision) -> tuple[Msg, ...]:
    """What must change for OEM, from its blockers: "a launch from 2027-03-04", "an
    upfront budget of $6,140", "a total budget of $30,740"."""
    return _launch_conditions(a, core) + _money_conditions(a, core)


def _launch_conditions(a: Answers, core: Decision) -> tuple[Msg, ...]:
    return tuple(
        Msg(gettext_noop("a launch from %(date)s"), {"date": b.lifted.launch_date.isoformat()})
        for b in core.blockers_of(Model.OEM)
        if b.lifted.launch_date != a.launch_date
    )


def _money_conditions(a: Answers, core: Decision) -> tuple[Msg, ...]:
    conditions = []
    for blocker in core.blockers_of(Model.OEM):
        lifted = blocker.lifted
        if lifted.upfront_budget_usd > a.upfront_budget_usd:
            conditions.append(
                Msg(
                    gettext_noop("an upfront budget of %(amount)s"),
                    {"amount": usd(lifted.upfront_budget_usd)},
                )
            )
        if (lifted.cash_available or 0) > (a.cash_available or 0):
            conditions.append(
                Msg(
                    gettext_noop("a total budget of %(amount)s"),
                    {"amount": usd(lifted.total_budget_usd or 0)},
                )
            )
    return tuple(conditions)


def hybrid_plan(a: Answers, t: Thresholds, today: date, core: Decision) -> tuple[Msg, ...]:
    """Three dated steps for a hybrid verdict; nothing for any other."""
    if core.verdict != Verdict.HYBRID:
        return ()
    transit = t.transit_weeks(Model.ODM)
    order_by = latest_order_day(a.launch_date, odm_lead_weeks(a, t)[1], transit, t, today)
    return (
        _odm_now(a, order_by, core),
        _oem_development(a, today, core),
        _move_condition(a, core),
    )


def latest_order_day(
    launch: date, lead_weeks: int, transit: int, t: Thresholds, today: date
) -> date | None:
    """The last day an order can be placed and still arrive for the launch with a slow factory
    (`transit` weeks on the way), counting a Chinese New Year closure that production from that
    day would run into; None when that day has passed."""
    day = launch - timedelta(weeks=lead_weeks + transit)
    closure = closure_of(t)
    while day >= today:
        run = production(day, lead_weeks, closure)
        if day + timedelta(weeks=run.weeks + transit) <= launch:
            return day
        day -= timedelta(days=1)
    return None


def order_by_for(
    launch: date, weeks: int, closure_weeks: int, transit: int, t: Thresholds, today: date
) -> date:
    """The last day to order for a schedule of `weeks` (its New Year closure and `transit`
    included) to arrive by the launch; `today` when that day has passed."""
    lead = weeks - closure_weeks - transit
    return latest_order_day(launch, lead, transit, t, today) or today


def ship_by(
    launch: date, t: Thresholds, transit: int | None = None
) -> tuple[date, tuple[date, date] | None]:
    """When goods must leave the factory: the launch less transit (express unless given), or,
    when that day falls inside the Chinese New Year closure, the day before the closure (no
    factory ships then), with the closure (its stop day and its day of full output) it was
    moved out of."""
    day = launch - timedelta(weeks=t.transit_express_weeks if transit is None else transit)
    closed = closure_of(t).around(day)
    if closed is None:
        return day, None
    return closed[0] - timedelta(days=1), closed


def _odm_now(a: Answers, order_by: date | None, core: Decision) -> Msg:
    odm = core.costs[Model.ODM]
    params = {
        "units": units(odm.order_units_per_design),
        "designs": a.design_count,
        "takes": week_range(*core.timeline.odm_weeks),
        "order_by": order_by.isoformat() if order_by else "",
        "launch": a.launch_date.isoformat(),
    }
    if odm.from_stock:
        return _stock_now(params, slow_fits=order_by is not None)
    return _catalogue_now(params, slow_fits=order_by is not None)


def _stock_now(params: dict, *, slow_fits: bool) -> Msg:
    if slow_fits:
        return Msg(
            gettext_noop(
                "Now: order %(units)s of a design from a factory's stock (ODM); stock comes "
                "without your brand. It takes %(takes)s, so confirm the order by %(order_by)s for "
                "your launch on %(launch)s."
            ),
            params,
            plural=gettext_noop(
                "Now: order %(units)s of each of %(designs)s designs from a factory's stock "
                "(ODM); stock comes without your brand. It takes %(takes)s, so confirm the order "
                "by %(order_by)s for your launch on %(launch)s."
            ),
            count="designs",
        )
    return Msg(
        gettext_noop(
            "Now: order %(units)s of a design from a factory's stock (ODM) today; stock comes "
            "without your brand. It takes %(takes)s, so your launch on %(launch)s holds only if "
            "the factory is fast. Get its lead time in writing."
        ),
        params,
        plural=gettext_noop(
            "Now: order %(units)s of each of %(designs)s designs from a factory's stock "
            "(ODM) today; stock comes without your brand. It takes %(takes)s, so your launch on "
            "%(launch)s holds only if the factory is fast. Get its lead time in writing."
        ),
        count="designs",
    )


def _catalogue_now(params: dict, *, slow_fits: bool) -> Msg:
    """A catalogue order is placed once its sample is approved: ODM's time (the source's
    "selection and production") starts with asking for the samples."""
    if slow_fits:
        return Msg(
            gettext_noop(
                "Now: ask a factory for a sample of the catalogue design you would order "
                "(%(units)s, under your brand, ODM), and order once you approve it. Choosing, "
                "sampling and making it take %(takes)s, so ask for the sample by %(order_by)s "
                "for your launch on %(launch)s."
            ),
            params,
            plural=gettext_noop(
                "Now: ask a factory for samples of the %(designs)s catalogue designs you would "
                "order (%(units)s each, under your brand, ODM), and order once you approve them. "
                "Choosing, sampling and making them take %(takes)s, so ask for the samples by "
                "%(order_by)s for your launch on %(launch)s."
            ),
            count="designs",
        )
    return Msg(
        gettext_noop(
            "Now: ask a factory for a sample of the catalogue design you would order (%(units)s, "
            "under your brand, ODM) today, and order once you approve it: choosing, sampling "
            "and making it take %(takes)s, so your launch on %(launch)s holds only if the "
            "factory is fast. Get its lead time in writing."
        ),
        params,
        plural=gettext_noop(
            "Now: ask a factory for samples of the %(designs)s catalogue designs you would order "
            "(%(units)s each, under your brand, ODM) today, and order once you approve them: "
            "choosing, sampling and making them take %(takes)s, so your launch on %(launch)s "
            "holds only if the factory is fast. Get its lead time in writing."
        ),
        count="designs",
    )


def _oem_development(a: Answers, today: date, core: Decision) -> Msg:
    fast, slow = core.timeline.oem_weeks
    money = _money_conditions(a, core)
    params = {"fast": fast, "slow": slow, "money": money}
    if money:
        return Msg(
            gettext_noop(
                "Next, once you have the money (%(money)s): start OEM development of your hero "
                "designs, CAD files and samples first. OEM takes %(fast)s to %(slow)s weeks to a "
                "first delivery."
            ),
            params,
        )
    ready = today + timedelta(weeks=fast)
    return Msg(
        gettext_noop(
            "Also now: start OEM development of your hero designs, CAD files and samples first. "
            "%(cost)s OEM takes %(fast)s to %(slow)s weeks, so OEM pieces can arrive from "
            "%(ready)s, %(left)s from today."
        ),
        {
            **params,
            "cost": _development_cost(a, core),
            "ready": ready.isoformat(),
            "left": time_left((ready - today).days),
        },
    )


def _development_cost(a: Answers, core: Decision) -> Msg:
    """OEM's upfront costs against what the upfront budget leaves once ODM's samples are paid
    for: the plan spends it on both at once."""
    low, high = core.costs[Model.OEM].upfront
    odm = core.costs[Model.ODM].upfront[0]
    room = a.upfront_budget_usd - odm
    if odm:
        budget = Msg(
            gettext_noop("the %(room)s your upfront budget leaves after ODM's samples"),
            {"room": usd(room)},
        )
    else:
        budget = Msg(gettext_noop("your upfront budget of %(room)s"), {"room": usd(room)})
    cost = (
        usd(low)
        if low == high
        else Msg(gettext_noop("%(low)s to %(high)s"), {"low": usd(low), "high": usd(high)})
    )
    params = {"cost": cost, "low": usd(low), "budget": budget}
    if high <= room:
        template = gettext_noop(
            "It costs %(cost)s before any order (tooling, samples and design fees for every "
            "design), within %(budget)s."
        )
    elif low <= room:
        template = gettext_noop(
            "It costs %(cost)s before any order (tooling, samples and design fees for every "
            "design): %(budget)s covers its low end only, so get tooling quotes before you commit."
        )
    else:
        template = gettext_noop(
            "It costs from %(low)s before any order (tooling, samples and design fees for every "
            "design), more than %(budget)s: develop fewer hero designs first, or start once ODM "
            "sales pay for it."
        )
    return Msg(template, params)


def _move_condition(a: Answers, core: Decision) -> Msg:
    moq = units(core.costs[Model.OEM].moq_units)
    # A catalogue design is the factory's: OEM makes the buyer's own design in the style that
    # sold, never the factory's design at another factory.
    if a.demand_evidence == DemandEvidence.PROVEN:
        return Msg(
            gettext_noop(
                "Then: have your own designs made (OEM) in the styles your sales show can carry "
                "OEM's minimum of %(moq)s a design, when you are ready to order it. A catalogue "
                "design stays the factory's unless you buy it or its exclusivity."
            ),
            {"moq": moq},
        )
    return Msg(
        gettext_noop(
            "Then: once a style has sold about %(moq)s through your ODM line, enough to fill "
            "OEM's minimum order, have your own design made in it (OEM). A catalogue design "
            "stays the factory's unless you buy it or its exclusivity."
        ),
        {"moq": moq},
    )
