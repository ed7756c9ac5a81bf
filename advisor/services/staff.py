"""What staff read: the impact of proposed thresholds on recent reports, and the funnel."""

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rules, snapshots
from ..models import Report, StepAnswer, Submission, Thresholds
from ..steps import STEPS
from .thresholds import current_rules, thresholds_from_row


@dataclass(frozen=True)
class ImpactExample:
    token: str
    title: str
    before: str  # a recommendation value: "oem", "odm" or "hybrid"
    after: str
    blockers_added: list[tuple[str, str]]  # (model, factor slug)
    blockers_removed: list[tuple[str, str]]


@dataclass(frozen=True)
class Impact:
    reports_checked: int
    recommendation_changed: int
    blockers_changed: int
    examples: list[ImpactExample]
    costs_changed: int = 0  # reports whose cash to the first delivery would move


def preview_impact(
    *,
    proposed: Thresholds | None = None,
    weights: dict[str, Decimal] | None = None,
    limit: int = 500,
    examples: int = 5,
) -> Impact:
    """What proposed thresholds, or factor weights, would change for the most recent reports.

    Each report's answers are recomputed, as of the day it was made, under the current and the
    proposed rules; saved reports are only read. Two queries, then pure computation.
    """
    current = current_rules().thresholds
    candidate = _candidate_rules(current, proposed, weights)
    # A report shared again under a new link is one report, counted once; a re-run with a
    # supplier's quote holds the quote's figures, not the staff's.
    recent = (
        Report.objects.filter(replaces=None, based_on=None)
        .order_by("-created_at")
        .values_list("token", "project_name", "snapshot", "created_at")[:limit]
    )
    checked = changed = blockers_changed = costs_changed = 0
    found: list[ImpactExample] = []
    for token, project_name, snapshot, created_at in recent:
        checked += 1
        answers = snapshots.answers_from_json(json.loads(snapshot)["answers"])
        day = timezone.localdate(created_at)
        before = rules.decide(answers, current, day)
        after = rules.decide(answers, candidate, day)
        old_blocks = {(b.model.value, b.factor) for b in before.blockers}
        new_blocks = {(b.model.value, b.factor) for b in after.blockers}
        verdict_changed = before.verdict != after.verdict
        changed += verdict_changed
        blockers_changed += old_blocks != new_blocks
        costs_changed += _cash_changed(before, after)
        if (verdict_changed or old_blocks != new_blocks) and len(found) < examples:
            found.append(
                ImpactExample(
                    token=token,
                    title=project_name or token[:8],
                    before=before.verdict.value,
                    after=after.verdict.value,
                    blockers_added=sorted(new_blocks - old_blocks),
                    blockers_removed=sorted(old_blocks - new_blocks),
                )
            )
    return Impact(checked, changed, blockers_changed, found, costs_changed)


def _candidate_rules(
    current: rules.Thresholds, proposed: Thresholds | None, weights: dict[str, Decimal] | None
) -> rules.Thresholds:
    """The current rules with the proposed figures and weights in place."""
    candidate_weights = {**current.weights, **(weights or {})}
    if proposed is None:
        return dataclasses.replace(current, weights=candidate_weights)
    return thresholds_from_row(proposed, candidate_weights)


def _cash_changed(before: rules.Decision, after: rules.Decision) -> bool:
    return any(
        before.costs[model].cash_to_first_delivery != after.costs[model].cash_to_first_delivery
        for model in rules.Model
    )


@dataclass(frozen=True)
class FunnelStep:
    label: str
    count: int
    drop_off: int  # how many of those who reached the previous stage did not reach this one


@dataclass(frozen=True)
class Funnel:
    started: int
    stages: list[FunnelStep]
    finished: int
    median_minutes_to_finish: float | None
    recommendations: dict[str, int]


def funnel(*, start: datetime, end: datetime) -> Funnel:
    """Wizards started in [start, end) and how far they got, aggregated in the database.

    Wizards started from a shared report are left out: they begin prefilled at the review.
    A wizard exists only once a buyer pressed a start button (a POST), so a crawler or a link
    preview is never counted.
    """
    started = Submission.objects.filter(
        created_at__gte=start, created_at__lt=end, forked_from__isnull=True
    )
    total = started.count()
    answered = dict(
        StepAnswer.objects.filter(submission__in=started)
        .values("step")
        .annotate(count=Count("submission", distinct=True))
        .values_list("step", "count")
    )
    finished = started.filter(report__isnull=False)
    finished_count = finished.count()
    stages, previous = [], total
    for step in STEPS:
        count = answered.get(step.slug, 0)
        stages.append(FunnelStep(str(step.title), count, max(previous - count, 0)))
        previous = count
    stages.append(
        FunnelStep(str(_("Report created")), finished_count, max(previous - finished_count, 0))
    )
    recommendations = dict(
        Report.objects.filter(
            created_at__gte=start, created_at__lt=end, replaces=None, based_on=None
        )
        .values("recommendation")
        .annotate(count=Count("id"))
        .values_list("recommendation", "count")
    )
    return Funnel(
        total, stages, finished_count, _median_minutes(finished, finished_count), recommendations
    )


def _median_minutes(finished: QuerySet[Submission], count: int) -> float | None:
    """The median time from start to report; the database sorts, two rows at most come back."""
    if not count:
        return None
    durations = (
        finished.annotate(
            duration=ExpressionWrapper(
                F("report__created_at") - F("created_at"), output_field=DurationField()
            )
        )
        .order_by("duration")
        .values_list("duration", flat=True)
    )
    middle = list(durations[(count - 1) // 2 : count // 2 + 1])
    seconds = sum(d.total_seconds() for d in middle) / len(middle)
    return round(seconds / 60, 1)
