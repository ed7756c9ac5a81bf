"""How a buyer's answers read: each question and each choice in words, for the wizard's forms,
the review, the report and the request for quotation. Field names are the contract's
(docs/product.md)."""

from django.utils.translation import gettext_lazy as _

from . import rules

COMPANY_STAGES = [
    (rules.CompanyStage.STARTUP, _("Start-up: a new brand, first collections")),
    (rules.CompanyStage.GROWING, _("Growing: selling steadily, adding lines")),
    (rules.CompanyStage.ESTABLISHED, _("Established: a known brand with regular ranges")),
]
POSITIONINGS = [
    (rules.Positioning.BUDGET, _("Budget: you compete on price")),
    (rules.Positioning.MID_MARKET, _("Mid-market: fair prices, some distinction")),
    (rules.Positioning.PREMIUM, _("Premium: customers pay for something unique")),
]
DEMAND_EVIDENCE = [
    (rules.DemandEvidence.UNTESTED, _("Untested: no sales of these pieces yet")),
    (rules.DemandEvidence.EARLY_SALES, _("Early sales: a first batch or pre-orders sold")),
    (rules.DemandEvidence.PROVEN, _("Proven: steady sales and reorders")),
]
DESIGN_READINESS = [
    (rules.DesignReadiness.NONE, _("None yet: we would need the factory's designs or a designer")),
    (rules.DesignReadiness.SKETCHES, _("Sketches: ideas on paper, no technical drawings")),
    (rules.DesignReadiness.FULL_SPECS, _("Full specifications: CAD files, materials, dimensions")),
]
IP_IMPORTANCE = [
    (rules.IpImportance.ESSENTIAL, _("Essential: the design must be ours alone")),
    (rules.IpImportance.PREFERRED, _("Preferred: nice to have, not a must")),
    (rules.IpImportance.UNIMPORTANT, _("Unimportant: a good catalogue design is fine")),
]
CUSTOMIZATION = [
    (rules.Customization.BRANDING_ONLY, _("Branding only: logo, tags, packaging")),
    (rules.Customization.MINOR_CHANGES, _("Minor changes: colours, plating, stones, sizes")),
    (rules.Customization.FULL_CUSTOM, _("Full custom: our own materials, shapes and finish")),
]
QC_CAPABILITY = [
    (rules.QcCapability.NONE, _("None: we rely on the factory")),
    (rules.QcCapability.THIRD_PARTY, _("Third party: we hire an inspection company")),
    (rules.QcCapability.IN_HOUSE, _("In house: our own people check the goods")),
]
RISK_TOLERANCE = [
    (rules.RiskTolerance.LOW, _("Low: we cannot afford unsold stock")),
    (rules.RiskTolerance.MEDIUM, _("Medium: some risk for a better product")),
    (rules.RiskTolerance.HIGH, _("High: we will back a new design")),
]
TARGET_MARKETS = [
    (rules.Market.US, _("United States")),
    (rules.Market.EU, _("European Union")),
    (rules.Market.UK, _("United Kingdom")),
    (rules.Market.OTHER, _("Other countries")),
]
WEARER_AGES = [
    (rules.WearerAge.ADULTS, _("Adults")),
    (rules.WearerAge.CHILDREN, _("Children under 12")),
    (rules.WearerAge.ALL_AGES, _("All ages, children included")),
]
BASE_METALS = [
    (rules.BaseMetal.STERLING_SILVER, _("Sterling silver")),
    (rules.BaseMetal.STAINLESS_STEEL, _("Stainless steel")),
    (rules.BaseMetal.BRASS, _("Brass")),
    (rules.BaseMetal.ZINC_ALLOY, _("Zinc alloy")),
    (rules.BaseMetal.SOLID_GOLD, _("Solid gold")),
    (rules.BaseMetal.OTHER, _("Another metal")),
]
KARATS = [
    (rules.Karat.K9, _("9K (375): the UK's and much of Europe's lowest gold standard")),
    (rules.Karat.K10, _("10K (417): the lowest the US allows to be called gold")),
    (rules.Karat.K14, _("14K (585)")),
    (rules.Karat.K18, _("18K (750)")),
    (rules.Karat.K22, _("22K (916)")),
]
PLATINGS = [
    (rules.Plating.NONE, _("No plating")),
    (rules.Plating.GOLD, _("Gold")),
    (rules.Plating.RHODIUM, _("Rhodium")),
    (rules.Plating.OTHER, _("Another plating")),
]

CHOICES = {
    "company_stage": COMPANY_STAGES,
    "positioning": POSITIONINGS,
    "demand_evidence": DEMAND_EVIDENCE,
    "design_readiness": DESIGN_READINESS,
    "ip_importance": IP_IMPORTANCE,
    "customization": CUSTOMIZATION,
    "qc_capability": QC_CAPABILITY,
    "risk_tolerance": RISK_TOLERANCE,
    "target_markets": TARGET_MARKETS,
    "wearer_age": WEARER_AGES,
    "base_metal": BASE_METALS,
    "plating": PLATINGS,
    "karat": KARATS,
}

# Each answer's question, in the wizard's order.
LABELS = {
    "project_name": _("Project name (optional)"),
    "company_stage": _("Where is your company?"),
    "positioning": _("How is your brand positioned?"),
    "demand_evidence": _("How well do you know these pieces will sell?"),
    "upfront_budget_usd": _("Upfront budget (USD)"),
    "total_budget_usd": _("Total budget until the first delivery (USD, optional)"),
    "unit_cost_usd": _("Expected cost per piece (USD)"),
    "units_per_design": _("Pieces per design in the first order"),
    "design_count": _("Number of designs"),
    "launch_date": _("Launch date"),
    "design_readiness": _("How ready are your designs?"),
    "ip_importance": _("How important is owning the design?"),
    "customization": _("How much do you want to change?"),
    "qc_capability": _("Who checks quality?"),
    "risk_tolerance": _("How much risk can you take?"),
    "target_markets": _("Where will you sell these pieces?"),
    "wearer_age": _("Who will wear them?"),
    "base_metal": _("Base metal"),
    "plating": _("Plating"),
    "retail_price_usd": _("Planned retail price per piece (USD, optional)"),
    "piece_weight_g": _("Weight of one piece in grams (optional)"),
    "karat": _("Karat of the gold"),
}
_WHOLE_DOLLARS = {"upfront_budget_usd", "total_budget_usd"}
_DOLLARS_AND_CENTS = {"unit_cost_usd", "retail_price_usd"}


def field_label(name: str) -> str:
    return str(LABELS[name])


def display_value(name: str, value: str | int | float | list) -> str:
    """An answer in plain words, as the buyer chose it."""
    if name not in LABELS:
        raise KeyError(name)
    if name in CHOICES:
        words = dict(CHOICES[name])
        if isinstance(value, list | tuple):
            return ", ".join(str(words.get(item, item)) for item in value)
        return str(words.get(value, value))
    if name in _WHOLE_DOLLARS:
        return rules.usd(int(value))
    if name in _DOLLARS_AND_CENTS:
        return rules.usd(value, cents=True)
    if name == "piece_weight_g":
        return _("%(grams)s g") % {"grams": value}
    if isinstance(value, int):
        return rules.count(value)
    return str(value)
