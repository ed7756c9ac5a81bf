"""From the factors and blockers to a verdict: the weighted score, OEM, ODM or hybrid, and how
sure the advice is."""

from __future__ import annotations

from datetime import date

from .blockers import blockers_for
from .factors import FACTOR_RULES
from .figures import Thresholds
from .money import costs_for, timeline_for
from .results import Decision, FactorVerdict
from .types import (
    FACTOR_SLUGS,
    Answers,
    Customization,
    Fit,
    IpImportance,
    Model,
    Positioning,
    Verdict,
)

# Above this weighted score (from -1, all ODM, to +1, all OEM) an unblocked OEM is recommended.
OEM_SCORE_CUT = 0.15


def score(factors: list[FactorVerdict]) -> float:
    """The factors' leanings, weighted: -1 when all lean ODM, +1 when all lean OEM."""
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


def verdict_for(score: float, oem_blocked: bool, odm_blocked: bool, strategic_oem: bool) -> Verdict:
    # Monotone by construction: lifting a blocker or raising the score never lowers the rank.
    if oem_blocked and odm_blocked:
        return Verdict.NEITHER
    if oem_blocked:
        return Verdict.HYBRID if strategic_oem or score > OEM_SCORE_CUT else Verdict.ODM
    if score > OEM_SCORE_CUT or odm_blocked:
        return Verdict.OEM
    return Verdict.HYBRID if strategic_oem else Verdict.ODM


def confidence(verdict: Verdict, score: float, oem_blocked: bool, odm_blocked: bool) -> float:
    if verdict == Verdict.NEITHER:
        value = 0.25
    elif verdict == Verdict.OEM:
        value = 0.5 + 0.45 * max(score, 0.0)
    elif verdict == Verdict.ODM:
        base = 0.7 if oem_blocked else 0.5
        value = base + (0.95 - base) * max(-score, 0.0)
    else:
        value = 0.55 + 0.35 * abs(score)
    return round(min(max(value, 0.05), 0.95), 2)


def decide(a: Answers, t: Thresholds, today: date) -> Decision:
    """The verdict, score, factors, blockers, costs and timeline for these answers."""
    timeline = timeline_for(a, t, today)
    costs = {model: costs_for(model, a, t) for model in (Model.OEM, Model.ODM)}
    factors = []
    for slug in FACTOR_SLUGS:
        fit, reason = FACTOR_RULES[slug](a, t, timeline)
        factors.append(FactorVerdict(slug=slug, fit=fit, reason=reason, weight=t.weight(slug)))
    blockers = blockers_for(a, costs, timeline, t)
    weighted = score(factors)
    oem_blocked = any(b.model == Model.OEM for b in blockers)
    odm_blocked = any(b.model == Model.ODM for b in blockers)
    verdict = verdict_for(weighted, oem_blocked, odm_blocked, wants_oem(a))
    return Decision(verdict, weighted, factors, blockers, costs, timeline)


def nearest(decision: Decision) -> Model | None:
    """With both models blocked, the one with fewer blockers to lift (ODM on a tie: it is the
    cheaper and faster start)."""
    if decision.verdict != Verdict.NEITHER:
        return None
    return min((Model.ODM, Model.OEM), key=lambda model: len(decision.blockers_of(model)))
