"""Migration 0003_compliance_by_metal on a database seeded before it: new rows and the
`base_metals` field arrive, rows still exactly as 0002 seeded them are brought up to date, and
rows staff have edited or added are left alone; backwards, the reverse.

Migrations change the schema, which SQLite allows only outside a transaction: these tests are
transactional, so their flush empties the seeded tables afterwards. They are alone in this file
so that pytest-django runs them after every database test of their worker (as the browser
tests are), and those that need the seed load it again (`seeded_live_db`).
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from advisor import seed
from advisor.models import ComplianceRequirement

# Migrating a database back and forth takes seconds: `make test` and CI run these.
pytestmark = pytest.mark.slow

BEFORE = ("advisor", "0002_seed")
# The rows 0003 adds that need no new field (those for one metal cannot exist before it).
ADDED_FOR_EVERY_METAL = [
    ("us", "Children's Product Certificate (CPSIA)"),
    ("us", "Tracking labels (CPSIA section 103)"),
    ("eu", "Traceability and responsible person (GPSR)"),
    ("uk", "Producer identification (GPSR 2005)"),
]
STAFF_TEXT = "Our lawyer's wording, kept whatever the seed says."


def _migrate(target: list[tuple[str, str]]):
    """Migrates the test database to `target`; the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _as_seeded_by_0002(apps) -> None:
    """The database as 0002 left it before this change: the seed's earlier texts, without the
    rows 0003 adds; then one row edited by staff and one added."""
    seed.load(apps)  # whatever an earlier transactional test's flush left
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    entries = seed.read()["compliance_requirements"]["rows"]
    for entry in entries:
        if entry.get("replaces") and "base_metals" not in entry:
            key = seed._requirement_key(entry)
            Requirement.objects.filter(**key).update(**entry["replaces"][0])
    for market, substance in ADDED_FOR_EVERY_METAL:
        Requirement.objects.filter(market=market, substance=substance).delete()
    Requirement.objects.filter(market="us", substance="California Proposition 65 warning").update(
        text=STAFF_TEXT
    )
    Requirement.objects.create(
        market="uk", wearers="all", substance="Added by staff", limit="-", test_method="-"
    )


def _old_ftc_gold_row(apps) -> None:
    """The FTC row as 0002 seeded it. It needs `base_metals` now, so 0002 no longer loads it:
    it is there when 0003's reverse has put its first text back, else it is made here."""
    (entry,) = [
        e
        for e in seed.read()["compliance_requirements"]["rows"]
        if e["substance"] == "Gold plating terms (FTC)"
    ]
    earlier = {**entry, **entry["replaces"][0]}
    values = {k: v for k, v in earlier.items() if k not in ("replaces", "base_metals")}
    Requirement = apps.get_model("advisor", "ComplianceRequirement")
    found = Requirement.objects.filter(**seed._requirement_key(entry))
    if found.exists():
        assert list(found.values(*values)) == [values]
    else:
        Requirement.objects.create(**values)


@pytest.mark.django_db(transaction=True)
def test_0003_adds_and_updates_the_seeded_rows_and_leaves_staff_edits_alone():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        apps = _migrate([BEFORE])
        _as_seeded_by_0002(apps)
        _old_ftc_gold_row(apps)
        prop65_records = (
            apps.get_model("advisor", "HistoricalComplianceRequirement")
            .objects.filter(substance="California Proposition 65 warning")
            .count()
        )
        _migrate(latest)

        all_rows = ComplianceRequirement.objects.all()
        rows = {(r.market, r.substance): r for r in all_rows}
        assert len(rows) == len(all_rows) == len(seed.requirement_rows()) + 1  # and staff's
        for row in seed.requirement_rows():
            found = rows[(row["market"], row["substance"])]
            if row["substance"] == "California Proposition 65 warning":
                continue
            assert {k: getattr(found, k) for k in row} == row  # as the seed has it now
        ftc = rows[("us", "Gold plating terms (FTC)")]
        assert "vermeil" not in ftc.text and "solid_gold" not in ftc.base_metals
        assert ftc.history.first().history_change_reason == seed.UPDATED_REASON
        for key in ADDED_FOR_EVERY_METAL + [("us", "Vermeil (FTC)")]:
            assert rows[key].history.get().history_change_reason == seed.LOADED_REASON
        prop65 = rows[("us", "California Proposition 65 warning")]
        assert prop65.text == STAFF_TEXT  # edited by staff: not brought up to date
        assert prop65.history.count() == prop65_records  # and no record of a change
        assert rows[("uk", "Added by staff")].base_metals == []

        apps = _migrate([BEFORE])
        Requirement = apps.get_model("advisor", "ComplianceRequirement")
        left = {(r.market, r.substance): r for r in Requirement.objects.all()}
        assert ("us", "Vermeil (FTC)") not in left and ("us", "Gold karat mark") not in left
        assert "vermeil" in left[("us", "Gold plating terms (FTC)")].text  # its first text
        cpsia = left[("us", "Lead in children's products (CPSIA)")]
        assert cpsia.test_method == "CPSC-CH-E1001-08.3 / E1002-08.3, CPSC-accepted laboratory"
        assert left[("us", "California Proposition 65 warning")].text == STAFF_TEXT
        assert ("uk", "Added by staff") in left
    finally:
        _migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_a_fresh_database_gets_every_seeded_row_once():
    # 0002 loads the rows its models can hold, 0003 those that need `base_metals`.
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate([("advisor", "0001_initial")])
        _migrate(latest)
        seeded = [(r.market, r.substance) for r in ComplianceRequirement.objects.all()]
        assert sorted(seeded) == sorted(
            (r["market"], r["substance"]) for r in seed.requirement_rows()
        )
        for row in ComplianceRequirement.objects.all():
            assert row.history.get().history_change_reason == seed.LOADED_REASON
    finally:
        _migrate(latest)
