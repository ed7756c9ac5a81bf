"""The forms on a report's pages: the link's expiry, and a supplier's quote."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..models import Quote
from .dates import TypedDateField
from .fields import (
    GramsField,
    MicronsField,
    MoneyField,
    PercentField,
    VisibleText,
    WholeNumberField,
)


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
        "tooling_per_design_usd": {
            "required": gettext("Enter the tooling cost per design (0 if none)."),
            "invalid": gettext("Enter an amount in dollars, like 300."),
            "min_value": gettext("Enter a tooling cost of $0 or more."),
            "max_value": at_most % {"max": rules.usd(rules.MAX_USD)},
            "max_decimal_places": gettext("Enter the amount to the cent at most, like 300.50."),
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
        "plating_microns": {
            "invalid": gettext("Enter the thickness in microns, like 0.5."),
            "min_value": gettext("Enter a thickness of 0 µm or more, or leave it empty."),
            "max_value": gettext(
                "Enter %(max)s µm or less: the thickness in microns, not in millionths of an inch."
            )
            % {"max": MAX_PLATING_MICRONS},
            "max_decimal_places": gettext(
                "Enter the thickness to a thousandth of a micron at most, like 0.175."
            ),
        },
    }


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


CURRENCY_NOTE_MAX_LENGTH = 120
# Heavy gold electroplate and vermeil start at about 2.5 µm; 25 leaves room for thick finishes
# and refuses heavy plating typed in millionths of an inch (100); a smaller figure of that kind
# is questioned on the quotes page (an assumption).
MAX_PLATING_MICRONS = 25
# A quote's last valid day, as a sanity range: a typing slip outside it is refused.
VALID_UNTIL_RANGE = (date(2000, 1, 1), date(2099, 12, 31))


class QuoteForm(forms.Form):
    """A supplier's quote, as the factory wrote it; field names are the contract's."""

    error_css_class = "is-invalid-row"
    required_css_class = "required"

    supplier = VisibleText(
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
        per_piece=True,
        label=_("Unit price (USD)"),
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
    )
    moq_per_design = WholeNumberField(
        label=_("Minimum order per design (pieces)"), min_value=1, max_value=rules.MAX_UNITS
    )
    tooling_per_design_usd = MoneyField(
        label=_("Tooling and molds per design (USD)"),
        min_value=0,
        max_value=rules.MAX_USD,
        decimal_places=2,
        help_text=_(
            "As the request for quotation asks: for one design. The page multiplies it by your "
            "designs. 0 for an ODM quote."
        ),
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
        help_text=_(
            "From your go-ahead to goods ready to ship, sampling included: for ODM, add the "
            "weeks the factory needs to send its sample."
        ),
    )
    incoterm = forms.ChoiceField(
        label=_("Incoterm"), choices=Quote.Incoterm.choices, widget=forms.RadioSelect
    )
    shipping = forms.ChoiceField(
        label=_("Shipping"),
        choices=Quote.Shipping.choices,
        initial=Quote.Shipping.EXPRESS,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "How the goods travel to you; the delivery dates count express or sea transit, door "
            "to door. Many factories write FOB for a price at their door before a courier: ask "
            "which they mean. CIF is a sea term: a CIF quote is dated by sea."
        ),
    )
    freight_per_piece_usd = MoneyField(
        per_piece=True,
        label=_("Freight per piece to you (USD, optional)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_UNIT_COST_USD,
        decimal_places=2,
        help_text=_(
            "Leave empty to use the report's courier estimate, marked as such: the quote "
            "then ranks below those that give it. Not used for DDP."
        ),
    )
    duty_percent = PercentField(
        label=_("Import duty (% of the unit price, optional)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
        help_text=_(
            "Leave empty to use a default duty on jewelry for your markets, marked as such (the "
            "quote then ranks below those that give it); 0 if you pay none. Not used for DDP, "
            "whose price includes duty."
        ),
    )
    deposit_percent = PercentField(
        label=_("Deposit before production (%)"), min_value=0, max_value=100, decimal_places=2
    )
    plating_microns = MicronsField(
        label=_("Plating thickness (microns, optional)"),
        required=False,
        min_value=0,
        max_value=MAX_PLATING_MICRONS,
        decimal_places=3,
        help_text=_(
            "For plated pieces, as the factory quotes it, in microns (µm), not micro-inches "
            "(often written “u”; 1 µm is about 40 of them): a lower price may be thinner plating."
        ),
    )
    currency_note = VisibleText(
        label=_("Currency note (optional)"),
        required=False,
        max_length=CURRENCY_NOTE_MAX_LENGTH,
        help_text=_(
            "Where the factory quoted in another currency: what it said and the rate you used, "
            "for example “CNY 60.00 at 7.14”."
        ),
    )

    gold_grams = GramsField(
        label=_("Gold in a piece (grams, optional)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_PIECE_WEIGHT_G,
        decimal_places=2,
        help_text=_("As the factory quotes it: the page works out its making charge a gram."),
    )
    gold_price_usd_per_oz = MoneyField(
        label=_("Gold price the quote assumes (USD a troy ounce, optional)"),
        required=False,
        min_value=0,
        max_value=rules.MAX_USD,
        decimal_places=2,
        help_text=_(
            "Factories price gold at the day's price: with it, quotes made on different days "
            "compare by their making charge."
        ),
    )
    valid_until = TypedDateField(
        label=_("Quote valid until (optional)"),
        required=False,
        help_text=_(
            "The last day the factory holds its price, as YYYY-MM-DD, for example 2027-01-15: "
            "once it has passed, the quote ranks below current ones until the factory confirms it."
        ),
    )

    GOLD_FIELDS = ("gold_grams", "gold_price_usd_per_oz")

    def __init__(self, *args: Any, gold: bool = False, **kwargs: Any) -> None:
        """`gold`: the report is for solid gold, whose quotes give their gold."""
        super().__init__(*args, **kwargs)
        for name, messages in _quote_messages().items():
            self.fields[name].error_messages.update(messages)
        if not gold:
            for name in self.GOLD_FIELDS:
                del self.fields[name]

    def clean_shipping(self) -> str:
        return self.cleaned_data["shipping"] or Quote.Shipping.EXPRESS  # left as it starts

    def clean_valid_until(self) -> date | None:
        value = self.cleaned_data["valid_until"]
        if value is not None and not VALID_UNTIL_RANGE[0] <= value <= VALID_UNTIL_RANGE[1]:
            raise forms.ValidationError(
                _("Enter a day from %(first)s to %(last)s, like 2027-01-15.")
                % {
                    "first": VALID_UNTIL_RANGE[0].isoformat(),
                    "last": VALID_UNTIL_RANGE[1].isoformat(),
                }
            )
        return value

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
                ngettext(
                    "Enter a longest lead time of at least the shortest (%(weeks)s week).",
                    "Enter a longest lead time of at least the shortest (%(weeks)s weeks).",
                    low,
                )
                % {"weeks": low},
            )
        if cleaned.get("model") == rules.Model.ODM and cleaned.get("tooling_per_design_usd"):
            self.add_error(
                "tooling_per_design_usd",
                _(
                    "An ODM quote has no tooling: enter 0, or choose OEM if the factory makes your design."
                ),
            )
        return cleaned
