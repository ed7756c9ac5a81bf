"""The quotes page: each supplier's quote, ranked, in the buyer's words."""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import rfq, rules, snapshots
from ..models import Quote
from .report import model_labels, report_title

if TYPE_CHECKING:
    from ..services.quotes import AssessedQuote

_usd = rules.usd


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


def _later_label(schedule: rules.Schedule) -> str:
    """A hybrid's OEM quote, for later: whether it could meet the launch after all (its re-run
    tells whether the advice changes)."""
    if schedule == rules.Schedule.DOES_NOT_FIT:
        return _("For your own designs, later: not your launch")
    return _("Could meet your launch too: re-run the advice with this quote to see")


def _market_names(markets: tuple[str, ...]) -> str:
    return ", ".join(rfq.MARKET_NAMES.get(m, _("other markets")) for m in markets)


def _duty_note(landed: rules.Landed, answers: dict, t: rules.Thresholds, ddp: bool) -> str:
    """What the page says beside a landed cost whose duty is our default, or a typed duty below
    it."""
    if not landed.duty_estimated:
        markets, metal = answers.get("target_markets") or (), answers.get("base_metal")
        default = rules.default_duty(markets, t, metal)
        if ddp or landed.duty_percent >= default[0]:
            return ""
        # A typed duty can be right (the buyer's own tariff code), so it is said, not re-ranked.
        return _(
            "duty typed as %(typed)s%%, below our default of %(percent)s%% (%(markets)s): if it "
            "is wrong, the quote looks cheaper than it is"
        ) % {
            "typed": f"{landed.duty_percent.normalize():f}",
            "percent": rules.count(int(default[0])),
            "markets": _market_names(default[1]),
        }
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


# A quote's plating under half the thickest another quote in the same table gives is said beside
# it, in every market (an assumption: a line well past a factory's rounding, below which two
# prices are not for the same piece; plating wears through with use).
THINNER_PLATING_RATIO = 2

_STATED = (rules.PlatingCheck.STATED, rules.PlatingCheck.GOLD_FLASHED)


def _thickest_plating(items: list["AssessedQuote"]) -> tuple[Decimal, str] | None:
    """The thickest plating the quotes state in microns, and whose it is (none stated above 0:
    None)."""
    stated = [
        (item.quote.plating_microns, item.quote.supplier)
        for item in items
        if item.assessment.plating in _STATED and item.quote.plating_microns > 0
    ]
    return max(stated, key=lambda pair: pair[0]) if stated else None


def _plating_note(
    microns: Decimal | None,
    check: rules.PlatingCheck | None,
    thickest: tuple[Decimal, str] | None = None,
) -> dict[str, str | bool]:
    """The plating thickness a quote gives (`check`: what it says for the buyer's piece), in
    words, and whether the row should warn: beside `thickest`, the thickest another quote in
    its table gives, when it is under half of it."""
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
    if check in _STATED and thickest and microns * THINNER_PLATING_RATIO <= thickest[0]:
        text = _(
            "%(plating)s, under half of %(supplier)s's %(thick)s µm: a lower price may be the "
            "thinner plating"
        ) % {"plating": text, "supplier": thickest[1], "thick": f"{thickest[0].normalize():f}"}
        return {"text": text, "warn": True}
    return {"text": text, "warn": check != rules.PlatingCheck.STATED}


def _gold_note(gold: rules.QuotedGold | None, answers: dict) -> dict[str, str | bool]:
    """A solid gold quote's gold and making, in words, and whether the row should warn."""
    if answers.get("base_metal") != rules.BaseMetal.SOLID_GOLD:
        return {}
    if gold is None:
        return {
            "text": _("gold in a piece and gold price not quoted: ask the factory"),
            "warn": True,
        }
    params = {
        "grams": f"{gold.grams.normalize():f}",
        "price": _usd(gold.price_per_oz),
        "metal": _usd(gold.metal, cents=True),
        "making": _usd(gold.making_per_g, cents=True),
    }
    if gold.making_per_g < 0:
        text = _(
            "%(grams)s g at %(price)s an ounce is %(metal)s of gold, more than the price: check "
            "the weight, karat and gold price"
        )
        return {"text": text % params, "warn": True}
    text = _("%(grams)s g at %(price)s an ounce: gold %(metal)s, making %(making)s a gram")
    planned = answers.get("piece_weight_g")
    if planned and gold.grams < Decimal(str(planned)):
        params["planned"] = f"{Decimal(str(planned)).normalize():f}"
        text = _(
            "%(grams)s g at %(price)s an ounce: gold %(metal)s, making %(making)s a gram; "
            "lighter than the %(planned)s g you planned"
        )
        return {"text": text % params, "warn": True}
    return {"text": text % params, "warn": False}


