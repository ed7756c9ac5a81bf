"""The seed: what migration 0002_seed loads from advisor/seed/seed.json, and takes out again."""

import json

import pytest
from django.apps import apps

from advisor import rules, seed
from advisor.models import ComplianceRequirement, Factor, Thresholds

SEEDED = (Factor, Thresholds, ComplianceRequirement)


def _values(instance) -> dict:
    return {
        f.attname: getattr(instance, f.attname)
        for f in type(instance)._meta.concrete_fields
        if f.attname != "updated_at"
    }


def test_the_file_repeats_no_figure_and_its_notes_are_left_out():
    raw = json.loads(seed.SEED_FILE.read_text(encoding="utf-8"))
    assert set(raw["thresholds"]) - {"_note"} == {"version"}
    assert not any("weight" in row for row in raw["factors"]["rows"])
    assert "_note" in json.dumps(raw) and "_note" not in json.dumps(seed.read())
    assert [row["slug"] for row in seed.factor_rows()] == list(rules.FACTOR_SLUGS)


@pytest.mark.django_db
def test_the_rows_are_the_file_with_the_rules_defaults():
    assert [_values(f) | {"id": None} for f in Factor.objects.all()] == [
        {"id": None, **row} for row in seed.factor_rows()
    ]
    assert {f.slug: f.weight for f in Factor.objects.all()} == rules.DEFAULT_WEIGHTS
    thresholds = Thresholds.objects.get()
    assert thresholds.version == 1
    assert thresholds.figures() == {name: f.default for name, f in rules.FIGURES.items()}
    assert ComplianceRequirement.objects.count() == len(seed.requirement_rows())


@pytest.mark.django_db
@pytest.mark.parametrize("model", SEEDED, ids=lambda m: m.__name__)
def test_each_row_has_one_first_history_record_saying_where_it_came_from(model):
    reason = seed.LOADED_REASON if model is ComplianceRequirement else seed.DEFAULTS_REASON
    for row in model.objects.all():
        record = row.history.get()
        assert (record.history_type, record.history_change_reason) == ("+", reason)
        assert record.history_user is None
        assert _values(record.instance) == _values(row)


@pytest.mark.django_db
def test_loading_again_adds_nothing_and_changes_nothing():
    Factor.objects.filter(slug="risk-level").update(name="Risk, as staff put it")
    before = {m: [_values(r) for r in m.objects.all()] for m in SEEDED}
    seed.load(apps)
    assert {m: [_values(r) for r in m.objects.all()] for m in SEEDED} == before
    assert all(m.history.model.objects.count() == m.objects.count() for m in SEEDED)


@pytest.mark.django_db
def test_unload_then_load_gives_the_same_rows_and_keeps_what_staff_added():
    before = {m: [_values(r) | {"id": None} for r in m.objects.all()] for m in SEEDED}
    staff_row = ComplianceRequirement.objects.create(
        market="uk", wearers="all", substance="Added by staff", limit="-", test_method="-"
    )
    seed.unload(apps)
    assert not Factor.objects.exists() and not Thresholds.objects.exists()
    assert list(ComplianceRequirement.objects.all()) == [staff_row]
    assert not Factor.history.exists() and not Thresholds.history.exists()
    assert [r.id for r in ComplianceRequirement.history.all()] == [staff_row.pk]
    staff_row.delete()
    seed.load(apps)
    assert {m: [_values(r) | {"id": None} for r in m.objects.all()] for m in SEEDED} == before
