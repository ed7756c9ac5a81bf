"""Compliance requirements by base metal: the `base_metals` field, then the seed again.

`seed.load` adds the rows that are missing (those for one metal, and the new ones for every
metal) and brings up to date the rows still exactly as 0002 seeded them (their `replaces` in
advisor/seed/seed.json); rows staff have edited stay as they are. Backwards, the rows that need
the field go, and the rows brought up to date, if untouched since, get their first text back.
"""

from django.db import migrations, models

from advisor import seed

HELP_TEXT = (
    "Tick none for a rule whatever the metal; otherwise it is listed only for the metals "
    "ticked, and for reports made before the metal was asked."
)


def load(apps, schema_editor):
    seed.load(apps)


def unload(apps, schema_editor):
    seed.unload_base_metals(apps)


class Migration(migrations.Migration):
    # On PostgreSQL a table cannot be altered in the transaction that wrote rows under its
    # deferred foreign keys: backwards, the rows go back (with history records) in a
    # transaction of their own, committed before the field is removed.
    atomic = False
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
        migrations.RunPython(load, unload, atomic=True),
    ]
