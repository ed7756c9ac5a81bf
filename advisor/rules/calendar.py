"""Factory calendars: when Chinese New Year closes the factories, and what that does to a
production window.

The festival's date moves every year with the lunar calendar; the well-kept `holidays` package
computes it (cross-checked in tests/test_rules_calendar.py against public dates: 2015-02-19,
2016-02-08). Factories do not close on the festival day: they stop some days before it, as
workers travel home, and are back to full output some weeks after it. Both are staff figures
(`cny_stop_before_days`, `cny_full_output_after_weeks`), with their public sources in
`FIGURES`. Production counts as stopped for the whole closure, from the stop day until full
output: factories reopen earlier, short of workers, and we do not guess their part output.

A run that reaches a closure's stop day waits out the whole closure; one that starts inside a
closure waits for what is left of it. The time lost is counted in whole weeks, rounded up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

import holidays

if TYPE_CHECKING:
    from .figures import Thresholds


@cache
def festival(year: int) -> date:
    """The first day of Chinese New Year (the Spring Festival) in this Gregorian year."""
    named = holidays.China(years=year, language="en_US").get_named("Spring Festival")
    return min(named)


@dataclass(frozen=True)
class Closure:
    """How factories close around the festival: the staff's two figures."""

    stop_before_days: int
    full_output_after_weeks: int

    def window(self, year: int) -> tuple[date, date]:
        """The first day factories stop, and the day they are back to full output."""
        day = festival(year)
        return (
            day - timedelta(days=self.stop_before_days),
            day + timedelta(weeks=self.full_output_after_weeks),
        )

    def around(self, day: date) -> tuple[date, date] | None:
        """The closure `day` falls inside (from its stop day, before full output), if any."""
        for year in (day.year, day.year + 1):  # a stop day can fall in the December before
            start, back = self.window(year)
            if start <= day < back:
                return start, back
        return None

    @property
    def closes(self) -> bool:
        return self.stop_before_days > 0 or self.full_output_after_weeks > 0


def closure_of(t: Thresholds) -> Closure:
    return Closure(t.cny_stop_before_days, t.cny_full_output_after_weeks)


@dataclass(frozen=True)
class Production:
    """A production run that starts today, with any closure that falls inside it."""

    weeks: int  # the lead time, closures included
    shutdown_weeks: int  # the weeks the closures added
    festivals: tuple[date, ...]  # the festivals whose closures fell inside the run


def production(today: date, lead_weeks: int, closure: Closure) -> Production:
    """A run of `lead_weeks` of work from today, lengthened by each closure it runs into."""
    if not closure.closes:
        return Production(lead_weeks, 0, ())
    end = today + timedelta(weeks=lead_weeks)
    lost, festivals = 0, []
    # A closure is shorter than a year (see FIGURES), so each year adds at most one.
    for year in range(today.year, today.year + 1 + lead_weeks // 52 + 2):
        start, back = closure.window(year)
        if start <= today < back:  # under way today: what is left of it
            days = (back - today).days
        elif today < start < end:  # reached during the run: work resumes at full output
            days = (back - start).days
        else:
            continue
        lost += days
        end += timedelta(days=days)
        festivals.append(festival(year))
    added = -(-lost // 7)  # whole weeks, rounded up
    return Production(lead_weeks + added, added, tuple(festivals))
