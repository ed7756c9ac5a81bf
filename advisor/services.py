"""The few functions that read or write the database on behalf of the views and the admin."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, DurationField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Factor, Report, StepAnswer, Submission, Thresholds
from .steps import STEPS

# Which figures each cost line is computed from (to label the assumptions in a report).
_COST_FIGURES = {
    rules.Model.OEM: {
        "tooling_usd": ("oem_tooling_min_usd", "oem_tooling_max_usd"),
        "samples_usd": ("oem_sample_fee_usd", "oem_sampling_rounds"),
        "design_fees_usd": ("cad_design_fee_usd",),
        "deposit_usd": ("oem_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd",),
    },
    rules.Model.ODM: {
        "samples_usd": ("odm_sample_fee_usd",),
        "deposit_usd": ("odm_deposit_percent",),
        "inspection_usd": ("inspection_fee_usd",),
    },
}


def current_rules() -> tuple[rules.Thresholds, int, list[Factor]]:
    """The thresholds and weights new reports use, their version, and the factors' texts.

    Two queries: the thresholds row and the eight factors.
    """
    row = Thresholds.objects.get()
    factors = list(Factor.objects.all())
    weights = {factor.slug: factor.weight for factor in factors}
    return thresholds_from_row(row, weights), row.version, factors


def bump_rules_version() -> None:
    """Marks the rules as changed: reports created from now on carry the next version."""
    Thresholds.objects.update(version=F("version") + 1)


@transaction.atomic
def save_thresholds(*, thresholds: Thresholds) -> Thresholds:
    """Saves edited thresholds; the version goes up only when a figure really changed."""
    stored = Thresholds.objects.select_for_update().get(pk=thresholds.pk)
    changed = [
        name
        for name in rules.Thresholds.figure_names()
        if getattr(stored, name) != getattr(thresholds, name)
    ]
    thresholds.version = stored.version + 1 if changed else stored.version
    thresholds.save()
    return thresholds


def answers_as_json(answers: rules.Answers) -> dict:
    """The answers as PRODUCT.md's contract has them: integers as integers, ISO dates."""
    data = {name: getattr(answers, name) for name in rules.ANSWER_FIELDS}
    data["unit_cost_usd"] = _number(answers.unit_cost_usd)
    data["launch_date"] = answers.launch_date.isoformat()
    return data


def answers_from_json(data: dict) -> rules.Answers:
    return rules.Answers(
        **{
            **data,
            "unit_cost_usd": Decimal(str(data["unit_cost_usd"])),
            "launch_date": date.fromisoformat(data["launch_date"]),
        }
    )


def create_report(*, answers: rules.Answers, owner_key: str, now: datetime | None = None) -> Report:
    """Computes the recommendation and saves it as an immutable snapshot."""
    now = now or timezone.now()
    thresholds, version, factors = current_rules()
    result = rules.evaluate(answers, thresholds, timezone.localdate(now))
    report = Report(
        created_at=now,
        owner_key=owner_key,
        project_name=answers.project_name,
        recommendation=result.verdict.value,
        rules_version=version,
    )
    data = build_snapshot(
        token=report.token,
        created_at=now,
        version=version,
        answers=answers,
        result=result,
        thresholds=thresholds,
        factors=factors,
    )
    report.snapshot = json.dumps(data, ensure_ascii=False, indent=1)
    report.save()
    return report


def build_snapshot(
    *,
    token: str,
    created_at: datetime,
    version: int,
    answers: rules.Answers,
    result: rules.Recommendation,
    thresholds: rules.Thresholds,
    factors: list[Factor],
) -> dict:
    """The report in PRODUCT.md's JSON shape, its texts translated into the active language."""
    texts = {factor.slug: factor for factor in factors}
    return {
        "token": token,
        "created_at": created_at.isoformat(),
        "rules_version": version,
        "answers": answers_as_json(answers),
        "recommendation": result.verdict.value,
        "confidence": result.confidence,
        "summary": _text(result.summary),
        "factors": [
            {
                "slug": verdict.slug,
                "name": texts[verdict.slug].name if verdict.slug in texts else verdict.slug,
                "oem": texts[verdict.slug].oem_summary if verdict.slug in texts else "",
                "odm": texts[verdict.slug].odm_summary if verdict.slug in texts else "",
                "fit": verdict.fit.value,
                "reason": _text(verdict.reason),
                "weight": _number(verdict.weight),
            }
            for verdict in result.factors
        ],
        "blockers": [
            {"model": b.model.value, "factor": b.factor, "reason": _text(b.reason)}
            for b in result.blockers
        ],
        "costs": {model.value: _costs(model, result.costs[model]) for model in rules.Model},
        "timeline": _timeline(result.timeline),
        "what_would_change": [
            {"factor": change.factor, "change": _text(change.change)}
            for change in result.what_would_change
        ],
        "thresholds": {
            slug: {
                "weight": _number(thresholds.weight(slug)),
                **{name: getattr(thresholds, name) for name in rules.FACTOR_FIGURES[slug]},
            }
            for slug in rules.FACTOR_SLUGS
        },
    }


