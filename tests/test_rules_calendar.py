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
    # The 2027 festival is 02-06: factories stop on 01-30 and are back to full output on 03-06,
    # five weeks in all. OEM's 13-22 weeks both reach 01-30: 5 more, plus 1 of transit.
    assert (tl.oem_weeks, tl.oem_shutdown_weeks) == ((19, 28), (5, 5))
    # ODM: 4 weeks end before the stop day; 13 do not.
    assert (tl.odm_weeks, tl.odm_shutdown_weeks) == ((5, 19), (0, 5))
    assert tl.festival == date(2027, 2, 6)
    assert tl.oem_earliest_launch == november + timedelta(weeks=19)
    reason = fit(result, "lead-time").reason.render()
    assert "Chinese New Year (2027-02-06) falls inside OEM production" in reason
    assert "factories stop about 7 days before it" in reason
    assert "back to full output about 4 weeks after it" in reason


def test_a_launch_inside_the_closure_is_a_lead_time_blocker_that_names_it():
    november = date(2026, 11, 26)
    result = evaluate(answers(launch_date=november + timedelta(weeks=15)), DEFAULTS, november)
    blocker = next(b for b in result.blockers if (b.model, b.factor) == (Model.OEM, "lead-time"))
    assert blocker.reason.render() == (
        "Your launch on 2027-03-11 is 15 weeks away. OEM needs at least 19 weeks: lead time 13, "
        "the Chinese New Year closure 5 and express transit 1."
    )


def test_without_a_closure_the_festival_changes_nothing():
    november = date(2026, 11, 26)
    no_closure = dataclasses.replace(
        DEFAULTS, cny_stop_before_days=0, cny_full_output_after_weeks=0
    )
    tl = evaluate(answers(), no_closure, november).timeline
    assert (tl.oem_weeks, tl.festival) == ((14, 23), None)


def test_factories_stop_before_the_festival():
    from advisor.rules.calendar import Closure, production

    # 12 weeks from 2026-11-10 end on 2027-02-02, four days before the festival, but after
    # factories stop (01-30): the whole closure is added. Counted from the festival day, as
    # before, it would not have been.
    run = production(date(2026, 11, 10), 12, Closure(7, 4))
    assert (run.weeks, run.shutdown_weeks, run.festivals) == (17, 5, (date(2027, 2, 6),))
    assert production(date(2026, 11, 10), 12, Closure(0, 4)).shutdown_weeks == 0
    # A run that ends the day factories stop is done in time.
    assert production(date(2026, 11, 7), 12, Closure(7, 4)).shutdown_weeks == 0


def test_factories_are_back_to_full_output_weeks_after_the_festival():
    from advisor.rules.calendar import Closure, production

    closure = Closure(7, 4)
    assert closure.window(2027) == (date(2027, 1, 30), date(2027, 3, 6))
    # Two days after the festival: 26 days until full output, four weeks rounded up.
    run = production(date(2027, 2, 8), 5, closure)
    assert (run.weeks, run.shutdown_weeks, run.festivals) == (9, 4, (date(2027, 2, 6),))
    assert production(date(2027, 3, 1), 5, closure).shutdown_weeks == 1  # 5 days left
    assert production(date(2027, 3, 6), 5, closure).shutdown_weeks == 0  # full output again
    assert closure.around(date(2027, 3, 5)) == (date(2027, 1, 30), date(2027, 3, 6))
    assert closure.around(date(2027, 3, 6)) is None


def test_the_ship_by_date_moves_before_the_closure_and_says_which():
    from advisor.rules import ship_by

    # Launch 2027-02-20 less a week of express: 02-13, inside the 2027 closure.
    day, closed = ship_by(date(2027, 2, 20), DEFAULTS)
    assert (day, closed) == (date(2027, 1, 29), (date(2027, 1, 30), date(2027, 3, 6)))
    # Clear of it, the launch less transit.
    assert ship_by(date(2027, 3, 20), DEFAULTS) == (date(2027, 3, 13), None)
    assert ship_by(date(2027, 1, 30), DEFAULTS) == (date(2027, 1, 23), None)


