"""What a quote's plating thickness says for the buyer's piece, in the buyer's markets."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from .types import BaseMetal, Plating

# FTC Guides, 16 CFR 23.3: under 7/1,000,000 in (about 0.18 µm) of fine gold, plating may only
# be called "gold flashed" or "gold washed" in the US (the seeded requirement names sources).
GOLD_ELECTROPLATE_MIN_MICRONS = Decimal("0.18")
# Heavy gold electroplate and vermeil start at about 2.5 µm; a figure above twice that is more
# likely micro-inches typed as microns (an assumption).
PLATING_CHECK_UNIT_ABOVE_MICRONS = 5


class PlatingCheck(StrEnum):
    NOT_QUOTED = "not_quoted"  # a plated piece's quote without its thickness
    CHECK_UNIT = "check_unit"  # too thick to be plating in microns
    GOLD_FLASHED = "gold_flashed"  # gold plating too thin to be called so in the US
    STATED = "stated"


def plating_check(
    microns: Decimal | None,
    plating: str | None,
    base_metal: str | None,
    markets: Sequence[str] | None,
) -> PlatingCheck | None:
    """What a quote's plating thickness says for the buyer's piece; None for an unplated or
    solid gold piece, whose plating claims no gold content."""
    if plating in (None, Plating.NONE) or base_metal == BaseMetal.SOLID_GOLD:
        return None
    if microns is None:
        return PlatingCheck.NOT_QUOTED
    if microns > PLATING_CHECK_UNIT_ABOVE_MICRONS:
        return PlatingCheck.CHECK_UNIT
    if (
        plating == Plating.GOLD
        and "us" in (markets or ())
        and microns < GOLD_ELECTROPLATE_MIN_MICRONS
    ):
        return PlatingCheck.GOLD_FLASHED
    return PlatingCheck.STATED
