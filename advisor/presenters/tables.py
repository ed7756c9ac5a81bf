"""The report's cost table and figures table, each figure tagged with where it came from: the
source, an assumption, or (in a re-run) a supplier's quote."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from .. import rfq, rules

_usd = rules.usd


def usd_range(values: list) -> str:
    low, high = values
    return _usd(low) if low == high else f"{_usd(low)} – {_usd(high)}"


_COURIER = (*rules.FREIGHT_FIGURES, "express_freight_percent")


def _quoted_names(quote: dict | None) -> set[str]:
    """The figures a re-run's quote stands in for, freight included when it gave one."""
    if not quote:
        return set()
    freight = set(_COURIER) if "freight_per_piece_usd" in quote else set()
    duty = set(rules.DUTY_FIGURES) if "duty_percent" in quote else set()
    return set(quote["figures"]) | freight | duty


def quote_shown(data: dict, owner: bool) -> dict | None:
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


def _cost_notes(data: dict, quote: dict | None) -> dict[str, str]:
    """What a line leaves out or assumes, where it is not obvious (a $0 line, say)."""
    oem, odm, answers = data["costs"]["oem"], data["costs"]["odm"], data["answers"]
    # Sea re-runs made before the sea minimum counted the courier parcel: no note for them.
    sea_minimum = "sea_freight_min_usd" in data["thresholds"].get("upfront-costs", {})
    by_sea = (data["timeline"].get("by_sea") or {}).get("model") if sea_minimum else None
    notes = {}
    if quote and quote.get("incoterm") == "cif" and "freight_per_piece_usd" not in quote:
        notes["freight_usd"] = _(
            "%(model)s: the voyage is in its CIF price; port charges and delivery from the port "
            "are not counted: ask your forwarder or customs broker"
        ) % {"model": quote["model"].upper()}
    elif quote and by_sea == quote["model"] and "freight_per_piece_usd" not in quote:
        notes["freight_usd"] = _(
            "%(model)s by sea: at least what a forwarder bills a small shipment; ask your "
            "forwarder for a door-to-door price (for a few kilograms a courier is cheaper)"
        ) % {"model": quote["model"].upper()}
    if odm.get("from_stock"):
        notes["samples_usd"] = _("ODM from the factory's stock: the pieces you buy are the samples")
    # Reports made before the markets were asked know none: every note that names one applies.
    markets = answers.get("target_markets") or list(rules.Market)
    duty = (
        [_default_duty_note(oem, markets)]
        if oem.get("duty_percent") == odm.get("duty_percent")
        else []
    )
    notes["duty_usd"] = " ".join(note for note in [*duty, _import_vat_note(markets)] if note)
    if rfq.us_childrens_product(answers):
        notes["cash_to_first_delivery_usd"] = _(
            "Not counted: jewelry for children sold in the US is tested by a CPSC-accepted "
            "laboratory before it ships, for the Children's Product Certificate you issue and, "
            "since %(date)s, file with the customs entry (goods without one can be held at the "
            "port): ask two or three accepted laboratories for an itemised quote, and leave "
            "their days before the goods must ship."
        ) % {"date": rules.compliance.CPC_EFILING_SINCE}
    if any(rfq.photos_instead_of_inspection(data, model) for model in ("oem", "odm")):
        notes["inspection_usd"] = _(
            "$0: ask the factory for photos and a video of the packed goods"
        )
    return notes


def not_counted(answers: dict) -> str:
    """What the cash to the first delivery leaves out for the buyer's markets and pieces, as
    its notes in the costs table say: "" when nothing."""
    markets = answers.get("target_markets") or list(rules.Market)  # older reports: all of them
    left_out = []
    if rules.Market.US in markets:
        left_out.append(_("US surcharges on Chinese goods"))
    if rules.Market.UK in markets or rules.Market.EU in markets:
        left_out.append(_("import VAT"))
    if rfq.us_childrens_product(answers):
        left_out.append(_("the laboratory's tests of children's jewelry"))
    if not left_out:
        return ""
    return _("Not counted: %(costs)s (see “What each model costs”).") % {
        "costs": ", ".join(left_out)
    }


