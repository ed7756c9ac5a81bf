"""Turns a report snapshot into what its page shows: labels, rows and chart geometry.

Read-only and query-free: the page is a function of the snapshot alone, so it can be cached by
token.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

import segno
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import charts, rfq, rules, snapshots
from .answers import display_value, field_label
from .models import Quote, Recommendation

if TYPE_CHECKING:
    from .services.quotes import AssessedQuote

_usd = rules.usd


def _usd_range(values: list) -> str:
    low, high = values
    return _usd(low) if low == high else f"{_usd(low)} – {_usd(high)}"


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
    quote = _quote_shown(data, owner)
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
        "cost_rows": partial(_cost_rows, data, quote),
        "schedule_rows": partial(_schedule_rows, data["timeline"], models),
        "cost_chart": partial(_cost_chart, data, models),
        "timeline_chart": partial(_timeline_chart, data, models),
        "threshold_groups": partial(_threshold_groups, data["thresholds"], names, quote),
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
        "cash": _usd_range(cash) if cash else "",
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
    return {
        "schedule": schedule,
        "fit": fit % {"launch": launch},
        # ODM's time starts with choosing a catalogue design and its sample (not for stock).
        "when_label": _("Ask for samples by")
        if model == "odm" and not data["costs"]["odm"].get("from_stock")
        else _("Order by"),
        "when": _order_by(data, model, fast=fast).isoformat(),
    }


def _order_by(data: dict, model: str, *, fast: bool) -> date:
    """The last day to order for the launch with a fast or a slow factory, counted from the
    day the report was made as the summary counts it (that day when it had already passed)."""
    timeline = data["timeline"]
    launch = date.fromisoformat(timeline["launch_date"])
    if "days_available" in timeline:
        made = launch - timedelta(days=timeline["days_available"])
    else:
        made = datetime.fromisoformat(data["created_at"]).date()
    t = snapshots.thresholds_from_json(data["thresholds"])
    end = 0 if fast else 1
    closure = (timeline.get(f"{model}_shutdown_weeks") or (0, 0))[end]
    weeks = timeline[f"{model}_weeks"][end]
    by_sea = timeline.get("by_sea") or {}
    transit = (
        by_sea["weeks"]
        if by_sea.get("model") == model
        else timeline.get("transit_weeks", t.transit_express_weeks)
    )
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
# made before it held a share of the order's value instead).
_COURIER = (*rules.FREIGHT_FIGURES, "express_freight_percent")


def _quoted_names(quote: dict | None) -> set[str]:
    """The figures a re-run's quote stands in for, freight included when it gave one."""
    if not quote:
        return set()
    freight = set(_COURIER) if "freight_per_piece_usd" in quote else set()
    duty = set(rules.DUTY_FIGURES) if "duty_percent" in quote else set()
    return set(quote["figures"]) | freight | duty


def _quote_shown(data: dict, owner: bool) -> dict | None:
    """A re-run's quote as its page shows it: its supplier named to the owner alone
    (docs/product.md); to everyone else, which figures came from a supplier's quote. The
    sections the template keeps differ by that alone (`sections_for`)."""
    quote = data.get("from_quote")
    if quote is None or owner:
        return quote
    return {key: value for key, value in quote.items() if key != "supplier"}


def quote_tag(quote: dict) -> str:
    if "supplier" not in quote:
        return _("from a supplier's quote")
    return _("from %(supplier)s's quote") % {"supplier": quote["supplier"]}


def _cost_notes(oem: dict, odm: dict, own_qc: bool, quote: dict | None) -> dict[str, str]:
    """What a $0 line means, where it is not obvious."""
    notes = {}
    if quote and quote.get("incoterm") == "cif" and "freight_per_piece_usd" not in quote:
        notes["freight_usd"] = _(
            "%(model)s: the voyage is in its CIF price; port charges and delivery from the port "
            "are not counted: ask your forwarder or customs broker"
        ) % {"model": quote["model"].upper()}
    if odm.get("from_stock"):
        notes["samples_usd"] = _("ODM from the factory's stock: the pieces you buy are the samples")
    if "duty_percent" in oem and oem["duty_percent"] == odm["duty_percent"]:
        notes["duty_usd"] = _(
            "%(percent)s%% of the order's price, our default for your markets: confirm it with a "
            "customs broker (US surcharges on Chinese goods since 2025 are not counted)"
        ) % {"percent": rules.count(oem["duty_percent"])}
    if not own_qc and 0 in (oem["inspection_usd"], odm["inspection_usd"]):
        notes["inspection_usd"] = _(
            "$0: ask the factory for photos and a video of the packed goods"
        )
    return notes


