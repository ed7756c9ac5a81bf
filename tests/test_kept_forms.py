"""A wizard form drawn once and kept is the HTML crispy-forms draws for it afresh."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.utils import translation

from advisor import steps
from advisor.templatetags import kept as kept_forms
from advisor.templatetags.kept import crispy_kept

from .test_wizard import VALID

SAVED = {
    **VALID,
    "budget": {"upfront_budget_usd": 80000, "unit_cost_usd": "42.50"},
    "volume": {"units_per_design": 800, "design_count": 3},
}


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda step: step.slug)
@pytest.mark.parametrize("saved", [None, "saved"], ids=["empty", "saved"])
def test_the_kept_form_is_what_crispy_draws(step, saved):
    values = SAVED[step.slug] if saved else None
    for _ in range(2):  # drawn, then kept
        kept = crispy_kept(steps.form_for_display(step, values))
        assert kept == as_crispy_form(steps.form_for_display(step, values))
    if saved:
        assert kept != crispy_kept(steps.form_for_display(step, None))


def test_a_form_with_errors_is_drawn_each_time():
    form = steps.BY_SLUG["budget"].form_class(data={"upfront_budget_usd": "12,50"})
    assert not form.is_valid()
    drawn = crispy_kept(form)
    assert drawn == as_crispy_form(form)
    assert "is-invalid" in drawn and "12,50" in drawn


def test_each_language_has_its_own_copy():
    kept_forms._drawn.cache_clear()
    form_class = steps.BY_SLUG["business"].form_class
    with translation.override("en"):
        crispy_kept(form_class())
        crispy_kept(form_class())
    assert kept_forms._drawn.cache_info().currsize == 1
    with translation.override("fr"):
        crispy_kept(form_class())
    assert kept_forms._drawn.cache_info().currsize == 2


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda step: step.slug)
def test_a_step_form_is_drawn_from_its_class_language_and_values_only(step):
    """What `crispy_kept` relies on: no choices from the database, nothing computed when the
    form is made (an initial or a limit from today's date, say). A field that breaks this
    must be drawn each time, or its source added to the key."""
    for name, field in step.form_class.base_fields.items():
        assert not hasattr(field, "queryset"), f"{name}: choices from the database"
        assert not callable(field.initial), f"{name}: an initial computed per form"
        assert not callable(getattr(field, "_choices", None)), f"{name}: choices computed"
        for attribute, value in field.widget.attrs.items():
            assert not callable(value), f"{name}: widget attribute {attribute} computed"
    first, second = step.form_class(), step.form_class()
    assert as_crispy_form(first) == as_crispy_form(second)
