"""One form per wizard step; field names are the contract's (docs/product.md). Questions and
choices in words come from `advisor.answers`; limits from `advisor.rules`."""

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from .. import answers, rules
from .dates import TypedDateField
from .fields import GramsField, MoneyField, VisibleText, WholeNumberField, radio


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
    project_name = VisibleText(
        label=answers.LABELS["project_name"],
        required=False,
        max_length=rules.PROJECT_NAME_MAX_LENGTH,
        strip=False,  # stored exactly as typed
        help_text=_("Titles your report, for example “Spring pendants 2027”."),
    )
    company_stage = radio(
        answers.LABELS["company_stage"],
        answers.COMPANY_STAGES,
        _("Established brands carry OEM's costs more easily than new ones."),
    )
    positioning = radio(
        answers.LABELS["positioning"],
        answers.POSITIONINGS,
        _("The higher your prices, the more your pieces need to be your own."),
    )
    demand_evidence = radio(
        answers.LABELS["demand_evidence"],
        answers.DEMAND_EVIDENCE,
        _("Proven demand makes a bigger, slower OEM order less of a gamble."),
    )


class BudgetForm(StepForm):
    upfront_budget_usd = WholeNumberField(
        label=answers.LABELS["upfront_budget_usd"],
        min_value=0,
        max_value=rules.MAX_USD,
        help_text=format_lazy(
            _(
                "Money you can spend before the first order: design, samples and tooling. Not "
                "the order itself. Whole dollars, 0 to {max}."
            ),
            max=rules.count(rules.MAX_USD),
        ),
    )
    total_budget_usd = WholeNumberField(
        label=answers.LABELS["total_budget_usd"],
        required=False,
        min_value=0,
        max_value=rules.MAX_USD,
        help_text=_(
            "All the money you have until the first order arrives: the upfront costs, the order "
            "itself, inspection, freight and import duty. Leave it empty if you do not know yet."
        ),
    )
    unit_cost_usd = MoneyField(
        per_piece=True,
        label=answers.LABELS["unit_cost_usd"],
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
        label=answers.LABELS["units_per_design"],
        min_value=1,
        max_value=rules.MAX_UNITS,
        help_text=_("How many of each design you would order the first time."),
    )
    design_count = WholeNumberField(
        label=answers.LABELS["design_count"],
        min_value=1,
        max_value=rules.MAX_DESIGNS,
        help_text=format_lazy(
            _("How many different designs (SKUs) in the first order, 1 to {max}."),
            max=rules.MAX_DESIGNS,
        ),
    )


def latest_launch(today: date) -> date:
    try:
        return today.replace(year=today.year + rules.MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + rules.MAX_YEARS_AHEAD, day=28)


class TimelineForm(StepForm):
    launch_date = TypedDateField(
        label=answers.LABELS["launch_date"],
        help_text=format_lazy(
            "{} {}",
            _("When the pieces must be in your hands, ready to sell."),
            _("Type it as YYYY-MM-DD, for example 2027-03-01."),
        ),
    )
    design_readiness = radio(
        answers.LABELS["design_readiness"],
        answers.DESIGN_READINESS,
        _("OEM factories build from technical drawings; without them a CAD designer is needed."),
    )

    def clean_launch_date(self) -> date:
        value = self.cleaned_data["launch_date"]
        today = timezone.localdate()
        typed = _typed_date(self.data.get(self.add_prefix("launch_date"), ""), value)
        if value <= today:
            raise forms.ValidationError(
                gettext("Choose a launch date after today (%(today)s), not %(typed)s.")
                % {"today": today.isoformat(), "typed": typed}
            )
        if value > latest_launch(today):
            raise forms.ValidationError(
                gettext("Choose a launch date within %(years)s years (by %(date)s), not %(typed)s.")
                % {
                    "years": rules.MAX_YEARS_AHEAD,
                    "date": latest_launch(today).isoformat(),
                    "typed": typed,
                }
            )
        return value


def _typed_date(typed: object, value: date) -> str:
    """The date as typed, with the day it was read as when that was written another way."""
    text = " ".join(str(typed).split())
    if text == value.isoformat() or not text:
        return value.isoformat()
    return f"{text} ({value.isoformat()})"


class DesignForm(StepForm):
    ip_importance = radio(
        answers.LABELS["ip_importance"],
        answers.IP_IMPORTANCE,
        _("With ODM the factory may sell the same design to other shops."),
    )
    customization = radio(
        answers.LABELS["customization"],
        answers.CUSTOMIZATION,
        _("Compared with what a factory's catalogue already offers."),
    )
    qc_capability = radio(
        answers.LABELS["qc_capability"],
        answers.QC_CAPABILITY,
        _("With OEM you write the quality rules, so someone has to check them."),
    )
    risk_tolerance = radio(
        answers.LABELS["risk_tolerance"],
        answers.RISK_TOLERANCE,
        _("A new design may not sell; catalogue styles already have."),
    )


class MarketForm(StepForm):
    target_markets = forms.MultipleChoiceField(
        label=answers.LABELS["target_markets"],
        choices=answers.TARGET_MARKETS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each market has its own limits on nickel, lead and cadmium. Tick all."),
        error_messages={
            "required": _("Tick at least one market."),
            "invalid_choice": _("Tick only the markets listed."),
        },
    )
    wearer_age = radio(
        answers.LABELS["wearer_age"],
        answers.WEARER_AGES,
        _("Jewelry for children under 12 has stricter limits and tests."),
    )
    base_metal = radio(answers.LABELS["base_metal"], answers.BASE_METALS)
    plating = radio(answers.LABELS["plating"], answers.PLATINGS)
    retail_price_usd = MoneyField(
        per_piece=True,
        label=answers.LABELS["retail_price_usd"],
        required=False,
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
        help_text=_(
            "Without VAT or sales tax, as your shop would keep it: to show each supplier "
            "quote's margin, for example 49.00."
        ),
    )

    karat = forms.ChoiceField(
        label=answers.LABELS["karat"],
        choices=answers.KARATS,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Solid gold only: the karat decides the gold in each piece and its cost."),
    )
    piece_weight_g = GramsField(
        label=answers.LABELS["piece_weight_g"],
        required=False,
        max_value=rules.MAX_PIECE_WEIGHT_G,
        decimal_places=1,
        help_text=_(
            "Decides the freight, and for gold the metal. Leave it empty to use a typical piece "
            "of its metal (3 to 6 g)."
        ),
    )

    def clean_piece_weight_g(self) -> Decimal | None:
        value = self.cleaned_data["piece_weight_g"]
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a weight above 0 g, or leave it empty."))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("base_metal") != rules.BaseMetal.SOLID_GOLD:
            cleaned["karat"] = None  # a choice left from another metal means nothing
        elif not cleaned.get("karat"):
            self.add_error("karat", _("Choose the karat of the gold."))
        return cleaned

    def clean_retail_price_usd(self) -> Decimal | None:
        value = self.cleaned_data["retail_price_usd"]
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a retail price above $0, or leave it empty."))
        return value


ANSWER_FORMS = (BusinessForm, BudgetForm, VolumeForm, TimelineForm, DesignForm, MarketForm)
