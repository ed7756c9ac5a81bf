"""Factory calendars: when Chinese New Year closes the factories, and what that does to a
production window.

The festival's date moves every year with the lunar calendar; the well-kept `holidays` package
computes it (cross-checked in tests/test_rules.py against public dates: 2015-02-19,
2016-02-08). How long factories stay closed is a staff figure (`cny_shutdown_weeks`; the
contract (docs/product.md): 2-4 weeks around the festival, 3 by default).

Assumption (no public figure): a run is lengthened when the festival day falls inside it, or when
its shutdown is still under way on the day production starts; the leave some workers take in the
days just before the festival is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays


@cache
def festival(year: int) -> date:
    """The first day of Chinese New Year (the Spring Festival) in this Gregorian year."""
    named = holidays.China(years=year, language="en_US").get_named("Spring Festival")
    return min(named)


@dataclass(frozen=True)
class Production:
    """A production run that starts today, with any shutdown that falls inside it."""

    weeks: int  # the lead time, shutdowns included
    shutdown_weeks: int
    festivals: tuple[date, ...]  # the festivals that fell inside the run


def production(today: date, lead_weeks: int, shutdown_weeks: int) -> Production:
    """A run of `lead_weeks` from today, lengthened by each festival that falls inside it, and
    by what is left of a shutdown already under way today."""
    if not shutdown_weeks:
        return Production(lead_weeks, 0, ())
    shutdown = timedelta(weeks=shutdown_weeks)
    end = today + timedelta(weeks=lead_weeks)
    added, festivals = 0, []
    under_way = festival(today.year)
    if under_way <= today < under_way + shutdown:
        left = -(-(under_way + shutdown - today).days // 7)  # whole weeks, rounded up
        added, end = left, end + timedelta(weeks=left)
        festivals.append(under_way)
    # A shutdown is shorter than a year (see FIGURES), so each year adds at most one.
    for year in range(today.year, today.year + 1 + lead_weeks // 52 + 2):
        day = festival(year)
        if today < day < end:
            festivals.append(day)
            added += shutdown_weeks
            end += shutdown
    return Production(lead_weeks + added, added, tuple(festivals))
