"""A factor's texts as buyers read them: each {figure_name} filled from the thresholds, and why
a text staff typed cannot be saved."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .figures import FIGURES, Unit
from .texts import Msg, count, gettext_noop, usd

# A factor's OEM and ODM texts name figures as {figure_name}, filled from the thresholds, so a
# text can never quote a figure other than the one the rules use.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def format_figure(name: str, value: int) -> str:
    return usd(value) if FIGURES[name].unit == Unit.USD else count(value)


# "{low} to {high}" (or with a dash): a range, which reads as one figure when its ends agree
# (a re-run's quote gives one minimum, "300 to 300" would say it twice).
_RANGE = re.compile(r"\{([a-z_]+)\}(\s*(?:to|–|-)\s*)\{([a-z_]+)\}")


def fill_figures(text: str, values: Mapping[str, int]) -> str:
    """The text with each {figure_name} replaced by that figure, as buyers read it. A name
    that is not a figure (a text saved before the check) is left as written."""

    def figure(match: re.Match[str]) -> str:
        name = match.group(1)
        return format_figure(name, values[name]) if name in FIGURES else match.group(0)

    def one_figure(match: re.Match[str]) -> str:
        low, high = match.group(1), match.group(3)
        if low in FIGURES and high in FIGURES and values[low] == values[high]:
            return format_figure(low, values[low])
        return _PLACEHOLDER.sub(figure, match.group(0))

    return _PLACEHOLDER.sub(figure, _RANGE.sub(one_figure, text))


# A number standing on its own ("50", "$5,000"), not part of a word ("3D", "18k", "925s").
_NUMBER = re.compile(r"(?<![\w.,])\$?(\d{1,3}(?:,\d{3})+|\d+)(?![\w])")


def text_problems(text: str, figures: Mapping[str, int]) -> list[Msg]:
    """Why a factor text cannot be saved: a {name} that is no figure, or one of the current
    figures typed out, which would go stale when staff change it ("925 silver" is fine)."""
    problems = [
        Msg(gettext_noop("{%(name)s} is not one of the figures."), {"name": name})
        for name in _PLACEHOLDER.findall(text)
        if name not in FIGURES
    ]
    typed = {int(m.group(1).replace(",", "")) for m in _NUMBER.finditer(_PLACEHOLDER.sub("", text))}
    found = sorted(typed.intersection(figures.values()))
    if found:
        problems.append(
            Msg(
                gettext_noop(
                    "%(numbers)s is one of the thresholds' figures: write it as {figure_name}, "
                    "for example {oem_moq_min_units}, so the text always shows the current figure."
                ),
                {"numbers": ", ".join(count(n) for n in found), "found": len(found)},
                plural=gettext_noop(
                    "%(numbers)s are figures of the thresholds: write them as {figure_name}, for "
                    "example {oem_moq_min_units}, so the text always shows the current figures."
                ),
                count="found",
            )
        )
    return problems