def _cost_rows(data: dict, quote: dict | None = None) -> list[dict]:
    oem, odm = data["costs"]["oem"], data["costs"]["odm"]
    own_qc = data["answers"]["qc_capability"] == "in_house"
    quoted = _quoted_names(quote)

    def from_quote(key: str) -> bool:
        figures = rules.COST_FIGURES[rules.Model(quote["model"])].get(key, ()) if quote else ()
        return any(figure in quoted for figure in figures)

    def row(
        label: str, key: str, show: Callable[..., str] = _usd, note: str = ""
    ) -> dict[str, str | bool]:
        return {
            "label": label,
            "oem": show(oem[key]) if key in oem else "—",
            "odm": show(odm[key]) if key in odm else "—",
            "assumption": key in oem.get("assumptions", []) or key in odm.get("assumptions", []),
            "quote_tag": quote_tag(quote) if from_quote(key) else "",
            "note": note,
            "total": key in {"upfront_usd", "cash_to_first_delivery_usd"},
        }

    units = rules.count
    notes = _cost_notes(oem, odm, own_qc, quote)
    return [
        row(_("Tooling: development programme and molds"), "tooling_usd", _usd_range),
        row(_("of which molds, for your designs"), "molds_usd", _usd_range),
        row(_("Samples"), "samples_usd", note=notes.get("samples_usd", "")),
        row(_("Design (CAD) fees"), "design_fees_usd"),
        row(
            _("Before the first order"),
            "upfront_usd",
            _usd_range,
            _("held against your upfront budget"),
        ),
        row(_("Minimum order, units a design"), "moq_units", units),
        row(_("Units a design you would order"), "order_units_per_design", units),
        row(_("First order at your quantity"), "first_order_usd"),
        row(_("First order at the minimum"), "first_order_at_moq_usd"),
        row(_("Extra cash the minimum forces"), "moq_extra_usd"),
        row(_("Sample fees credited to the order"), "sample_credit_usd"),
        row(_("Deposit before production"), "deposit_usd"),
        row(_("Balance before shipping"), "balance_usd"),
        row(
            _("Inspection before shipping"), "inspection_usd", note=notes.get("inspection_usd", "")
        ),
        row(_("Freight to you"), "freight_usd", note=notes.get("freight_usd", "")),
        row(_("Import duty"), "duty_usd", note=notes.get("duty_usd", "")),
        row(_("Cash to first delivery"), "cash_to_first_delivery_usd", _usd_range),
    ]


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


def _figure_tag(name: str, figure: rules.Figure, quote: dict | None) -> str:
    if quote and name in _COURIER and "freight_per_piece_usd" in quote:
        return _what_the_quote_gives(
            quote,
            _("freight of %(usd)s a piece")
            % {"usd": _usd(quote["freight_per_piece_usd"], cents=True)},
        )
    if quote and name in rules.DUTY_FIGURES and "duty_percent" in quote:
        return _what_the_quote_gives(
            quote, _("a duty of %(percent)s%%") % {"percent": rules.count(quote["duty_percent"])}
        )
    if quote and name in quote["figures"]:
        return quote_tag(quote)
    return _("assumption") if figure.assumption else ""


def _what_the_quote_gives(quote: dict, what: str) -> str:
    params = {"model": quote["model"].upper(), "what": what}
    if "supplier" not in quote:
        return _("%(model)s uses a supplier's quote, which gives %(what)s") % params
    params["supplier"] = quote["supplier"]
    return _("%(model)s uses %(supplier)s's quote, which gives %(what)s") % params


def _threshold_groups(
    thresholds: dict, names: dict[str, str], quote: dict | None = None
) -> list[dict]:
    """Each factor's figures as (label, value, tag): the tag says where a figure came from
    when it is not the source's ("assumption", or a supplier's quote in a re-run)."""
    groups = []
    for slug, figures in thresholds.items():
        rows = [(_("Weight"), figures["weight"], "")]
        for name, value in figures.items():
            if name == "weight":
                continue
            if name == "gold_price_set_on":
                rows.append((_("Gold price set on"), value, ""))
                continue
            figure = rules.FIGURES.get(name)
            if figure is None:  # a figure since retired: show the report's own record of it
                rows.append((name, rules.count(value), ""))
                continue
            shown = _usd(value) if figure.unit == rules.Unit.USD else rules.count(value)
            tag = _figure_tag(name, figure, quote)
            rows.append((_(figure.label), shown, tag))
        groups.append({"slug": slug, "name": names.get(slug, slug), "rows": rows})
    return groups


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
            shown = f"{shown} ({quote_tag(quote)})"
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


def _tooling(quote: Quote, total: Decimal, designs: int) -> str:
    """A quote's tooling as the page says it: per design, times the designs, the total."""
    if not quote.tooling_per_design_usd:
        return ""
    return ngettext(
        "tooling %(per)s a design × %(designs)s design = %(total)s",
        "tooling %(per)s a design × %(designs)s designs = %(total)s",
        designs,
    ) % {"per": _usd(quote.tooling_per_design_usd), "designs": designs, "total": _usd(total)}


