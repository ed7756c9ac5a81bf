"""The wizard: a browser's open session, its answers saved step by step, and its report."""

from datetime import datetime

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from .. import rules
from ..models import Report, StepAnswer, Submission
from ..steps import STEPS, shows_as_saved
from .reports import create_report


def _open_submissions(browser_key: str) -> QuerySet[Submission]:
    """This browser's wizards that neither ended in a report nor were set aside, newest first."""
    return Submission.objects.filter(
        browser_key=browser_key, report=None, abandoned_at=None
    ).order_by("-created_at")


def find_open_submission(*, browser_key: str) -> Submission | None:
    """This browser's open wizard, if it has one; never writes."""
    return _open_submissions(browser_key).first()


def open_submission(*, browser_key: str) -> Submission:
    """This browser's open wizard, or a new one: called only for a buyer's POST, so that
    crawlers and link previews leave no rows behind."""
    submission = _open_submissions(browser_key).first()
    return submission or Submission.objects.create(browser_key=browser_key)


def answered_open_submission(*, browser_key: str) -> Submission | None:
    """This browser's open wizard, if the buyer has answered anything in it."""
    return _open_submissions(browser_key).filter(step_answers__isnull=False).first()


def _with_answers(public_id: str, browser_key: str) -> QuerySet[Submission]:
    """One row per answered step (one with no step for a wizard without answers)."""
    return (
        Submission.objects.filter(public_id=public_id, browser_key=browser_key)
        .order_by()
        .annotate(answered_step=F("step_answers__step"), answered=F("step_answers__data"))
    )


def owned_submission_and_answers(
    *, public_id: str, browser_key: str
) -> tuple[Submission, dict[str, dict]] | None:
    """This browser's wizard with each answered step's saved data, by step slug, in one query
    (a step is read and posted on every click of the wizard)."""
    rows = list(_with_answers(public_id, browser_key))
    if not rows:
        return None
    return rows[0], {row.answered_step: row.answered for row in rows if row.answered_step}


def stored_answers(submission: Submission) -> dict[str, dict]:
    """Each answered step's saved data, by step slug (one query)."""
    return dict(submission.step_answers.values_list("step", "data"))


@transaction.atomic  # one commit for the answer and the wizard's time: one disk flush
def save_step(*, submission: Submission, step: str, cleaned_data: dict) -> None:
    # The field's encoder stores decimals and dates as the strings the forms read back. One
    # statement, an insert that updates the step's row when there is one.
    StepAnswer.objects.bulk_create(
        [StepAnswer(submission=submission, step=step, data=cleaned_data)],
        update_conflicts=True,
        unique_fields=["submission", "step"],
        update_fields=["data", "updated_at"],
    )
    Submission.objects.filter(pk=submission.pk).update(updated_at=timezone.now())


def start_over(*, submission: Submission) -> Submission:
    """Leaves this wizard (kept for staff's funnel) and opens a fresh one for the browser."""
    Submission.objects.filter(pk=submission.pk, report=None).update(abandoned_at=timezone.now())
    return Submission.objects.create(browser_key=submission.browser_key)


def delete_abandoned(*, inactive_since: datetime) -> int:
    """Deletes wizards that ended in no report and saw no answer since `inactive_since`, with
    their answers; returns how many wizards went. Reports are never touched: a finished wizard
    is kept, and a report a wizard was forked from stays as it is."""
    stale = Submission.objects.filter(report=None, updated_at__lt=inactive_since)
    _total, by_model = stale.delete()
    return by_model.get(Submission._meta.label, 0)


def first_invalid_step(stored: dict[str, dict]) -> str | None:
    """The first step that is unanswered, or whose saved answers no longer pass its form."""
    for step in STEPS:
        if step.slug not in stored or not shows_as_saved(step, stored[step.slug]):
            return step.slug
    return None


@transaction.atomic
def finish(*, submission: Submission, browser_label: str = "") -> Report:
    """Creates the submission's report, once: a second call returns the first report.
    `browser_label` says what the browser is ("Chrome on Android"), for its owner's list.

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
    report = create_report(
        answers=rules.Answers(**cleaned), owner_key=locked.browser_key, browser_label=browser_label
    )
    locked.report = report
    locked.save(update_fields=["report", "updated_at"])
    return report


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
