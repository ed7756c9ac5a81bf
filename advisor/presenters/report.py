"""What a report's page shows, from its snapshot alone: the verdict, the key facts, the
schedule, the answers and the charts.

Read-only and query-free: the page is a function of the snapshot alone, so it can be cached by
token.
"""

from datetime import date, datetime, timedelta
from functools import partial

import segno
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import charts, rfq, rules, snapshots
from ..answers import display_value, field_label
from ..models import Recommendation
from . import tables


def model_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Recommendation.choices}


def fit_labels() -> dict[str, str]:
    return {"oem": _("Leans OEM"), "odm": _("Leans ODM"), "neutral": _("Either")}


def report_title(data: dict) -> str:
    # A name of only spaces is kept as typed but would make an empty heading.
    return data["answers"]["project_name"].strip() or _("Your OEM / ODM report")


def report_context(data: dict, *, owner: bool) -> dict:
    """What the report's page shows; a re-run's supplier is named to its `owner` alone."""
    models, fits = model_labels(), fit_labels()
    quote = tables.quote_shown(data, owner)
    names = {factor["slug"]: factor["name"] for factor in data["factors"]}
    changes = data["what_would_change"]
    blockers = _blocker_rows(data, names, models)
    oem_lifts = [b["change"] for b in blockers if b["model"] == "oem"]
    both_blocked = {b["model"] for b in blockers} == {"oem", "odm"}
    # Reports saved before "neither" existed said "odm" when both models were blocked.
    verdict = "neither" if both_blocked else data["recommendation"]
    return {
        "data": data,
        "title": report_title(data),
        "verdict": verdict,
        "rfq_models": rfq.models_offered(data),
        "verdict_label": models[verdict],
        "nearest_label": models[data.get("nearest") or "odm"] if both_blocked else "",
        "confidence_percent": round(data["confidence"] * 100),
        "created_at": datetime.fromisoformat(data["created_at"]),
        "blockers": blockers,
        "both_blocked": both_blocked,
        "hybrid_conditions": oem_lifts,
        "plan": data.get("plan", []),
        "factors": [{**f, "fit_label": fits[f["fit"]]} for f in data["factors"]],
        "changes": [{**c, "factor_name": names.get(c["factor"], c["factor"])} for c in changes],
        "timeline": data["timeline"],
        # Shown only in the sections the template keeps, which call these on a miss alone: the
        # owner's page, drawn for each request, skips them (about 0.4 ms).
        "cost_rows": partial(tables.cost_rows, data, quote),
        "schedule_rows": partial(_schedule_rows, data["timeline"], models),
        "cost_chart": partial(_cost_chart, data, models),
        "timeline_chart": partial(_timeline_chart, data, models),
        "threshold_groups": partial(tables.threshold_groups, data["thresholds"], names, quote),
        "answer_rows": partial(_answer_rows, data, quote),
        "from_quote": quote,
        "sections_for": "owner" if quote and "supplier" in quote else "everyone",
        "facts": key_facts(data, verdict),
    }


def _cost_chart(data: dict, models: dict[str, str]) -> charts.CostChart:
    labels = {"upfront": _("before the first order"), "order": _("first order")}
    return charts.cost_chart(data, models | labels)


def _timeline_chart(data: dict, models: dict[str, str]) -> charts.TimelineChart:
    launch = _("Your launch: %(date)s") % {"date": data["timeline"]["launch_date"]}
    return charts.timeline_chart(
        data, models | {"weeks": _("%(low)s–%(high)s weeks"), "launch": launch}
    )


def _answer_rows(data: dict, quote: dict | None) -> list[tuple[str, str]]:
    return answer_rows(
        {name: value for name, value in data["answers"].items() if name != "project_name"},
        expected=[name for name in rules.ANSWER_FIELDS if name != "project_name"],
        quote=quote,
    )


def acted_on(data: dict, verdict: str) -> str:
    """The model the buyer is told to start with, as the rules pick it."""
    nearer = data.get("nearest")
    return rules.starting_model(
        rules.Verdict(verdict), rules.Model(nearer) if nearer else None
    ).value


