"""A request for quotation for one model, written from a report's snapshot: pure code, no database.

The same `Request` is drawn as a printable page and as plain text to paste into a marketplace
message. Every figure comes from the buyer's report (its answers, and the thresholds and
timeline it was computed with); what only the factory knows is a blank for it to fill.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import rules, snapshots
from .answers import display_value
from .rules.compliance import Requirement

TEXT_LIMIT = 4_000  # characters: what a marketplace message comfortably takes
TEXT_WIDTH = 72
# How long factories are given to quote, and we to compare their quotes when no order-by day
# sets it (assumptions: no public figure says how long factories need; see `_reply_and_decide`).
REPLY_DAYS = 7
DECIDE_DAYS = 3


@dataclass(frozen=True)
class Item:
    """One line of the request: a statement, or a question with a blank for the factory."""

    label: str
    value: str = ""
    blank: bool = False  # the factory fills it
    short: str | None = None  # what the plain text says when the full value makes it too long


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    model: str  # "oem" or "odm"
    title: str
    intro: str
    sections: list[Section]
    closing: str
    requirements: list[Requirement]


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
    return Request(
        model=model,
        title=_("Request for quotation: %(name)s (%(model)s)")
        % {"name": name, "model": model.upper()},
        intro=_intro(answers, model),
        sections=[
            _summary(answers, model, thresholds, today),
            _oem_terms(answers, thresholds) if model == "oem" else _odm_terms(answers),
            *_gold(answers),
            _quality(model),
            _materials(answers, requirements),
            _calendar(data["timeline"], model, thresholds),
        ],
        closing=_(
            "Please answer each point, including the blanks, so that quotes can be "
            "compared line by line. Thank you."
        ),
        requirements=list(requirements),
    )


def _stock_order(answers: dict, name: str, requirements: Sequence[Requirement]) -> Request:
    """A wholesale buyer's short enquiry: pieces from the factory's stock, no development, no
    samples (the pieces are the samples) and no paid inspection (photos and a video instead)."""
    params = {
        "designs": answers["design_count"],
        "units": _pieces(answers["units_per_design"]),
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
        ],
    )
    return Request(
        model="odm",
        title=_("Stock order enquiry: %(name)s") % {"name": name},
        intro=intro % params,
        sections=[order, _materials(answers, requirements, stock=True)],
        closing=_("Please answer each point so that we can order at once. Thank you."),
        requirements=list(requirements),
    )


def _gold(answers: dict) -> list[Section]:
    """For solid gold: what makes gold quotes comparable, the metal apart from the making."""
    if answers.get("base_metal") != rules.BaseMetal.SOLID_GOLD:
        return []
    karat = answers.get("karat")
    weight = answers.get("piece_weight_g")
    return [
        Section(
            _("Gold (please fill in)"),
            [
                Item(
                    _("Karat and colour"),
                    _("%(karat)s; tell us the colours you offer (yellow, white, rose)")
                    % {"karat": karat.upper() if karat else _("[karat]")},
                ),
                Item(
                    _("Weight of a piece in grams, and the tolerance you hold"),
                    _("we plan about %(grams)s g; your weight and tolerance:") % {"grams": weight}
                    if weight
                    else "",
                    blank=True,
                ),
                Item(_("Making charge per gram in USD (labour, finishing and margin)"), blank=True),
                # Our own planning price is the buyer's to keep: told to a factory, it anchors
                # the metal price the factory quotes.
                Item(
                    _("Metal price basis"),
                    _(
                        "which gold price (LBMA, say), fixed on which day, how a move before "
                        "shipment is shared, and the price an ounce your quote assumes"
                    ),
                ),
                Item(_("Metal loss in casting and finishing (%)"), blank=True),
                Item(
                    _("Fineness and weight"),
                    _("each lot assayed, every piece weighed; a piece under its karat is refused"),
                ),
                Item(
                    _("Stamping"),
                    _(
                        "the karat mark and your registered trademark on each piece, and "
                        "hallmarking by an assay office where our markets require it (below)"
                    ),
                ),
            ],
        )
    ]


def _pieces(number: int) -> str:
    return ngettext("%(count)s piece", "%(count)s pieces", number) % {"count": rules.count(number)}


def _intro(answers: dict, model: str) -> str:
    params = {
        "designs": answers["design_count"],
        "units": _pieces(answers["units_per_design"]),
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


def _summary(answers: dict, model: str, t: rules.Thresholds, today: date) -> Section:
    # The request opens with the lower deposit staff set (docs/product.md: "30/70 usual"); the
    # report's cash keeps each model's own, in case the factory holds out for more.
    deposit = min(t.oem_deposit_percent, t.odm_deposit_percent)
    reply_by, decide_by = _reply_and_decide(answers, model, t, today)
    return Section(
        _("Quote summary (please fill in)"),
        [
            *_price_tiers(answers["units_per_design"]),
            Item(_("Minimum order per design, and can designs be mixed to reach it?"), blank=True),
            Item(
                _("Incoterm (EXW, FOB, CIF or DDP), currency, and by express courier or by sea"),
                blank=True,
            ),
            Item(_("Quote valid until"), blank=True),
            Item(
                _(
                    "Lead time in weeks, from our go-ahead to goods ready to ship, your sample included"
                ),
                blank=True,
            ),
            _ship_by_item(date.fromisoformat(answers["launch_date"]), t),
            _sea_ship_by_item(date.fromisoformat(answers["launch_date"]), t),
            Item(
                _("Payment terms"),
                _(
                    "we propose %(deposit)s%% deposit and the balance before shipment, once our "
                    "pre-shipment check passes, through the marketplace's trade protection where "
                    "it is offered; tell us yours"
                )
                % {"deposit": deposit},
            ),
            Item(_("Please reply by"), reply_by.isoformat()),
            Item(_("We will decide by"), decide_by.isoformat()),
        ],
    )


def _price_tiers(units: int) -> list[Item]:
    """Unit prices at the buyer's quantity, the factory's usual minimum and double the buyer's
    quantity: how the price moves with quantity is what makes quotes comparable."""
    at = _("Unit price in USD at %(units)s a design")
    return [
        Item(at % {"units": _pieces(units)}, blank=True),
        Item(_("Unit price in USD at your usual minimum"), blank=True),
        Item(at % {"units": _pieces(units * 2)}, blank=True),
    ]


def _reply_and_decide(
    answers: dict, model: str, t: rules.Thresholds, today: date
) -> tuple[date, date]:
    """When factories are asked to reply, and the day we say we will decide: a week to quote,
    but never past the last day to order for the launch, with a slow factory or, when that day
    has passed, a fast one; we decide by that day. When both have passed, the launch needs a
    faster schedule than usual (the calendar asks for one): still a week to quote and a firm
    day to decide, never a rush that tells factories we cannot compare their quotes."""
    launch = date.fromisoformat(answers["launch_date"])
    for end in ("max", "min"):  # a slow factory's schedule, then a fast one's
        weeks = getattr(t, f"{model}_lead_time_{end}_weeks")
        order_by = rules.latest_order_day(launch, weeks, t.transit_express_weeks, t, today)
        if order_by is not None:
            soon = min(today + timedelta(days=REPLY_DAYS), order_by)
            reply_by = max(soon, today + timedelta(days=1))
            return reply_by, max(order_by, reply_by)
    reply_by = today + timedelta(days=REPLY_DAYS)
    return reply_by, reply_by + timedelta(days=DECIDE_DAYS)


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


def _sea_ship_by_item(launch: date, t: rules.Thresholds) -> Item:
    weeks = t.transit_sea_weeks
    day, closed = rules.ship_by(launch, t, transit=weeks)
    label = ngettext(
        "By sea, goods must leave your factory by (our launch less %(weeks)s week, door to door)",
        "By sea, goods must leave your factory by (our launch less %(weeks)s weeks, door to door)",
        weeks,
    ) % {"weeks": weeks}
    if closed is None:
        return Item(label, day.isoformat())
    return Item(
        label, _("%(date)s, before the Chinese New Year closure") % {"date": day.isoformat()}
    )


def _oem_terms(answers: dict, t: rules.Thresholds) -> Section:
    rounds = t.oem_sampling_rounds
    items = [
        Item(_("Tooling and mold cost per design"), blank=True),
        Item(
            _("Mold ownership"),
            _(
                "the molds are ours: used only for our orders, kept in good repair and returned "
                "to us on request"
            ),
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


def _odm_terms(answers: dict) -> Section:
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


def _quality(model: str) -> Section:
    items = [
        Item(
            _("Golden sample"),
            _(
                "one approved sample per design, signed by both sides and kept as the reference "
                "for production"
            ),
        ),
        Item(
            _("Pre-shipment inspection"),
            _(
                "AQL general inspection level II: critical defects 0, major 2.5, minor 4.0, by "
                "us or an inspection company we appoint"
            ),
        ),
    ]
    if model == "oem":
        items.append(
            Item(
                _("Our quality specification"),
                _(
                    "we send our own QC specification with the designs: please confirm you "
                    "will inspect to it"
                ),
            )
        )
    return Section(_("Quality"), items)


MARKET_NAMES = {"us": "US", "eu": "EU", "uk": "UK"}


def _materials(
    answers: dict, requirements: Sequence[Requirement], *, stock: bool = False
) -> Section:
    if "target_markets" not in answers:
        return Section(
            _("Materials and compliance"),
            [
                Item(
                    _("Materials and test reports"),
                    _(
                        "our markets and materials are still open: tell us your standard base "
                        "metals and plating, and the test reports you hold"
                    ),
                )
            ],
        )
    items = [
        Item(_("Sold in"), display_value("target_markets", answers["target_markets"])),
        Item(_("Worn by"), display_value("wearer_age", answers["wearer_age"])),
        Item(_("Base metal"), display_value("base_metal", answers["base_metal"])),
        *_plating(answers["base_metal"], answers["plating"]),
    ]
    items += _requirement_items(requirements)
    if requirements:
        # Stock is already made: its reports exist or they do not; nothing is made to order.
        reports = (
            _(
                "for each limit above, a copy of the reports you hold for these items, from a "
                "laboratory accredited to ISO/IEC 17025, naming the test method"
            )
            if stock
            else _(
                "for each limit above, a recent report from a laboratory accredited to "
                "ISO/IEC 17025, naming the test method, on the materials you will use"
            )
        )
        items.append(Item(_("Test reports"), reports))
    if rules.Market.OTHER in answers["target_markets"]:
        items.append(Item(_("Other markets"), _("[the countries]: tell us the rules you test to")))
    return Section(_("Materials and compliance"), items)


def _plating(base_metal: str, plating: str) -> list[Item]:
    """The plating, and a blank for its thickness in microns; none for an unplated piece, and
    no thickness for solid gold, whose plating (rhodium on white gold) claims no gold content."""
    if plating == rules.Plating.NONE:
        return []
    words = display_value("plating", plating)
    if base_metal == rules.BaseMetal.SOLID_GOLD:
        return [Item(_("Plating"), words)]
    return [
        Item(_("Plating: %(plating)s; its thickness in microns") % {"plating": words}, blank=True)
    ]


def _requirement_items(requirements: Sequence[Requirement]) -> list[Item]:
    """One line per limit; the same limit by the same method in several markets (EU and UK
    REACH) is one line naming them all, to keep the message short."""
    groups: dict[tuple[str, str, str], list[Requirement]] = {}
    for requirement in requirements:
        key = (requirement.substance, requirement.limit, requirement.test_method)
        groups.setdefault(key, []).append(requirement)
    items = []
    for (substance, limit, method), same in groups.items():
        markets = ", ".join(dict.fromkeys(MARKET_NAMES.get(r.market, r.market) for r in same))
        details = "; ".join(part for part in (limit, method) if part)
        items.append(Item(f"{substance} ({markets})", details, short=limit))
    return items


def _calendar(timeline: dict, model: str, t: rules.Thresholds) -> Section:
    shutdown = max(timeline.get(f"{model}_shutdown_weeks") or [0])
    items = []
    if shutdown and timeline.get("festival"):
        festival = date.fromisoformat(timeline["festival"])
        stop, back = rules.closure_of(t).window(festival.year)
        items.append(
            Item(
                _("Chinese New Year"),
                _(
                    "production would run over the festival (%(date)s); we count your factory "
                    "closed from about %(stop)s until full output about %(back)s: tell us your "
                    "dates and whether our order can ship before them"
                )
                % {
                    "date": timeline["festival"],
                    "stop": stop.isoformat(),
                    "back": back.isoformat(),
                },
            )
        )
    else:
        items.append(
            Item(_("Holidays"), _("tell us any shutdown between your deposit and shipment"))
        )
    if not timeline.get(f"{model}_feasible", True):
        items.append(
            Item(
                _("Schedule"),
                _(
                    "our launch date is inside the usual lead time: tell us the fastest schedule "
                    "you can commit to in writing"
                ),
            )
        )
    return Section(_("Calendar"), items)


def as_text(request: Request, full_request_url: str = "") -> str:
    """The request as plain text for a marketplace message, under `TEXT_LIMIT` characters: when
    longer, requirements are said by their limits only, then the last ones by name alone, as
    few as it takes; then the text says so, with the link to the full request
    (`full_request_url`, the link for factories, while it works): a factory must not price a
    test without seeing its limit."""
    shortened = sum(item.short is not None for s in request.sections for item in s.items)
    text = _text(request, named=0, short=False, full_request_url=full_request_url)
    for named in range(shortened + 1):
        if len(text) < TEXT_LIMIT:
            return text
        text = _text(request, named=named, short=True, full_request_url=full_request_url)
    return text if len(text) < TEXT_LIMIT else text[: TEXT_LIMIT - 2].rstrip() + "\n"


def _text(request: Request, *, named: int, short: bool, full_request_url: str) -> str:
    """The text, with each requirement's limit only when `short`, and the last `named` of them
    by name alone."""
    lines = [request.title.upper(), ""]
    lines += textwrap.wrap(request.intro, TEXT_WIDTH)
    shortened = [item for s in request.sections for item in s.items if item.short is not None]
    bare = {id(item) for item in shortened[len(shortened) - named :]} if named else set()
    for section in request.sections:
        lines += ["", section.heading.upper()]
        for item in section.items:
            value = item.value
            if item.short is not None and short:
                value = "" if id(item) in bare else item.short
            colon = "" if item.label.endswith("?") else ":"
            text = f"- {item.label}{colon} {value}".rstrip() + (" ____" if item.blank else "")
            lines += textwrap.wrap(text, TEXT_WIDTH, subsequent_indent="  ")
    if bare:
        if full_request_url:
            full = _("Limits left out above for length: %(url)s") % {"url": full_request_url}
        else:
            full = _("Limits left out above for length: we will send them.")
        lines += [""] + textwrap.wrap(full, TEXT_WIDTH, break_on_hyphens=False)
    lines += [""] + textwrap.wrap(request.closing, TEXT_WIDTH)
    return "\n".join(lines) + "\n"
