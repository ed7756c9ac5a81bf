"""Every contract field of every wizard step, at and beyond its bounds (no database needed)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from advisor import forms

TODAY = timezone.localdate()

VALID = {
    forms.BusinessForm: {
        "project_name": "",
        "company_stage": "startup",
        "positioning": "budget",
        "demand_evidence": "untested",
    },
    forms.BudgetForm: {"upfront_budget_usd": "0", "unit_cost_usd": "0.01"},
    forms.VolumeForm: {"units_per_design": "1", "design_count": "1"},
    forms.TimelineForm: {
        "launch_date": (TODAY + timedelta(days=1)).isoformat(),
        "design_readiness": "none",
    },
    forms.DesignForm: {
        "ip_importance": "essential",
        "customization": "branding_only",
        "qc_capability": "none",
        "risk_tolerance": "low",
    },
    forms.MarketForm: {
        "target_markets": ["other"],
        "wearer_age": "adults",
        "base_metal": "sterling_silver",
        "plating": "none",
        "retail_price_usd": "",
        "piece_weight_g": "",
        "karat": "",
    },
}
FORM_OF = {field: form for form, data in VALID.items() for field in data}

ACCEPTED = [
    ("project_name", "x" * 120),
    ("project_name", "<script>\"'&</script>"),
    ("company_stage", "established"),
    ("positioning", "mid_market"),
    ("positioning", "premium"),
    ("demand_evidence", "early_sales"),
    ("demand_evidence", "proven"),
    ("upfront_budget_usd", "10000000"),
    ("upfront_budget_usd", "10,000,000"),
    ("upfront_budget_usd", "$5,000"),
    ("unit_cost_usd", "100000"),
    ("unit_cost_usd", "12.5"),
    ("unit_cost_usd", "$1,250.00"),
    ("units_per_design", "1000000"),
    ("design_count", "500"),
    ("launch_date", forms.latest_launch(TODAY).isoformat()),
    ("design_readiness", "sketches"),
    ("design_readiness", "full_specs"),
    ("ip_importance", "preferred"),
    ("ip_importance", "unimportant"),
    ("customization", "minor_changes"),
    ("customization", "full_custom"),
    ("qc_capability", "third_party"),
    ("qc_capability", "in_house"),
    ("risk_tolerance", "medium"),
    ("risk_tolerance", "high"),
    ("target_markets", ["us", "eu", "uk", "other"]),
    ("wearer_age", "children"),
    ("wearer_age", "all_ages"),
    ("base_metal", "zinc_alloy"),
    ("base_metal", "other"),
    ("plating", "gold"),
    ("plating", "rhodium"),
    ("retail_price_usd", "0.01"),
    ("retail_price_usd", "100,000.00"),
    ("retail_price_usd", "$49.90"),
]

REJECTED = [
    ("project_name", "x" * 121),
    ("company_stage", "corporation"),
    ("company_stage", ""),
    ("positioning", "luxury"),
    ("demand_evidence", "maybe"),
    ("upfront_budget_usd", "-1"),
    ("upfront_budget_usd", "10000001"),
    ("upfront_budget_usd", "1.5"),
    ("upfront_budget_usd", ""),
    ("upfront_budget_usd", "1e6"),
    ("unit_cost_usd", "0"),
    ("unit_cost_usd", "-0.01"),
    ("unit_cost_usd", "100000.01"),
    ("unit_cost_usd", "0.001"),
    ("unit_cost_usd", "Infinity"),
    ("unit_cost_usd", "abc"),
    ("units_per_design", "0"),
    ("units_per_design", "1000001"),
    ("units_per_design", "ten"),
    ("design_count", "0"),
    ("design_count", "501"),
    ("launch_date", TODAY.isoformat()),
    ("launch_date", (TODAY - timedelta(days=1)).isoformat()),
    ("launch_date", (forms.latest_launch(TODAY) + timedelta(days=1)).isoformat()),
    ("launch_date", "2027-13-01"),
    ("launch_date", "2027-02-29"),
    ("launch_date", "01/03/2027"),
    ("launch_date", ""),
    ("design_readiness", "half"),
    ("ip_importance", "vital"),
    ("customization", "everything"),
    ("qc_capability", "robots"),
    ("risk_tolerance", "extreme"),
    ("target_markets", []),
    ("target_markets", ["mars"]),
    ("wearer_age", "teens"),
    ("base_metal", "plutonium"),
    ("plating", "chrome"),
    ("retail_price_usd", "0"),
    ("retail_price_usd", "100000.01"),
    ("retail_price_usd", "49,90"),
    ("retail_price_usd", "1e3"),
]


def test_the_valid_answers_pass_every_form():
    for form_class, data in VALID.items():
        form = form_class(data=data)
        assert form.is_valid(), form.errors


@pytest.mark.parametrize(("field", "value"), ACCEPTED)
def test_it_accepts_values_at_the_bounds(field, value):
    form_class = FORM_OF[field]
    form = form_class(data={**VALID[form_class], field: value})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(("field", "value"), REJECTED)
def test_it_rejects_values_beyond_the_bounds_beside_the_field(field, value):
    form_class = FORM_OF[field]
    form = form_class(data={**VALID[form_class], field: value})
    assert not form.is_valid()
    assert list(form.errors) == [field]
    assert all(message.strip() for message in form.errors[field])


def test_field_names_are_exactly_the_contract():
    names = [name for form_class in forms.ANSWER_FORMS for name in form_class.base_fields]
    from advisor.rules import ANSWER_FIELDS

    assert sorted(names) == sorted(ANSWER_FIELDS)


def test_money_and_counts_are_converted():
    budget = forms.BudgetForm(data={"upfront_budget_usd": "$12,500", "unit_cost_usd": "7.25"})
    assert budget.is_valid()
    assert budget.cleaned_data["upfront_budget_usd"] == 12_500
    assert str(budget.cleaned_data["unit_cost_usd"]) == "7.25"


def test_solid_gold_asks_its_karat_and_other_metals_drop_it():
    market = VALID[forms.MarketForm]
    gold = forms.MarketForm(data={**market, "base_metal": "solid_gold"})
    assert not gold.is_valid()
    assert gold.errors["karat"] == ["Choose the karat of the gold."]
    chosen = forms.MarketForm(data={**market, "base_metal": "solid_gold", "karat": "18k"})
    assert chosen.is_valid() and chosen.cleaned_data["karat"] == "18k"
    silver = forms.MarketForm(data={**market, "karat": "18k"})
    assert silver.is_valid() and silver.cleaned_data["karat"] is None


def test_a_piece_weighs_more_than_nothing_and_at_most_a_kilogram():
    market = VALID[forms.MarketForm]
    for typed in ("4.5", "4.5 g", "4.5g", " 4.5 grams"):
        form = forms.MarketForm(data={**market, "piece_weight_g": typed})
        assert form.is_valid() and str(form.cleaned_data["piece_weight_g"]) == "4.5", typed
    for typed, said in (
        ("0", "above 0 g"),
        ("1000.1", ""),
        ("-3", ""),
        ("$5", "not an amount in dollars"),
        ("4,5", "Did you mean 4.5 g?"),
    ):
        form = forms.MarketForm(data={**market, "piece_weight_g": typed})
        assert list(form.errors) == ["piece_weight_g"], typed
        assert said in form.errors["piece_weight_g"][0], (typed, form.errors)


def test_tooling_typed_with_thousands_is_read_as_thousands():
    # Only a price a piece asks whether "1,500" is 1.5 (issue 26); tooling of $1.50 is no doubt.
    from tests.test_quotes import OEM_QUOTE

    data = {**OEM_QUOTE, "tooling_per_design_usd": "1,500"}
    form = forms.QuoteForm(data=data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["tooling_per_design_usd"] == 1500


def test_the_project_name_keeps_its_spaces():
    form = forms.BusinessForm(data={**VALID[forms.BusinessForm], "project_name": "  two  spaces  "})
    assert form.is_valid()
    assert form.cleaned_data["project_name"] == "  two  spaces  "


def test_the_total_budget_is_optional_and_at_least_the_upfront_budget():
    empty = forms.BudgetForm(data={"upfront_budget_usd": "5000", "unit_cost_usd": "7"})
    assert empty.is_valid() and empty.cleaned_data["total_budget_usd"] is None
    below = forms.BudgetForm(
        data={"upfront_budget_usd": "5000", "unit_cost_usd": "7", "total_budget_usd": "4,999"}
    )
    assert not below.is_valid()
    assert below.errors["total_budget_usd"] == [
        "Enter a total budget of at least your upfront budget ($5,000): it includes it."
    ]
    enough = forms.BudgetForm(
        data={"upfront_budget_usd": "5000", "unit_cost_usd": "7", "total_budget_usd": "$40,000"}
    )
    assert enough.is_valid() and enough.cleaned_data["total_budget_usd"] == 40_000


@pytest.mark.parametrize(
    ("form_class", "data"),
    [
        (forms.BudgetForm, {"upfront_budget_usd": "99999999999", "unit_cost_usd": "1e9"}),
        (
            forms.BudgetForm,
            {"upfront_budget_usd": "", "unit_cost_usd": "", "total_budget_usd": "-5"},
        ),
        (forms.VolumeForm, {"units_per_design": "0", "design_count": "lots"}),
        (forms.BusinessForm, {"project_name": "x" * 200, "company_stage": "huge"}),
        (forms.TimelineForm, {"launch_date": "", "design_readiness": "maybe"}),
    ],
)
def test_messages_speak_in_the_products_voice_never_djangos(form_class, data):
    form = form_class(data=data)
    assert not form.is_valid()
    for messages in form.errors.values():
        for message in messages:
            assert not message.startswith(("Ensure", "This field", "Select a valid")), message


def test_the_messages_kept_per_language_are_not_shared_between_forms():
    """Each language's messages are built once; a form that changes its own must not change
    the next form's."""
    from advisor.forms import VolumeForm

    first = VolumeForm()
    first.fields["design_count"].error_messages["min_value"] = "changed by one form"
    assert VolumeForm().fields["design_count"].error_messages["min_value"] == (
        "Enter at least 1 design."
    )


def test_every_answer_has_its_question_and_every_form_field_asks_it():
    from advisor import answers
    from advisor.rules import ANSWER_FIELDS

    assert set(answers.LABELS) == set(ANSWER_FIELDS)
    for form_class in forms.ANSWER_FORMS:
        for name, field in form_class.base_fields.items():
            assert field.label == answers.LABELS[name]
            if name in answers.CHOICES:
                assert [value for value, _label in field.choices] == [
                    value for value, _label in answers.CHOICES[name]
                ]


def test_the_help_texts_state_the_limits_the_fields_hold():
    budget = forms.BudgetForm.base_fields["upfront_budget_usd"]
    assert f"0 to {budget.max_value:,}" in str(budget.help_text)
    designs = forms.VolumeForm.base_fields["design_count"]
    assert f"1 to {designs.max_value}" in str(designs.help_text)
