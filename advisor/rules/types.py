"""What goes into the rules: the buyer's answers, their allowed values and their limits.

The values and limits are the contract's (docs/product.md): form field names, JSON keys and
report keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Model(StrEnum):
    OEM = "oem"
    ODM = "odm"


class Verdict(StrEnum):
    # Declared from "neither" to OEM: the rules are monotone in this order (see `RANK`).
    NEITHER = "neither"  # both models are blocked as answered
    ODM = "odm"
    HYBRID = "hybrid"
    OEM = "oem"


RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}


class Schedule(StrEnum):
    """Whether a model's lead-time range fits the launch date."""

    FITS_EVEN_IF_SLOW = "fits_even_if_slow"  # the longest schedule fits
    FITS_ONLY_IF_FAST = "fits_only_if_fast"  # only the shortest does
    DOES_NOT_FIT = "does_not_fit"


class Fit(StrEnum):
    OEM = "oem"
    ODM = "odm"
    NEUTRAL = "neutral"


# Each question's values, declared in the order they lean from ODM to OEM where they lean at
# all: the what-would-change search steps through them in this order.


class CompanyStage(StrEnum):
    STARTUP = "startup"
    GROWING = "growing"
    ESTABLISHED = "established"


class Positioning(StrEnum):
    BUDGET = "budget"
    MID_MARKET = "mid_market"
    PREMIUM = "premium"


class DemandEvidence(StrEnum):
    UNTESTED = "untested"
    EARLY_SALES = "early_sales"
    PROVEN = "proven"


class DesignReadiness(StrEnum):
    NONE = "none"
    SKETCHES = "sketches"
    FULL_SPECS = "full_specs"


class IpImportance(StrEnum):
    UNIMPORTANT = "unimportant"
    PREFERRED = "preferred"
    ESSENTIAL = "essential"


class Customization(StrEnum):
    BRANDING_ONLY = "branding_only"
    MINOR_CHANGES = "minor_changes"
    FULL_CUSTOM = "full_custom"


class QcCapability(StrEnum):
    NONE = "none"
    THIRD_PARTY = "third_party"
    IN_HOUSE = "in_house"


class RiskTolerance(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# Where the pieces are sold and worn, and what they are made of: these decide the compliance
# requirements a request for quotation asks the factory to meet and prove.


class Market(StrEnum):
    US = "us"
    EU = "eu"
    UK = "uk"
    OTHER = "other"


class WearerAge(StrEnum):
    ADULTS = "adults"
    CHILDREN = "children"  # under 12
    ALL_AGES = "all_ages"


class BaseMetal(StrEnum):
    STERLING_SILVER = "sterling_silver"
    STAINLESS_STEEL = "stainless_steel"
    BRASS = "brass"
    ZINC_ALLOY = "zinc_alloy"
    SOLID_GOLD = "solid_gold"
    OTHER = "other"


class Karat(StrEnum):
    K9 = "9k"
    K10 = "10k"
    K14 = "14k"
    K18 = "18k"
    K22 = "22k"


# Parts of gold in a thousand: the hallmarking standards of fineness (UK Hallmarking Act 1973,
# Schedule 2: 375, 585, 750, 916) and the US 10 karat (10/24, 417).
FINENESS = {Karat.K9: 375, Karat.K10: 417, Karat.K14: 585, Karat.K18: 750, Karat.K22: 916}
TROY_OUNCE_G = Decimal("31.1034768")


class Plating(StrEnum):
    NONE = "none"
    GOLD = "gold"
    RHODIUM = "rhodium"
    OTHER = "other"


# The eight factors, in the order every report lists them.
FACTOR_SLUGS = (
    "design-ownership",
    "customization-level",
    "moq-requirements",
    "lead-time",
    "upfront-costs",
    "quality-control",
    "brand-differentiation",
    "risk-level",
)

# The answer fields in the contract's order (docs/product.md): form field names, JSON keys and
# report keys.
ANSWER_FIELDS = (
    "project_name",
    "company_stage",
    "positioning",
    "demand_evidence",
    "upfront_budget_usd",
    "unit_cost_usd",
    "units_per_design",
    "design_count",
    "launch_date",
    "design_readiness",
    "ip_importance",
    "customization",
    "qc_capability",
    "risk_tolerance",
    "total_budget_usd",
    "target_markets",
    "wearer_age",
    "base_metal",
    "plating",
    "retail_price_usd",
    "piece_weight_g",
    "karat",
)

# Answers that reports made before they were asked do not have: pages say "unknown". They are
# the contract's last fields, from the markets on.
MARKET_FIELDS = ANSWER_FIELDS[ANSWER_FIELDS.index("target_markets") :]

# The contract's limits on answers; the forms enforce them and the thresholds reuse them.
PROJECT_NAME_MAX_LENGTH = 120
MAX_USD = 10_000_000  # a budget, and any dollar threshold
MAX_UNIT_COST_USD = 100_000
MAX_UNITS = 1_000_000  # units per design, and any order-quantity threshold
MAX_DESIGNS = 500
MAX_YEARS_AHEAD = 5  # the latest launch date
MAX_PIECE_WEIGHT_G = 1_000


@dataclass(frozen=True)
class Answers:
    """A buyer's answers, already validated (by the wizard's forms)."""

    company_stage: str
    positioning: str
    demand_evidence: str
    upfront_budget_usd: int
    unit_cost_usd: Decimal
    units_per_design: int
    design_count: int
    launch_date: date
    design_readiness: str
    ip_importance: str
    customization: str
    qc_capability: str
    risk_tolerance: str
    project_name: str = ""
    # All the cash until the first order arrives; None when the buyer did not say.
    total_budget_usd: int | None = None
    # Markets and materials: empty or None in reports made before the wizard asked.
    target_markets: tuple[str, ...] = ()
    wearer_age: str | None = None
    base_metal: str | None = None
    plating: str | None = None
    retail_price_usd: Decimal | None = None
    # Grams a piece; None when the buyer did not say (the rules take a weight by metal).
    piece_weight_g: Decimal | None = None
    karat: str | None = None  # solid gold only

    @property
    def cash_available(self) -> int | None:
        """The total budget, never less than the upfront budget it includes."""
        if self.total_budget_usd is None:
            return None
        return max(self.total_budget_usd, self.upfront_budget_usd)
