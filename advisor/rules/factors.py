"""The eight factors: each leans OEM, ODM or neither, and says why in the buyer's own terms.

Every reason names the buyer's answer and the threshold it was held against.
"""

from __future__ import annotations

from collections.abc import Callable

from .figures import Thresholds
from .money import costs_for, from_stock
from .results import Timeline
from .texts import (
    TOOLING_CAVEAT,
    Msg,
    Paragraph,
    count,
    day_count,
    gettext_noop,
    time_left,
    unit_range,
    units,
    usd,
    weeks,
    word,
)
from .types import (
    Answers,
    CompanyStage,
    Customization,
    DemandEvidence,
    DesignReadiness,
    Fit,
    IpImportance,
    Model,
    Positioning,
    QcCapability,
    RiskTolerance,
)

FactorRule = Callable[[Answers, Thresholds, Timeline], tuple[Fit, Msg | Paragraph]]


# China registers trademarks and designs to whoever files first, protects no unregistered
# design, and a design shown before filing is no longer new (docs/rules.md names the sources).
_FILE_IN_CHINA_FIRST = Msg(
    gettext_noop(
        "To own your brand and designs in China, file there first: your trademark, and design "
        "patents for the designs you make your own, before you show them to any factory or "
        "anyone else (China registers them to whoever files first, a design already shown may "
        "no longer count as new, and a registration at home gives no rights there)."
    )
)


def _design_ownership(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg | Paragraph]:
    if a.ip_importance == IpImportance.ESSENTIAL:
        essential = Msg(
            gettext_noop(
                "You said owning the design is essential: only OEM makes the design and its IP "
                "yours."
            )
        )
        return Fit.OEM, Paragraph((essential, _FILE_IN_CHINA_FIRST))
    if a.ip_importance == IpImportance.UNIMPORTANT:
        return Fit.ODM, Msg(
            gettext_noop(
                "You said owning the design does not matter, so the factory keeping the base "
                "design costs you nothing."
            )
        )
    fit = {
        CompanyStage.ESTABLISHED: Fit.OEM,
        CompanyStage.GROWING: Fit.NEUTRAL,
        CompanyStage.STARTUP: Fit.ODM,
    }[a.company_stage]
    preferred = Msg(
        gettext_noop(
            "You would prefer to own the design; as %(stage)s, the source's guide puts OEM with "
            "established brands and ODM with start-ups."
        ),
        {"stage": word(CompanyStage, a.company_stage)},
    )
    return fit, Paragraph((preferred, _FILE_IN_CHINA_FIRST))


