"""A request for quotation for one model, written from a report's snapshot: pure code, no database.

The same `Request` is drawn as a printable page and as plain text to paste into a marketplace
message. Every figure comes from the buyer's report (its answers, and the thresholds and
timeline it was computed with); what only the factory knows is a blank for it to fill.
"""

from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import rules, snapshots
from ..rules.compliance import Requirement
from .goods import childrens_product_testing, gold, materials, quality
from .items import MARKET_NAMES, Item, Request, Section, pieces
from .terms import (
    DECIDE_DAYS,
    REPLY_DAYS,
    calendar,
    deadlines,
    intro,
    later_deadlines,
    later_delivery_items,
    later_intro,
    odm_terms,
    oem_terms,
    ship_by_items,
    summary,
)
from .text import TEXT_LIMIT, TEXT_WIDTH, as_text

__all__ = [
    "DECIDE_DAYS",
    "MARKET_NAMES",
    "REPLY_DAYS",
    "TEXT_LIMIT",
    "TEXT_WIDTH",
    "Request",
    "as_text",
    "build",
    "chosen_model",
    "models_offered",
    "photos_instead_of_inspection",
    "us_childrens_product",
]


def models_offered(data: dict) -> list[str]:
    """The models a request can be drafted for: the recommended one, or both when the advice
    is a hybrid (ODM now, OEM later) or neither works as answered (the nearer one first)."""
    verdict = data["recommendation"]
    if verdict in ("oem", "odm"):
        return [verdict]
    first = data.get("nearest", "odm")
    return [first, "oem" if first == "odm" else "odm"]


def chosen_model(data: dict, asked: str | None) -> str:
    """The model asked for, or else the first the report offers."""
    return asked if asked in ("oem", "odm") else models_offered(data)[0]


def build(data: dict, model: str, requirements: Sequence[Requirement], today: date) -> Request:
    """The request for `model` from the report `data` (its JSON), as of `today`."""
    answers = data["answers"]
    # The figures the report was computed with; ones added since it was made, their defaults.
    thresholds = snapshots.thresholds_from_json(data["thresholds"])
    name = answers.get("project_name") or _("our new jewelry line")
    if model == "odm" and data["costs"]["odm"].get("from_stock"):
        return _stock_order(answers, name, requirements)
    quoted = snapshots.quoted_figure_names(data)
    if model == "oem" and data["recommendation"] == rules.Verdict.HYBRID:
        # The plan's own designs, made later, not for the launch.
        days = later_deadlines(today, budget_first=_oem_money_blocked(data))
        text = later_intro(answers)
        delivery = later_delivery_items(thresholds, days, snapshots.transit_weeks(data, model))
    else:
        days = deadlines(answers, model, thresholds, today, snapshots.transit_weeks(data, model))
        text = intro(answers, model)
        delivery = ship_by_items(answers, model, thresholds, days)
    return Request(
        model=model,
        title=_("Request for quotation: %(name)s (%(model)s)")
        % {"name": name, "model": model.upper()},
        intro=text,
        sections=[
            summary(answers, delivery, thresholds, days, quoted),
            oem_terms(answers, thresholds) if model == "oem" else odm_terms(answers),
            *gold(answers),
            quality(
                model,
                photos=photos_instead_of_inspection(data, model),
                childrens=us_childrens_product(answers),
            ),
            materials(answers, requirements),
            calendar(model, thresholds, days),
        ],
        closing=_(
            "Please answer each point, including the blanks, so that quotes can be "
            "compared line by line. Thank you."
        ),
        requirements=list(requirements),
    )


def _oem_money_blocked(data: dict) -> bool:
    return any(b["model"] == "oem" and b["factor"] == "upfront-costs" for b in data["blockers"])


def us_childrens_product(answers: dict) -> bool:
    """Children's jewelry sold in the US: lab-tested before it ships (the report's cost note
    and the request say so alike)."""
    return rules.compliance.us_childrens_product(
        answers.get("target_markets"), answers.get("wearer_age")
    )


def photos_instead_of_inspection(data: dict, model: str) -> bool:
    """The report pays no inspection for this order (too small for one) and the buyer has no
    QC of their own: the request asks for photos and a video, as the report's note does."""
    own_qc = data["answers"].get("qc_capability") == "in_house"
    return not own_qc and data["costs"][model].get("inspection_usd") == 0


def _stock_order(answers: dict, name: str, requirements: Sequence[Requirement]) -> Request:
    """A wholesale buyer's short enquiry: pieces from the factory's stock, no development, no
    samples (the pieces are the samples) and no paid inspection (photos and a video instead)."""
    params = {
        "designs": answers["design_count"],
        "units": pieces(answers["units_per_design"]),
        "launch": answers["launch_date"],
    }
    intro = ngettext(
        "We would like to buy %(designs)s design from your stock, %(units)s of it, for a launch "
        "on %(launch)s.",
        "We would like to buy %(designs)s designs from your stock, %(units)s of each, for a "
        "launch on %(launch)s.",
        answers["design_count"],
    )
    order = Section(
        _("Stock order (please fill in)"),
        [
            Item(_("Catalogue items we would like"), _("[item numbers]")),
            Item(
                _("Unit price in USD at %(units)s a design") % {"units": params["units"]},
                blank=True,
            ),
            Item(_("Your minimum for stock items, per design"), blank=True),
            Item(_("In stock now, and ships within how many days of payment?"), blank=True),
            Item(_("Courier to us: cost, carrier and days in transit"), blank=True),
            Item(
                _("Payment"), _("in full when we order, through the marketplace's trade protection")
            ),
            Item(
                _("Before dispatch"),
                _("photos of the pieces and a video of the packed parcel, at no cost"),
            ),
            *([childrens_product_testing()] if us_childrens_product(answers) else []),
        ],
    )
    return Request(
        model="odm",
        title=_("Stock order enquiry: %(name)s") % {"name": name},
        intro=intro % params,
        sections=[order, materials(answers, requirements, stock=True)],
        closing=_("Please answer each point so that we can order at once. Thank you."),
        requirements=list(requirements),
    )
