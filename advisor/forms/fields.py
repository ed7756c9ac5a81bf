"""The fields the forms share: numbers typed as people type them, radio questions, and text
with nothing hidden in it."""

import re
import unicodedata
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def radio(label: str, choices: list, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={
            "required": _("Choose one of the options."),
            "invalid_choice": _("Choose one of the options."),
        },
    )


# Thousands written the US way ("80,000"), and the two ways a European hand writes numbers
# that this site would otherwise misread: "2.000" (two thousand) and "12,50" (twelve fifty).
_US_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# (A leading 0 is no group of thousands: "0.001" is a decimal, not one in the European way.)
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?")
_COMMA_CENTS = re.compile(r"\d+,\d{1,2}")
# One comma and three digits, no dot: thousands the US way, or a European's decimal comma
# ("1,250" for 1.25). For an amount to the cent both are likely; a whole-dollar field has only
# the first.
_COMMA_THREE = re.compile(r"[1-9]\d{0,2},\d{3}")


def _bare_number(value: object, *, whole: bool, comma_may_be_decimal: bool = False) -> object:
    """What the buyer typed, as one plain number, or a message saying why it cannot be read
    for sure: "$80,000 " -> "80000"; "12,50" and "2.000" are refused, never guessed."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace("$", "").replace(" ", "").replace("\u00a0", "")
    if re.search(r"[eE]", text) and re.search(r"\d", text):
        raise forms.ValidationError(
            _("Write the number in full, like 100, not %(typed)s.") % {"typed": value.strip()},
            code="exponent",
        )
    if _DOT_THOUSANDS.fullmatch(text) and (whole or "," in text):
        meant = text.replace(".", ",").rsplit(",", 1) if "," in text else None
        suggestion = f"{meant[0]}.{meant[1]}" if meant else text.replace(".", ",")
        raise forms.ValidationError(
            _("Did you mean %(meant)s? Use commas between thousands and a dot before cents.")
            % {"meant": suggestion},
            code="ambiguous",
        )
    if comma_may_be_decimal and _COMMA_THREE.fullmatch(text):
        decimal = text.replace(",", ".").rstrip("0").rstrip(".")
        raise forms.ValidationError(
            _(
                "Did you mean %(thousands)s or %(decimal)s? Write %(thousands)s.00 for the "
                "first, %(decimal)s for the second."
            )
            % {"thousands": text, "decimal": decimal},
            code="ambiguous",
        )
    if not whole and _COMMA_CENTS.fullmatch(text) and not _US_THOUSANDS.fullmatch(text):
        raise forms.ValidationError(
            _("Did you mean %(meant)s? Use a dot before the cents.")
            % {"meant": text.replace(",", ".")},
            code="ambiguous",
        )
    if "," in text:
        if not _US_THOUSANDS.fullmatch(text):
            raise forms.ValidationError(
                _("Use commas only between thousands, like 80,000."), code="invalid"
            )
        text = text.replace(",", "")
    return text


class WholeNumberField(forms.IntegerField):
    """A whole number that may be typed with thousands separators or a dollar sign."""

    # A text box, not type=number: browsers silently drop "80,000" from number inputs.
    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | None:
        return super().to_python(_bare_number(value, whole=True))


class MoneyField(forms.DecimalField):
    """An amount that may be typed with thousands separators or a dollar sign; a percent sign
    is refused, never read as dollars. `per_piece`: a price a piece, where "1,250" is as likely
    a European's 1.25 as 1,250, so it asks (tooling at $1.50 a design is no such doubt)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *, per_piece: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.per_piece = per_piece

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str) and "%" in value:
            raise forms.ValidationError(
                _("Enter an amount in dollars, like 12.50, without the percent sign."),
                code="percent",
            )
        return super().to_python(
            _bare_number(value, whole=False, comma_may_be_decimal=self.per_piece)
        )


class PercentField(MoneyField):
    """A percentage that may be typed with its sign ("30 %"); a dollar sign is refused, never
    read as a percentage."""

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            if "$" in value:
                raise forms.ValidationError(
                    _("Enter a percentage, like 30, not an amount in dollars."), code="dollars"
                )
            value = value.strip().removesuffix("%")
        return super().to_python(value)


# Control characters, and the bidirectional embeddings, overrides and isolates that can make a
# title display reversed or hide text: never part of a project's name.
# Unicode's categories: control (Cc), format (Cf: bidi marks and overrides, zero-width spaces,
# the byte-order mark, soft hyphens, tag characters) and the line and paragraph separators (Zl,
# Zp), which split a one-line title. The zero-width joiner and non-joiner (Cf too) stay: some
# scripts and emoji need them. https://www.unicode.org/reports/tr44/#General_Category_Values
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
_JOINERS = {"\u200c", "\u200d"}
# Letters and symbols that draw nothing: the Hangul fillers and the blank Braille pattern.
_BLANKS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def _is_hidden(character: str) -> bool:
    if character in _BLANKS:
        return True
    return unicodedata.category(character) in _HIDDEN_CATEGORIES and character not in _JOINERS


def refuse_hidden_characters(value: str) -> str:
    hidden = [place for place, character in enumerate(value, start=1) if _is_hidden(character)]
    if hidden:
        raise forms.ValidationError(
            ngettext(
                "Remove the invisible character at position %(places)s (%(code)s); letters, "
                "digits, spaces and punctuation are all fine.",
                "Remove the invisible characters at positions %(places)s (the first is "
                "%(code)s); letters, digits, spaces and punctuation are all fine.",
                len(hidden),
            )
            % {
                "places": ", ".join(str(place) for place in hidden[:5])
                + (", …" if len(hidden) > 5 else ""),
                "code": f"U+{ord(value[hidden[0] - 1]):04X}",
            },
            code="hidden_characters",
        )
    return value


class VisibleText(forms.CharField):
    """A line a person typed: every invisible character is refused, with where it is. (Django's
    own check for the null character, left out here, would only say that one is there.)"""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]

    def validate(self, value: str) -> None:
        super().validate(value)
        refuse_hidden_characters(value)


class MeasureField(forms.DecimalField):
    """A measure typed as a person would, with or without its unit ("4.5", "4.5 g"); a dollar
    sign or a decimal comma is refused with what was meant."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    units: tuple[str, ...] = ()  # the unit as it may be typed, longest first
    not_dollars = ""
    use_a_dot = ""

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            text = value.strip().lower()
            for unit in self.units:
                text = text.removesuffix(unit)
            text = text.strip()
            if "$" in text:
                raise forms.ValidationError(self.not_dollars, code="dollars")
            if re.fullmatch(r"\d+,\d+", text):
                raise forms.ValidationError(
                    self.use_a_dot % {"meant": text.replace(",", ".")}, code="ambiguous"
                )
            value = text
        return super().to_python(value)


class GramsField(MeasureField):
    units = ("grams", "g")
    not_dollars = _("Enter the weight in grams, like 4.5, not an amount in dollars.")
    use_a_dot = _("Did you mean %(meant)s g? Use a dot for parts of a gram.")


class MicronsField(MeasureField):
    units = ("microns", "micron", "\u00b5m", "\u03bcm", "um")  # the micro sign, or Greek mu
    not_dollars = _("Enter the thickness in microns, like 0.5, not an amount in dollars.")
    use_a_dot = _("Did you mean %(meant)s µm? Use a dot for parts of a micron.")
