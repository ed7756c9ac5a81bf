"""Which compliance requirements apply to a buyer's markets, wearers, plating and base metal.

The requirements themselves are staff-edited rows (`models.ComplianceRequirement`, seeded with
their public sources); this module only selects among them, so the RFQ and its tests share one
rule for "which ones".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .types import BaseMetal

MARKETS = ("us", "eu", "uk")  # the markets with seeded rules, in the order the RFQ lists them
WEARERS = ("all", "children", "adults")
PLATINGS = ("", "gold")
BASE_METALS = tuple(BaseMetal)  # a row's `base_metals` holds some of these, or none for any metal

# `None`: an old report that never asked; we cannot rule either group out, so both apply.
_WEARERS_FOR_AGE: dict[str | None, frozenset[str]] = {
    "adults": frozenset({"all", "adults"}),
    "children": frozenset({"all", "children"}),
    "all_ages": frozenset(WEARERS),
    None: frozenset(WEARERS),
}

# Jewelry for children 12 and under sold in the US is a children's product: tested by a
# CPSC-accepted third-party laboratory and certified by its importer in a Children's Product
# Certificate (CPSIA section 102, 15 U.S.C. 2063(a)(2); CPSC, "Children's Product Certificate"
# FAQ, https://cpsc.gov/FAQ/CPC), which since 2026-07-08 is filed electronically with the
# customs entry (16 CFR 1110 as amended on 2025-01-08: International Trade Today, "CPSC sets
# July 2026 and January 2027 for phased effective dates of new eFiling rule", 2025-01-07;
# Keller and Heckman, "Is your business prepared for CPSC eFiling?"; Crowell & Moring, "CPSC
# maintains momentum on eFiling requirements", 2025-08-27). Checked 2026-12-02.
CPC_EFILING_SINCE = "2026-07-08"


def us_childrens_product(markets: Iterable[str] | None, wearer_age: str | None) -> bool:
    """Sold in the US and worn by children: lab-tested and certified before it is imported.
    A report made before the market questions says neither, and is not told so."""
    return "us" in (markets or ()) and wearer_age in ("children", "all_ages")


@dataclass(frozen=True)
class Requirement:
    market: str  # "us" | "eu" | "uk"
    wearers: str  # "all" | "children" | "adults"  (whom it applies to)
    plating: str  # "" = whatever the plating, or "gold" = only when the plating is gold
    substance: str  # the substance or property, e.g. "Nickel release"
    limit: str  # e.g. "0.5 µg/cm²/week (0.2 for piercing posts)"
    test_method: str  # e.g. "EN 1811"
    regulation: str  # e.g. "REACH Annex XVII, entry 27"
    text: str  # one or two short sentences for the buyer/factory
    source: str  # the public source checked (title + URL)
    # The base metals it applies to; empty = whatever the metal (most rules are about substances).
    base_metals: frozenset[str] = field(default_factory=frozenset)


def applicable(
    requirements: Iterable[Requirement],
    *,
    markets: Sequence[str],
    wearer_age: str | None,
    plating: str | None,
    base_metal: str | None,
) -> list[Requirement]:
    """The requirements for these markets and wearers (and plating and base metal), in a stable
    order.

    Markets come in the order us, eu, uk whatever order they were given in; within a market the
    rows keep the order they came in. A market without seeded rules (`other`) adds nothing.
    A row for some base metals comes only with one of them; an unknown metal (`None`, a report
    made before the question) cannot rule any out, so every metal's rows come, as both age
    groups do for an unknown age.
    """
    wanted_markets = set(markets)
    wearers = _WEARERS_FOR_AGE.get(wearer_age, _WEARERS_FOR_AGE[None])
    chosen = [
        requirement
        for requirement in requirements
        if requirement.market in wanted_markets
        and requirement.wearers in wearers
        and requirement.plating in ("", plating)
        and _fits_metal(requirement, base_metal)
    ]
    # sorted() is stable, so rows of one market keep their given order.
    return sorted(chosen, key=lambda requirement: _market_rank(requirement.market))


def _fits_metal(requirement: Requirement, base_metal: str | None) -> bool:
    return (
        not requirement.base_metals or base_metal is None or base_metal in requirement.base_metals
    )


def _market_rank(market: str) -> int:
    return MARKETS.index(market) if market in MARKETS else len(MARKETS)