def _customization(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    cad_note = ""
    if a.design_readiness != DesignReadiness.FULL_SPECS:
        cad_note = Msg(
            gettext_noop("With %(readiness)s, OEM adds a CAD fee of %(cad)s a design."),
            {
                "readiness": word(DesignReadiness, a.design_readiness),
                "cad": usd(t.cad_design_fee_usd),
            },
        )
    params = {"wish": word(Customization, a.customization), "cad_note": cad_note}
    if a.customization == Customization.FULL_CUSTOM:
        return Fit.OEM, Msg(
            gettext_noop(
                "You want %(wish)s: materials, dimensions and finish can only all change with "
                "OEM. %(cad_note)s"
            ),
            params,
        )
    if from_stock(Model.ODM, a, t) and a.customization != Customization.FULL_CUSTOM:
        return _customizing_stock(a, t)
    if a.customization == Customization.MINOR_CHANGES:
        return Fit.NEUTRAL, Msg(
            gettext_noop(
                "You want %(wish)s: ODM factories offer small changes to their designs, and OEM "
                "allows them too."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "You want %(wish)s: an ODM design with your logo and packaging does exactly that."
        ),
        params,
    )


def _customizing_stock(a: Answers, t: Thresholds) -> tuple[Fit, Msg]:
    """At the buyer's quantity ODM is the factory's stock, sold as it is: no logo on the piece,
    no change (a consultant's read: a tester told "ODM with your logo" expected it on 5 pieces)."""
    params = {"wish": word(Customization, a.customization), "odm_min": units(t.odm_moq_min_units)}
    if a.customization == Customization.MINOR_CHANGES:
        return Fit.NEUTRAL, Msg(
            gettext_noop(
                "You want %(wish)s: at your quantity ODM is the factory's stock, sold as it is; "
                "changes, and your logo on the piece, come with a catalogue order of at least "
                "%(odm_min)s a design, and OEM allows them too."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "You want %(wish)s: at your quantity ODM is the factory's stock, which comes without "
            "your logo, so your own tags and packaging carry your brand; your logo on the piece "
            "comes with a catalogue order of at least %(odm_min)s a design."
        ),
        params,
    )


def _moq(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {
        "units": units(a.units_per_design),
        "oem_min": count(t.oem_moq_min_units),
        "odm_min": count(t.odm_moq_min_units),
        "odm_max": count(t.odm_moq_max_units),
        "wholesale": unit_range(t.wholesale_moq_min_units, t.wholesale_moq_max_units),
    }
    if a.units_per_design >= t.oem_moq_min_units:
        return Fit.OEM, Msg(
            gettext_noop("%(units)s a design clears the OEM minimum of %(oem_min)s."),
            params,
        )
    if a.units_per_design <= t.stock_order_max_units:
        return Fit.ODM, Msg(
            gettext_noop(
                "%(units)s a design is a wholesale quantity: ODM means buying the factory's "
                "stock, sold from %(wholesale)s a design, with no samples or fees to pay first."
            ),
            params,
        )
    if a.units_per_design >= t.odm_moq_min_units:
        return Fit.ODM, Msg(
            gettext_noop(
                "%(units)s a design is below the OEM minimum of %(oem_min)s but meets the "
                "ODM minimum of %(odm_min)s."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "%(units)s a design is below the OEM minimum of %(oem_min)s and the ODM minimum "
            "of %(odm_min)s; wholesale stock from the same factories sells from %(wholesale)s a "
            "design."
        ),
        params,
    )


def _lead_time(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg | Paragraph]:
    fit, reason = _lead_time_fit(a, tl)
    shutdown = tl.oem_shutdown_weeks[1]
    if not shutdown or tl.festival is None:
        return fit, reason
    festival = Msg(
        gettext_noop(
            "Chinese New Year (%(date)s) falls inside OEM production: factories stop about "
            "%(before)s before it and are back to full output about %(after)s after it, counted "
            "in these schedules."
        ),
        {
            "date": tl.festival.isoformat(),
            "before": day_count(t.cny_stop_before_days),
            "after": weeks(t.cny_full_output_after_weeks),
        },
    )
    return fit, Paragraph((reason, festival))


def _lead_time_fit(a: Answers, tl: Timeline) -> tuple[Fit, Msg]:
    params = {
        "launch": a.launch_date.isoformat(),
        "left": time_left(tl.days_available),
        "oem_min": weeks(tl.oem_weeks[0]),
        "oem_max": weeks(tl.oem_weeks[1]),
        "odm_min": weeks(tl.odm_weeks[0]),
    }
    if tl.weeks_available >= tl.oem_weeks[1]:
        template = gettext_noop(
            "Launching on %(launch)s leaves %(left)s: room for even the longest OEM schedule of "
            "%(oem_max)s, transit included."
        )
        return Fit.OEM, Msg(template, params)
    if tl.oem_feasible:
        template = gettext_noop(
            "Launching on %(launch)s leaves %(left)s: enough for OEM's shortest schedule of "
            "%(oem_min)s but not its longest of %(oem_max)s, so OEM fits only if the "
            "factory is fast."
        )
        return Fit.NEUTRAL, Msg(template, params)
    template = gettext_noop(
        "Launching on %(launch)s leaves %(left)s: short of OEM's shortest schedule of "
        "%(oem_min)s, while ODM needs %(odm_min)s."
    )
    return Fit.ODM, Msg(template, params)


def _upfront(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg | Paragraph]:
    oem = costs_for(Model.OEM, a, t)
    if "oem_tooling_min_usd" in t.quoted:
        return _upfront_quoted(a, oem.upfront[0], from_stock(Model.ODM, a, t))
    params = {
        "budget": usd(a.upfront_budget_usd),
        "low": usd(oem.upfront[0]),
        "high": usd(oem.upfront[1]),
    }
    if a.upfront_budget_usd >= oem.upfront[1]:
        return Fit.OEM, Msg(
            gettext_noop(
                "Your upfront budget of %(budget)s covers OEM's upfront costs even at the top of "
                "the range (%(low)s to %(high)s)."
            ),
            params,
        )
    if a.upfront_budget_usd >= oem.upfront[0]:
        return Fit.NEUTRAL, Msg(
            gettext_noop(
                "Your upfront budget of %(budget)s covers the cheapest OEM start (%(low)s) but "
                "not the top of the range (%(high)s)."
            ),
            params,
        )
    if from_stock(Model.ODM, a, t):
        template = gettext_noop(
            "Your upfront budget of %(budget)s is below OEM's upfront costs of %(low)s to "
            "%(high)s; ODM from the factory's stock needs nothing before the order."
        )
    else:
        template = gettext_noop(
            "Your upfront budget of %(budget)s is below OEM's upfront costs of %(low)s to "
            "%(high)s; ODM needs only sample fees."
        )
    return Fit.ODM, Paragraph((Msg(template, params), TOOLING_CAVEAT))


def _upfront_quoted(a: Answers, upfront: int, stock: bool) -> tuple[Fit, Msg]:
    """The upfront factor in a re-run whose tooling a supplier quoted: one figure, no range."""
    params = {"budget": usd(a.upfront_budget_usd), "needed": usd(upfront)}
    if a.upfront_budget_usd >= upfront:
        template = gettext_noop(
            "Your upfront budget of %(budget)s covers the %(needed)s the quoted OEM start costs."
        )
        return Fit.OEM, Msg(template, params)
    if stock:
        template = gettext_noop(
            "Your upfront budget of %(budget)s is below the %(needed)s the quoted OEM start "
            "costs; ODM from the factory's stock needs nothing before the order."
        )
    else:
        template = gettext_noop(
            "Your upfront budget of %(budget)s is below the %(needed)s the quoted OEM start "
            "costs; ODM needs only sample fees."
        )
    return Fit.ODM, Msg(template, params)


def _quality_control(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {
        "qc": word(QcCapability, a.qc_capability),
        "fee": usd(t.inspection_fee_usd),
        "from": usd(t.inspection_min_order_usd),
    }
    if a.qc_capability == QcCapability.IN_HOUSE:
        return Fit.OEM, Msg(
            gettext_noop(
                "With %(qc)s you can write OEM quality specifications and check them yourself."
            ),
            params,
        )
    if a.qc_capability == QcCapability.THIRD_PARTY:
        return Fit.NEUTRAL, Msg(
            gettext_noop(
                "With %(qc)s either model works; an inspection costs about %(fee)s, counted in "
                "the costs of an order from %(from)s (below that, the factory's photos and a "
                "video of the packed goods do)."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "With %(qc)s, ODM's standard factory checks carry less risk; an inspection before "
            "shipping (about %(fee)s) is counted in the costs of an order from %(from)s (below "
            "that, ask the factory for photos and a video of the packed goods)."
        ),
        params,
    )


def _brand(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {"positioning": word(Positioning, a.positioning)}
    fit, template = {
        Positioning.PREMIUM: (
            Fit.OEM,
            gettext_noop(
                "A %(positioning)s brand needs pieces no one else sells, which only OEM guarantees."
            ),
        ),
        Positioning.MID_MARKET: (
            Fit.NEUTRAL,
            gettext_noop(
                "A %(positioning)s brand can stand out with either: its own designs, or good "
                "picks from a catalogue."
            ),
        ),
        Positioning.BUDGET: (
            Fit.ODM,
            gettext_noop(
                "A %(positioning)s brand competes on price, and ODM's shared designs keep costs "
                "down."
            ),
        ),
    }[a.positioning]
    return fit, Msg(template, params)


def _risk(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    points = {DemandEvidence.UNTESTED: 0, DemandEvidence.EARLY_SALES: 1, DemandEvidence.PROVEN: 2}[
        a.demand_evidence
    ] + {RiskTolerance.LOW: 0, RiskTolerance.MEDIUM: 1, RiskTolerance.HIGH: 2}[a.risk_tolerance]
    params = {
        "demand": word(DemandEvidence, a.demand_evidence),
        "tolerance": word(RiskTolerance, a.risk_tolerance),
    }
    if points >= 3:
        return Fit.OEM, Msg(
            gettext_noop(
                "With %(demand)s and a %(tolerance)s appetite for risk, you can carry the risk "
                "of a new design."
            ),
            params,
        )
    if points <= 1:
        return Fit.ODM, Msg(
            gettext_noop(
                "With %(demand)s and a %(tolerance)s appetite for risk, proven catalogue styles "
                "are the safer start."
            ),
            params,
        )
    return Fit.NEUTRAL, Msg(
        gettext_noop(
            "With %(demand)s and a %(tolerance)s appetite for risk, a new design is a "
            "reasonable bet but not a safe one."
        ),
        params,
    )


FACTOR_RULES: dict[str, FactorRule] = {
    "design-ownership": _design_ownership,
    "customization-level": _customization,
    "moq-requirements": _moq,
    "lead-time": _lead_time,
    "upfront-costs": _upfront,
    "quality-control": _quality_control,
    "brand-differentiation": _brand,
    "risk-level": _risk,
}
