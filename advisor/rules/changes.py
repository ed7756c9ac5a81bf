"""What would change the advice: single changes to the answers, recomputed, nearest first.

Each blocker's lift comes first; then the one change that flips the verdict while moving the
weighted score least. Every change carries the answers it implies, so it can be checked.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from enum import StrEnum

from .figures import Thresholds
from .results import Change, Decision
from .texts import VERDICT_WORDS, Msg, Term, gettext_noop, usd, word
from .texts import units as units_of
from .types import (
    FACTOR_SLUGS,
    Answers,
    CompanyStage,
    Customization,
    DemandEvidence,
    IpImportance,
    Model,
    Positioning,
    QcCapability,
    RiskTolerance,
)
from .verdict import decide

# A candidate change: the factor it is about, the changed answers, the sentence that says it.
Candidate = tuple[str, Answers, Msg]

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


def _numeric_candidates(a: Answers, t: Thresholds, today: date, core: Decision) -> list[Candidate]:
    """The nearest value of each number at which a factor's fit changes, in either direction.

    Each sentence names the one value that was recomputed, not a range it may not hold for.
    """
    return (
        _units_candidates(a, t) + _budget_candidates(a, core) + _launch_candidates(a, today, core)
    )


def _units_candidates(a: Answers, t: Thresholds) -> list[Candidate]:
    text = gettext_noop("%(units)s a design would make the advice %(verdict)s.")
    if a.units_per_design < t.oem_moq_min_units:
        units = t.oem_moq_min_units
    else:
        units = t.oem_moq_min_units - 1
    if units < 1:
        return []
    changed = dataclasses.replace(a, units_per_design=units)
    return [("moq-requirements", changed, Msg(text, {"units": units_of(units)}))]


def _budget_candidates(a: Answers, core: Decision) -> list[Candidate]:
    text = gettext_noop("An upfront budget of %(amount)s would make the advice %(verdict)s.")
    candidates = []
    for target in core.costs[Model.OEM].upfront:
        budget = target if a.upfront_budget_usd < target else target - 1
        if budget >= 0:
            changed = dataclasses.replace(a, upfront_budget_usd=budget)
            candidates.append(("upfront-costs", changed, Msg(text, {"amount": usd(budget)})))
    return candidates


def _launch_candidates(a: Answers, today: date, core: Decision) -> list[Candidate]:
    text = gettext_noop("A launch on %(date)s would make the advice %(verdict)s.")
    candidates = []
    for weeks in core.timeline.oem_weeks:
        boundary = today + timedelta(weeks=weeks)
        launch = boundary if a.launch_date < boundary else boundary - timedelta(days=1)
        if launch > today:
            changed = dataclasses.replace(a, launch_date=launch)
            candidates.append(("lead-time", changed, Msg(text, {"date": launch.isoformat()})))
    return candidates


def _choice_candidates(a: Answers) -> list[Candidate]:
    """Each choice moved one step towards ODM and one towards OEM, where there is a step."""
    text = gettext_noop(
        "Answering %(new)s instead of %(old)s for %(field)s would make the advice %(verdict)s."
    )
    candidates = []
    for name, (slug, question) in _CHOICE_FIELDS.items():
        values = tuple(question)
        current = values.index(getattr(a, name))
        for step in (1, -1):
            if 0 <= current + step < len(values):
                new = values[current + step]
                params = {
                    "new": word(question, new),
                    "old": word(question, values[current]),
                    "field": _FIELD_WORDS[name],
                }
                changed = dataclasses.replace(a, **{name: new})
                candidates.append((slug, changed, Msg(text, params)))
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