def _text(message: rules.Msg) -> str:
    return message.render(gettext, ngettext)


def _number(value: Decimal | int) -> int | float:
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _costs(model: rules.Model, costs: rules.ModelCosts) -> dict:
    data = {
        "upfront_usd": list(costs.upfront),
        "tooling_usd": list(costs.tooling),
        "samples_usd": costs.samples,
        "sample_rounds": costs.sample_rounds,
        "design_fees_usd": costs.design_fees,
        "moq_units": costs.moq_units,
        "order_units_per_design": costs.order_units_per_design,
        "moq_forced": costs.moq_forced,
        "first_order_usd": _number(costs.first_order),
        "first_order_at_moq_usd": _number(costs.first_order_at_moq),
        "moq_extra_usd": _number(costs.moq_extra),
        "deposit_percent": costs.deposit_percent,
        "deposit_usd": _number(costs.deposit),
        "inspection_usd": costs.inspection,
        "cash_to_first_delivery_usd": [_number(v) for v in costs.cash_to_first_delivery],
    }
    data["assumptions"] = [
        key
        for key, figures in _COST_FIGURES[model].items()
        if any(figure in rules.ASSUMPTIONS for figure in figures)
    ]
    return data


def _timeline(timeline: rules.Timeline) -> dict:
    return {
        "launch_date": timeline.launch_date.isoformat(),
        "weeks_available": timeline.weeks_available,
        "days_available": timeline.days_available,
        "transit_weeks": timeline.transit_weeks,
        "oem_weeks": list(timeline.oem_weeks),
        "odm_weeks": list(timeline.odm_weeks),
        "oem_feasible": timeline.oem_feasible,
        "odm_feasible": timeline.odm_feasible,
        "oem_earliest_launch": timeline.oem_earliest_launch.isoformat(),
        "odm_earliest_launch": timeline.odm_earliest_launch.isoformat(),
    }


# ---------------------------------------------------------------------------------------------
# The wizard


def _open_submissions(browser_key: str):
    """This browser's wizards that neither ended in a report nor were set aside, newest first."""
    return Submission.objects.filter(
        browser_key=browser_key, report=None, abandoned_at=None
    ).order_by("-created_at")


def open_submission(*, browser_key: str) -> Submission:
    """This browser's open wizard, or a new one."""
    submission = _open_submissions(browser_key).first()
    return submission or Submission.objects.create(browser_key=browser_key)


def answered_open_submission(*, browser_key: str) -> Submission | None:
    """This browser's open wizard, if the buyer has answered anything in it."""
    return _open_submissions(browser_key).filter(step_answers__isnull=False).first()


def owned_submission(*, public_id: str, browser_key: str) -> Submission | None:
    return (
        Submission.objects.select_related("report")
        .filter(public_id=public_id, browser_key=browser_key)
        .first()
    )


def stored_answers(submission: Submission) -> dict[str, dict]:
    """Each answered step's saved data, by step slug (one query)."""
    return dict(submission.step_answers.values_list("step", "data"))


def save_step(*, submission: Submission, step: str, cleaned_data: dict) -> None:
    data = {name: _json_value(value) for name, value in cleaned_data.items()}
    StepAnswer.objects.update_or_create(submission=submission, step=step, defaults={"data": data})
    Submission.objects.filter(pk=submission.pk).update(updated_at=timezone.now())


def start_over(*, submission: Submission) -> Submission:
    """Leaves this wizard (kept for staff's funnel) and opens a fresh one for the browser."""
    Submission.objects.filter(pk=submission.pk, report=None).update(abandoned_at=timezone.now())
    return Submission.objects.create(browser_key=submission.browser_key)


