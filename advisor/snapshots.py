"""A recommendation as the report's JSON (docs/product.md's shape): pure code, no database.

The snapshot is what `/r/<token>.json` serves byte for byte and what the page is drawn from,
so a saved report never changes when thresholds or rules change later.
"""

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext, ngettext

from . import rules


class FactorTexts(Protocol):
    """What the snapshot copies from a factor as staff wrote it (the `Factor` model)."""

    slug: str
    name: str
    oem_summary: str
    odm_summary: str


def answers_as_json(answers: rules.Answers) -> dict:
    """The answers as the contract (docs/product.md) has them: integers as integers, ISO dates."""
    data = {name: getattr(answers, name) for name in rules.ANSWER_FIELDS}
    data["unit_cost_usd"] = _number(answers.unit_cost_usd)
    data["launch_date"] = answers.launch_date.isoformat()
    if not answers.target_markets:  # made without the market questions: absent, not guessed
        return {name: value for name, value in data.items() if name not in rules.MARKET_FIELDS}
    data["target_markets"] = list(answers.target_markets)
    for name in ("retail_price_usd", "piece_weight_g"):
        data[name] = number_or_none(getattr(answers, name))
    return data


def answers_from_json(data: dict) -> rules.Answers:
    """The answers of a saved report, old ones included (they lack the later questions)."""

    def decimal(name: str) -> Decimal | None:
        value = data.get(name)
        return None if value is None else Decimal(str(value))

    return rules.Answers(
        **{
            **data,
            "unit_cost_usd": Decimal(str(data["unit_cost_usd"])),
            "launch_date": date.fromisoformat(data["launch_date"]),
            "target_markets": tuple(data.get("target_markets") or ()),
            "retail_price_usd": decimal("retail_price_usd"),
            "piece_weight_g": decimal("piece_weight_g"),
        }
    )


def build_snapshot(
    *,
    token: str,
    created_at: datetime,
    version: int,
    answers: rules.Answers,
    result: rules.Recommendation,
    thresholds: rules.Thresholds,
    factors: list[FactorTexts],
    quoted: frozenset[str] = frozenset(),
) -> dict:
    """The report in the contract's JSON shape (docs/product.md), its texts translated into the
    active language.

    `quoted` names the figures a supplier's quote gave (a re-run): not assumptions."""
    data = {
        "token": token,
        "created_at": created_at.isoformat(),
        "rules_version": version,
        "answers": answers_as_json(answers),
        "recommendation": result.verdict.value,
    }
    if result.nearest is not None:
        data["nearest"] = result.nearest.value
    return data | {
        "confidence": result.confidence,
        "summary": _text(result.summary),
        "factors": _factors(result.factors, factors, thresholds),
        "blockers": [
            {"model": b.model.value, "factor": b.factor, "reason": _text(b.reason)}
            for b in result.blockers
        ],
        # A re-run's quote gave figures for its own model only.
        "costs": {
            model.value: _costs(
                model, result.costs[model], quoted if model == thresholds.quoted_model else set()
            )
            for model in rules.Model
        },
        "timeline": _timeline(result.timeline),
        "what_would_change": [
            {"factor": change.factor, "change": _text(change.change)}
            for change in result.what_would_change
        ],
        "thresholds": _thresholds(thresholds),
        # A hybrid's dated plan (absent for other verdicts).
        **({"plan": [_text(step) for step in result.plan]} if result.plan else {}),
    }


def _text(message: rules.Msg | rules.Paragraph) -> str:
    return message.render(gettext, ngettext)


def number_or_none(value: Decimal | int | None) -> int | float | None:
    return None if value is None else _number(value)


def quote_origin(based_on: str, quote: rules.Quote, thresholds: rules.Thresholds) -> dict:
    """What a re-run report adds: the report it re-ran, and which of its figures and answers
    came from whose quote (so pages label them "from <supplier>'s quote"), with the freight a
    piece and the duty when the quote gave them."""
    origin = {
        "supplier": quote.supplier,
        "model": quote.model.value,
        "figures": sorted(rules.quoted_figures(quote, thresholds)),
        "answers": [],  # the buyer's answers stand; the quote's price is its model's alone
        "unit_price_usd": _number(quote.unit_price_usd),
        "incoterm": quote.incoterm.value,
    }
    if quote.valid_until is not None:
        origin["valid_until"] = quote.valid_until.isoformat()
    freight, duty = rules.quoted_freight_and_duty(quote)
    if freight is not None:
        origin["freight_per_piece_usd"] = _number(freight)
    if duty is not None:
        origin["duty_percent"] = _number(duty)
    return {"based_on": based_on, "from_quote": origin}


# What a report's JSON tells its owner alone (docs/product.md): the report a re-run was made
# from, whose token leads to the owner's quotes, and whose quote it used (who the buyer deals
# with stays with the buyer; the pages say "a supplier's quote").
OWNER_ONLY = ("based_on", "from_quote")


def for_link_holders(data: dict) -> str:
    """The snapshot's JSON as anyone but the owner gets it."""
    shown = {key: value for key, value in data.items() if key not in OWNER_ONLY}
    return json.dumps(shown, ensure_ascii=False, indent=1)


def _number(value: Decimal | int) -> int | float:
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _factors(
    verdicts: list[rules.FactorVerdict], factors: list[FactorTexts], thresholds: rules.Thresholds
) -> list[dict]:
    texts = {factor.slug: factor for factor in factors}
    figures = {name: getattr(thresholds, name) for name in rules.FIGURES}

    def text(slug: str, side: str) -> str:
        return rules.fill_figures(getattr(texts[slug], side), figures) if slug in texts else ""

    return [
        {
            "slug": verdict.slug,
            "name": texts[verdict.slug].name if verdict.slug in texts else verdict.slug,
            "oem": text(verdict.slug, "oem_summary"),
            "odm": text(verdict.slug, "odm_summary"),
            "fit": verdict.fit.value,
            "reason": _text(verdict.reason),
            "weight": _number(verdict.weight),
        }
        for verdict in verdicts
    ]


