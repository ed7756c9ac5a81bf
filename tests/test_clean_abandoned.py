"""`manage.py clean_abandoned`: old wizards with no report and expired sessions go, reports stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from advisor import services
from advisor.models import Report, StepAnswer, Submission

pytestmark = pytest.mark.django_db


def _wizard(*, days_idle: int, **fields) -> Submission:
    submission = Submission.objects.create(browser_key="b", **fields)
    services.wizard.save_step(submission=submission, step="business", cleaned_data={"x": 1})
    # `updated_at` moves with every answer (auto_now): set the idle time behind its back.
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - timedelta(days=days_idle)
    )
    return submission


def _session(*, expired: bool) -> str:
    session = SessionStore()
    session["advisor_browser"] = "b"
    session.create()
    if expired:
        Session.objects.filter(pk=session.session_key).update(
            expire_date=timezone.now() - timedelta(seconds=1)
        )
    return session.session_key


def test_it_deletes_old_abandoned_wizards_and_expired_sessions_and_keeps_the_rest(
    settings, make_report
):
    settings.WIZARD_RETENTION_DAYS = 30
    old = _wizard(days_idle=31)
    set_aside = _wizard(days_idle=40, abandoned_at=timezone.now() - timedelta(days=40))
    recent = _wizard(days_idle=29)
    source = make_report()
    old_fork = _wizard(days_idle=31, forked_from=source)
    finished = _wizard(days_idle=400)
    finished_report = make_report()
    Submission.objects.filter(pk=finished.pk).update(report=finished_report)
    expired, live = _session(expired=True), _session(expired=False)

    out = StringIO()
    call_command("clean_abandoned", stdout=out)

    assert "deleted: 3." in out.getvalue()
    remaining = set(Submission.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, finished.pk}
    assert not StepAnswer.objects.filter(submission__in=[old.pk, set_aside.pk, old_fork.pk])
    assert StepAnswer.objects.filter(submission=recent).exists()
    assert set(Report.objects.values_list("pk", flat=True)) == {source.pk, finished_report.pk}
    assert set(Session.objects.values_list("pk", flat=True)) == {live}
    assert expired != live


def test_the_retention_is_a_setting(settings):
    stale = _wizard(days_idle=10)
    settings.WIZARD_RETENTION_DAYS = 11
    call_command("clean_abandoned", stdout=StringIO())
    assert Submission.objects.filter(pk=stale.pk).exists()
    settings.WIZARD_RETENTION_DAYS = 9
    call_command("clean_abandoned", stdout=StringIO())
    assert not Submission.objects.filter(pk=stale.pk).exists()
