"""The request's commercial sections: who we are and what we ask, the quote to fill in, the
days to reply and ship by, the terms of each model and the calendar."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import rules
from .items import Item, Section, pieces

# How long factories are given to quote, and we at least to compare their quotes (assumptions:
# no public figure says how long factories need; see `deadlines`).
REPLY_DAYS = 7
DECIDE_DAYS = 3


class Fits(StrEnum):
    """Which factory still makes the launch when ordered on the day we decide."""

    EVEN_SLOW = "even_slow"
    ONLY_FAST = "only_fast"
    NEITHER = "neither"
    NO_LAUNCH = "no_launch"  # a hybrid's own designs: ordered later, as sales show which
    BUDGET_FIRST = "budget_first"  # and not before the buyer has OEM's upfront budget


@dataclass(frozen=True)
class Deadlines:
    reply_by: date
    decide_by: date
    fits: Fits

    @property
    def first_order_day(self) -> date:
        """The first day an order can follow the quotes: once they are compared."""
        return self.reply_by + timedelta(days=DECIDE_DAYS)


def deadlines(
    answers: dict, model: str, t: rules.Thresholds, today: date, transit: int
) -> Deadlines:
    """A week to quote and at least three days to compare, always: a rush tells factories we
    cannot compare their quotes. We decide by the last day to order with a slow factory (goods
    `transit` weeks on the way, as the report plans them: by sea in a re-run of a sea quote),
    or when that day comes before we can have compared, with a fast one; when both do, the day
    we can have compared, and the request asks for the fastest schedule (`calendar`)."""
    launch = date.fromisoformat(answers["launch_date"])
    reply_by = today + timedelta(days=REPLY_DAYS)
    compared = reply_by + timedelta(days=DECIDE_DAYS)
    for end, fits in (("max", Fits.EVEN_SLOW), ("min", Fits.ONLY_FAST)):
        weeks = getattr(t, f"{model}_lead_time_{end}_weeks")
        order_by = rules.latest_order_day(launch, weeks, transit, t, today)
        if order_by is not None and order_by >= compared:
            return Deadlines(reply_by, order_by, fits)
    return Deadlines(reply_by, compared, Fits.NEITHER)


def intro(answers: dict, model: str) -> str:
    params = {
        "designs": answers["design_count"],
        "units": pieces(answers["units_per_design"]),
        "launch": answers["launch_date"],
    }
    if model == "oem":
        text = ngettext(
            "We are looking for a manufacturer to make %(designs)s design of our own (OEM), "
            "%(units)s a design in the first order, for a launch on %(launch)s.",
            "We are looking for a manufacturer to make %(designs)s designs of our own (OEM), "
            "%(units)s a design in the first order, for a launch on %(launch)s.",
            answers["design_count"],
        )
    else:
        text = ngettext(
            "We would like %(designs)s design from your catalogue with our branding (ODM), "
            "%(units)s a design in the first order, for a launch on %(launch)s.",
            "We would like %(designs)s designs from your catalogue with our branding (ODM), "
            "%(units)s a design in the first order, for a launch on %(launch)s.",
            answers["design_count"],
        )
    return text % params


def later_deadlines(today: date, *, budget_first: bool) -> Deadlines:
    """A hybrid's own designs have no launch to meet: we decide once we have compared, or, while
    the buyer's budget stands in OEM's way, once it is in place (a quote to plan with)."""
    reply_by = today + timedelta(days=REPLY_DAYS)
    fits = Fits.BUDGET_FIRST if budget_first else Fits.NO_LAUNCH
    return Deadlines(reply_by, reply_by + timedelta(days=DECIDE_DAYS), fits)


def later_intro(answers: dict) -> str:
    """A hybrid's OEM request: its own designs come later, in the styles its range shows to
    sell, never for the launch the report rules OEM out for. (Nothing of a catalogue: a
    factory's design is not the buyer's to have made elsewhere, and a buyer "testing the
    market" first is quoted as a speculative one.)"""
    return ngettext(
        "We plan our own design (OEM), in a style our range shows to sell: %(units)s, or your "
        "minimum order if it is higher.",
        "We plan our own designs (OEM), up to %(designs)s, in the styles our range shows to "
        "sell: %(units)s a design, or your minimum order if it is higher.",
        answers["design_count"],
    ) % {"designs": answers["design_count"], "units": pieces(answers["units_per_design"])}


def summary(
    answers: dict, delivery: list[Item], t: rules.Thresholds, days: Deadlines, quoted: set[str]
) -> Section:
    """The quote to fill in for the buyer's order, to be delivered as `delivery` says."""
    return Section(
        _("Quote summary (please fill in)"),
        [
            *_price_tiers(answers["units_per_design"]),
            Item(_("Minimum order per design, and can designs be mixed to reach it?"), blank=True),
            Item(
                _("Incoterm (EXW, FOB, CIF or DDP), currency, and by express courier or by sea"),
                blank=True,
            ),
            # A price that lapses before we decide is no price to decide on.
            Item(_("Quote valid until (as long as you can hold it)"), blank=True)
            if days.fits == Fits.BUDGET_FIRST
            else Item(_("Quote valid until (at least the day we decide, below)"), blank=True),
            Item(
                _(
                    "Lead time in weeks, from our go-ahead to goods ready to ship, your sample included"
                ),
                blank=True,
            ),
            *delivery,
            _payment_item(t, quoted),
            Item(_("Please reply by"), days.reply_by.isoformat()),
            _decision_item(days),
        ],
    )


def _decision_item(days: Deadlines) -> Item:
    if days.fits == Fits.BUDGET_FIRST:
        return Item(
            _("Our decision"),
            _(
                "once our budget is in place: we plan with your quote, and confirm it before we order"
            ),
        )
    return Item(_("We will decide by"), days.decide_by.isoformat())


def _payment_item(t: rules.Thresholds, quoted: set[str]) -> Item:
    # The lower deposit staff set (docs/product.md: "30/70 usual"), never one a supplier quoted
    # in a re-run: offering a quote's terms to every factory gives them away. The report's cash
    # keeps each model's own, in case the factory holds out for more.
    deposit = min(rules.usual_deposit(model, t, quoted) for model in rules.Model)
    return Item(
        _("Payment terms"),
        _(
            "we propose %(deposit)s%% deposit and the balance before shipment, once our "
            "pre-shipment check passes, through the marketplace's trade protection where "
            "it is offered; tell us yours"
        )
        % {"deposit": deposit},
        brief=_("%(deposit)s%% deposit, the balance once our check passes; tell us yours")
        % {"deposit": deposit},
    )


def _price_tiers(units: int) -> list[Item]:
    """Unit prices at the buyer's quantity, the factory's usual minimum and double the buyer's
    quantity: how the price moves with quantity is what makes quotes comparable."""
    at = _("Unit price in USD at %(units)s a design")
    return [
        Item(at % {"units": pieces(units)}, blank=True),
        Item(_("Unit price in USD at your usual minimum"), blank=True),
        Item(at % {"units": pieces(units * 2)}, blank=True),
    ]


def ship_by_items(answers: dict, model: str, t: rules.Thresholds, days: Deadlines) -> list[Item]:
    """The days goods must leave the factory for the launch: by express, and by sea."""
    launch = date.fromisoformat(answers["launch_date"])
    return [_ship_by_item(launch, t), *_sea_ship_by_items(launch, model, t, days)]


def later_delivery_items(t: rules.Thresholds, days: Deadlines, transit: int) -> list[Item]:
    """A hybrid's own designs have no launch: ordered a design at a time, the first arriving
    no sooner than a fast run from the day we decide and `transit` weeks on the way (not said
    while the buyer's budget stands in OEM's way: the plan starts development once they have
    the money)."""
    if days.fits == Fits.BUDGET_FIRST:
        text = _("no launch date yet: we will order a design at a time, as our sales show which")
        return [Item(_("Delivery"), text)]
    lead = t.oem_lead_time_min_weeks
    run = rules.production(days.decide_by, lead, rules.closure_of(t))
    earliest = days.decide_by + timedelta(weeks=run.weeks + transit)
    text = _(
        "no launch date yet: we will order a design at a time, as our sales show which; the "
        "first pieces from about %(date)s at the earliest"
    ) % {"date": earliest.isoformat()}
    return [Item(_("Delivery"), text)]


def _ship_by_item(launch: date, t: rules.Thresholds) -> Item:
    day, closed = rules.ship_by(launch, t)
    transit = t.transit_express_weeks
    if closed is None:
        label = ngettext(
            "Goods must leave your factory by (our launch less %(weeks)s week by express)",
            "Goods must leave your factory by (our launch less %(weeks)s weeks by express)",
            transit,
        )
        return Item(label % {"weeks": transit}, day.isoformat())
    label = _("Goods must leave your factory by (before the Chinese New Year closure)")
    why = _(
        "%(date)s: our launch less express transit (%(late)s) falls inside the Chinese New Year "
        "closure, from about %(stop)s until full output about %(back)s, so please ship before it"
    ) % {
        "date": day.isoformat(),
        "late": (launch - timedelta(weeks=transit)).isoformat(),
        "stop": closed[0].isoformat(),
        "back": closed[1].isoformat(),
    }
    return Item(label, why)


def _sea_ship_by_items(
    launch: date, model: str, t: rules.Thresholds, days: Deadlines
) -> list[Item]:
    """The day to ship by sea, unless a fast factory ordered as soon as the quotes are
    compared could not have the goods ready by then."""
    weeks = t.transit_sea_weeks
    day, closed = rules.ship_by(launch, t, transit=weeks)
    lead = getattr(t, f"{model}_lead_time_min_weeks")
    run = rules.production(days.first_order_day, lead, rules.closure_of(t))
    if days.first_order_day + timedelta(weeks=run.weeks) > day:
        return []
    label = ngettext(
        "By sea, goods must leave your factory by (our launch less %(weeks)s week, door to door)",
        "By sea, goods must leave your factory by (our launch less %(weeks)s weeks, door to door)",
        weeks,
    ) % {"weeks": weeks}
    if closed is None:
        return [Item(label, day.isoformat())]
    return [
        Item(label, _("%(date)s, before the Chinese New Year closure") % {"date": day.isoformat()})
    ]


def oem_terms(answers: dict, t: rules.Thresholds) -> Section:
    rounds = t.oem_sampling_rounds
    items = [
        Item(_("Tooling and mold cost per design"), blank=True),
        Item(
            _("Mold ownership"),
            _(
                "the molds are ours: used only for our orders, kept in good repair and returned "
                "to us on request"
            ),
            brief=_("ours: for our orders only, returned on request"),
        ),
    ]
    if answers.get("design_readiness") == rules.DesignReadiness.SKETCHES:
        items.append(Item(_("CAD fee per design (we will send sketches)"), blank=True))
    elif answers.get("design_readiness") == rules.DesignReadiness.NONE:
        items.append(Item(_("Design and CAD fee per design, from our brief"), blank=True))
    items += [
        Item(_("Sample fee per design per round, and is it credited to the order?"), blank=True),
        Item(
            _("Sample rounds"),
            ngettext(
                "we plan %(rounds)s round; how many does your price include?",
                "we plan %(rounds)s rounds; how many does your price include?",
                rounds,
            )
            % {"rounds": rounds},
        ),
        Item(
            _("Before we send our designs"),
            _(
                "an NNN agreement (non-disclosure, non-use, non-circumvention) under Chinese law, "
                "signed by your company"
            ),
            brief=_("an NNN agreement under Chinese law, signed by your company"),
        ),
    ]
    return Section(_("Our own designs (OEM)"), items)


def _changes(customization: str | None) -> str:
    return {
        rules.Customization.BRANDING_ONLY: _("our logo, tags and packaging"),
        rules.Customization.MINOR_CHANGES: _(
            "our branding, and small changes: colours, plating, stones or sizes"
        ),
        rules.Customization.FULL_CUSTOM: _(
            "our branding and larger changes to materials, shapes and finish: tell us what "
            "you can change"
        ),
    }.get(customization, _("our branding"))


def odm_terms(answers: dict) -> Section:
    return Section(
        _("Your catalogue designs (ODM)"),
        [
            Item(_("Catalogue items we are interested in"), _("[item numbers]")),
            Item(_("Changes we ask for"), _changes(answers.get("customization"))),
            Item(_("Is the base design sold to other buyers?"), blank=True),
            Item(
                _("Do you offer exclusivity? For which market, how long, at what price?"),
                blank=True,
            ),
            Item(_("Sample fee per design, and is it credited to the first order?"), blank=True),
        ],
    )


def calendar(model: str, t: rules.Thresholds, days: Deadlines) -> Section:
    """The New Year closure a slow run would cross, and the fastest schedule in writing when
    only a fast factory, or none, makes the launch."""
    return Section(_("Calendar"), [_new_year_item(model, t, days), *_schedule_items(days)])


def _new_year_item(model: str, t: rules.Thresholds, days: Deadlines) -> Item:
    """The closure a slow run ordered as soon as the quotes are compared, or as late as the day
    we decide, would run into; else (or with no day to order yet) any shutdown the factory
    has."""
    if days.fits == Fits.BUDGET_FIRST:
        return Item(_("Holidays"), _("tell us any shutdown between your deposit and shipment"))
    lead, closure = getattr(t, f"{model}_lead_time_max_weeks"), rules.closure_of(t)
    festivals = sorted(
        {
            festival
            for start in (days.first_order_day, days.decide_by)
            for festival in rules.production(start, lead, closure).festivals
        }
    )
    if not festivals:
        return Item(_("Holidays"), _("tell us any shutdown between your deposit and shipment"))
    stop, back = closure.window(festivals[0].year)
    return Item(
        _("Chinese New Year"),
        _(
            "production would run over the festival (%(date)s); we count your factory "
            "closed from about %(stop)s until full output about %(back)s: tell us your "
            "dates and whether our order can ship before them"
        )
        % {"date": festivals[0].isoformat(), "stop": stop.isoformat(), "back": back.isoformat()},
        brief=_("we count you closed about %(stop)s to %(back)s: your dates?")
        % {"stop": stop.isoformat(), "back": back.isoformat()},
    )


def _schedule_items(days: Deadlines) -> list[Item]:
    if days.fits == Fits.ONLY_FAST:
        text = _(
            "our launch leaves no room for a slow run: tell us the lead time you can commit to "
            "in writing, and the day the goods leave your factory"
        )
    elif days.fits == Fits.NEITHER:
        text = _(
            "our launch date is inside the usual lead time: tell us the fastest schedule you "
            "can commit to in writing"
        )
    else:
        return []
    return [Item(_("Schedule"), text)]
