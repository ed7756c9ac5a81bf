"""Gives the seeded factors and thresholds a first history record.

Without it, the first change staff make has nothing to be compared with, and the admin's history
page could not show its old value.
"""

from django.db import migrations
from django.utils import timezone


def _copy(instance, model) -> dict:
    return {
        field.attname: getattr(instance, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
    }


def record_initial_history(apps, schema_editor):
    for name in ("Factor", "Thresholds"):
        model = apps.get_model("advisor", name)
        historical = apps.get_model("advisor", f"Historical{name}")
        history_fields = {f.attname for f in historical._meta.concrete_fields}
        for instance in model.objects.all():
            if historical.objects.filter(id=instance.pk).exists():
                continue
            values = {k: v for k, v in _copy(instance, model).items() if k in history_fields}
            historical.objects.create(
                id=instance.pk,
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="Defaults loaded by the seed migration",
                **values,
            )


class Migration(migrations.Migration):
    dependencies = [("advisor", "0006_history_and_forks")]

    operations = [migrations.RunPython(record_initial_history, migrations.RunPython.noop)]
