"""The seeded factor texts quote figures by name ({oem_moq_min_units}), so that a page always
shows the figure the rules use: after staff change a threshold, no text can contradict it.

Only texts still as seeded are rewritten; a text staff have edited is left as they wrote it.
"""

from django.db import migrations

SEEDED_TO_NAMED = {
    ("moq-requirements", "oem_summary"): (
        "Usually 500 to 1,000 or more pieces per design.",
        "Usually {oem_moq_min_units} to {oem_moq_max_units} or more pieces per design.",
    ),
    ("moq-requirements", "odm_summary"): (
        "Usually 50 to 200 pieces per design; ready stock from 2 to 5 for wholesale.",
        "Usually {odm_moq_min_units} to {odm_moq_max_units} pieces per design; ready stock from "
        "{wholesale_moq_min_units} to {wholesale_moq_max_units} for wholesale.",
    ),
    ("lead-time", "oem_summary"): (
        "About 3 to 5 months: design, samples, revisions, then production.",
        "About {oem_lead_time_min_weeks} to {oem_lead_time_max_weeks} weeks: design, samples, "
        "revisions, then production.",
    ),
    ("lead-time", "odm_summary"): (
        "About 1 to 3 months: choose a design, then production.",
        "About {odm_lead_time_min_weeks} to {odm_lead_time_max_weeks} weeks: choose a design, "
        "then production.",
    ),
    ("upfront-costs", "oem_summary"): (
        "High: $5,000 to $50,000 for tooling, plus sample and design fees.",
        "High: {oem_tooling_min_usd} to {oem_tooling_max_usd} for a whole development programme "
        "(molds alone often {oem_molds_per_design_min_usd} to {oem_molds_per_design_max_usd} a "
        "design), plus sample and design fees.",
    ),
    ("upfront-costs", "odm_summary"): (
        "Low: sample fees, often credited against the bulk order.",
        "Low: sample fees of about {odm_sample_fee_usd} a design, often credited against the "
        "bulk order.",
    ),
}


def _rewrite(apps, direction: int) -> None:
    Factor = apps.get_model("advisor", "Factor")
    for (slug, field), texts in SEEDED_TO_NAMED.items():
        old, new = texts[::direction]
        Factor.objects.filter(slug=slug, **{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _rewrite(apps, 1)


def backwards(apps, schema_editor):
    _rewrite(apps, -1)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0012_report_replaced_by")]
    operations = [migrations.RunPython(forwards, backwards)]
