import json
import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import rules
from .rules.compliance import Requirement

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
    `rules.compliance.applicable` picks the rows for a buyer's markets, wearers and plating.
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
        )


def _help_text(notes: list[str]) -> str | Promise:
    if len(notes) < 2:
        return _(notes[0]) if notes else ""  # marked for translation in rules.figures
    return format_lazy(" ".join("{}" for _note in notes), *map(_, notes))


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
        help_text=_help_text(figure.notes),
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
    oem_moq_min_units = figure_field("oem_moq_min_units")
    oem_moq_max_units = figure_field("oem_moq_max_units")
    odm_moq_min_units = figure_field("odm_moq_min_units")
    odm_moq_max_units = figure_field("odm_moq_max_units")
    wholesale_moq_min_units = figure_field("wholesale_moq_min_units")
    wholesale_moq_max_units = figure_field("wholesale_moq_max_units")
    oem_lead_time_min_weeks = figure_field("oem_lead_time_min_weeks")
    oem_lead_time_max_weeks = figure_field("oem_lead_time_max_weeks")
    odm_lead_time_min_weeks = figure_field("odm_lead_time_min_weeks")
    odm_lead_time_max_weeks = figure_field("odm_lead_time_max_weeks")
    cny_shutdown_weeks = figure_field("cny_shutdown_weeks")
    transit_express_weeks = figure_field("transit_express_weeks")
    oem_deposit_percent = figure_field("oem_deposit_percent")
    odm_deposit_percent = figure_field("odm_deposit_percent")
    express_freight_percent = figure_field("express_freight_percent")

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


class Recommendation(models.TextChoices):
    NEITHER = "neither", _("Neither works yet")
    OEM = "oem", _("OEM")
    ODM = "odm", _("ODM")
    HYBRID = "hybrid", _("Hybrid: ODM now, OEM later")


def new_report_token() -> str:
    # 24 random bytes: 192 bits, 32 URL-safe characters.
    return secrets.token_urlsafe(24)


class Report(models.Model):
    """A saved recommendation: an immutable snapshot, read by anyone holding its token.

    `snapshot` holds the report's JSON exactly as `/r/<token>.json` serves it, so a saved report
    never changes when thresholds or rules change later; the page is rendered from it too.
    """

    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_report_token, editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    owner_key = models.CharField(
        _("owner's browser"),
        max_length=64,
        db_index=True,
        help_text=_("The random key of the browser session that created the report."),
    )
    project_name = models.CharField(_("project name"), max_length=120, blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices
    )
    rules_version = models.PositiveIntegerField(_("rules version"))
    snapshot = models.TextField(_("snapshot (JSON)"))
    revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link expires at"), null=True, blank=True)
    # A dead link the owner shared again: the same report under a new token.
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("replaced by the link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    # A re-run of another report with a supplier's quote in place of the assumptions.
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("re-run of the report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reruns",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.project_name.strip() or str(_("Report %(token)s…") % {"token": self.token[:6]})

    def get_absolute_url(self) -> str:
        return reverse("advisor:report", kwargs={"token": self.token})

    @cached_property
    def data(self) -> dict:
        return json.loads(self.snapshot)

    def is_live(self, now: datetime) -> bool:
        """Whether the link still works: not revoked, not expired."""
        return self.ended_at(now) is None

    def ended_at(self, now: datetime) -> datetime | None:
        """When the link stopped working, if it has."""
        if self.revoked_at is not None:
            return self.revoked_at
        if self.expires_at is not None and self.expires_at <= now:
            return self.expires_at
        return None

    def status(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return str(_("revoked"))
        if self.expires_at is not None and self.expires_at <= now:
            return str(_("expired"))
        return str(_("active"))


QUOTE_MODELS = [(choice.value, choice.label) for choice in (Recommendation.OEM, Recommendation.ODM)]


class Quote(models.Model):
    """A supplier's quote the report's owner typed in, to hold against the report's advice.

    Field names are the contract's (docs/product.md and the action issue)."""

    class Incoterm(models.TextChoices):
        EXW = "exw", _("EXW: you collect at the factory")
        FOB = "fob", _("FOB: on board the ship in China")
        CIF = "cif", _("CIF: to your country's port")
        DDP = "ddp", _("DDP: delivered, duty paid")

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="quotes"
    )
    supplier = models.CharField(_("supplier"), max_length=120)
    model = models.CharField(_("model"), max_length=3, choices=QUOTE_MODELS)
    unit_price_usd = models.DecimalField(_("unit price (USD)"), max_digits=8, decimal_places=2)
    moq_per_design = models.PositiveIntegerField(_("minimum order per design"))
    tooling_usd = models.PositiveIntegerField(_("tooling, all designs (USD)"))
    sample_fee_usd = models.DecimalField(
        _("sample fee per design (USD)"), max_digits=8, decimal_places=2
    )
    lead_time_weeks_min = models.PositiveSmallIntegerField(_("lead time, shortest (weeks)"))
    lead_time_weeks_max = models.PositiveSmallIntegerField(_("lead time, longest (weeks)"))
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices)
    freight_per_piece_usd = models.DecimalField(
        _("freight per piece (USD)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    duty_percent = models.DecimalField(
        _("duty (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    deposit_percent = models.DecimalField(_("deposit (%)"), max_digits=5, decimal_places=2)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    # The report made by re-running the advice with this quote, once asked for.
    rerun = models.OneToOneField(
        Report,
        verbose_name=_("re-run report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_quote",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("supplier quote")
        verbose_name_plural = _("supplier quotes")

    def __str__(self) -> str:
        return f"{self.supplier} ({self.model.upper()})"

    def to_rule(self) -> "rules.Quote":
        return rules.Quote(
            supplier=self.supplier,
            model=rules.Model(self.model),
            unit_price_usd=self.unit_price_usd,
            moq_per_design=self.moq_per_design,
            tooling_usd=self.tooling_usd,
            sample_fee_usd=self.sample_fee_usd,
            lead_time_weeks_min=self.lead_time_weeks_min,
            lead_time_weeks_max=self.lead_time_weeks_max,
            incoterm=rules.Incoterm(self.incoterm),
            deposit_percent=self.deposit_percent,
            freight_per_piece_usd=self.freight_per_piece_usd,
            duty_percent=self.duty_percent,
        )


def new_public_id() -> str:
    return secrets.token_urlsafe(16)


class Submission(models.Model):
    """One buyer's walk through the wizard, owned by the browser session that started it."""

    public_id = models.CharField(
        _("public id"), max_length=32, unique=True, default=new_public_id, editable=False
    )
    browser_key = models.CharField(_("browser"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("started at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("last answer at"), auto_now=True)
    abandoned_at = models.DateTimeField(_("started over at"), null=True, blank=True)
    report = models.OneToOneField(
        Report,
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    forked_from = models.ForeignKey(
        Report,
        verbose_name=_("started from the report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forks",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("buyer session")
        verbose_name_plural = _("buyer sessions")

    def __str__(self) -> str:
        return str(_("Buyer session %(id)s") % {"id": self.public_id[:6]})

    @property
    def is_open(self) -> bool:
        return self.report_id is None and self.abandoned_at is None


class StepAnswer(models.Model):
    """The answers given on one wizard step, saved on every valid POST."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="step_answers"
    )
    step = models.SlugField(_("step"), max_length=20)
    data = models.JSONField(_("answers"), encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("first answered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "step"], name="one_answer_per_step")
        ]
        verbose_name = _("step answer")
        verbose_name_plural = _("step answers")

    def __str__(self) -> str:
        return f"{self.submission} · {self.step}"
