"""The OEM / ODM rules: a buyer's answers and the staff's thresholds in, a recommendation out.

Plain Python on purpose: no Django, no database, no request. Tests call `evaluate` directly and
the HTML page, the JSON and the admin's impact preview all share it. `docs/rules.md` is the same
rules as a table; keep the two in step.

Texts are returned as `Msg` (an English template and its parameters) so that this module needs no
Django: `services` translates them with Django's gettext when it saves a report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Marks a message for `makemessages`; it is translated where it is shown."""
    return message


class Term(str):
    """A word or phrase (marked with `gettext_noop`) that is translated when its sentence is."""


@dataclass(frozen=True)
class Msg:
    """A user-facing sentence: an English template with %(name)s placeholders, and their values.

    A value may itself be a `Msg` or a `Term` (translated with the sentence), a tuple of them
    (phrases, joined with commas) or a list of them (sentences, joined with spaces).
    """

    template: str
    params: Mapping[str, object] = field(default_factory=dict)
    # For a sentence with a number in it: its plural template and the parameter that counts.
    plural: str | None = None
    count: str | None = None

    def render(self, translate: Translate = str, ntranslate: NTranslate | None = None) -> str:
        if self.plural and self.count:
            number = int(self.params[self.count])  # type: ignore[call-overload]
            if ntranslate is None:
                template = self.template if number == 1 else self.plural
            else:
                template = ntranslate(self.template, self.plural, number)
        else:
            template = translate(self.template)
        if not self.params:
            return template
        values = {
            name: _render_value(value, translate, ntranslate) for name, value in self.params.items()
        }
        return (template % values).strip()


Translate = Callable[[str], str]
NTranslate = Callable[[str, str, int], str]


def _render_value(value: object, translate: Translate, ntranslate: NTranslate | None) -> object:
    if isinstance(value, Msg):
        return value.render(translate, ntranslate)
    if isinstance(value, Term):
        return translate(str(value))
    if isinstance(value, tuple):  # phrases
        return ", ".join(str(_render_value(item, translate, ntranslate)) for item in value)
    if isinstance(value, list):  # sentences
        return " ".join(str(_render_value(item, translate, ntranslate)) for item in value)
    return value


class Model(StrEnum):
    OEM = "oem"
    ODM = "odm"


class Verdict(StrEnum):
    # Declared from ODM to OEM: the rules are monotone in this order (see `RANK`).
    ODM = "odm"
    HYBRID = "hybrid"
    OEM = "oem"


RANK = {Verdict.ODM: 0, Verdict.HYBRID: 1, Verdict.OEM: 2}


class Fit(StrEnum):
    OEM = "oem"
    ODM = "odm"
    NEUTRAL = "neutral"


class CompanyStage(StrEnum):
    STARTUP = "startup"
    GROWING = "growing"
    ESTABLISHED = "established"


class Positioning(StrEnum):
    BUDGET = "budget"
    MID_MARKET = "mid_market"
    PREMIUM = "premium"


class DemandEvidence(StrEnum):
    UNTESTED = "untested"
    EARLY_SALES = "early_sales"
    PROVEN = "proven"


class DesignReadiness(StrEnum):
    NONE = "none"
    SKETCHES = "sketches"
    FULL_SPECS = "full_specs"


class IpImportance(StrEnum):
    UNIMPORTANT = "unimportant"
    PREFERRED = "preferred"
    ESSENTIAL = "essential"


class Customization(StrEnum):
    BRANDING_ONLY = "branding_only"
    MINOR_CHANGES = "minor_changes"
    FULL_CUSTOM = "full_custom"


class QcCapability(StrEnum):
    NONE = "none"
    THIRD_PARTY = "third_party"
    IN_HOUSE = "in_house"


