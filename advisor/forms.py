"""One form per wizard step; field names are the contract's (docs/product.md), exactly."""

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Quote

COMPANY_STAGES = [
    (rules.CompanyStage.STARTUP, _("Start-up: a new brand, first collections")),
    (rules.CompanyStage.GROWING, _("Growing: selling steadily, adding lines")),
    (rules.CompanyStage.ESTABLISHED, _("Established: a known brand with regular ranges")),
]
POSITIONINGS = [
    (rules.Positioning.BUDGET, _("Budget: you compete on price")),
    (rules.Positioning.MID_MARKET, _("Mid-market: fair prices, some distinction")),
    (rules.Positioning.PREMIUM, _("Premium: customers pay for something unique")),
]
DEMAND_EVIDENCE = [
    (rules.DemandEvidence.UNTESTED, _("Untested: no sales of these pieces yet")),
    (rules.DemandEvidence.EARLY_SALES, _("Early sales: a first batch or pre-orders sold")),
    (rules.DemandEvidence.PROVEN, _("Proven: steady sales and reorders")),
]
DESIGN_READINESS = [
    (rules.DesignReadiness.NONE, _("None yet: we would need the factory's designs or a designer")),
    (rules.DesignReadiness.SKETCHES, _("Sketches: ideas on paper, no technical drawings")),
    (rules.DesignReadiness.FULL_SPECS, _("Full specifications: CAD files, materials, dimensions")),
]
IP_IMPORTANCE = [
    (rules.IpImportance.ESSENTIAL, _("Essential: the design must be ours alone")),
    (rules.IpImportance.PREFERRED, _("Preferred: nice to have, not a must")),
    (rules.IpImportance.UNIMPORTANT, _("Unimportant: a good catalogue design is fine")),
]
CUSTOMIZATION = [
    (rules.Customization.BRANDING_ONLY, _("Branding only: logo, tags, packaging")),
    (rules.Customization.MINOR_CHANGES, _("Minor changes: colours, plating, stones, sizes")),
    (rules.Customization.FULL_CUSTOM, _("Full custom: our own materials, shapes and finish")),
]
QC_CAPABILITY = [
    (rules.QcCapability.NONE, _("None: we rely on the factory")),
    (rules.QcCapability.THIRD_PARTY, _("Third party: we hire an inspection company")),
    (rules.QcCapability.IN_HOUSE, _("In house: our own people check the goods")),
]
RISK_TOLERANCE = [
    (rules.RiskTolerance.LOW, _("Low: we cannot afford unsold stock")),
    (rules.RiskTolerance.MEDIUM, _("Medium: some risk for a better product")),
    (rules.RiskTolerance.HIGH, _("High: we will back a new design")),
]
TARGET_MARKETS = [
    (rules.Market.US, _("United States")),
    (rules.Market.EU, _("European Union")),
    (rules.Market.UK, _("United Kingdom")),
    (rules.Market.OTHER, _("Elsewhere")),
]
WEARER_AGES = [
    (rules.WearerAge.ADULTS, _("Adults")),
    (rules.WearerAge.CHILDREN, _("Children under 12")),
    (rules.WearerAge.ALL_AGES, _("All ages, children included")),
]
BASE_METALS = [
    (rules.BaseMetal.STERLING_SILVER, _("Sterling silver")),
    (rules.BaseMetal.STAINLESS_STEEL, _("Stainless steel")),
    (rules.BaseMetal.BRASS, _("Brass")),
    (rules.BaseMetal.ZINC_ALLOY, _("Zinc alloy")),
    (rules.BaseMetal.SOLID_GOLD, _("Solid gold")),
    (rules.BaseMetal.OTHER, _("Another metal")),
]
PLATINGS = [
    (rules.Plating.NONE, _("No plating")),
    (rules.Plating.GOLD, _("Gold")),
    (rules.Plating.RHODIUM, _("Rhodium")),
    (rules.Plating.OTHER, _("Another plating")),
]


def _radio(label: str, choices: list, help_text: str = "") -> forms.ChoiceField:
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
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_COMMA_CENTS = re.compile(r"\d+,\d{1,2}")


