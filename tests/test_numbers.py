"""Numbers are read as the buyer meant them, or refused with a question: never misread.

Whatever a numeric field accepts is stored as exactly the number the review page shows back.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import answers, forms
from tests.conftest import examples

BUDGET = {"unit_cost_usd": "10"}
VOLUME = {"design_count": "2"}


def _budget(**data: str) -> forms.BudgetForm:
    form = forms.BudgetForm(data={"upfront_budget_usd": "1000", **BUDGET, **data})
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("unit_cost_usd", "12,50", "Did you mean 12.50? Use a dot before the cents."),
        ("unit_cost_usd", "7,5", "Did you mean 7.5?"),
        ("unit_cost_usd", "1.234,56", "Did you mean 1,234.56?"),
        ("unit_cost_usd", "1E+2", "Write the number in full, like 100, not 1E+2."),
        # Issue 26: a European's 1.25, or the US's 1,250?
        ("unit_cost_usd", "1,250", "Did you mean 1,250 or 1.25?"),
        ("unit_cost_usd", "12%", "without the percent sign"),
        ("unit_cost_usd", "$12,500", "Did you mean 12,500 or 12.5?"),
        ("upfront_budget_usd", "2.000", "Did you mean 2,000?"),
        ("upfront_budget_usd", "15.000.000", "Did you mean 15,000,000?"),
        ("upfront_budget_usd", "8,0000", "Use commas only between thousands, like 80,000."),
        ("upfront_budget_usd", "1e6", "Write the number in full"),
    ],
)
def test_a_number_that_could_be_misread_is_refused_with_a_question(field, typed, message):
    form = _budget(**{field: typed})
    assert field not in form.cleaned_data
    assert any(message in error for error in form.errors[field]), form.errors[field]


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("unit_cost_usd", "12.50", Decimal("12.50")),
        ("unit_cost_usd", "$1,250.50", Decimal("1250.50")),
        ("unit_cost_usd", "1,234.00", Decimal("1234")),
        ("unit_cost_usd", "12,345.5", Decimal("12345.5")),
        ("upfront_budget_usd", "$80,000 ", 80_000),
        ("upfront_budget_usd", "80 000", 80_000),
        ("upfront_budget_usd", "2.00", 2),
    ],
)
def test_separators_and_currency_signs_keep_working(field, typed, stored):
    assert _budget(**{field: typed}).cleaned_data[field] == stored


def _styles(number: Decimal) -> st.SearchStrategy[str]:
    """The ways a buyer may type a number: plain, US thousands, a dollar sign, spaces, the
    European way round, an exponent."""
    plain = f"{number:f}"
    us = f"{number:,f}"
    europe = us.replace(",", "_").replace(".", ",").replace("_", ".")
    return st.sampled_from(
        [plain, us, f"${us}", f" {plain} ", europe, f"{number:e}", plain.replace(".", ",")]
    )


def _shown(name: str, value: object) -> Decimal:
    """The number the review page shows, read back."""
    return Decimal(answers.display_value(name, value).replace("$", "").replace(",", ""))


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data(), cents=st.integers(1, 100_000 * 100))
def test_an_accepted_cost_is_exactly_what_was_meant_and_shown(data, cents):
    number = Decimal(cents) / 100
    typed = data.draw(_styles(number))
    form = _budget(unit_cost_usd=typed)
    if "unit_cost_usd" in form.cleaned_data:
        stored = form.cleaned_data["unit_cost_usd"]
        assert stored == number, typed
        assert _shown("unit_cost_usd", str(stored)) == number


@settings(max_examples=examples(200), deadline=None)
@given(data=st.data(), cents=st.integers(1, 100_000 * 100))
def test_an_accepted_retail_price_is_exactly_what_was_meant_and_shown(data, cents):
    number = Decimal(cents) / 100
    typed = data.draw(_styles(number))
    form = forms.MarketForm(
        data={
            "target_markets": ["us"],
            "wearer_age": "adults",
            "base_metal": "brass",
            "plating": "gold",
            "retail_price_usd": typed,
        }
    )
    form.is_valid()
    if "retail_price_usd" in form.cleaned_data:
        stored = form.cleaned_data["retail_price_usd"]
        assert stored == number, typed
        assert _shown("retail_price_usd", str(stored)) == number


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data(), number=st.integers(0, 10_000_000))
def test_an_accepted_budget_is_exactly_what_was_meant_and_shown(data, number):
    typed = data.draw(_styles(Decimal(number)))
    form = _budget(upfront_budget_usd=typed)
    if "upfront_budget_usd" in form.cleaned_data:
        stored = form.cleaned_data["upfront_budget_usd"]
        assert stored == number, typed
        assert _shown("upfront_budget_usd", stored) == number


@settings(max_examples=examples(200), deadline=None)
@given(data=st.data(), number=st.integers(1, 1_000_000))
def test_an_accepted_count_is_exactly_what_was_meant_and_shown(data, number):
    typed = data.draw(_styles(Decimal(number)))
    form = forms.VolumeForm(data={"units_per_design": typed, **VOLUME})
    form.is_valid()
    if "units_per_design" in form.cleaned_data:
        assert form.cleaned_data["units_per_design"] == number, typed
        assert _shown("units_per_design", number) == number


def _business(project_name: str) -> forms.BusinessForm:
    return forms.BusinessForm(
        data={
            "project_name": project_name,
            "company_stage": "growing",
            "positioning": "premium",
            "demand_evidence": "proven",
        }
    )


@pytest.mark.parametrize(
    "name",
    [
        "Spring\u202ependants",  # right-to-left override: displays reversed
        "Rings\u2066hidden\u2069",  # isolate
        "Line\x00one",
        "Tab\there",
        # Issue 26: bidi marks, zero-width and other format characters, separators.
        "Mark\u200eed",
        "Mark\u200fed",
        "Arabic\u061cmark",
        "Zero\u200bwidth",
        "Byte\ufefforder",
        "Word\u2060joiner",
        "Soft\u00adhyphen",
        "Tag\U000e0041ged",
        "Line\u2028separator",
        "Paragraph\u2029separator",
        "\u3164",  # a Hangul filler: a name that draws nothing
        "Braille\u2800blank",
    ],
)
def test_the_project_name_refuses_control_and_direction_characters(name):
    form = _business(name)
    assert not form.is_valid()
    message = form.errors["project_name"][0]
    assert message.startswith("Remove the invisible character")
    # Each name is plain ASCII but for its one invisible character.
    place = next(n for n, c in enumerate(name, start=1) if not " " <= c <= "~")
    assert str(place) in message and f"U+{ord(name[place - 1]):04X}" in message


def test_the_message_names_where_the_invisible_characters_are():
    form = _business("Ab\u200bcd\u200e")
    assert form.errors["project_name"][0].startswith(
        "Remove the invisible characters at positions 3, 6 (the first is U+200B)"
    )


def test_the_project_name_keeps_any_language_and_punctuation():
    name = "Ünïcode “Aurora” & <b>rings</b> — 金"
    form = _business(name)
    assert form.is_valid() and form.cleaned_data["project_name"] == name


@pytest.mark.parametrize(
    "name", ["می\u200cخواهم", "👩\u200d👩\u200d👧", "Crème brûlée", "Ring № 5 — “Aurora”"]
)
def test_the_project_name_keeps_joiners_accents_and_punctuation(name):
    form = _business(name)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["project_name"] == name


def test_a_decimal_in_a_whole_number_field_is_not_taken_for_european_thousands():
    """Issue 26: "0.001" suggested "0,001"."""
    form = forms.VolumeForm(data={"units_per_design": "0.001", **VOLUME})
    assert not form.is_valid()
    message = form.errors["units_per_design"][0]
    assert "0,001" not in message and "whole number" in message