def _schedule_labels() -> dict[str, str]:
    return {
        rules.Schedule.FITS_EVEN_IF_SLOW: _("Fits your launch even if the factory is slow"),
        rules.Schedule.FITS_ONLY_IF_FAST: _(
            "Fits only if the factory is fast: misses your launch if slow"
        ),
        rules.Schedule.DOES_NOT_FIT: _("Misses your launch, even if the factory is fast"),
    }


def _market_names(markets: tuple[str, ...]) -> str:
    return ", ".join(rfq.MARKET_NAMES.get(m, _("other markets")) for m in markets)


def _duty_note(landed: rules.Landed, answers: dict) -> str:
    """What the page says beside a landed cost whose duty is our default."""
    if not landed.duty_estimated:
        return ""
    params = {
        "percent": rules.count(int(landed.duty_percent)),
        "markets": _market_names(landed.duty_markets),
    }
    if not answers.get("target_markets"):
        text = _(
            "duty estimated at %(percent)s%% (%(markets)s: the highest default, as your markets are not known)"
        )
    elif len(answers["target_markets"]) > 1:
        text = _("duty estimated at %(percent)s%% (%(markets)s, the highest of your markets)")
    else:
        text = _("duty estimated at %(percent)s%% (%(markets)s)")
    if "us" in landed.duty_markets:
        return _("%(duty)s; US surcharges on Chinese goods since 2025 are not counted") % {
            "duty": text % params
        }
    return text % params


def _plating_note(microns: Decimal | None, answers: dict) -> dict[str, str | bool]:
    """The plating thickness a quote gives, in words, and whether the row should warn."""
    check = rules.plating_check(
        microns, answers.get("plating"), answers.get("base_metal"), answers.get("target_markets")
    )
    if check is None:
        return {}
    if check == rules.PlatingCheck.NOT_QUOTED:
        return {"text": _("plating thickness not quoted: ask the factory"), "warn": True}
    text = _("plating %(microns)s µm") % {"microns": f"{microns.normalize():f}"}
    if check == rules.PlatingCheck.CHECK_UNIT:
        text = _("%(plating)s: check it is microns, not micro-inches") % {"plating": text}
    elif check == rules.PlatingCheck.GOLD_FLASHED:
        text = _("%(plating)s: under 0.18 µm it is only “gold flashed” in the US") % {
            "plating": text
        }
    return {"text": text, "warn": check != rules.PlatingCheck.STATED}


def _quote_row(item: "AssessedQuote", answers: dict, models: dict[str, str]) -> dict:
    quote, figures = item.quote, item.assessment
    return {
        "id": quote.pk,
        "rank": item.rank,
        "reason": item.reason.render(_, ngettext),
        "supplier": quote.supplier,
        "currency_note": quote.currency_note,
        "model": models[quote.model],
        "unit_price": _usd(quote.unit_price_usd, cents=True),
        "incoterm": quote.incoterm.upper(),
        "landed": _usd(figures.landed_per_piece, cents=True),
        "freight_assumed": figures.freight_assumed,
        "by_sea": quote.shipping == Quote.Shipping.SEA,
        "cif": quote.incoterm == rules.Incoterm.CIF,
        "duty_note": _duty_note(figures.landed, answers),
        "plating": _plating_note(quote.plating_microns, answers),
        "moq": rules.count(quote.moq_per_design),
        "tooling": _tooling(quote, item.tooling_total, answers["design_count"]),
        "before_order": _usd(figures.cash_before_first_order),
        "to_delivery": _usd(figures.cash_to_first_delivery),
        "fast": figures.fast_delivery.isoformat(),
        "slow": figures.slow_delivery.isoformat(),
        "schedule": figures.schedule.value,
        "schedule_label": _schedule_labels()[figures.schedule],
        "closure": max(figures.shutdown_weeks),
        "within_budget": figures.within_budget,
        "moq_forced": figures.moq_forced,
        "margin": None if figures.margin_percent is None else f"{figures.margin_percent}%",
        "rerun": quote.rerun.get_absolute_url() if quote.rerun_id else "",
    }


def quotes_context(data: dict, assessed: list) -> dict:
    """The quotes page: the report's plan, and each quote ranked, in the buyer's words."""
    models = model_labels()
    answers = data["answers"]
    t = snapshots.thresholds_from_json(data["thresholds"])
    duties = ", ".join(
        f"{_market_names((m,))} {rules.count(getattr(t, f'duty_{m}_percent'))}%"
        for m in rules.Market
    )
    return {
        "data": data,
        "title": report_title(data),
        "rows": [_quote_row(item, answers, models) for item in assessed],
        "launch_date": answers["launch_date"],
        "units": rules.units(answers["units_per_design"]).render(_, ngettext),
        "duties": duties,
        "sea_weeks": t.transit_sea_weeks,
        "retail": _usd(answers["retail_price_usd"], cents=True)
        if answers.get("retail_price_usd")
        else "",
    }
