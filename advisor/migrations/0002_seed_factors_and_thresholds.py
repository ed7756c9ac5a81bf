"""Loads the eight comparison factors and the default thresholds.

Figures marked "assumption" are not in the source material: they are typical public figures for
jewelry made in China (late 2026) and staff may change them in admin.
"""

from django.db import migrations

FACTORS = [
    {
        "slug": "design-ownership",
        "name": "Design ownership",
        "oem_summary": "The design and its intellectual property are yours.",
        "odm_summary": "The base design stays with the factory; you sell it under your brand.",
        "oem_suits": "Established brands with a name to protect",
        "odm_suits": "Start-ups finding their footing",
        "weight": 3,
    },
    {
        "slug": "customization-level",
        "name": "Customization level",
        "oem_summary": "Anything can change: metal, stones, dimensions, finish.",
        "odm_summary": "Pick from the factory's options: colours, packaging, small tweaks.",
        "oem_suits": "A distinctive brand look",
        "odm_suits": "Following trends quickly",
        "weight": 2,
    },
    {
        "slug": "moq-requirements",
        "name": "Minimum order quantity",
        "oem_summary": "Usually 500 to 1,000 or more pieces per design.",
        "odm_summary": "Usually 50 to 200 pieces per design; ready stock from 2 to 5 for wholesale.",
        "oem_suits": "Buyers who move volume",
        "odm_suits": "Testing the market in small batches",
        "weight": 2,
    },
    {
        "slug": "lead-time",
        "name": "Lead time",
        "oem_summary": "About 3 to 5 months: design, samples, revisions, then production.",
        "odm_summary": "About 1 to 3 months: choose a design, then production.",
        "oem_suits": "Launches planned well ahead",
        "odm_suits": "Reacting fast",
        "weight": 2,
    },
    {
        "slug": "upfront-costs",
        "name": "Upfront costs",
        "oem_summary": "High: $5,000 to $50,000 for tooling, plus sample and design fees.",
        "odm_summary": "Low: sample fees, often credited against the bulk order.",
        "oem_suits": "Budgets already in place",
        "odm_suits": "Limited starting capital",
        "weight": 2,
    },
    {
        "slug": "quality-control",
        "name": "Quality control",
        "oem_summary": "You write the quality specifications and arrange the inspections.",
        "odm_summary": "The factory's standard checks; more inspection if you ask for it.",
        "oem_suits": "Buyers who want full control",
        "odm_suits": "Buyers who trust the factory's standards",
        "weight": 1,
    },
    {
        "slug": "brand-differentiation",
        "name": "Brand differentiation",
        "oem_summary": "Pieces no one else sells: the design is yours alone.",
        "odm_summary": "Little: other buyers may sell the very same design.",
        "oem_suits": "Premium positioning",
        "odm_suits": "Competing on price",
        "weight": 2,
    },
    {
        "slug": "risk-level",
        "name": "Risk",
        "oem_summary": "Higher: a new design may not find its buyers.",
        "odm_summary": "Lower: the styles have already sold elsewhere.",
        "oem_suits": "Confidence in the design",
        "odm_suits": "Validating demand first",
        "weight": 2,
    },
]

THRESHOLDS = {
    # From the source material.
    "oem_tooling_min_usd": 5_000,
    "oem_tooling_max_usd": 50_000,
    "oem_moq_min_units": 500,
    "oem_moq_max_units": 1_000,
    "odm_moq_min_units": 50,
    "odm_moq_max_units": 200,
    "wholesale_moq_min_units": 2,
    "wholesale_moq_max_units": 5,
    # 3-5 months and 1-3 months, in whole weeks (a month is 52/12 weeks, rounded).
    "oem_lead_time_min_weeks": 13,
    "oem_lead_time_max_weeks": 22,
    "odm_lead_time_min_weeks": 4,
    "odm_lead_time_max_weeks": 13,
    # Assumptions (see PRODUCT.md): staff-editable, labelled as such wherever shown.
    "odm_sample_fee_usd": 50,
    "oem_sample_fee_usd": 150,
    "oem_sampling_rounds": 2,
    "cad_design_fee_usd": 50,
    "inspection_fee_usd": 300,
    "oem_deposit_percent": 30,
    "odm_deposit_percent": 50,
    "transit_express_weeks": 1,
    "transit_sea_weeks": 6,
}


def seed(apps, schema_editor):
    Factor = apps.get_model("advisor", "Factor")
    Thresholds = apps.get_model("advisor", "Thresholds")
    for order, factor in enumerate(FACTORS, start=1):
        Factor.objects.update_or_create(
            slug=factor["slug"], defaults={**factor, "order": order}
        )
    if not Thresholds.objects.exists():
        Thresholds.objects.create(version=1, **THRESHOLDS)


def unseed(apps, schema_editor):
    apps.get_model("advisor", "Factor").objects.filter(
        slug__in=[factor["slug"] for factor in FACTORS]
    ).delete()
    apps.get_model("advisor", "Thresholds").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("advisor", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
