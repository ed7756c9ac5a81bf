"""Loads the eight factors, the thresholds row and the compliance requirements, each with a
first history record; backwards, takes them out again. The data is advisor/seed/seed.json and
the loader advisor/seed/__init__.py, which tests call too; figures come from advisor.rules.
"""

from django.db import migrations

from advisor import seed


def load(apps, schema_editor):
    seed.load(apps)


def unload(apps, schema_editor):
    seed.unload(apps)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
