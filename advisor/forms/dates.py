"""A date typed into a plain text box, read as the page asks for it (YYYY-MM-DD) and in the
few other ways that can mean only one day ("1 March 2027", "March 1, 2027", "25/12/2027").

Not <input type=date>: Chromium draws it in the browser's locale (mm/dd/yyyy in en-US,
dd/mm/yyyy in en-GB), so the format the page names is not what the field takes, and typing
"2027-03-01" into it in en-US gave "02/02/70301". A text box takes what the hint says, in any
browser. A date that could be two days ("03/01/2027") is refused with both readings, never
guessed; every message names what was typed.
"""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EXAMPLE = "2027-03-01"

# The months as a message spells them, translated (Django's own catalogs hold these names).
_MONTH_NAMES = (
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
)

# English month names and their usual short forms ("Sept" too), for "1 March 2027".
_MONTH_NUMBERS = {
    name: number
    for number, full in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
    for name in (full, full[:3], *(("sept",) if number == 9 else ()))
}
_SEP = r"\s*[-/.]\s*"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_FIRST = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})")
_NUMBERS_YEAR_LAST = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")
_SHORT_YEAR = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{2}})")
_DAY_MONTH = re.compile(rf"{_DAY}\s+([a-z]+)\.?,?\s+(\d{{4}})")
_MONTH_DAY = re.compile(rf"([a-z]+)\.?\s+{_DAY},?\s+(\d{{4}})")


def _spelled(day: date) -> str:
    return _("%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": _MONTH_NAMES[day.month - 1],
        "year": day.year,
    }


def _day(typed: str, year: str, month: str | int, day: str) -> date:
    number = month if isinstance(month, int) else int(month)
    try:
        return date(int(year), number, int(day))
    except ValueError:
        raise forms.ValidationError(
            _(
                "“%(typed)s” is not a real date. Enter a real date as YYYY-MM-DD, for example %(example)s."
            )
            % {"typed": typed, "example": EXAMPLE},
            code="invalid",
        ) from None


def _numbers_year_last(typed: str, first: str, second: str, year: str) -> date:
    """ "25/12/2027" and "12/25/2027" can each be only one day; "03/01/2027" is 1 March in
    the US and 3 January in Britain: asked, never guessed."""
    a, b = int(first), int(second)
    if a > 12 or a == b:
        return _day(typed, year, second, first)
    if b > 12:
        return _day(typed, year, first, second)
    readings = [_day(typed, year, first, second), _day(typed, year, second, first)]
    raise forms.ValidationError(
        _(
            "“%(typed)s” could be %(one)s or %(other)s. Which did you mean? Type it as "
            "YYYY-MM-DD: %(one_iso)s or %(other_iso)s."
        )
        % {
            "typed": typed,
            "one": _spelled(readings[0]),
            "other": _spelled(readings[1]),
            "one_iso": readings[0].isoformat(),
            "other_iso": readings[1].isoformat(),
        },
        code="ambiguous",
    )


def read_date(typed: str) -> date:
    """The one day `typed` can mean, or a ValidationError that names what was typed."""
    text = " ".join(typed.split()).lower()
    if match := _YEAR_FIRST.fullmatch(text):
        return _day(typed, *match.groups())
    if match := _NUMBERS_YEAR_LAST.fullmatch(text):
        return _numbers_year_last(typed, *match.groups())
    if (match := _DAY_MONTH.fullmatch(text)) and match[2] in _MONTH_NUMBERS:
        return _day(typed, match[3], _MONTH_NUMBERS[match[2]], match[1])
    if (match := _MONTH_DAY.fullmatch(text)) and match[1] in _MONTH_NUMBERS:
        return _day(typed, match[3], _MONTH_NUMBERS[match[1]], match[2])
    if _SHORT_YEAR.fullmatch(text):
        raise forms.ValidationError(
            _(
                "Write the year of “%(typed)s” in full, or type the date as YYYY-MM-DD, for "
                "example %(example)s."
            )
            % {"typed": typed, "example": EXAMPLE},
            code="short_year",
        )
    raise forms.ValidationError(
        _(
            "We could not read “%(typed)s” as a date. Enter a real date as YYYY-MM-DD, for "
            "example %(example)s."
        )
        % {"typed": typed, "example": EXAMPLE},
        code="invalid",
    )


class TypedDateField(forms.DateField):
    """A date typed as the hint shows it; the stored value is the ISO date."""

    widget = forms.DateInput(
        # No inputmode="numeric": phones' number pads have no "-" for YYYY-MM-DD.
        attrs={"autocomplete": "off", "spellcheck": "false", "class": "date-input"},
        format="%Y-%m-%d",
    )

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        return read_date(str(value).strip())
