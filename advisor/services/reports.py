"""Reports: computed once and saved as snapshots, and their links shared, expired, revoked."""

import json
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .. import rules, snapshots
from ..models import Quote, Report
from . import owners
from .thresholds import current_rules


def create_report(
    *,
    answers: rules.Answers,
    owner_key: str,
    now: datetime | None = None,
    browser_label: str = "",
) -> Report:
    """Computes the recommendation under the current rules and saves it as a snapshot. The
    browser that made it becomes an owner, if it was not one (`browser_label` says what it is),
    so that its owner's link can share this report and the next."""
    owners.ensure_browser(browser_key=owner_key, label=browser_label)
    current = current_rules()
    return save_report(
        answers=answers,
        thresholds=current.thresholds,
        version=current.version,
        factors=current.factors,
        owner_key=owner_key,
        now=now or timezone.now(),
    )


def save_report(
    *,
    answers: rules.Answers,
    thresholds: rules.Thresholds,
    version: int,
    factors: list[snapshots.FactorTexts],
    owner_key: str,
    now: datetime,
    based_on: Report | None = None,
    origin: dict | None = None,
) -> Report:
    """Computes the recommendation under these thresholds and saves it as an immutable
    snapshot with the factors' texts; `origin` joins the snapshot (what a re-run was made
    from)."""
    result = rules.evaluate(answers, thresholds, timezone.localdate(now))
    report = Report(
        created_at=now,
        owner_key=owner_key,
        project_name=answers.project_name,
        recommendation=result.verdict.value,
        rules_version=version,
        based_on=based_on,
    )
    data = snapshots.build_snapshot(
        token=report.token,
        created_at=now,
        version=version,
        answers=answers,
        result=result,
        thresholds=thresholds,
        factors=factors,
        quoted=thresholds.quoted,
    )
    report.snapshot = json.dumps(data | (origin or {}), ensure_ascii=False, indent=1)
    report.save()
    return report


def report_by_token(token: str, *, browser_key: str | None = None) -> Report | None:
    """The report behind a link, snapshot included, or None (one query). With `browser_key`,
    the same query says whether that browser shares the owner of the browser that made the
    report (`shares_owner`, read by `ownership.is_owner`)."""
    if not browser_key:
        # Everyone who holds a link, at every visit: the query written out once, which Django
        # runs in a third of the time it takes to build it from a queryset (about 90 against
        # 230 microseconds in process, most of what a kept page costs). Plain SQL: a filter
        # added to the default manager one day would not apply to it.
        return next(iter(Report.objects.raw(_BY_TOKEN, [token])), None)
    found = Report.objects.annotate(shares_owner=owners.sharing_with(browser_key))
    try:
        return found.get(token=token)
    except Report.DoesNotExist:
        return None


_BY_TOKEN = f"SELECT * FROM {Report._meta.db_table} WHERE token = %s"


def report_by_rfq_token(rfq_token: str) -> Report | None:
    """The report behind a link for factories, snapshot included, or None (one query)."""
    try:
        return Report.objects.get(rfq_token=rfq_token)
    except Report.DoesNotExist:
        return None


def reports_of(*, browser_keys: list[str]) -> list[Report]:
    """The reports these browsers made (an owner's browsers), under their current links, newest
    first, without their snapshots, each re-run with its original and its quote (one query)."""
    return list(
        Report.objects.filter(owner_key__in=browser_keys, replaced_by=None)
        .select_related("based_on", "source_quote")
        .defer("snapshot", "based_on__snapshot")
        .order_by("-created_at")
    )


def rerun_suppliers(reports: list[Report]) -> dict[int, str]:
    """Whose quote each re-run among `reports` was made with, for their owner: the quote's
    supplier, or once the quote is removed, the supplier its snapshot names (one more query,
    only then)."""
    suppliers = {
        report.pk: report.source_quote.supplier
        for report in reports
        if report.based_on_id is not None and getattr(report, "source_quote", None)
    }
    removed = [r.pk for r in reports if r.based_on_id is not None and r.pk not in suppliers]
    for pk, snapshot in Report.objects.filter(pk__in=removed).values_list("pk", "snapshot"):
        suppliers[pk] = json.loads(snapshot).get("from_quote", {}).get("supplier", "")
    return suppliers


def reruns_of(report: Report) -> list[Report]:
    """The reports re-run from this one with a quote, and theirs in turn, revoked or not (one
    query a generation): a revoked re-run's own re-runs are still this report's."""
    found: list[Report] = []
    seen, generation = {report.pk}, [report.pk]
    while generation:
        children = Report.objects.filter(based_on__in=generation).defer("snapshot")
        children = [child for child in children if child.pk not in seen]
        seen.update(child.pk for child in children)
        found += children
        generation = [child.pk for child in children]
    return found


@transaction.atomic
def revoke_link(*, report: Report, now: datetime | None = None) -> None:
    """Makes the report's link stop working for everyone, for good, and its re-runs' links too:
    a re-run shows the quote's supplier and figures, and belongs to its original."""
    now = now or timezone.now()
    ids = [report.pk, *(rerun.pk for rerun in reruns_of(report))]
    Report.objects.filter(pk__in=ids, revoked_at=None).update(revoked_at=now)
    report.refresh_from_db(fields=["revoked_at"])


@transaction.atomic
def share_again(*, report: Report) -> Report:
    """The same report under a new link, for a link that was revoked or has expired.

    The old token stays dead for good (a dead link's expiry cannot be changed); the new link
    works until revoked, and its owner may set it to expire. The snapshot is copied with the
    new token in it, nothing else; the owner's supplier quotes and the report's re-runs move
    to the new link, and a re-run stays one (so revoking its original still revokes it). The
    link for factories is new too: the old one stays dead with the old link.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.replaced_by is not None:  # a second press of the button
        return locked.replaced_by
    fresh = Report(
        created_at=locked.created_at,
        owner_key=locked.owner_key,
        project_name=locked.project_name,
        recommendation=locked.recommendation,
        rules_version=locked.rules_version,
        based_on=locked.based_on,
    )
    data = json.loads(locked.snapshot)
    data["token"] = fresh.token
    fresh.snapshot = json.dumps(data, ensure_ascii=False, indent=1)
    fresh.save()
    locked.replaced_by = fresh
    locked.save(update_fields=["replaced_by"])
    # The owner's supplier quotes, and the re-runs made with them, follow the report.
    Quote.objects.filter(report=locked).update(report=fresh)
    Report.objects.filter(based_on=locked).update(based_on=fresh)
    return fresh


def set_link_expiry(*, report: Report, days: int | None, now: datetime | None = None) -> None:
    """The link stops working `days` after `now`; None keeps it working until revoked."""
    now = now or timezone.now()
    report.expires_at = now + timedelta(days=days) if days else None
    report.save(update_fields=["expires_at"])