def _deposit_note(quote: Quote, data: dict, t: rules.Thresholds) -> dict[str, str | bool]:
    """The deposit a quote asks, and a warning when it is above the usual for its model (the
    staff's figure: "30/70 is the common term; 50/50 for small or first orders"): the balance
    held until the goods are checked is the buyer's leverage. Stock is paid in full."""
    percent = quote.deposit_percent.normalize()
    text = _("deposit %(percent)s%%") % {"percent": f"{percent:f}"}
    usual = rules.usual_deposit(rules.Model(quote.model), t, snapshots.quoted_figure_names(data))
    if data["costs"][quote.model].get("from_stock") or quote.deposit_percent <= usual:
        return {"text": text, "warn": False}
    text = _(
        "%(deposit)s, above the %(usual)s%% usual for %(model)s: the balance you hold until the "
        "goods are checked is your leverage; negotiate it down"
    ) % {"deposit": text, "usual": usual, "model": quote.model.upper()}
    return {"text": text, "warn": True}


def _quote_row(
    item: "AssessedQuote",
    data: dict,
    t: rules.Thresholds,
    models: dict[str, str],
    thickest: tuple[Decimal, str] | None,
) -> dict:
    quote, figures = item.quote, item.assessment
    answers = data["answers"]
    return {
        "id": quote.pk,
        "rank": item.rank,
        "reason": item.reason.render(_, ngettext),
        "supplier": quote.supplier,
        "currency_note": quote.currency_note,
        "valid_until": quote.valid_until.isoformat() if quote.valid_until else "",
        "lapsed": figures.lapsed_on is not None,
        "model": models[quote.model],
        "unit_price": _usd(quote.unit_price_usd, cents=True),
        "incoterm": quote.incoterm.upper(),
        "landed": _usd(figures.landed_per_piece, cents=True),
        "freight_assumed": figures.freight_assumed,
        "by_sea": quote.ships_by_sea,
        "cif": quote.incoterm == rules.Incoterm.CIF,
        "duty_note": _duty_note(figures.landed, answers, t, quote.incoterm == rules.Incoterm.DDP),
        "plating": _plating_note(quote.plating_microns, figures.plating, thickest),
        "gold": _gold_note(figures.gold, answers),
        "moq": rules.count(quote.moq_per_design),
        "tooling": _tooling(quote, item.tooling_total, answers["design_count"]),
        "before_order": _usd(figures.cash_before_first_order),
        "deposit": _deposit_note(quote, data, t),
        "to_delivery": _usd(figures.cash_to_first_delivery),
        "fast": figures.fast_delivery.isoformat(),
        "slow": figures.slow_delivery.isoformat(),
        "schedule": figures.schedule.value,
        "schedule_label": _schedule_labels()[figures.schedule]
        if figures.for_launch
        else _later_label(figures.schedule),
        "schedule_warn": figures.for_launch
        and figures.schedule != rules.Schedule.FITS_EVEN_IF_SLOW,
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
    metal = answers.get("base_metal")
    duties = ", ".join(
        f"{_market_names((m,))} {rules.count(getattr(t, rules.duty_figure(m, metal)))}%"
        for m in rules.Market
    )

    def thickest_beside(item: "AssessedQuote") -> tuple[Decimal, str] | None:
        table = [other for other in assessed if other.table == item.table]
        return _thickest_plating([other for other in table if other is not item])

    rows = {table: [] for table in rules.QuoteTable}
    for item in assessed:
        rows[item.table].append(_quote_row(item, data, t, models, thickest_beside(item)))
    hybrid = data["recommendation"] == rules.Verdict.HYBRID
    launch_title = ""  # the first table is titled when another may follow it
    if hybrid:
        launch_title = _("For your launch")
    elif rows[rules.QuoteTable.CATALOGUE]:
        launch_title = _("Your own designs (OEM)")
    return {
        "data": data,
        "title": report_title(data),
        "rows": rows[rules.QuoteTable.LAUNCH],
        # An OEM verdict's ODM quotes: a factory's designs, not the buyer's; a table of their own.
        "catalogue_rows": rows[rules.QuoteTable.CATALOGUE],
        # A hybrid's OEM quotes, for its own designs later: a table of their own.
        "later_rows": rows[rules.QuoteTable.LATER],
        "launch_title": launch_title,
        "launch_date": answers["launch_date"],
        "units": rules.units(answers["units_per_design"]).render(_, ngettext),
        "duties": duties,
        "sea_weeks": t.transit_sea_weeks,
        "retail": _usd(answers["retail_price_usd"], cents=True)
        if answers.get("retail_price_usd")
        else "",
    }
