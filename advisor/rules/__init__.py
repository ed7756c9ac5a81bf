"""The OEM / ODM rules: a buyer's answers and the staff's thresholds in, a recommendation out.

Plain Python on purpose: no Django, no database, no request. Tests call `evaluate` directly and
the HTML page, the JSON and the admin's impact preview all share it. `docs/rules.md` is the same
rules as tables; keep the two in step.

One module per concern:
- `types`: the answers, their allowed values and limits, and the eight factors' slugs
- `figures`: the staff-editable thresholds, each declared once, and `Thresholds`
- `texts`: sentences (`Msg`, translated by the caller), answer and factor words, `usd`
- `results`: what the rules return
- `money`: costs, timeline and blockers
- `factors`: the eight factor verdicts
- `verdict`: score, verdict and confidence (`decide`)
- `changes`: what would change the advice
- `summary`: the opening sentences
- `compliance`: which staff-edited compliance requirements apply to a buyer (`applicable`)
- `calendar`: the Chinese New Year closure and production runs
- `quotes`: a supplier's quote held against the plan (`assess`); `ranking`: their order, and why;
  `plating`: what a quoted plating thickness says in the buyer's markets
"""

from __future__ import annotations

from datetime import date

from . import changes as _changes
from . import compliance
from . import plan as _plan
from . import verdict as _verdict
from .calendar import Closure, Production, closure_of, production
from .factor_texts import fill_figures, text_problems
from .figures import (
    ASSUMPTIONS,
    DEFAULT_WEIGHTS,
    FACTOR_FIGURES,
    FIGURES,
    GOLD_PRICE_SET_ON,
    SOURCES_NOTE,
    Figure,
    Thresholds,
    Unit,
    problems,
)
from .money import (
    COST_FIGURES,
    DUTY_FIGURES,
    FREIGHT_FIGURES,
    GoldPiece,
    costs_for,
    default_duty,
    duty_figure,
    gold_piece,
)
from .plan import latest_order_day, order_by_for, ship_by
from .plating import PlatingCheck, plating_check
from .quotes import (
    MAX_LEAD_TIME_WEEKS,
    SUPPLIER_MAX_LENGTH,
    Assessment,
    Incoterm,
    Landed,
    Quote,
    QuotedGold,
    assess,
    landed_cost,
    quoted_figures,
    quoted_freight_and_duty,
    quoted_gold,
    usual_deposit,
    with_quote,
)
from .ranking import QuoteTable, quote_table, rank_reasons, ranking
from .results import Decision, FactorVerdict, ModelCosts, Recommendation, Timeline
from .summary import starting_model, summary
from .texts import (
    FACTOR_PHRASES,
    VERDICT_WORDS,
    Msg,
    Paragraph,
    count,
    units,
    usd,
)
from .types import (
    ANSWER_FIELDS,
    FACTOR_SLUGS,
    MARKET_FIELDS,
    MAX_DESIGNS,
    MAX_PIECE_WEIGHT_G,
    MAX_UNIT_COST_USD,
    MAX_UNITS,
    MAX_USD,
    MAX_YEARS_AHEAD,
    PROJECT_NAME_MAX_LENGTH,
    RANK,
    Answers,
    BaseMetal,
    CompanyStage,
    Customization,
    DemandEvidence,
    DesignReadiness,
    Fit,
    IpImportance,
    Karat,
    Market,
    Model,
    Plating,
    Positioning,
    QcCapability,
    RiskTolerance,
    Schedule,
    Verdict,
    WearerAge,
)
from .verdict import confidence, decide


def evaluate(answers: Answers, thresholds: Thresholds, today: date) -> Recommendation:
    """The recommendation for these answers under these thresholds, as of `today`."""
    core = decide(answers, thresholds, today)
    oem_blocked, odm_blocked = core.blocked(Model.OEM), core.blocked(Model.ODM)
    return Recommendation(
        verdict=core.verdict,
        nearest=_verdict.nearest(core),
        confidence=confidence(core.verdict, core.score, oem_blocked, odm_blocked),
        score=round(core.score, 4),
        summary=summary(answers, thresholds, core),
        factors=core.factors,
        blockers=core.blockers,
        costs=core.costs,
        timeline=core.timeline,
        what_would_change=_changes.what_would_change(answers, thresholds, today, core),
        plan=_plan.hybrid_plan(answers, thresholds, today, core),
    )


__all__ = [
    "compliance",
    "ANSWER_FIELDS",
    "ASSUMPTIONS",
    "COST_FIGURES",
    "FREIGHT_FIGURES",
    "DUTY_FIGURES",
    "GoldPiece",
    "gold_piece",
    "Karat",
    "DEFAULT_WEIGHTS",
    "FACTOR_FIGURES",
    "FACTOR_PHRASES",
    "FACTOR_SLUGS",
    "FIGURES",
    "GOLD_PRICE_SET_ON",
    "SOURCES_NOTE",
    "fill_figures",
    "text_problems",
    "MARKET_FIELDS",
    "MAX_DESIGNS",
    "MAX_PIECE_WEIGHT_G",
    "MAX_UNITS",
    "MAX_UNIT_COST_USD",
    "MAX_USD",
    "MAX_YEARS_AHEAD",
    "PROJECT_NAME_MAX_LENGTH",
    "RANK",
    "VERDICT_WORDS",
    "Answers",
    "Assessment",
    "MAX_LEAD_TIME_WEEKS",
    "SUPPLIER_MAX_LENGTH",
    "Incoterm",
    "Landed",
    "PlatingCheck",
    "plating_check",
    "Quote",
    "QuoteTable",
    "QuotedGold",
    "assess",
    "default_duty",
    "duty_figure",
    "landed_cost",
    "quote_table",
    "usual_deposit",
    "rank_reasons",
    "quoted_figures",
    "quoted_freight_and_duty",
    "quoted_gold",
    "ranking",
    "with_quote",
    "BaseMetal",
    "CompanyStage",
    "Customization",
    "Decision",
    "DemandEvidence",
    "DesignReadiness",
    "FactorVerdict",
    "Figure",
    "Fit",
    "IpImportance",
    "Market",
    "Model",
    "ModelCosts",
    "Msg",
    "Paragraph",
    "Plating",
    "Positioning",
    "QcCapability",
    "Recommendation",
    "RiskTolerance",
    "Schedule",
    "Thresholds",
    "Timeline",
    "Unit",
    "Verdict",
    "WearerAge",
    "costs_for",
    "count",
    "decide",
    "evaluate",
    "latest_order_day",
    "order_by_for",
    "starting_model",
    "ship_by",
    "Closure",
    "closure_of",
    "production",
    "Production",
    "problems",
    "units",
    "usd",
]