def _bare_number(value: object, *, whole: bool) -> object:
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
    """An amount that may be typed with thousands separators or a dollar sign."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Decimal | None:
        return super().to_python(_bare_number(value, whole=False))


def _error_messages() -> dict[str, dict[str, str]]:
    """What each field says when an answer will not do: the field and the limit, in the
    buyer's units, in the product's own words (never Django's "Ensure this value...")."""
    return _error_messages_in(get_language())


# Built once per language: every step form, on every request, would otherwise translate all of
# them again (about 40 lookups, a fifth of a wizard step's time). The limits are code.
@lru_cache(maxsize=len(settings.LANGUAGES) + 1)
def _error_messages_in(language: str | None) -> dict[str, dict[str, str]]:
    return {
        "project_name": {
            "null_characters_not_allowed": gettext(
                "Remove the invisible control characters from the text; letters, digits, "
                "spaces and punctuation are all fine."
            ),
            "max_length": gettext("Keep the project name to %(max)s characters or fewer.")
            % {"max": rules.PROJECT_NAME_MAX_LENGTH},
        },
        **_money_messages(),
        "units_per_design": {
            "required": gettext("Enter how many pieces of each design you would order."),
            "invalid": gettext("Enter the pieces per design as a whole number, like 300."),
            "min_value": gettext("Enter at least 1 piece per design."),
            "max_value": gettext("Enter at most %(max)s pieces per design.")
            % {"max": rules.count(rules.MAX_UNITS)},
        },
        "design_count": {
            "required": gettext("Enter how many designs the first order has."),
            "invalid": gettext("Enter the number of designs as a whole number, like 4."),
            "min_value": gettext("Enter at least 1 design."),
            "max_value": gettext("Enter at most %(max)s designs.") % {"max": rules.MAX_DESIGNS},
        },
        "launch_date": {"required": gettext("Enter your launch date, as YYYY-MM-DD.")},
    }


def _money_messages() -> dict[str, dict[str, str]]:
    budget_max, cost_max = (
        {"max": rules.usd(rules.MAX_USD)},
        {"max": rules.usd(rules.MAX_UNIT_COST_USD)},
    )
    return {
        "upfront_budget_usd": {
            "required": gettext("Enter your upfront budget in whole dollars (0 is fine)."),
            "invalid": gettext(
                "Enter the upfront budget as a whole number of dollars, like 15000."
            ),
            "min_value": gettext("Enter an upfront budget of $0 or more."),
            "max_value": gettext("Enter an upfront budget of %(max)s or less.") % budget_max,
        },
        "total_budget_usd": {
            "invalid": gettext(
                "Enter the total budget as a whole number of dollars, or leave it empty."
            ),
            "min_value": gettext("Enter a total budget of $0 or more, or leave it empty."),
            "max_value": gettext("Enter a total budget of %(max)s or less.") % budget_max,
        },
        "unit_cost_usd": {
            "required": gettext("Enter what you expect to pay for one piece, like 12.50."),
            "invalid": gettext("Enter the cost per piece as a number of dollars, like 12.50."),
            "max_value": gettext("Enter a cost per piece of %(max)s or less.") % cost_max,
            "max_decimal_places": gettext(
                "Enter the cost per piece to the cent at most, like 12.50."
            ),
        },
        "retail_price_usd": {
            "invalid": gettext(
                "Enter the retail price as a number of dollars, like 49.00, or leave it empty."
            ),
            "max_value": gettext("Enter a retail price of %(max)s or less.") % cost_max,
            "max_decimal_places": gettext(
                "Enter the retail price to the cent at most, like 49.00."
            ),
        },
    }


def _quote_messages() -> dict[str, dict[str, str]]:
    """What each quote field says when a figure will not do, in the buyer's words."""
    whole = gettext("Enter a whole number, like 300.")
    percent = gettext("Enter a percentage from 0 to 100, like 30.")
    weeks = gettext("Enter a number of weeks from 1 to %(max)s.") % {
        "max": rules.MAX_LEAD_TIME_WEEKS
    }
    at_most = gettext("Enter %(max)s or less.")
    return {
        "supplier": {
            "required": gettext("Enter the supplier's name."),
            "max_length": gettext("Keep the supplier's name to %(max)s characters or fewer.")
            % {"max": rules.SUPPLIER_MAX_LENGTH},
        },
        "model": {"required": gettext("Choose OEM or ODM.")},
        "incoterm": {"required": gettext("Choose the Incoterm the price is quoted on.")},
        **_quote_money_messages(),
        "moq_per_design": {
            "required": whole,
            "invalid": whole,
            "min_value": gettext("Enter a minimum order of at least 1 piece."),
            "max_value": at_most % {"max": rules.count(rules.MAX_UNITS)},
        },
        "tooling_usd": {
            "required": gettext("Enter the tooling cost in whole dollars (0 if none)."),
            "invalid": whole,
            "min_value": gettext("Enter a tooling cost of $0 or more."),
            "max_value": at_most % {"max": rules.usd(rules.MAX_USD)},
        },
        **dict.fromkeys(
            ("lead_time_weeks_min", "lead_time_weeks_max"),
            dict.fromkeys(("required", "invalid", "min_value", "max_value"), weeks),
        ),
        **dict.fromkeys(
            ("duty_percent", "deposit_percent"),
            dict.fromkeys(
                ("required", "invalid", "min_value", "max_value", "max_decimal_places"), percent
            ),
        ),
    }


def _quote_money_messages() -> dict[str, dict[str, str]]:
    money = gettext("Enter an amount in dollars, like 8.40.")
    shared = {
        "invalid": money,
        "max_value": gettext("Enter %(max)s or less.")
        % {"max": rules.usd(rules.MAX_UNIT_COST_USD)},
        "max_decimal_places": gettext("Enter the amount to the cent at most, like 8.40."),
    }
    return {
        "unit_price_usd": {**shared, "required": money},
        "sample_fee_usd": {
            **shared,
            "required": gettext("Enter the sample fee (0 if free)."),
            "min_value": gettext("Enter a sample fee of $0 or more."),
        },
        "freight_per_piece_usd": {
            **shared,
            "min_value": gettext("Enter freight of $0 or more, or leave it empty."),
        },
    }


class StepForm(forms.Form):
    error_css_class = "is-invalid-row"
    required_css_class = "required"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the language of the request.
        messages = _error_messages()
        for name, field in self.fields.items():
            field.error_messages.update(messages.get(name, {}))


class BusinessForm(StepForm):
    project_name = forms.CharField(
        label=_("Project name (optional)"),
        required=False,
        max_length=rules.PROJECT_NAME_MAX_LENGTH,
        strip=False,  # stored exactly as typed
        help_text=_("Titles your report, for example “Spring pendants 2027”."),
    )
    company_stage = _radio(
        _("Where is your company?"),
        COMPANY_STAGES,
        _("Established brands carry OEM's costs more easily than new ones."),
    )
    positioning = _radio(
        _("How is your brand positioned?"),
        POSITIONINGS,
        _("The higher your prices, the more your pieces need to be your own."),
    )
    demand_evidence = _radio(
        _("How well do you know these pieces will sell?"),
        DEMAND_EVIDENCE,
        _("Proven demand makes a bigger, slower OEM order less of a gamble."),
    )

    def clean_project_name(self) -> str:
        return refuse_hidden_characters(self.cleaned_data["project_name"])


# Control characters, and the bidirectional embeddings, overrides and isolates that can make a
# title display reversed or hide text: never part of a project's name.
_HIDDEN_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def refuse_hidden_characters(value: str) -> str:
    if _HIDDEN_CHARACTERS.search(value):
        raise forms.ValidationError(
            _(
                "Remove the invisible control characters from the text; letters, digits, spaces "
                "and punctuation are all fine."
            ),
            code="hidden_characters",
        )
    return value


class BudgetForm(StepForm):
    upfront_budget_usd = WholeNumberField(
        label=_("Upfront budget (USD)"),
        min_value=0,
        max_value=rules.MAX_USD,
        help_text=_(
            "Money you can spend before the first order: design, samples and tooling. Not the "
            "order itself. Whole dollars, 0 to 10,000,000."
        ),
    )
    total_budget_usd = WholeNumberField(
        label=_("Total budget until the first delivery (USD, optional)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_USD,
        help_text=_(
            "All the money you have until the first order arrives: the upfront costs, the order "
            "itself, inspection and freight. Leave it empty if you do not know yet."
        ),
    )
    unit_cost_usd = MoneyField(
        label=_("Expected cost per piece (USD)"),
        max_value=rules.MAX_UNIT_COST_USD,  # also bounds the digits: no max_digits to say it twice
        decimal_places=2,
        help_text=_("What you expect to pay the factory for one piece, for example 12.50."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        upfront, total = cleaned.get("upfront_budget_usd"), cleaned.get("total_budget_usd")
        if upfront is not None and total is not None and total < upfront:
            self.add_error(
                "total_budget_usd",
                _(
                    "Enter a total budget of at least your upfront budget (%(upfront)s): it includes it."
                )
                % {"upfront": rules.usd(upfront)},
            )
        return cleaned

    def clean_unit_cost_usd(self) -> Decimal:
        value = self.cleaned_data["unit_cost_usd"]
        if value <= 0:
            raise forms.ValidationError(_("Enter a cost per piece above $0, like 12.50."))
        return value


class VolumeForm(StepForm):
    units_per_design = WholeNumberField(
        label=_("Pieces per design in the first order"),
        min_value=1,
        max_value=rules.MAX_UNITS,
        help_text=_("How many of each design you would order the first time."),
    )
    design_count = WholeNumberField(
        label=_("Number of designs"),
        min_value=1,
        max_value=rules.MAX_DESIGNS,
        help_text=_("How many different designs (SKUs) in the first order, 1 to 500."),
    )


def latest_launch(today: date) -> date:
    try:
        return today.replace(year=today.year + rules.MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + rules.MAX_YEARS_AHEAD, day=28)


class TimelineForm(StepForm):
    launch_date = forms.DateField(
        label=_("Launch date"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When the pieces must be in your hands, ready to sell (YYYY-MM-DD)."),
        error_messages={"invalid": _("Enter a real date as YYYY-MM-DD, for example 2027-03-01.")},
    )
    design_readiness = _radio(
        _("How ready are your designs?"),
        DESIGN_READINESS,
        _("OEM factories build from technical drawings; without them a CAD designer is needed."),
    )

    def clean_launch_date(self) -> date:
        value = self.cleaned_data["launch_date"]
        today = timezone.localdate()
        if value <= today:
            raise forms.ValidationError(_("Choose a launch date after today."))
        if value > latest_launch(today):
            raise forms.ValidationError(
                _("Choose a launch date within five years (by %(date)s).")
                % {"date": latest_launch(today).isoformat()}
            )
        return value


class DesignForm(StepForm):
    ip_importance = _radio(
        _("How important is owning the design?"),
        IP_IMPORTANCE,
        _("With ODM the factory may sell the same design to other shops."),
    )
    customization = _radio(
        _("How much do you want to change?"),
        CUSTOMIZATION,
        _("Compared with what a factory's catalogue already offers."),
    )
    qc_capability = _radio(
        _("Who checks quality?"),
        QC_CAPABILITY,
        _("With OEM you write the quality rules, so someone has to check them."),
    )
    risk_tolerance = _radio(
        _("How much risk can you take?"),
        RISK_TOLERANCE,
        _("A new design may not sell; catalogue styles already have."),
    )


class MarketForm(StepForm):
    target_markets = forms.MultipleChoiceField(
        label=_("Where will you sell these pieces?"),
        choices=TARGET_MARKETS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each market has its own limits on nickel, lead and cadmium. Tick all."),
        error_messages={
            "required": _("Tick at least one market."),
            "invalid_choice": _("Tick only the markets listed."),
        },
    )
    wearer_age = _radio(
        _("Who will wear them?"),
        WEARER_AGES,
        _("Jewelry for children under 12 has stricter limits and tests."),
    )
    base_metal = _radio(_("Base metal"), BASE_METALS)
    plating = _radio(_("Plating"), PLATINGS)
    retail_price_usd = MoneyField(
        label=_("Planned retail price per piece (USD, optional)"),
        required=False,
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
        help_text=_("To show each supplier quote's margin, for example 49.00."),
    )

    def clean_retail_price_usd(self) -> Decimal | None:
        value = self.cleaned_data["retail_price_usd"]
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a retail price above $0, or leave it empty."))
        return value


ANSWER_FORMS = (BusinessForm, BudgetForm, VolumeForm, TimelineForm, DesignForm, MarketForm)


def field_label(name: str) -> str:
    for form_class in ANSWER_FORMS:
        if name in form_class.base_fields:
            return form_class.base_fields[name].label
    raise KeyError(name)


def display_value(name: str, value: str | int | float | list) -> str:
    """An answer in plain words, as the buyer chose it."""
    for form_class in ANSWER_FORMS:
        field = form_class.base_fields.get(name)
        if field is None:
            continue
        if isinstance(field, forms.MultipleChoiceField):
            words = dict(field.choices)
            return ", ".join(str(words.get(item, item)) for item in value)
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))
        if name in ("upfront_budget_usd", "total_budget_usd"):
            return rules.usd(int(value))
        if name in ("unit_cost_usd", "retail_price_usd"):
            return rules.usd(value, cents=True)
        if isinstance(value, int):
            return rules.count(value)
        return str(value)
    raise KeyError(name)


class ExpiryForm(forms.Form):
    """How long a report's link keeps working, from now."""

    KEEP = "keep"
    days = forms.ChoiceField(
        label=_("Link works for"),
        choices=[
            ("", _("Until I revoke it")),
            ("7", _("7 days")),
            ("30", _("30 days")),
            ("90", _("90 days")),
        ],
        required=False,
        widget=forms.Select(attrs={"class": "form-select w-auto"}),
    )

    def __init__(self, *args: Any, expires_at: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if expires_at is not None:
            # Show the current setting, so saving without looking changes nothing.
            keep = _("Keep: until %(date)s") % {"date": expires_at.strftime("%Y-%m-%d")}
            self.fields["days"].choices = [(self.KEEP, keep), *self.fields["days"].choices]
            self.initial["days"] = self.KEEP

    def clean_days(self) -> int | None | str:
        value = self.cleaned_data["days"]
        return value if value == self.KEEP else int(value) if value else None


class QuoteForm(forms.Form):
    """A supplier's quote, as the factory wrote it; field names are the contract's."""

    error_css_class = "is-invalid-row"
    required_css_class = "required"

    supplier = forms.CharField(
        label=_("Supplier"),
        max_length=rules.SUPPLIER_MAX_LENGTH,
        help_text=_("The factory's name."),
    )
    model = forms.ChoiceField(
        label=_("Model quoted"),
        choices=[
            (rules.Model.OEM, _("OEM: our designs")),
            (rules.Model.ODM, _("ODM: their catalogue")),
        ],
        widget=forms.RadioSelect,
    )
    unit_price_usd = MoneyField(
        label=_("Unit price (USD)"), max_value=rules.MAX_UNIT_COST_USD, decimal_places=2
    )
    moq_per_design = WholeNumberField(
        label=_("Minimum order per design (pieces)"), min_value=1, max_value=rules.MAX_UNITS
    )
    tooling_usd = WholeNumberField(
        label=_("Tooling and molds, all designs together (USD)"),
        min_value=0,
        max_value=rules.MAX_USD,
        help_text=_("Whole dollars; 0 for an ODM quote."),
    )
    sample_fee_usd = MoneyField(
        label=_("Sample fee per design (USD)"),
        min_value=0,
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
        help_text=_("For OEM, per design per sampling round."),
    )
    lead_time_weeks_min = WholeNumberField(
        label=_("Lead time, shortest (weeks)"), min_value=1, max_value=rules.MAX_LEAD_TIME_WEEKS
    )
    lead_time_weeks_max = WholeNumberField(
        label=_("Lead time, longest (weeks)"),
        min_value=1,
        max_value=rules.MAX_LEAD_TIME_WEEKS,
        help_text=_("From your go-ahead to goods ready to ship; for OEM, sampling included."),
    )
    incoterm = forms.ChoiceField(
        label=_("Incoterm"), choices=Quote.Incoterm.choices, widget=forms.RadioSelect
    )
    freight_per_piece_usd = MoneyField(
        label=_("Freight per piece to you (USD, optional)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
        help_text=_("Leave empty to use the report's express freight estimate; not used for DDP."),
    )
    duty_percent = MoneyField(
        label=_("Import duty (% of the unit price, optional)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
        help_text=_("Not used for DDP, whose price includes duty."),
    )
    deposit_percent = MoneyField(
        label=_("Deposit before production (%)"), min_value=0, max_value=100, decimal_places=2
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, messages in _quote_messages().items():
            self.fields[name].error_messages.update(messages)

    def clean_supplier(self) -> str:
        return refuse_hidden_characters(self.cleaned_data["supplier"].strip())

    def clean_unit_price_usd(self) -> Decimal:
        value = self.cleaned_data["unit_price_usd"]
        if value <= 0:
            raise forms.ValidationError(_("Enter a unit price above $0, like 8.40."))
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        low, high = cleaned.get("lead_time_weeks_min"), cleaned.get("lead_time_weeks_max")
        if low is not None and high is not None and high < low:
            self.add_error(
                "lead_time_weeks_max",
                _("Enter a longest lead time of at least the shortest (%(weeks)s weeks).")
                % {"weeks": low},
            )
        if cleaned.get("model") == rules.Model.ODM and cleaned.get("tooling_usd"):
            self.add_error(
                "tooling_usd",
                _(
                    "An ODM quote has no tooling: enter 0, or choose OEM if the factory makes your design."
                ),
            )
        return cleaned
