"""Migrations that change rows already saved: run against rows made before them.

Migrating backwards and forwards needs a database outside the test's transaction, hence
`transaction=True`. pytest-django runs such tests after every other database test of their
worker, and those after them that need the seed load it again (`seeded_live_db`), as after
tests/test_seed_migration.py. (`serialized_rollback` would put the seed back itself, but
after another transactional test's flush it inserts content types a second time.)
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Migrating a database back and forth takes seconds: `make test` and CI run these.
pytestmark = pytest.mark.slow

BEFORE_RFQ_LINK = [("advisor", "0005_gold")]
RFQ_LINK = [("advisor", "0006_rfq_link")]


def migrate(targets: list[tuple[str, str]]):
    """Migrates the test database to `targets`; returns the app registry as of then."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # what was just applied
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_rfq_link_migration_gives_each_saved_report_a_token_of_its_own():
    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes("advisor")
    old_apps = migrate(BEFORE_RFQ_LINK)
    try:
        OldReport = old_apps.get_model("advisor", "Report")
        tokens = [f"report-token-{n:02}-abcdefghijklmnop" for n in range(3)]
        made = [
            OldReport.objects.create(
                token=token,
                owner_key="browser",
                recommendation="odm",
                rules_version=1,
                snapshot="{}",
            )
            for token in tokens
        ]
        # Rows that point to others, as re-runs and links shared again do: on PostgreSQL the
        # migration's writes must leave no deferred check of theirs pending when it alters the
        # table in the same transaction.
        made[0].replaced_by = made[1]
        made[0].save()
        made[2].based_on = made[1]
        made[2].save()
        Report = migrate(RFQ_LINK).get_model("advisor", "Report")
        rows = dict(Report.objects.values_list("token", "rfq_token"))
    finally:
        migrate(leaf)
    assert sorted(rows) == tokens
    rfq_tokens = list(rows.values())
    assert len(set(rfq_tokens)) == len(tokens)  # distinct
    assert not set(rfq_tokens) & set(tokens)  # never a report's own token
    assert all(len(token) == 32 for token in rfq_tokens)  # 24 random bytes, URL-safe base64