class RiskTolerance(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# How each answer reads inside a sentence ("as a start-up, ..."), per question: different
# questions share values ("none"), so one flat table would mix them up.
CHOICE_WORDS: dict[type[StrEnum], dict[str, str]] = {
    CompanyStage: {
        CompanyStage.STARTUP: gettext_noop("a start-up"),
        CompanyStage.GROWING: gettext_noop("a growing brand"),
        CompanyStage.ESTABLISHED: gettext_noop("an established brand"),
    },
    Positioning: {
        Positioning.BUDGET: gettext_noop("budget"),
        Positioning.MID_MARKET: gettext_noop("mid-market"),
        Positioning.PREMIUM: gettext_noop("premium"),
    },
    DemandEvidence: {
        DemandEvidence.UNTESTED: gettext_noop("untested demand"),
        DemandEvidence.EARLY_SALES: gettext_noop("early sales"),
        DemandEvidence.PROVEN: gettext_noop("proven demand"),
    },
    DesignReadiness: {
        DesignReadiness.NONE: gettext_noop("no designs yet"),
        DesignReadiness.SKETCHES: gettext_noop("sketches"),
        DesignReadiness.FULL_SPECS: gettext_noop("full specifications"),
    },
    IpImportance: {
        IpImportance.UNIMPORTANT: gettext_noop("unimportant"),
        IpImportance.PREFERRED: gettext_noop("preferred"),
        IpImportance.ESSENTIAL: gettext_noop("essential"),
    },
    Customization: {
        Customization.BRANDING_ONLY: gettext_noop("branding only"),
        Customization.MINOR_CHANGES: gettext_noop("minor changes"),
        Customization.FULL_CUSTOM: gettext_noop("full customization"),
    },
    QcCapability: {
        QcCapability.NONE: gettext_noop("no QC of your own"),
        QcCapability.THIRD_PARTY: gettext_noop("a third-party inspector"),
        QcCapability.IN_HOUSE: gettext_noop("in-house QC"),
    },
    RiskTolerance: {
        RiskTolerance.LOW: gettext_noop("low"),
        RiskTolerance.MEDIUM: gettext_noop("medium"),
        RiskTolerance.HIGH: gettext_noop("high"),
    },
}

# How a recommendation reads inside a sentence ("would make the advice OEM").
VERDICT_WORDS = {
    Verdict.OEM: Term(gettext_noop("OEM")),
    Verdict.ODM: Term(gettext_noop("ODM")),
    Verdict.HYBRID: Term(gettext_noop("hybrid (ODM now, OEM later)")),
}

# The eight factors, in the order every report lists them.
FACTOR_SLUGS = (
    "design-ownership",
    "customization-level",
    "moq-requirements",
    "lead-time",
    "upfront-costs",
    "quality-control",
    "brand-differentiation",
    "risk-level",
)
# How a factor reads inside a sentence ("ruled out by lead time").
FACTOR_PHRASES = {
    "design-ownership": Term(gettext_noop("design ownership")),
    "customization-level": Term(gettext_noop("customization")),
    "moq-requirements": Term(gettext_noop("minimum order quantity")),
    "lead-time": Term(gettext_noop("lead time")),
    "upfront-costs": Term(gettext_noop("upfront costs")),
    "quality-control": Term(gettext_noop("quality control")),
    "brand-differentiation": Term(gettext_noop("brand differentiation")),
    "risk-level": Term(gettext_noop("risk")),
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

# Above this weighted score (from -1, all ODM, to +1, all OEM) an unblocked OEM is recommended.
OEM_SCORE_CUT = 0.15


# The answer fields in PRODUCT.md's order: form field names, JSON keys and report keys.
ANSWER_FIELDS = (
    "project_name",
    "company_stage",
    "positioning",
    "demand_evidence",
    "upfront_budget_usd",
    "unit_cost_usd",
    "units_per_design",
    "design_count",
    "launch_date",
    "design_readiness",
    "ip_importance",
    "customization",
    "qc_capability",
    "risk_tolerance",
)


@dataclass(frozen=True)
class Answers:
    """A buyer's answers, already validated (by the wizard's forms)."""

    company_stage: str
    positioning: str
    demand_evidence: str
    upfront_budget_usd: int
    unit_cost_usd: Decimal
    units_per_design: int
    design_count: int
    launch_date: date
    design_readiness: str
    ip_importance: str
    customization: str
    qc_capability: str
    risk_tolerance: str
    project_name: str = ""


@dataclass(frozen=True)
class Thresholds:
    """The figures the answers are held against. Defaults are PRODUCT.md's."""

    oem_tooling_min_usd: int = 5_000
    oem_tooling_max_usd: int = 50_000
    oem_sample_fee_usd: int = 150
    oem_sampling_rounds: int = 2
    odm_sample_fee_usd: int = 50
    cad_design_fee_usd: int = 50
    inspection_fee_usd: int = 300
    oem_moq_min_units: int = 500
    oem_moq_max_units: int = 1_000
    odm_moq_min_units: int = 50
    odm_moq_max_units: int = 200
    wholesale_moq_min_units: int = 2
    wholesale_moq_max_units: int = 5
    oem_lead_time_min_weeks: int = 13
    oem_lead_time_max_weeks: int = 22
    odm_lead_time_min_weeks: int = 4
    odm_lead_time_max_weeks: int = 13
    transit_express_weeks: int = 1
    transit_sea_weeks: int = 6
    oem_deposit_percent: int = 30
    odm_deposit_percent: int = 50
    weights: Mapping[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @classmethod
    def figure_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls) if f.name != "weights"]

    def weight(self, slug: str) -> Decimal:
        return Decimal(self.weights.get(slug, 0))


# Figures the source does not give: every report labels them as assumptions.
ASSUMPTIONS = frozenset(
    {
        "oem_sample_fee_usd",
        "oem_sampling_rounds",
        "odm_sample_fee_usd",
        "cad_design_fee_usd",
        "inspection_fee_usd",
        "transit_express_weeks",
        "transit_sea_weeks",
        "oem_deposit_percent",
        "odm_deposit_percent",
    }
)

# Which figures each factor reads; a report's `thresholds` is grouped this way.
FACTOR_FIGURES: dict[str, tuple[str, ...]] = {
    "design-ownership": (),
    "customization-level": ("cad_design_fee_usd",),
    "moq-requirements": (
        "oem_moq_min_units",
        "oem_moq_max_units",
        "odm_moq_min_units",
        "odm_moq_max_units",
        "wholesale_moq_min_units",
        "wholesale_moq_max_units",
    ),
    "lead-time": (
        "oem_lead_time_min_weeks",
        "oem_lead_time_max_weeks",
        "odm_lead_time_min_weeks",
        "odm_lead_time_max_weeks",
        "transit_express_weeks",
        "transit_sea_weeks",
    ),
    "upfront-costs": (
        "oem_tooling_min_usd",
        "oem_tooling_max_usd",
        "oem_sample_fee_usd",
        "oem_sampling_rounds",
        "odm_sample_fee_usd",
        "oem_deposit_percent",
        "odm_deposit_percent",
    ),
    "quality-control": ("inspection_fee_usd",),
    "brand-differentiation": (),
    "risk-level": (),
}


@dataclass(frozen=True)
class FactorVerdict:
    slug: str
    fit: Fit
    reason: Msg
    weight: Decimal


@dataclass(frozen=True)
class Blocker:
    model: Model
    factor: str
    reason: Msg
    lift: Msg  # the smallest change to the answers that removes this blocker
    lifted: Answers  # the answers with that change made


@dataclass(frozen=True)
class Change:
    factor: str
    change: Msg
    answers: Answers  # the buyer's answers with this change made


@dataclass(frozen=True)
class ModelCosts:
    """Cash a model needs, in USD. Ranges are (low, high) where the thresholds give a range."""

    tooling: tuple[int, int]
    samples: int
    sample_rounds: int
    design_fees: int
    upfront: tuple[int, int]
    moq_units: int
    order_units_per_design: int
    moq_forced: bool
    first_order: Decimal
    first_order_at_moq: Decimal
    moq_extra: Decimal
    deposit_percent: int
    deposit: Decimal
    inspection: int
    cash_to_first_delivery: tuple[Decimal, Decimal]


@dataclass(frozen=True)
class Timeline:
    launch_date: date
    days_available: int
    weeks_available: int
    transit_weeks: int
    oem_weeks: tuple[int, int]
    odm_weeks: tuple[int, int]
    oem_feasible: bool
    odm_feasible: bool
    oem_earliest_launch: date
    odm_earliest_launch: date


@dataclass(frozen=True)
class Recommendation:
    verdict: Verdict
    confidence: float
    score: float
    summary: Msg
    factors: list[FactorVerdict]
    blockers: list[Blocker]
    costs: dict[Model, ModelCosts]
    timeline: Timeline
    what_would_change: list[Change]

    def blocked(self, model: Model) -> bool:
        return any(blocker.model == model for blocker in self.blockers)


def usd(amount: int | float | Decimal) -> str:
    amount = Decimal(str(amount))
    if amount != amount.to_integral_value():
        return f"${amount:,.2f}"
    return f"${int(amount):,}"


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------
# Costs and timeline


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


# ---------------------------------------------------------------------------------------------
# Blockers: what a model cannot do at all as answered


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


def blockers_for(
    answers: Answers, costs: Mapping[Model, ModelCosts], timeline: Timeline
) -> list[Blocker]:
    blockers = []
    # ODM first: when both models are blocked, the report leads with the smaller change.
    for model in (Model.ODM, Model.OEM):
        needed = costs[model].upfront[0]
        if answers.upfront_budget_usd < needed:
            blockers.append(
                Blocker(
                    model=model,
                    factor="upfront-costs",
                    reason=_upfront_blocker_reason(model, answers, costs[model]),
                    lift=Msg(
                        gettext_noop(
                            "An upfront budget of at least %(needed)s lifts the %(model)s "
                            "upfront-cost blocker."
                        ),
                        {"needed": usd(needed), "model": model.name},
                    ),
                    lifted=dataclasses.replace(answers, upfront_budget_usd=needed),
                )
            )
        weeks = timeline.oem_weeks if model == Model.OEM else timeline.odm_weeks
        feasible = timeline.oem_feasible if model == Model.OEM else timeline.odm_feasible
        earliest = (
            timeline.oem_earliest_launch if model == Model.OEM else timeline.odm_earliest_launch
        )
        if not feasible:
            blockers.append(
                Blocker(
                    model=model,
                    factor="lead-time",
                    reason=Msg(
                        gettext_noop(
                            "Your launch on %(launch)s is %(weeks)s week away; %(model)s needs "
                            "at least %(needed)s weeks (%(lead)s of lead time plus %(transit)s "
                            "of express transit)."
                        ),
                        plural=gettext_noop(
                            "Your launch on %(launch)s is %(weeks)s weeks away; %(model)s needs "
                            "at least %(needed)s weeks (%(lead)s of lead time plus %(transit)s "
                            "of express transit)."
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
                    ),
                    lift=Msg(
                        gettext_noop(
                            "A launch on or after %(date)s lifts the %(model)s lead-time blocker."
                        ),
                        {"date": earliest.isoformat(), "model": model.name},
                    ),
                    lifted=dataclasses.replace(answers, launch_date=earliest),
                )
            )
    return blockers


# ---------------------------------------------------------------------------------------------
# The eight factors: each leans OEM, ODM or neither, and says why in the buyer's own terms


def _word(question: type[StrEnum], value: str) -> Term:
    return Term(CHOICE_WORDS[question][value])


def _design_ownership(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    if a.ip_importance == IpImportance.ESSENTIAL:
        return Fit.OEM, Msg(
            gettext_noop(
                "You said owning the design is essential: only OEM makes the design and its IP "
                "yours."
            )
        )
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
    return fit, Msg(
        gettext_noop(
            "You would prefer to own the design; as %(stage)s, the source's guide puts OEM with "
            "established brands and ODM with start-ups."
        ),
        {"stage": _word(CompanyStage, a.company_stage)},
    )


def _customization(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    cad_note = ""
    if a.design_readiness != DesignReadiness.FULL_SPECS:
        cad_note = Msg(
            gettext_noop("With %(readiness)s, OEM adds a CAD fee of %(cad)s a design."),
            {
                "readiness": _word(DesignReadiness, a.design_readiness),
                "cad": usd(t.cad_design_fee_usd),
            },
        )
    params = {"wish": _word(Customization, a.customization), "cad_note": cad_note}
    if a.customization == Customization.FULL_CUSTOM:
        return Fit.OEM, Msg(
            gettext_noop(
                "You want %(wish)s: materials, dimensions and finish can only all change with "
                "OEM. %(cad_note)s"
            ),
            params,
        )
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


def _moq(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {
        "units": f"{a.units_per_design:,}",
        "oem_min": f"{t.oem_moq_min_units:,}",
        "odm_min": f"{t.odm_moq_min_units:,}",
        "odm_max": f"{t.odm_moq_max_units:,}",
        "wholesale_min": f"{t.wholesale_moq_min_units:,}",
        "wholesale_max": f"{t.wholesale_moq_max_units:,}",
    }
    if a.units_per_design >= t.oem_moq_min_units:
        return Fit.OEM, Msg(
            gettext_noop("%(units)s units a design clears the OEM minimum of %(oem_min)s."),
            params,
        )
    if a.units_per_design >= t.odm_moq_min_units:
        return Fit.ODM, Msg(
            gettext_noop(
                "%(units)s units a design is below the OEM minimum of %(oem_min)s but meets the "
                "ODM minimum of %(odm_min)s."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "%(units)s units a design is below the OEM minimum of %(oem_min)s and the ODM minimum "
            "of %(odm_min)s; wholesale stock from the same factories sells from %(wholesale_min)s "
            "to %(wholesale_max)s units a design."
        ),
        params,
    )


def _lead_time(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {
        "launch": a.launch_date.isoformat(),
        "weeks": tl.weeks_available,
        "oem_min": tl.oem_weeks[0],
        "oem_max": tl.oem_weeks[1],
        "odm_min": tl.odm_weeks[0],
    }
    if tl.weeks_available >= tl.oem_weeks[1]:
        return Fit.OEM, Msg(
            gettext_noop(
                "Launching on %(launch)s leaves %(weeks)s week: room for even the longest OEM "
                "schedule of %(oem_max)s weeks, transit included."
            ),
            params,
            plural=gettext_noop(
                "Launching on %(launch)s leaves %(weeks)s weeks: room for even the longest OEM "
                "schedule of %(oem_max)s weeks, transit included."
            ),
            count="weeks",
        )
    if tl.oem_feasible:
        return Fit.NEUTRAL, Msg(
            gettext_noop(
                "Launching on %(launch)s leaves %(weeks)s week: enough for OEM's shortest "
                "schedule of %(oem_min)s weeks but not its longest of %(oem_max)s, so any delay "
                "in sampling hurts."
            ),
            params,
            plural=gettext_noop(
                "Launching on %(launch)s leaves %(weeks)s weeks: enough for OEM's shortest "
                "schedule of %(oem_min)s weeks but not its longest of %(oem_max)s, so any delay "
                "in sampling hurts."
            ),
            count="weeks",
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "Launching on %(launch)s leaves %(weeks)s week: short of OEM's %(oem_min)s, "
            "while ODM needs %(odm_min)s."
        ),
        params,
        plural=gettext_noop(
            "Launching on %(launch)s leaves %(weeks)s weeks: short of OEM's %(oem_min)s, "
            "while ODM needs %(odm_min)s."
        ),
        count="weeks",
    )


def _upfront(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    oem = costs_for(Model.OEM, a, t)
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
    return Fit.ODM, Msg(
        gettext_noop(
            "Your upfront budget of %(budget)s is below OEM's upfront costs of %(low)s to "
            "%(high)s; ODM needs only sample fees."
        ),
        params,
    )


def _quality_control(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {"qc": _word(QcCapability, a.qc_capability), "fee": usd(t.inspection_fee_usd)}
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
                "With %(qc)s either model works; each inspection costs about %(fee)s, counted "
                "in the costs."
            ),
            params,
        )
    return Fit.ODM, Msg(
        gettext_noop(
            "With %(qc)s, ODM's standard factory checks carry less risk; an inspection before "
            "shipping (about %(fee)s) is counted in the costs."
        ),
        params,
    )


def _brand(a: Answers, t: Thresholds, tl: Timeline) -> tuple[Fit, Msg]:
    params = {"positioning": _word(Positioning, a.positioning)}
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
        "demand": _word(DemandEvidence, a.demand_evidence),
        "tolerance": _word(RiskTolerance, a.risk_tolerance),
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


FACTOR_RULES = {
    "design-ownership": _design_ownership,
    "customization-level": _customization,
    "moq-requirements": _moq,
    "lead-time": _lead_time,
    "upfront-costs": _upfront,
    "quality-control": _quality_control,
    "brand-differentiation": _brand,
    "risk-level": _risk,
}


def _score(factors: list[FactorVerdict]) -> float:
    total = sum(f.weight for f in factors)
    if not total:
        return 0.0
    signed = sum(
        f.weight if f.fit == Fit.OEM else -f.weight if f.fit == Fit.ODM else 0 for f in factors
    )
    return float(signed / total)


def wants_oem(a: Answers) -> bool:
    """The buyer's strategy points to OEM, whatever money and time allow today."""
    return (
        a.ip_importance == IpImportance.ESSENTIAL
        or a.positioning == Positioning.PREMIUM
        or a.customization == Customization.FULL_CUSTOM
    )


def _verdict(score: float, oem_blocked: bool, odm_blocked: bool, strategic_oem: bool) -> Verdict:
    # Monotone by construction: lifting a blocker or raising the score never lowers the rank.
    if oem_blocked and odm_blocked:
        return Verdict.ODM
    if oem_blocked:
        return Verdict.HYBRID if strategic_oem or score > OEM_SCORE_CUT else Verdict.ODM
    if score > OEM_SCORE_CUT or odm_blocked:
        return Verdict.OEM
    return Verdict.HYBRID if strategic_oem else Verdict.ODM


def _confidence(verdict: Verdict, score: float, oem_blocked: bool, odm_blocked: bool) -> float:
    if oem_blocked and odm_blocked:
        value = 0.25
    elif verdict == Verdict.OEM:
        value = 0.5 + 0.45 * max(score, 0.0)
    elif verdict == Verdict.ODM:
        base = 0.7 if oem_blocked else 0.5
        value = base + (0.95 - base) * max(-score, 0.0)
    else:
        value = 0.55 + 0.35 * abs(score)
    return round(min(max(value, 0.05), 0.95), 2)


@dataclass(frozen=True)
class Decision:
    """The recommendation without its texts' what-would-change search: cheap to recompute."""

    verdict: Verdict
    score: float
    factors: list[FactorVerdict]
    blockers: list[Blocker]
    costs: dict[Model, ModelCosts]
    timeline: Timeline


def decide(a: Answers, t: Thresholds, today: date) -> Decision:
    """The verdict, score, factors, blockers, costs and timeline for these answers."""
    timeline = timeline_for(a, t, today)
    costs = {model: costs_for(model, a, t) for model in (Model.OEM, Model.ODM)}
    factors = []
    for slug in FACTOR_SLUGS:
        fit, reason = FACTOR_RULES[slug](a, t, timeline)
        factors.append(FactorVerdict(slug=slug, fit=fit, reason=reason, weight=t.weight(slug)))
    blockers = blockers_for(a, costs, timeline)
    score = _score(factors)
    oem_blocked = any(b.model == Model.OEM for b in blockers)
    odm_blocked = any(b.model == Model.ODM for b in blockers)
    verdict = _verdict(score, oem_blocked, odm_blocked, wants_oem(a))
    return Decision(verdict, score, factors, blockers, costs, timeline)


# ---------------------------------------------------------------------------------------------
# What would change the answer: single changes to the answers, recomputed, nearest first


# Choice fields in the order they lean from ODM to OEM, and the factor each one feeds.
_CHOICE_FIELDS: dict[str, tuple[str, type[StrEnum]]] = {
    "ip_importance": ("design-ownership", IpImportance),
    "company_stage": ("design-ownership", CompanyStage),
    "customization": ("customization-level", Customization),
    "qc_capability": ("quality-control", QcCapability),
    "positioning": ("brand-differentiation", Positioning),
    "demand_evidence": ("risk-level", DemandEvidence),
    "risk_tolerance": ("risk-level", RiskTolerance),
}
_FIELD_WORDS = {
    "ip_importance": Term(gettext_noop("design ownership")),
    "company_stage": Term(gettext_noop("company stage")),
    "customization": Term(gettext_noop("customization")),
    "qc_capability": Term(gettext_noop("quality control")),
    "positioning": Term(gettext_noop("positioning")),
    "demand_evidence": Term(gettext_noop("demand evidence")),
    "risk_tolerance": Term(gettext_noop("appetite for risk")),
}


def _numeric_candidates(
    a: Answers, t: Thresholds, today: date, core: Decision
) -> list[tuple[str, Answers, Msg]]:
    """The nearest value of each number at which a factor's fit changes, in either direction."""
    oem_costs = core.costs[Model.OEM]
    tl = core.timeline
    candidates: list[tuple[str, Answers, Msg]] = []

    # Each sentence names the one value that was recomputed, not a range it may not hold for.
    text = gettext_noop("%(units)s units a design would make the advice %(verdict)s.")
    if a.units_per_design < t.oem_moq_min_units:
        units = t.oem_moq_min_units
    else:
        units = t.oem_moq_min_units - 1
    if units >= 1:
        candidates.append(
            (
                "moq-requirements",
                dataclasses.replace(a, units_per_design=units),
                Msg(text, {"units": f"{units:,}"}),
            )
        )

    text = gettext_noop("An upfront budget of %(amount)s would make the advice %(verdict)s.")
    for target in oem_costs.upfront:
        budget = target if a.upfront_budget_usd < target else target - 1
        if budget >= 0:
            candidates.append(
                (
                    "upfront-costs",
                    dataclasses.replace(a, upfront_budget_usd=budget),
                    Msg(text, {"amount": usd(budget)}),
                )
            )

    text = gettext_noop("A launch on %(date)s would make the advice %(verdict)s.")
    for weeks in tl.oem_weeks:
        boundary = today + timedelta(weeks=weeks)
        launch = boundary if a.launch_date < boundary else boundary - timedelta(days=1)
        if launch > today:
            candidates.append(
                (
                    "lead-time",
                    dataclasses.replace(a, launch_date=launch),
                    Msg(text, {"date": launch.isoformat()}),
                )
            )
    return candidates


def _choice_candidates(a: Answers) -> list[tuple[str, Answers, Msg]]:
    candidates = []
    for name, (slug, question) in _CHOICE_FIELDS.items():
        values = tuple(question)
        current = values.index(getattr(a, name))
        for step in (1, -1):
            if 0 <= current + step < len(values):
                new = values[current + step]
                candidates.append(
                    (
                        slug,
                        dataclasses.replace(a, **{name: new}),
                        Msg(
                            gettext_noop(
                                "Answering %(new)s instead of %(old)s for %(field)s would make "
                                "the advice %(verdict)s."
                            ),
                            {
                                "new": _word(question, new),
                                "old": _word(question, values[current]),
                                "field": _FIELD_WORDS[name],
                            },
                        ),
                    )
                )
    return candidates


def what_would_change(a: Answers, t: Thresholds, today: date, core: Decision) -> list[Change]:
    changes = [Change(factor=b.factor, change=b.lift, answers=b.lifted) for b in core.blockers]
    blocked_factors = {b.factor for b in core.blockers}
    tipping = []
    for slug, changed, text in _numeric_candidates(a, t, today, core) + _choice_candidates(a):
        if slug in blocked_factors:
            continue
        result = decide(changed, t, today)
        if result.verdict != core.verdict:
            # Nearest: the change that moves the weighted score least, then factor order.
            distance = abs(result.score - core.score)
            tipping.append(
                (distance, FACTOR_SLUGS.index(slug), slug, text, result.verdict, changed)
            )
    if tipping:
        _, _, slug, text, verdict, changed = min(tipping, key=lambda item: item[:2])
        params = {**text.params, "verdict": VERDICT_WORDS[verdict]}
        changes.append(Change(factor=slug, change=Msg(text.template, params), answers=changed))
    return changes


# ---------------------------------------------------------------------------------------------
# The summary


def _names(slugs: list[str]) -> tuple[Term, ...]:
    return tuple(FACTOR_PHRASES[slug] for slug in slugs)


def _summary(a: Answers, core: Decision) -> Msg:
    leaning = {
        fit: [f.slug for f in sorted(core.factors, key=lambda f: -f.weight) if f.fit == fit]
        for fit in Fit
    }
    blocked = {model: [b for b in core.blockers if b.model == model] for model in Model}
    params = {
        "oem_count": len(leaning[Fit.OEM]),
        "odm_count": len(leaning[Fit.ODM]),
        "oem_leaders": _names(leaning[Fit.OEM][:2]),
        "odm_leaders": _names(leaning[Fit.ODM][:2]),
        "oem_blockers": _names([b.factor for b in blocked[Model.OEM]]),
        "odm_blockers": _names([b.factor for b in blocked[Model.ODM]]),
    }
    if blocked[Model.OEM] and blocked[Model.ODM]:
        # Lead with every change the nearer model needs: one lift alone may unblock nothing.
        nearer = min((Model.ODM, Model.OEM), key=lambda model: len(blocked[model]))
        return Msg(
            gettext_noop(
                "Neither OEM nor ODM works as answered. %(model)s becomes possible with these "
                "changes: %(lifts)s"
            ),
            {"model": nearer.name, "lifts": [b.lift for b in blocked[nearer]]},
        )
    if core.verdict == Verdict.OEM and blocked[Model.ODM]:
        return Msg(
            gettext_noop(
                "Work OEM: ODM is ruled out as answered (%(odm_blockers)s), and nothing rules "
                "OEM out."
            ),
            params,
        )
    if core.verdict == Verdict.OEM:
        return Msg(
            gettext_noop(
                "Work OEM: %(oem_count)s of the 8 factors lean OEM, led by %(oem_leaders)s, and "
                "nothing you told us rules it out."
            ),
            params,
        )
    if core.verdict == Verdict.ODM and blocked[Model.OEM] and leaning[Fit.ODM]:
        return Msg(
            gettext_noop(
                "Work ODM: OEM is ruled out today (%(oem_blockers)s), and %(odm_count)s of the 8 "
                "factors lean ODM anyway, led by %(odm_leaders)s."
            ),
            params,
        )
    if core.verdict == Verdict.ODM and blocked[Model.OEM]:
        return Msg(
            gettext_noop(
                "Work ODM: OEM is ruled out today (%(oem_blockers)s), while nothing rules ODM out."
            ),
            params,
        )
    if core.verdict == Verdict.ODM and core.score < 0 and leaning[Fit.ODM]:
        return Msg(
            gettext_noop(
                "Work ODM: %(odm_count)s of the 8 factors lean ODM, led by %(odm_leaders)s; OEM's "
                "extra cost and wait would buy you little."
            ),
            params,
        )
    if core.verdict == Verdict.ODM:
        return Msg(
            gettext_noop(
                "Work ODM: the factors are close to balanced (%(oem_count)s lean OEM, "
                "%(odm_count)s lean ODM), so the cheaper and faster start wins."
            ),
            params,
        )
    why = (
        Term(gettext_noop("Your goals point to OEM"))
        if wants_oem(a)
        else Term(gettext_noop("Most factors lean OEM"))
    )
    if not blocked[Model.OEM]:
        when = Term(
            gettext_noop("the first ODM designs have proven which pieces sell")
            if a.demand_evidence != DemandEvidence.PROVEN
            else gettext_noop("your sales justify the OEM minimum order")
        )
        return Msg(
            gettext_noop(
                "Hybrid: launch with ODM now and move your hero designs to OEM once %(when)s. "
                "%(why)s, but the other factors do not justify it yet (%(oem_count)s lean OEM, "
                "%(odm_count)s lean ODM)."
            ),
            {**params, "when": when, "why": why},
        )
    return Msg(
        gettext_noop(
            "Hybrid: launch with ODM now and move your hero designs to OEM later. %(why)s, but "
            "it is ruled out today (%(oem_blockers)s). %(when)s"
        ),
        {**params, "why": why, "when": [b.lift for b in blocked[Model.OEM]]},
    )


def evaluate(answers: Answers, thresholds: Thresholds, today: date) -> Recommendation:
    """The recommendation for these answers under these thresholds, as of `today`."""
    core = decide(answers, thresholds, today)
    changes = what_would_change(answers, thresholds, today, core)
    oem_blocked = any(b.model == Model.OEM for b in core.blockers)
    odm_blocked = any(b.model == Model.ODM for b in core.blockers)
    return Recommendation(
        verdict=core.verdict,
        confidence=_confidence(core.verdict, core.score, oem_blocked, odm_blocked),
        score=round(core.score, 4),
        summary=_summary(answers, core),
        factors=core.factors,
        blockers=core.blockers,
        costs=core.costs,
        timeline=core.timeline,
        what_would_change=changes,
    )