@pytest.mark.parametrize(
    ("weeks", "oem", "odm"),
    [
        # On TODAY (2027-03-01) a week of the New Year closure is still to run (full output on
        # 03-06): OEM needs 15 to 24 weeks, ODM 6 to 15, transit included.
        (24, "fits_even_if_slow", "fits_even_if_slow"),
        (23, "fits_only_if_fast", "fits_even_if_slow"),
        (15, "fits_only_if_fast", "fits_even_if_slow"),
        (14, "does_not_fit", "fits_only_if_fast"),
        (6, "does_not_fit", "fits_only_if_fast"),
        (5, "does_not_fit", "does_not_fit"),
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
    assert now.startswith("Now: ask a factory for samples of the 3 catalogue designs you would")
    assert "(300 units each, under your brand, ODM) today" in now
    assert "holds only if the factory is fast" in now  # 6 weeks: ODM takes 6 to 15
    assert development.startswith("Next, once you have the money (an upfront budget of $6,140)")
    assert then == (
        "Then: once a style has sold about 500 units through your ODM line, enough to fill "
        "OEM's minimum order, have your own design made in it (OEM). A catalogue design stays "
        "the factory's unless you buy it or its exclusivity."
    )
    summary = result.summary.render()
    assert "OEM needs a launch from 2027-06-14 and an upfront budget of $6,140." in summary
    assert "lifts the" not in summary  # conditions in words, not pasted blocker sentences


def test_a_hybrid_that_can_afford_oem_starts_development_now():
    funded = answers(
        positioning="premium", upfront_budget_usd=30_000, launch_date=TODAY + timedelta(weeks=20)
    )
    result = evaluate(funded, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    now, development, _then = (step.render() for step in result.plan)
    assert "so ask for the samples by 2027-04-12 for your launch on 2027-07-19" in now
    assert development.startswith("Also now: start OEM development of your hero designs")
    # 13 weeks, the week left of the New Year closure, and transit.
    assert "OEM pieces can arrive from 2027-06-14, 15 weeks from today" in development


@pytest.mark.parametrize(
    "budget, says",
    [
        # ODM's samples ($150 for 3 designs) come out of the same upfront budget first.
        (
            60_000,
            "It costs $6,140 to $51,200 before any order (tooling, samples and design fees "
            "for every design), within the $59,850 your upfront budget leaves after ODM's samples.",
        ),
        (
            30_000,
            "the $29,850 your upfront budget leaves after ODM's samples covers its low end "
            "only, so get tooling quotes before you commit.",
        ),
        (
            6_200,
            "It costs from $6,140 before any order (tooling, samples and design fees for "
            "every design), more than the $6,050 your upfront budget leaves after ODM's samples: "
            "develop fewer hero designs first, or start once ODM sales pay for it.",
        ),
    ],
)
def test_starting_oem_development_now_says_what_it_costs_beside_odm_s_samples(budget, says):
    funded = answers(
        positioning="premium", upfront_budget_usd=budget, launch_date=TODAY + timedelta(weeks=20)
    )
    result = evaluate(funded, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    development = result.plan[1].render()
    assert development.startswith("Also now: start OEM development")
    assert says in development


def test_only_a_hybrid_has_a_plan():
    assert evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY).plan == ()


def test_the_latest_order_day_keeps_clear_of_the_new_year_closure():
    from advisor.rules.plan import latest_order_day

    # Ordering on 2026-11-23 (launch minus 13 + 1 weeks) would run into the closure that starts
    # on 2027-01-30 and arrive five weeks late; the last safe day ends production on that day.
    day = latest_order_day(date(2027, 3, 1), 13, 1, DEFAULTS, date(2026, 3, 2))
    assert day == date(2026, 10, 31)
    assert latest_order_day(date(2026, 12, 1), 13, 1, DEFAULTS, date(2026, 11, 26)) is None