def key_facts(data: dict, verdict: str) -> dict:
    """The panel a buyer reads in five seconds: the model to start with, its cash to the first
    delivery, a minimum order larger than planned, whether the launch fits (with the day to
    order by, or the earliest launch) and the request to draft next.

    From the snapshot alone, the same for everyone who reads the report: nothing in it is the
    owner's (no supplier, no quote). Reports saved before a key existed lack it: a fact whose
    key is missing is left out or said as the page's tables say it."""
    model = acted_on(data, verdict)
    costs = data["costs"].get(model, {})
    cash = costs.get("cash_to_first_delivery_usd")
    offered = rfq.models_offered(data)
    if model == "odm" and costs.get("from_stock"):  # its request is a stock order enquiry
        next_label = _("Draft a stock order enquiry")
    elif len(offered) == 1 and offered[0] == model:
        next_label = _("Draft a request for quotation")
    elif model == "oem":
        next_label = _("Draft an OEM request for quotation")
    else:
        next_label = _("Draft an ODM request for quotation")
    return {
        "model": model,
        "model_label": model_labels()[model],
        "from_stock": bool(costs.get("from_stock")),
        "cash": tables.usd_range(cash) if cash else "",
        "not_counted": tables.not_counted(data["answers"]) if cash else "",
        "minimum": _forced_minimum(costs, data["answers"]),
        "launch": _launch_fit(data, model),
        "next_label": next_label,
    }


def _forced_minimum(costs: dict, answers: dict) -> str:
    """The minimum order when it is larger than the buyer planned, else "" (a forced minimum
    is above the planned pieces, so always more than one)."""
    if not costs.get("moq_forced") or "moq_units" not in costs:
        return ""
    return ngettext(
        "%(moq)s piece a design, not the %(planned)s you planned",
        "%(moq)s pieces a design, not the %(planned)s you planned",
        costs["moq_units"],
    ) % {
        "moq": rules.count(costs["moq_units"]),
        "planned": rules.count(answers["units_per_design"]),
    }


def _launch_fit(data: dict, model: str) -> dict[str, str]:
    """Whether the model meets the launch, in words, and the one date that matters: the day to
    order by when it fits, the earliest launch when it does not. Reports saved before the
    three-way answer only knew whether a fast factory makes it."""
    timeline = data["timeline"]
    schedule = timeline.get(f"{model}_schedule")
    if schedule is None:
        schedule = "fits_only_if_fast" if timeline.get(f"{model}_feasible") else "does_not_fit"
    launch = timeline["launch_date"]
    if schedule == "does_not_fit":
        return {
            "schedule": schedule,
            "fit": _("Misses your launch on %(launch)s, even if the factory is fast")
            % {"launch": launch},
            "when_label": _("Earliest launch"),
            "when": timeline[f"{model}_earliest_launch"],
        }
    fast = schedule == "fits_only_if_fast"
    fit = (
        _("Meets your launch on %(launch)s only if the factory is fast")
        if fast
        else _("Meets your launch on %(launch)s, even if the factory is slow")
    )
    when = _order_by(data, model, fast=fast)
    return {
        "schedule": schedule,
        "fit": fit % {"launch": launch},
        "rush": _too_soon_to_compare(data, model, when, _order_by(data, model, fast=True)),
        # ODM's time starts with choosing a catalogue design and its sample (not for stock).
        "when_label": _("Ask for samples by")
        if model == "odm" and not data["costs"]["odm"].get("from_stock")
        else _("Order by"),
        "when": when.isoformat(),
    }


def _made_on(data: dict) -> date:
    """The day the report was made, as its timeline counts it."""
    timeline = data["timeline"]
    if "days_available" in timeline:
        return date.fromisoformat(timeline["launch_date"]) - timedelta(
            days=timeline["days_available"]
        )
    return datetime.fromisoformat(data["created_at"]).date()