def _default_duty_note(oem: dict, markets: list[str]) -> str:
    if "duty_percent" not in oem:
        return ""
    note = _(
        "%(percent)s%% of the order's price, our default for your markets: confirm it with a "
        "customs broker."
    ) % {"percent": rules.count(oem["duty_percent"])}
    if rules.Market.US in markets:
        note += " " + _("US surcharges on Chinese goods since 2025 are not counted.")
    return note


# Import VAT is charged on the goods, their transport to the border and the duty: UK 20 %,
# reclaimed by a VAT-registered business, with postponed accounting nothing paid at the border
# (GOV.UK, "VAT rates", https://www.gov.uk/vat-rates; Livingston International, "A practical
# guide to UK customs duties, tariffs and import VAT"; ACCA, "VAT (part 2)" 2024, postponed
# accounting); the EU's standard rates run from 17 % (Luxembourg) to 27 % (Hungary) (Tax
# Foundation via VATupdate, https://www.vatupdate.com/?p=170372; DPD Germany, "How is the
# import VAT calculated?": goods, duties and shipping). Checked 2026-12-02. Not counted in the
# cash: whether the buyer reclaims it is not asked.
def _import_vat_note(markets: list[str]) -> str:
    uk, eu = rules.Market.UK in markets, rules.Market.EU in markets
    if uk and eu:
        return _(
            "Import VAT comes on top (UK 20%, EU 17% to 27% by country), on the goods, freight "
            "and duty: a VAT-registered business reclaims it (in the UK, with postponed "
            "accounting, nothing is paid at the border); for one that is not, it is a cost."
        )
    if uk:
        return _(
            "UK import VAT (20%) comes on top, on the goods, freight and duty: a VAT-registered "
            "business reclaims it (with postponed accounting, nothing is paid at the border); "
            "for one that is not, it is a cost."
        )
    if eu:
        return _(
            "EU import VAT (17% to 27% by country) comes on top, on the goods, freight and duty, "
            "usually paid at customs: a VAT-registered business reclaims it; for one that is "
            "not, it is a cost."
        )
    return ""


def cost_rows(data: dict, quote: dict | None = None) -> list[dict]:
    oem, odm = data["costs"]["oem"], data["costs"]["odm"]
    quoted = _quoted_names(quote)
    notes = _cost_notes(data, quote) | {"upfront_usd": _("held against your upfront budget")}

    def from_quote(key: str) -> bool:
        figures = rules.COST_FIGURES[rules.Model(quote["model"])].get(key, ()) if quote else ()
        return any(figure in quoted for figure in figures)

    def row(label: str, key: str, show: Callable[..., str] = _usd) -> dict[str, str | bool]:
        return {
            "label": label,
            "oem": show(oem[key]) if key in oem else "—",
            "odm": show(odm[key]) if key in odm else "—",
            "assumption": key in oem.get("assumptions", []) or key in odm.get("assumptions", []),
            "quote_tag": quote_tag(quote) if from_quote(key) else "",
            "note": notes.get(key, ""),
            "total": key in {"upfront_usd", "cash_to_first_delivery_usd"},
        }

    units = rules.count
    return [
        row(_("Tooling: development programme and molds"), "tooling_usd", usd_range),
        row(_("of which molds, for your designs"), "molds_usd", usd_range),
        row(_("Samples"), "samples_usd"),
        row(_("Design (CAD) fees"), "design_fees_usd"),
        row(_("Before the first order"), "upfront_usd", usd_range),
        row(_("Minimum order, units a design"), "moq_units", units),
        row(_("Units a design you would order"), "order_units_per_design", units),
        row(_("First order at your quantity"), "first_order_usd"),
        row(_("First order at the minimum"), "first_order_at_moq_usd"),
        row(_("Extra cash the minimum forces"), "moq_extra_usd"),
        row(_("Sample fees credited to the order"), "sample_credit_usd"),
        row(_("Deposit before production"), "deposit_usd"),
        row(_("Balance before shipping"), "balance_usd"),
        row(_("Inspection before shipping"), "inspection_usd"),
        row(_("Freight to you"), "freight_usd"),
        row(_("Import duty"), "duty_usd"),
        row(_("Cash to first delivery"), "cash_to_first_delivery_usd", usd_range),
    ]


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


def threshold_groups(
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
