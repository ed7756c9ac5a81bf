"""Compliance requirements by base metal: the `base_metals` field."""

from django.db import migrations, models

HELP_TEXT = (
    "Tick none for a rule whatever the metal; otherwise it is listed only for the metals "
    "ticked, and for reports made before the metal was asked."
)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0002_seed")]

    operations = [
        migrations.AddField(
            model_name="compliancerequirement",
            name="base_metals",
            field=models.JSONField(
                blank=True, default=list, help_text=HELP_TEXT, verbose_name="base metals"
            ),
        ),
        migrations.AddField(
            model_name="historicalcompliancerequirement",
            name="base_metals",
            field=models.JSONField(
                blank=True, default=list, help_text=HELP_TEXT, verbose_name="base metals"
            ),
        ),
    ]