def first_invalid_step(stored: dict[str, dict]) -> str | None:
    """The first step that is unanswered, or whose saved answers no longer pass its form."""
    for step in STEPS:
        if step.slug not in stored or not step.form_class(data=stored[step.slug]).is_valid():
            return step.slug
    return None


@transaction.atomic
def finish(*, submission: Submission) -> Report:
    """Creates the submission's report, once: a second call returns the first report.

    Every stored step is validated again by its form first; callers check `first_invalid_step`.
    """
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.report is not None:
        return locked.report
    stored = stored_answers(locked)
    cleaned: dict = {}
    for step in STEPS:
        form = step.form_class(data=stored.get(step.slug))
        if not form.is_valid():
            raise ValueError(f"step {step.slug} is not valid")
        cleaned.update(form.cleaned_data)
    report = create_report(answers=rules.Answers(**cleaned), owner_key=locked.browser_key)
    locked.report = report
    locked.save(update_fields=["report", "updated_at"])
    return report


def _json_value(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------------------------------------
# Sharing


def reports_of(*, browser_key: str) -> list[Report]:
    """This browser's reports, newest first, without their snapshots (one query)."""
    return list(
        Report.objects.filter(owner_key=browser_key).defer("snapshot").order_by("-created_at")
    )


def revoke_link(*, report: Report, now: datetime | None = None) -> None:
    """Makes the report's link stop working for everyone, for good."""
    now = now or timezone.now()
    Report.objects.filter(pk=report.pk, revoked_at=None).update(revoked_at=now)
    report.refresh_from_db(fields=["revoked_at"])


def set_link_expiry(*, report: Report, days: int | None, now: datetime | None = None) -> None:
    """The link stops working `days` after `now`; None keeps it working until revoked."""
    now = now or timezone.now()
    report.expires_at = now + timedelta(days=days) if days else None
    report.save(update_fields=["expires_at"])


@transaction.atomic
def fork_report(*, report: Report, browser_key: str) -> Submission:
    """A new wizard for this browser, prefilled with the report's answers; the report is untouched."""
    answers = report.data["answers"]
    # The confirmation page told the buyer: their open wizard is set aside, not mixed in.
    _open_submissions(browser_key).update(abandoned_at=timezone.now())
    submission = Submission.objects.create(browser_key=browser_key, forked_from=report)
    StepAnswer.objects.bulk_create(
        StepAnswer(
            submission=submission,
            step=step.slug,
            data={name: answers[name] for name in step.form_class.base_fields if name in answers},
        )
        for step in STEPS
    )
    return submission


# ---------------------------------------------------------------------------------------------
# Staff: impact preview and funnel


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


def thresholds_from_row(row: Thresholds, weights: dict) -> rules.Thresholds:
    return rules.Thresholds(
        **{name: getattr(row, name) for name in rules.Thresholds.figure_names()}, weights=weights
    )


def preview_impact(*, proposed: Thresholds, limit: int = 500, examples: int = 5) -> Impact:
    """What the proposed thresholds would change for the most recent reports.

    Each report's answers are recomputed, as of the day it was made, under the current and the
    proposed thresholds; saved reports are only read. Two queries, then pure computation.
    """
    current, _version, _factors = current_rules()
    candidate = thresholds_from_row(proposed, dict(current.weights))
    recent = Report.objects.order_by("-created_at").values_list(
        "token", "project_name", "snapshot", "created_at"
    )[:limit]
    checked = changed = blockers_changed = 0
    found: list[ImpactExample] = []
    for token, project_name, snapshot, created_at in recent:
        checked += 1
        answers = answers_from_json(json.loads(snapshot)["answers"])
        day = timezone.localdate(created_at)
        before = rules.decide(answers, current, day)
        after = rules.decide(answers, candidate, day)
        old_blocks = {(b.model.value, b.factor) for b in before.blockers}
        new_blocks = {(b.model.value, b.factor) for b in after.blockers}
        verdict_changed = before.verdict != after.verdict
        changed += verdict_changed
        blockers_changed += old_blocks != new_blocks
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
    return Impact(checked, changed, blockers_changed, found)


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
        Report.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("recommendation")
        .annotate(count=Count("id"))
        .values_list("recommendation", "count")
    )
    return Funnel(
        total, stages, finished_count, _median_minutes(finished, finished_count), recommendations
    )


def _median_minutes(finished, count: int) -> float | None:
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
