"""The factors, the compliance requirements and the thresholds: what staff edit in admin, with
the history of every change."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .. import rules
from ..rules.compliance import BASE_METALS, Requirement

FIGURE_NAMES_HELP = _(
    "Write any figure as {figure_name}, for example {oem_moq_min_units}: the page shows the "
    "current figure, so the text never contradicts the thresholds. The names are the fields of "
    "Thresholds."
)


class Factor(models.Model):
    """One of the eight comparison factors, as shown side by side on the landing page and report."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    oem_summary = models.TextField(_("what OEM means here"), help_text=FIGURE_NAMES_HELP)
    odm_summary = models.TextField(_("what ODM means here"), help_text=FIGURE_NAMES_HELP)
    oem_suits = models.CharField(_("OEM suits"), max_length=120)
    odm_suits = models.CharField(_("ODM suits"), max_length=120)
    weight = models.DecimalField(
        _("weight"),
        max_digits=3,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text=_("How much this factor counts in the recommendation, from 0 (not at all) to 5."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = _("factor")
        verbose_name_plural = _("factors")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        row = Thresholds.objects.first()
        figures = row.figures() if row else {f.name: f.default for f in rules.FIGURES.values()}
        errors = {
            name: [
                problem.render(gettext)
                for problem in rules.text_problems(getattr(self, name), figures)
            ]
            for name in ("oem_summary", "odm_summary")
        }
        if any(errors.values()):
            raise ValidationError({name: found for name, found in errors.items() if found})

    def texts(self, figures: dict[str, int]) -> dict[str, str]:
        """The OEM and ODM texts with their figures filled in from these thresholds."""
        return {
            "oem": rules.fill_figures(self.oem_summary, figures),
            "odm": rules.fill_figures(self.odm_summary, figures),
        }


class ComplianceRequirement(models.Model):
    """One rule a market sets for jewelry, listed in the request for quotation when it applies.

    Seeded from public sources (each named in `source`) and kept current by staff in admin;
    `rules.compliance.applicable` picks the rows for a buyer's markets, wearers, plating and
    base metal.
    """

    class Market(models.TextChoices):
        US = "us", _("United States")
        EU = "eu", _("European Union")
        UK = "uk", _("United Kingdom")

    class Wearers(models.TextChoices):
        ALL = "all", _("All wearers")
        CHILDREN = "children", _("Children (12 and under)")
        ADULTS = "adults", _("Adults (over 12)")

    class Plating(models.TextChoices):
        ANY = "", _("Whatever the plating")
        GOLD = "gold", _("Only gold plating")

    market = models.CharField(_("market"), max_length=2, choices=Market.choices)
    wearers = models.CharField(_("applies to"), max_length=10, choices=Wearers.choices)
    plating = models.CharField(
        _("plating"), max_length=10, choices=Plating.choices, blank=True, default=""
    )
    # A list of `rules.BaseMetal` values; admin offers them as checkboxes (`admin/figures.py`).
    base_metals = models.JSONField(
        _("base metals"),
        default=list,
        blank=True,
        help_text=_(
            "Tick none for a rule whatever the metal; otherwise it is listed only for the "
            "metals ticked, and for reports made before the metal was asked."
        ),
    )
    substance = models.CharField(
        _("substance or property"), max_length=120, help_text=_("For example: Nickel release.")
    )
    limit = models.CharField(_("limit"), max_length=500)
    test_method = models.CharField(_("test method"), max_length=300)
    regulation = models.CharField(_("regulation"), max_length=200)
    text = models.TextField(
        _("text for the buyer and the factory"), help_text=_("One or two short sentences.")
    )
    source = models.TextField(
        _("public source"),
        help_text=_(
            "The title and address of each public source the figures were checked against."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position within its market in the request.")
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive requirements are left out of requests.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["market", "order", "id"]
        verbose_name = _("compliance requirement")
        verbose_name_plural = _("compliance requirements")

    def __str__(self) -> str:
        return f"{self.get_market_display()}: {self.substance}"

    def clean(self) -> None:
        metals = self.base_metals
        known = isinstance(metals, list) and all(metal in BASE_METALS for metal in metals)
        if not known:
            raise ValidationError(
                {"base_metals": _("Choose base metals from the list, or none for any metal.")}
            )
        if len(set(metals)) != len(metals):
            raise ValidationError({"base_metals": _("Each base metal once.")})

    def to_rule(self) -> Requirement:
        return Requirement(
            market=self.market,
            wearers=self.wearers,
            plating=self.plating,
            substance=self.substance,
            limit=self.limit,
            test_method=self.test_method,
            regulation=self.regulation,
            text=self.text,
            source=self.source,
            base_metals=frozenset(self.base_metals),
        )


def _help_text(figure: rules.Figure) -> str:  # lazy: translated when the form is drawn
    # Each note is marked for translation in rules.figures; the sources are names, kept as
    # written.
    parts = [_(note) for note in figure.notes]
    if figure.source:
        parts.append(format_lazy(_(rules.SOURCES_NOTE), sources=figure.source))
    if len(parts) < 2:
        return parts[0] if parts else ""
    return format_lazy(" ".join("{}" for _part in parts), *parts)


def figure_field(name: str) -> models.PositiveIntegerField:
    """The model field of a threshold figure, from its one declaration in `rules.FIGURES`."""
    figure = rules.FIGURES[name]
    low, high = figure.limits
    field_class = (
        models.PositiveIntegerField
        if figure.unit in (rules.Unit.USD, rules.Unit.UNITS)
        else models.PositiveSmallIntegerField
    )
    return field_class(
        _(figure.label),  # marked for translation in rules.figures
        validators=[MinValueValidator(low), MaxValueValidator(high)],
        # New figures reach existing rows through their migration with this default.
        default=figure.default,
        help_text=_help_text(figure),
    )


class Thresholds(models.Model):
    """The figures the rules hold a buyer's answers against. One row: the current set.

    One field per figure in `rules.FIGURES` (a test holds the two equal). `version` goes up
    with every saved change (see `services.thresholds.save_thresholds`); a report keeps the version and
    the figures it was computed with.
    """

    version = models.PositiveIntegerField(_("rules version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    oem_tooling_min_usd = figure_field("oem_tooling_min_usd")
    oem_tooling_max_usd = figure_field("oem_tooling_max_usd")
    oem_molds_per_design_min_usd = figure_field("oem_molds_per_design_min_usd")
    oem_molds_per_design_max_usd = figure_field("oem_molds_per_design_max_usd")
    oem_sample_fee_usd = figure_field("oem_sample_fee_usd")
    oem_sampling_rounds = figure_field("oem_sampling_rounds")
    odm_sample_fee_usd = figure_field("odm_sample_fee_usd")
    odm_sample_credit_percent = figure_field("odm_sample_credit_percent")
    cad_design_fee_usd = figure_field("cad_design_fee_usd")
    inspection_fee_usd = figure_field("inspection_fee_usd")
    inspection_min_order_usd = figure_field("inspection_min_order_usd")
    oem_moq_min_units = figure_field("oem_moq_min_units")
    oem_moq_max_units = figure_field("oem_moq_max_units")
    odm_moq_min_units = figure_field("odm_moq_min_units")
    odm_moq_max_units = figure_field("odm_moq_max_units")
    wholesale_moq_min_units = figure_field("wholesale_moq_min_units")
    wholesale_moq_max_units = figure_field("wholesale_moq_max_units")
    stock_order_max_units = figure_field("stock_order_max_units")
    oem_lead_time_min_weeks = figure_field("oem_lead_time_min_weeks")
    oem_lead_time_max_weeks = figure_field("oem_lead_time_max_weeks")
    odm_lead_time_min_weeks = figure_field("odm_lead_time_min_weeks")
    odm_lead_time_max_weeks = figure_field("odm_lead_time_max_weeks")
    cny_stop_before_days = figure_field("cny_stop_before_days")
    cny_full_output_after_weeks = figure_field("cny_full_output_after_weeks")
    transit_express_weeks = figure_field("transit_express_weeks")
    transit_sea_weeks = figure_field("transit_sea_weeks")
    stock_dispatch_weeks = figure_field("stock_dispatch_weeks")
    oem_deposit_percent = figure_field("oem_deposit_percent")
    odm_deposit_percent = figure_field("odm_deposit_percent")
    courier_first_kg_usd = figure_field("courier_first_kg_usd")
    courier_extra_kg_usd = figure_field("courier_extra_kg_usd")
    courier_insurance_per_1000_usd = figure_field("courier_insurance_per_1000_usd")
    sea_freight_min_usd = figure_field("sea_freight_min_usd")
    gold_price_usd_per_oz = figure_field("gold_price_usd_per_oz")
    gold_price_set_on = models.DateField(
        _("gold price set on"),
        default=rules.GOLD_PRICE_SET_ON,
        help_text=_("The day the gold price above was taken: reports show it with the price."),
    )
    gold_making_charge_usd_per_g = figure_field("gold_making_charge_usd_per_g")
    piece_weight_sterling_silver_g = figure_field("piece_weight_sterling_silver_g")
    piece_weight_stainless_steel_g = figure_field("piece_weight_stainless_steel_g")
    piece_weight_brass_g = figure_field("piece_weight_brass_g")
    piece_weight_zinc_alloy_g = figure_field("piece_weight_zinc_alloy_g")
    piece_weight_solid_gold_g = figure_field("piece_weight_solid_gold_g")
    piece_weight_other_g = figure_field("piece_weight_other_g")
    duty_us_percent = figure_field("duty_us_percent")
    duty_eu_percent = figure_field("duty_eu_percent")
    duty_uk_percent = figure_field("duty_uk_percent")
    duty_other_percent = figure_field("duty_other_percent")
    duty_us_precious_percent = figure_field("duty_us_precious_percent")
    duty_eu_precious_percent = figure_field("duty_eu_precious_percent")
    duty_uk_precious_percent = figure_field("duty_uk_precious_percent")

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("thresholds")
        verbose_name_plural = _("thresholds")

    def __str__(self) -> str:
        return str(_("Thresholds, version %(version)s") % {"version": self.version})

    def figures(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in rules.FIGURES}

    def clean(self) -> None:
        errors = rules.problems(self.figures())
        if errors:
            raise ValidationError({name: msg.render(gettext) for name, msg in errors.items()})
