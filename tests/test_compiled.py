"""A query compiled once reads what the ORM reads, with new values each time it is run."""

import pytest
from django.db.models import F
from django.utils import timezone

from advisor import services
from advisor.models import StepAnswer, Submission
from advisor.services.compiled import Compiled

pytestmark = pytest.mark.django_db


def _with_answers(browser_key: str):
    return (
        Submission.objects.filter(browser_key=browser_key)
        .order_by()
        .annotate(answered_step=F("step_answers__step"), answered=F("step_answers__data"))
    )


WITH_ANSWERS = Compiled(_with_answers, parameters=("browser_key",))


def test_rows_are_what_the_orm_reads_for_each_new_value():
    for key, steps in (("first", ["business", "budget"]), ("second", ["volume"])):
        submission = Submission.objects.create(browser_key=key)
        for step in steps:
            data = {"step": step, "amount": 12, "names": ["a", "b"], "text": "Ü <b>"}
            StepAnswer.objects.create(submission=submission, step=step, data=data)
    Submission.objects.create(browser_key="third")  # no answers: one row, no step

    for key in ("first", "second", "third", "nobody"):
        compiled = sorted(WITH_ANSWERS(browser_key=key), key=lambda row: row.answered_step or "")
        orm = sorted(_with_answers(key), key=lambda row: row.answered_step or "")
        assert len(compiled) == len(orm) == {"first": 2, "second": 1, "third": 1}.get(key, 0)
        for mine, theirs in zip(compiled, orm, strict=True):
            for field in Submission._meta.concrete_fields:
                assert getattr(mine, field.attname) == getattr(theirs, field.attname)
            assert (mine.answered_step, mine.answered) == (theirs.answered_step, theirs.answered)
            assert timezone.is_aware(mine.created_at) and not mine._state.adding


def test_a_parameter_the_query_does_not_use_is_refused():
    ignores_it = Compiled(lambda browser_key: Submission.objects.all(), parameters=("browser_key",))
    with pytest.raises(ValueError, match="browser_key"):
        ignores_it(browser_key="first")


def test_the_wizard_and_its_answers_come_in_one_query(django_assert_num_queries):
    submission = Submission.objects.create(browser_key="mine")
    services.save_step(submission=submission, step="volume", cleaned_data={"design_count": 3})
    with django_assert_num_queries(1):
        found, stored = services.owned_submission_and_answers(
            public_id=submission.public_id, browser_key="mine"
        )
    assert found.pk == submission.pk and stored == {"volume": {"design_count": 3}}
    assert (
        services.owned_submission_and_answers(public_id=submission.public_id, browser_key="x")
        is None
    )
