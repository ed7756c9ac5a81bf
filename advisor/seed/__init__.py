"""The data a fresh database starts with: the eight factors, the thresholds row and the
compliance requirements, read from `seed.json` beside this file.

Migration 0002_seed runs `load` (and `unload` backwards) with its historical models; tests call
`load` with the app registry to put the data back after a flush. Only `apps.get_model` is used,
never `advisor.models`, so the migration keeps working as the models change. Figures are not in
the file: the thresholds take FIGURES' defaults and the factors DEFAULT_WEIGHTS (both in
`advisor/rules/figures.py`), each declared once.

Each row loaded gets a first history record, with the reason below, so that admin's history
shows where the row came from and the first staff edit has an old value to compare with.

The seed grows with later migrations, which run `load` again: it adds the rows that are missing
and brings up to date a compliance requirement that is still exactly one of its earlier seeded
versions (the row's `replaces`), never one staff have edited. A row whose fields the model does
not have yet (`base_metals` before migration 0003) waits for the migration that adds them.
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
UPDATED_REASON = "Updated by a seed migration: the row was as seeded before"
RESTORED_REASON = "Restored by a seed migration's reverse"
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


def _requirement_entries() -> list[dict]:
    return read()["compliance_requirements"]["rows"]


def requirement_rows() -> list[dict]:
    """The compliance requirements as rows, as they are now (without `replaces`)."""
    return [_current(entry) for entry in _requirement_entries()]


def _current(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if k != "replaces"}


def _earlier(entry: dict) -> list[dict]:
    """The entry's earlier seeded versions, oldest first, each as a whole row."""
    return [{**_current(entry), **changes} for changes in entry.get("replaces", [])]


def _requirement_key(row: dict) -> dict:
    return {"plating": "", **{k: v for k, v in row.items() if k in REQUIREMENT_KEY}}


def _is(row: models.Model, values: dict) -> bool:
    return all(getattr(row, name) == value for name, value in values.items())


def _save(apps: Apps, row: models.Model, history_type: str, reason: str) -> None:
    """Saves the row and writes its history record ("+" or "~", as simple-history would)."""
    name = type(row).__name__
    historical = apps.get_model("advisor", f"Historical{name}")
    # With the real models (tests), simple-history would add a record of its own.
    row.skip_history_when_saving = True
    row.save()
    kept = {f.attname for f in _concrete(historical)}
    historical.objects.create(
        **{f.attname: getattr(row, f.attname) for f in _concrete(type(row)) if f.attname in kept},
        history_date=timezone.now(),
        history_type=history_type,
        history_change_reason=reason,
    )


def _create(apps: Apps, name: str, values: dict, reason: str) -> None:
    """One row and its first history record."""
    _save(apps, apps.get_model("advisor", name)(**values), "+", reason)


def _set(apps: Apps, row: models.Model, values: dict, reason: str) -> None:
    for name, value in values.items():
        setattr(row, name, value)
    _save(apps, row, "~", reason)


def load(apps: Apps) -> None:
    """Adds the seed's rows that are missing, each with its first history record; rows already
    there (by slug, the one thresholds row, by requirement key) are left as they are, except a
    requirement still exactly as an earlier seed had it, which is brought up to date."""
    Factor = apps.get_model("advisor", "Factor")
    for row in factor_rows():
        if not Factor.objects.filter(slug=row["slug"]).exists():
            _create(apps, "Factor", row, DEFAULTS_REASON)
    Thresholds = apps.get_model("advisor", "Thresholds")
    if not Thresholds.objects.exists():
        _create(apps, "Thresholds", thresholds_row(Thresholds), DEFAULTS_REASON)
    _load_requirements(apps)


def _load_requirements(apps: Apps) -> None:
    """Adds the missing requirements the model can hold, and brings up to date each one still
    exactly as an earlier seed had it."""
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    columns = {field.name for field in _concrete(Requirement)}
    for entry in _requirement_entries():
        row = _current(entry)
        if not set(row) <= columns:
            continue  # its migration adds the fields it needs, then loads it
        found = Requirement.objects.filter(**_requirement_key(row)).first()
        if found is None:
            _create(apps, "ComplianceRequirement", row, LOADED_REASON)
        elif not _is(found, row) and any(_is(found, old) for old in _earlier(entry)):
            _set(apps, found, row, UPDATED_REASON)


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


def unload_base_metals(apps: Apps) -> None:
    """Migration 0003's reverse, before its field goes: the requirements that need
    `base_metals` are taken out, and those it brought up to date, if still untouched, go back
    to their first seeded version. Rows staff added or edited stay (and then apply to any
    metal)."""
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    for entry in _requirement_entries():
        row, earlier = _current(entry), _earlier(entry)
        found = Requirement.objects.filter(**_requirement_key(row)).first()
        if found is None or not _is(found, row):
            continue
        if earlier:
            _set(apps, found, earlier[0], RESTORED_REASON)
        elif row.get("base_metals"):
            _delete(apps, "ComplianceRequirement", Requirement.objects.filter(pk=found.pk))