def _too_soon_to_compare(data: dict, model: str, when: date, fast_day: date) -> str:
    """What to do when the day to order comes before a request for quotation could be
    answered and compared (its week to quote and days to compare): when a fast factory's day
    comes after, ask for its lead time in writing, as the request does (it decides by that
    day); else order from a trusted supplier or plan a later launch. A stock order is ordered
    at once."""
    if data["costs"][model].get("from_stock"):
        return ""
    compared = _made_on(data) + timedelta(days=rfq.REPLY_DAYS + rfq.DECIDE_DAYS)
    if when >= compared:
        return ""
    if fast_day >= compared:
        return _(
            "Too soon to compare quotes on a slow factory's lead time (a week to quote, three "
            "days to compare): the request asks factories to commit in writing to one that "
            "makes your launch, and decides by %(date)s, the last day with a fast factory; or "
            "order from a supplier you already trust."
        ) % {"date": fast_day.isoformat()}
    return _(
        "Too soon to ask several factories and compare their quotes (a week to quote, three "
        "days to compare): order from a supplier you already trust, or plan a later launch."
    )


def _order_by(data: dict, model: str, *, fast: bool) -> date:
    """The last day to order for the launch with a fast or a slow factory, counted from the
    day the report was made as the summary counts it (that day when it had already passed)."""
    timeline = data["timeline"]
    launch = date.fromisoformat(timeline["launch_date"])
    made = _made_on(data)
    t = snapshots.thresholds_from_json(data["thresholds"])
    end = 0 if fast else 1
    closure = (timeline.get(f"{model}_shutdown_weeks") or (0, 0))[end]
    weeks = timeline[f"{model}_weeks"][end]
    transit = snapshots.transit_weeks(data, model)
    return rules.order_by_for(launch, weeks, closure, transit, t, made)


def _blocker_rows(data: dict, names: dict[str, str], models: dict[str, str]) -> list[dict]:
    # The rules list one change per blocker, in the blockers' order, before any other change.
    changes = data["what_would_change"]
    return [
        {
            **blocker,
            "model_label": models[blocker["model"]],
            "factor_name": names[blocker["factor"]],
            "change": changes[index]["change"],
        }
        for index, blocker in enumerate(data["blockers"])
    ]


# The figures of the freight estimate, which a quote's freight replaces for its model (reports


def _schedule_rows(timeline: dict, models: dict[str, str]) -> list[dict]:
    """Each model's schedule against the launch, in words; reports saved before the honest
    three-way answer only knew whether the shortest schedule fits."""
    said = {
        "fits_even_if_slow": _("Yes, even if the factory is slow"),
        "fits_only_if_fast": _("Only if the factory is fast"),
        "does_not_fit": _("No"),
    }
    rows = []
    for model in ("oem", "odm"):
        schedule = timeline.get(f"{model}_schedule")
        if schedule is None:
            fits = _("Yes, if the factory is fast") if timeline[f"{model}_feasible"] else _("No")
        else:
            fits = said[schedule]
        low, high = timeline[f"{model}_weeks"]
        rows.append(
            {
                "model": model,
                "label": models[model],
                "weeks": f"{low}–{high}",
                "earliest": timeline[f"{model}_earliest_launch"],
                "fits": fits,
                "shutdown": max(timeline.get(f"{model}_shutdown_weeks") or [0]),
            }
        )
    return rows


def answer_rows(
    answers: dict, expected: list[str] | None = None, quote: dict | None = None
) -> list[tuple[str, str]]:
    """(question, answer in plain words) for each answer given; with `expected`, also each
    question the report was made without (it predates the question): said, never guessed.
    In a re-run, an answer a supplier's quote replaced says so."""
    rows = []
    for name in expected or list(answers):
        if name not in answers:
            rows.append((field_label(name), _("unknown: not asked when this report was made")))
            continue
        value = answers[name]
        shown = display_value(name, value) if value not in ("", None) else _("(none)")
        if quote and name in quote["answers"]:
            shown = f"{shown} ({tables.quote_tag(quote)})"
        rows.append((field_label(name), shown))
    return rows


def qr_svg(url: str, *, title: str = "", css_class: str = "qr-code") -> SafeString:
    """The link as a QR code, an inline SVG (segno writes only its own markup, no user text);
    `title` says what it opens (default: this report)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=3,
        title=title or _("QR code of this report's link"),
        svgclass=css_class,
        lineclass="qr-line",
    )
    return mark_safe(svg)  # noqa: S308 - generated by segno from a URL we built


def pdf_filename(data: dict) -> str:
    return (slugify(data["answers"]["project_name"])[:80] or "oem-odm-report") + ".pdf"
