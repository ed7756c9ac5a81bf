"""Gives every report a link for factories (`Report.rfq_token`): a token of its own that opens
the report's request for quotation and nothing else.

A unique field cannot be added with one default for the rows already there (they would all get
the same value), so, as Django's documentation does it: the column is added empty, each
existing report gets a random token of its own, then the column becomes unique and required.
"""

import secrets

from django.db import migrations, models

import advisor.models


def fill_rfq_tokens(apps, schema_editor):
    Report = apps.get_model("advisor", "Report")
    # As `new_report_token` makes them (192 random bits), written here so that this migration
    # keeps doing what it did whatever that function becomes.
    reports = list(Report.objects.filter(rfq_token=None).only("pk"))
    for report in reports:
        report.rfq_token = secrets.token_urlsafe(24)
    Report.objects.bulk_update(reports, ["rfq_token"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0005_gold")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="rfq_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        # Backwards there is nothing to undo: removing the column takes the tokens with it.
        migrations.RunPython(fill_rfq_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="report",
            name="rfq_token",
            field=models.CharField(
                default=advisor.models.new_report_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="token of the link for factories",
            ),
        ),
    ]
