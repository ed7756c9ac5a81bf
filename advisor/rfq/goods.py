"""The request's sections on the goods themselves: gold, quality, materials and compliance."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from .. import rules
from ..answers import display_value
from ..rules.compliance import Requirement
from .items import MARKET_NAMES, Item, Section


def gold(answers: dict) -> list[Section]:
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
                    brief=_("which gold price, fixed on which day; the price your quote assumes"),
                ),
                Item(_("Metal loss in casting and finishing (%)"), blank=True),
                Item(
                    _("Fineness and weight"),
                    _("each lot assayed, every piece weighed; a piece under its karat is refused"),
                    brief=_("each lot assayed, every piece weighed"),
                ),
                Item(
                    _("Stamping"),
                    _(
                        "the karat mark and our registered trademark on each piece, and "
                        "hallmarking by an assay office where our markets require it (below)"
                    ),
                    brief=_("karat mark, our trademark, and hallmarks where required"),
                ),
            ],
        )
    ]


def childrens_product_testing() -> Item:
    """For children's jewelry sold in the US: its lab test comes before shipment, since its
    certificate is filed with the customs entry (`rules.compliance.CPC_EFILING_SINCE`)."""
    return Item(
        _("Children's product testing (US)"),
        _(
            "before shipment, pieces of the goods we order are tested by a CPSC-accepted "
            "laboratory we appoint, for our Children's Product Certificate: please send it the "
            "pieces it asks for, and ship once they pass"
        ),
        brief=_("a CPSC-accepted laboratory we appoint tests the goods: ship once they pass"),
    )


def quality(model: str, *, photos: bool = False, childrens: bool = False) -> Section:
    """The golden sample and the check before shipment: an inspection, or, for an order too
    small to pay for one (`photos`, as the report costs it), photos and a video; and the lab
    test of a US children's product (`childrens`)."""
    items = [
        Item(
            _("Golden sample"),
            _(
                "one approved sample per design, signed by both sides and kept as the reference "
                "for production"
            ),
            brief=_("one signed sample per design, the reference for production"),
        ),
        Item(
            _("Before dispatch"),
            _("photos of the pieces and a video of the packed goods, at no cost"),
        )
        if photos
        else Item(
            _("Pre-shipment inspection"),
            _(
                "AQL general inspection level II: critical defects 0, major 2.5, minor 4.0, by "
                "us or an inspection company we appoint"
            ),
            brief=_("AQL level II: critical 0, major 2.5, minor 4.0"),
        ),
    ]
    if childrens:
        items.append(childrens_product_testing())
    if model == "oem":
        items.append(
            Item(
                _("Our quality specification"),
                _(
                    "we send our own QC specification with the designs: please confirm you "
                    "will inspect to it"
                ),
                brief=_("we send ours with the designs: please confirm"),
            )
        )
    return Section(_("Quality"), items)


def materials(
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
        brief = _("an ISO/IEC 17025 laboratory's report for each limit")
        items.append(Item(_("Test reports"), reports, brief=brief))
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
