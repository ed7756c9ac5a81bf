"""The data a fresh database starts with: the eight factors, the thresholds row and the
compliance requirements, read from `seed.json` beside this file.

Migration 0002_seed runs `load` (and `unload` backwards) with its historical models; tests call
`load` with the app registry to put the data back after a flush. Only `apps.get_model` is used,
never `advisor.models`, so the migration keeps working as the models change. Figures are not in
the file: the thresholds take FIGURES' defaults and the factors DEFAULT_WEIGHTS (both in
`advisor/rules/figures.py`), each declared once.

Each row loaded gets a first history record, with the reason below, so that admin's history
shows where the row came from and the first staff edit has an old value to compare with.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.apps.registry import Apps
from django.db import models
from django.utils import timezone

from advisor import rules

SEED_FILE = Path(__file__).with_name("seed.json")
DEFAULTS_REASON = "Defaults loaded by the seed migration"  # factors and thresholds
LOADED_REASON = "Loaded by the seed migration"  # compliance requirements
# What tells one compliance requirement from another.
REQUIREMENT_KEY = ("market", "wearers", "plating", "substance")


def _concrete(model: type[models.Model]) -> list[models.Field]:
    """The model's own columns, by the documented `_meta.get_fields()`."""
    return [field for field in model._meta.get_fields() if field.concrete]


def _without_notes(value: Any) -> Any:  # any JSON value
    if isinstance(value, dict):
        return {k: _without_notes(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_without_notes(v) for v in value]
    return value


@cache
def read() -> dict:
    """The file's data, its `_note`/`_source` keys left out."""
    return _without_notes(json.loads(SEED_FILE.read_text(encoding="utf-8")))


def factor_rows() -> list[dict]:
    """The factors as rows: the file's texts, their order, the rules' default weights."""
    return [
        {**row, "order": order, "weight": rules.DEFAULT_WEIGHTS[row["slug"]]}
        for order, row in enumerate(read()["factors"]["rows"], start=1)
    ]


def thresholds_row(model: type[models.Model]) -> dict:
    """The thresholds row: each figure the model has, at its default in FIGURES."""
    names = {field.name for field in _concrete(model)}
    figures = {name: f.default for name, f in rules.FIGURES.items() if name in names}
    return {**read()["thresholds"], **figures}


def requirement_rows() -> list[dict]:
    return [dict(row) for row in read()["compliance_requirements"]["rows"]]


def _requirement_key(row: dict) -> dict:
    return {"plating": "", **{k: v for k, v in row.items() if k in REQUIREMENT_KEY}}


def _create(apps: Apps, name: str, values: dict, reason: str) -> None:
    """One row and its first history record ("+", as simple-history writes on a create)."""
    model = apps.get_model("advisor", name)
    historical = apps.get_model("advisor", f"Historical{name}")
    row = model(**values)
    # With the real models (tests), simple-history would add a record of its own.
    row.skip_history_when_saving = True
    row.save()
    kept = {f.attname for f in _concrete(historical)}
    historical.objects.create(
        **{f.attname: getattr(row, f.attname) for f in _concrete(model) if f.attname in kept},
        history_date=timezone.now(),
        history_type="+",
        history_change_reason=reason,
    )


def load(apps: Apps) -> None:
    """Adds the seed's rows that are missing, each with its first history record; rows already
    there (by slug, the one thresholds row, by requirement key) are left as they are."""
    Factor = apps.get_model("advisor", "Factor")
    for row in factor_rows():
        if not Factor.objects.filter(slug=row["slug"]).exists():
            _create(apps, "Factor", row, DEFAULTS_REASON)
    Thresholds = apps.get_model("advisor", "Thresholds")
    if not Thresholds.objects.exists():
        _create(apps, "Thresholds", thresholds_row(Thresholds), DEFAULTS_REASON)
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    for row in requirement_rows():
        if not Requirement.objects.filter(**_requirement_key(row)).exists():
            _create(apps, "ComplianceRequirement", row, LOADED_REASON)


def _delete(apps: Apps, name: str, rows: models.QuerySet) -> None:
    """The rows and every history record of them."""
    ids = list(rows.values_list("pk", flat=True))
    rows.delete()
    apps.get_model("advisor", f"Historical{name}").objects.filter(id__in=ids).delete()


def unload(apps: Apps) -> None:
    """Takes the seed's rows out again, with their history; rows staff added stay."""
    Factor = apps.get_model("advisor", "Factor")
    slugs = [row["slug"] for row in factor_rows()]
    _delete(apps, "Factor", Factor.objects.filter(slug__in=slugs))
    _delete(apps, "Thresholds", apps.get_model("advisor", "Thresholds").objects.all())
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    for row in requirement_rows():
        _delete(apps, "ComplianceRequirement", Requirement.objects.filter(**_requirement_key(row)))
