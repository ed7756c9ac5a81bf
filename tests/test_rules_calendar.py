"""The rules' calendar: Chinese New Year's shutdown, whether each model fits the launch, and
a hybrid's dated plan. No database, no request."""

import dataclasses
from datetime import date, timedelta

import pytest

from advisor.rules import Model, Verdict, evaluate
from tests.test_rules import DEFAULTS, ESTABLISHED_PREMIUM, TODAY, answers, fit


def test_the_festival_dates_agree_with_public_calendars():
    from advisor.rules.calendar import festival

    # Public dates: the Year of the Goat began on 2015-02-19, the Monkey on 2016-02-08.
    assert (festival(2015), festival(2016)) == (date(2015, 2, 19), date(2016, 2, 8))
    assert festival(2027) == date(2027, 2, 6)


def test_chinese_new_year_inside_production_is_added_and_named():
    november = date(2026, 11, 26)
    result = evaluate(answers(launch_date=november + timedelta(weeks=30)), DEFAULTS, november)
    tl = result.timeline
    # OEM: 13-22 weeks of production both span 2027-02-06, so 3 weeks more, plus 1 of transit.
    assert (tl.oem_weeks, tl.oem_shutdown_weeks) == ((17, 26), (3, 3))
    # ODM: 4 weeks end before the festival; 13 do not.
    assert (tl.odm_weeks, tl.odm_shutdown_weeks) == ((5, 17), (0, 3))
    assert tl.festival == date(2027, 2, 6)
    assert tl.oem_earliest_launch == november + timedelta(weeks=17)
    reason = fit(result, "lead-time").reason.render()
    assert "Chinese New Year (2027-02-06) falls inside OEM production" in reason
    assert "close for about 3 weeks" in reason


def test_a_launch_inside_the_shutdown_is_a_lead_time_blocker_that_names_it():
    november = date(2026, 11, 26)
    result = evaluate(answers(launch_date=november + timedelta(weeks=15)), DEFAULTS, november)
    blocker = next(b for b in result.blockers if (b.model, b.factor) == (Model.OEM, "lead-time"))
    assert blocker.reason.render() == (
        "Your launch on 2027-03-11 is 15 weeks away. OEM needs at least 17 weeks: lead time 13, "
        "the Chinese New Year shutdown 3 and express transit 1."
    )


def test_without_a_shutdown_figure_the_festival_changes_nothing():
    november = date(2026, 11, 26)
    no_shutdown = dataclasses.replace(DEFAULTS, cny_shutdown_weeks=0)
    tl = evaluate(answers(), no_shutdown, november).timeline
    assert (tl.oem_weeks, tl.festival) == ((14, 23), None)


@pytest.mark.parametrize(
    ("weeks", "oem", "odm"),
    [
        (23, "fits_even_if_slow", "fits_even_if_slow"),
        (22, "fits_only_if_fast", "fits_even_if_slow"),
        (14, "fits_only_if_fast", "fits_even_if_slow"),
        (13, "does_not_fit", "fits_only_if_fast"),
        (10, "does_not_fit", "fits_only_if_fast"),
        (4, "does_not_fit", "does_not_fit"),
    ],
)
def test_each_model_says_whether_it_fits_even_if_the_factory_is_slow(weeks, oem, odm):
    tl = evaluate(answers(launch_date=TODAY + timedelta(weeks=weeks)), DEFAULTS, TODAY).timeline
    assert (tl.oem_schedule, tl.odm_schedule) == (oem, odm)


def test_a_hybrid_gets_a_dated_plan_in_its_own_figures():
    short = answers(
        positioning="premium", upfront_budget_usd=3_000, launch_date=TODAY + timedelta(weeks=6)
    )
    result = evaluate(short, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    now, development, then = (step.render() for step in result.plan)
    assert now.startswith("Now: order 300 units of each of your 3 designs")
    assert "holds only if the factory is fast" in now  # 6 weeks: ODM takes 5 to 14
    assert development.startswith("Next, once you have the money (an upfront budget of $6,140)")
    assert then == (
        "Then: move a design to OEM once it has sold about 500 units through your ODM line, "
        "enough to fill OEM's minimum order."
    )
    summary = result.summary.render()
    assert "OEM needs a launch from 2027-06-07 and an upfront budget of $6,140." in summary
    assert "lifts the" not in summary  # conditions in words, not pasted blocker sentences


def test_a_hybrid_that_can_afford_oem_starts_development_now():
    funded = answers(
        positioning="premium", upfront_budget_usd=30_000, launch_date=TODAY + timedelta(weeks=20)
    )
    result = evaluate(funded, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    now, development, _then = (step.render() for step in result.plan)
    assert "confirm the order by 2027-04-12 for your launch on 2027-07-19" in now
    assert development.startswith("Also now: start OEM development of your hero designs")
    assert "OEM pieces can arrive from 2027-06-07, 14 weeks from today" in development


def test_only_a_hybrid_has_a_plan():
    assert evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY).plan == ()


def test_the_latest_order_day_keeps_clear_of_the_new_year_shutdown():
    from advisor.rules.plan import latest_order_day

    # Ordering on 2026-11-23 (launch minus 13 + 1 weeks) would run into the 2027-02-06
    # festival and arrive three weeks late; the last safe day ends production on the festival.
    day = latest_order_day(date(2027, 3, 1), 13, DEFAULTS, date(2026, 3, 2))
    assert day == date(2026, 11, 7)
    assert latest_order_day(date(2026, 12, 1), 13, DEFAULTS, date(2026, 11, 26)) is None


def test_a_shutdown_already_under_way_counts_its_remaining_weeks():
    from advisor.rules.calendar import production

    # Two days after the 2027 festival, with a 3-week shutdown: 19 days left, so 3 weeks.
    run = production(date(2027, 2, 8), 5, 3)
    assert (run.weeks, run.shutdown_weeks, run.festivals) == (8, 3, (date(2027, 2, 6),))
    assert production(date(2027, 3, 1), 5, 3).shutdown_weeks == 0  # over by then