def _costs(model: rules.Model, costs: rules.ModelCosts, quoted: set[str] | frozenset[str]) -> dict:
    data = {
        "upfront_usd": list(costs.upfront),
        "tooling_usd": list(costs.tooling),
        **({"molds_usd": list(costs.molds)} if model == rules.Model.OEM else {}),
        "samples_usd": costs.samples,
        "sample_rounds": costs.sample_rounds,
        "design_fees_usd": costs.design_fees,
        "moq_units": costs.moq_units,
        "order_units_per_design": costs.order_units_per_design,
        "moq_forced": costs.moq_forced,
        "first_order_usd": _number(costs.first_order),
        "first_order_at_moq_usd": _number(costs.first_order_at_moq),
        "moq_extra_usd": _number(costs.moq_extra),
        "sample_credit_usd": _number(costs.sample_credit),
        "deposit_percent": costs.deposit_percent,
        "deposit_usd": _number(costs.deposit),
        "balance_usd": _number(costs.balance),
        "inspection_usd": costs.inspection,
        "freight_usd": _number(costs.freight),
        "duty_percent": _number(costs.duty_percent),
        "duty_usd": _number(costs.duty),
        "cash_to_first_delivery_usd": [_number(v) for v in costs.cash_to_first_delivery],
        "from_stock": costs.from_stock,
        "unit_cost_usd": _number(costs.unit_cost),
    }
    data["assumptions"] = [
        key
        for key, figures in rules.COST_FIGURES[model].items()
        if any(figure in rules.ASSUMPTIONS and figure not in quoted for figure in figures)
    ]
    return data


def _timeline(timeline: rules.Timeline) -> dict:
    return {
        "launch_date": timeline.launch_date.isoformat(),
        "weeks_available": timeline.weeks_available,
        "days_available": timeline.days_available,
        "transit_weeks": timeline.transit_weeks,
        "oem_weeks": list(timeline.oem_weeks),
        "odm_weeks": list(timeline.odm_weeks),
        "oem_feasible": timeline.oem_feasible,
        "odm_feasible": timeline.odm_feasible,
        "oem_earliest_launch": timeline.oem_earliest_launch.isoformat(),
        "odm_earliest_launch": timeline.odm_earliest_launch.isoformat(),
        "oem_schedule": timeline.oem_schedule.value,
        "odm_schedule": timeline.odm_schedule.value,
        "oem_shutdown_weeks": list(timeline.oem_shutdown_weeks),
        "odm_shutdown_weeks": list(timeline.odm_shutdown_weeks),
        "festival": timeline.festival.isoformat() if timeline.festival else None,
        "by_sea": None
        if timeline.by_sea is None
        else {"model": timeline.by_sea[0].value, "weeks": timeline.by_sea[1]},
    }


def _thresholds(thresholds: rules.Thresholds) -> dict:
    """The figures this report was computed with, grouped by the factor that reads them; the
    gold price with the day staff set it."""
    data = {
        slug: {
            "weight": _number(thresholds.weight(slug)),
            **{name: getattr(thresholds, name) for name in rules.FACTOR_FIGURES[slug]},
        }
        for slug in rules.FACTOR_SLUGS
    }
    data["upfront-costs"]["gold_price_set_on"] = thresholds.gold_price_set_on.isoformat()
    return data


# Figures renamed since reports were saved with them: the old name, and the figure that holds
# the same measure now. Figures dropped altogether are left out.
RENAMED_FIGURES = {
    # Shutdown weeks counted from the festival day: the weeks after it until full output.
    "cny_shutdown_weeks": "cny_full_output_after_weeks",
}


def thresholds_from_json(data: dict) -> rules.Thresholds:
    """The thresholds a saved report was computed with; figures added since it was made take
    their defaults (the report's own figures never change), and renamed ones their new name."""
    figures = {
        RENAMED_FIGURES.get(name, name): value
        for group in data.values()
        for name, value in group.items()
        if RENAMED_FIGURES.get(name, name) in rules.FIGURES
    }
    # Reports made before silver and gold had duties of their own counted the base-metal one.
    for market in ("us", "eu", "uk"):
        if f"duty_{market}_percent" in figures:
            figures.setdefault(f"duty_{market}_precious_percent", figures[f"duty_{market}_percent"])
    weights = {slug: Decimal(str(group["weight"])) for slug, group in data.items()}
    set_on = data.get("upfront-costs", {}).get("gold_price_set_on")
    dated = {"gold_price_set_on": date.fromisoformat(set_on)} if set_on else {}
    return rules.Thresholds(**figures, weights=weights, **dated)


def quoted_figure_names(data: dict) -> set[str]:
    """The thresholds a re-run's quote stands in for in a saved report (none for a report made
    from the buyer's answers alone)."""
    return set((data.get("from_quote") or {}).get("figures", []))


def transit_weeks(data: dict, model: str) -> int:
    """A model's weeks on the way in a saved report: by sea for a re-run's sea quote, else
    express (reports saved before the report kept it: the default)."""
    timeline = data["timeline"]
    by_sea = timeline.get("by_sea") or {}
    if by_sea.get("model") == model:
        return by_sea["weeks"]
    if "transit_weeks" in timeline:
        return timeline["transit_weeks"]
    return thresholds_from_json(data["thresholds"]).transit_express_weeks
