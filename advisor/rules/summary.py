"""The report's opening sentences: the verdict and the few facts that decided it."""

from __future__ import annotations

from .results import Blocker, Decision
from .texts import Msg, Term, factor_phrases, gettext_noop
from .types import Answers, DemandEvidence, Fit, Model, Verdict
from .verdict import wants_oem


def summary(a: Answers, core: Decision) -> Msg:
    leaning = {
        fit: [f.slug for f in sorted(core.factors, key=lambda f: -f.weight) if f.fit == fit]
        for fit in Fit
    }
    blocked = {model: [b for b in core.blockers if b.model == model] for model in Model}
    params = {
        "oem_count": len(leaning[Fit.OEM]),
        "odm_count": len(leaning[Fit.ODM]),
        "oem_leaders": factor_phrases(leaning[Fit.OEM][:2]),
        "odm_leaders": factor_phrases(leaning[Fit.ODM][:2]),
        "oem_blockers": factor_phrases([b.factor for b in blocked[Model.OEM]]),
        "odm_blockers": factor_phrases([b.factor for b in blocked[Model.ODM]]),
    }
    if blocked[Model.OEM] and blocked[Model.ODM]:
        return _neither(blocked)
    if core.verdict == Verdict.OEM:
        return _oem(params, odm_blocked=bool(blocked[Model.ODM]))
    if core.verdict == Verdict.ODM:
        return _odm(params, core.score, blocked[Model.OEM], leans_odm=bool(leaning[Fit.ODM]))
    return _hybrid(a, params, blocked[Model.OEM])


def _neither(blocked: dict[Model, list[Blocker]]) -> Msg:
    # Lead with every change the nearer model needs: one lift alone may unblock nothing.
    nearer = min((Model.ODM, Model.OEM), key=lambda model: len(blocked[model]))
    return Msg(
        gettext_noop(
            "Neither OEM nor ODM works as answered. %(model)s becomes possible with these "
            "changes: %(lifts)s"
        ),
        {"model": nearer.name, "lifts": [b.lift for b in blocked[nearer]]},
    )


def _oem(params: dict, *, odm_blocked: bool) -> Msg:
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
            "Work OEM: %(oem_count)s of the 8 factors lean OEM, led by %(oem_leaders)s, and "
            "nothing you told us rules it out."
        ),
        params,
    )


def _odm(params: dict, score: float, oem_blockers: list[Blocker], *, leans_odm: bool) -> Msg:
    if oem_blockers and leans_odm:
        template = gettext_noop(
            "Work ODM: OEM is ruled out today (%(oem_blockers)s), and %(odm_count)s of the 8 "
            "factors lean ODM anyway, led by %(odm_leaders)s."
        )
    elif oem_blockers:
        template = gettext_noop(
            "Work ODM: OEM is ruled out today (%(oem_blockers)s), while nothing rules ODM out."
        )
    elif score < 0 and leans_odm:
        template = gettext_noop(
            "Work ODM: %(odm_count)s of the 8 factors lean ODM, led by %(odm_leaders)s; OEM's "
            "extra cost and wait would buy you little."
        )
    else:
        template = gettext_noop(
            "Work ODM: the factors are close to balanced (%(oem_count)s lean OEM, "
            "%(odm_count)s lean ODM), so the cheaper and faster start wins."
        )
    return Msg(template, params)


def _hybrid(a: Answers, params: dict, oem_blockers: list[Blocker]) -> Msg:
    why = (
        Term(gettext_noop("Your goals point to OEM"))
        if wants_oem(a)
        else Term(gettext_noop("Most factors lean OEM"))
    )
    if oem_blockers:
        return Msg(
            gettext_noop(
                "Hybrid: launch with ODM now and move your hero designs to OEM later. %(why)s, "
                "but it is ruled out today (%(oem_blockers)s). %(when)s"
            ),
            {**params, "why": why, "when": [b.lift for b in oem_blockers]},
        )
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
