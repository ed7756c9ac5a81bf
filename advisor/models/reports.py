"""Saved reports, immutable snapshots behind their links, and the owner's supplier quotes."""

import json
import secrets
from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import rules


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
    # The link for factories: it opens the report's request for quotation and nothing else, so
    # a factory sent it never sees the budget, the retail price or the margins. A key of its
    # own, as random as the report's; it works while the report's link does.
    rfq_token = models.CharField(
        _("token of the link for factories"),
        max_length=64,
        unique=True,
        default=new_report_token,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    owner_key = models.CharField(
        _("owner's browser"),
        max_length=64,
        db_index=True,
        help_text=_(
            "The random key of the browser session that created the report (or of the browser "
            "it passed to when that one was removed from its owner's browsers)."
        ),
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

    def get_rfq_url(self) -> str:
        """The link for factories (the request for the model the report points to)."""
        return reverse("advisor:rfq", kwargs={"rfq_token": self.rfq_token})

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

    class Shipping(models.TextChoices):
        EXPRESS = "express", _("Express courier")
        SEA = "sea", _("Sea freight")

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
    tooling_per_design_usd = models.DecimalField(
        _("tooling per design (USD)"), max_digits=10, decimal_places=2
    )
    sample_fee_usd = models.DecimalField(
        _("sample fee per design (USD)"), max_digits=8, decimal_places=2
    )
    lead_time_weeks_min = models.PositiveSmallIntegerField(_("lead time, shortest (weeks)"))
    lead_time_weeks_max = models.PositiveSmallIntegerField(_("lead time, longest (weeks)"))
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices)
    shipping = models.CharField(
        _("shipping"), max_length=7, choices=Shipping.choices, default=Shipping.EXPRESS
    )
    freight_per_piece_usd = models.DecimalField(
        _("freight per piece (USD)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    duty_percent = models.DecimalField(
        _("duty (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    deposit_percent = models.DecimalField(_("deposit (%)"), max_digits=5, decimal_places=2)
    # The plating thickness the factory quotes: a lower price may be thinner plating.
    plating_microns = models.DecimalField(
        _("plating thickness (microns)"), max_digits=5, decimal_places=3, null=True, blank=True
    )
    # For solid gold: the gold in a piece and the gold price the quote assumes, which the
    # quotes page turns into a making charge a gram, comparable across factories.
    gold_grams = models.DecimalField(
        _("gold in a piece (g)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    gold_price_usd_per_oz = models.DecimalField(
        _("gold price assumed (USD a troy ounce)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # The last day the factory holds its price (gold quotes often hold for days only).
    valid_until = models.DateField(_("quote valid until"), null=True, blank=True)
    # What the factory quoted in another currency, and the rate the buyer converted at.
    currency_note = models.CharField(_("currency note"), max_length=120, blank=True, default="")
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

    @property
    def ships_by_sea(self) -> bool:
        """Marked so, or CIF: a rule for sea and inland waterway transport only (ICC Incoterms
        2020; Myron Logistics and Transped, "Incoterms 2020"), a price to the buyer's port."""
        return self.shipping == self.Shipping.SEA or self.incoterm == self.Incoterm.CIF

    def to_rule(self, *, designs: int) -> "rules.Quote":
        """The quote for the rules, for the report's number of designs."""
        return rules.Quote(
            supplier=self.supplier,
            model=rules.Model(self.model),
            unit_price_usd=self.unit_price_usd,
            moq_per_design=self.moq_per_design,
            tooling_per_design_usd=self.tooling_per_design_usd,
            sample_fee_usd=self.sample_fee_usd,
            lead_time_weeks_min=self.lead_time_weeks_min,
            lead_time_weeks_max=self.lead_time_weeks_max,
            incoterm=rules.Incoterm(self.incoterm),
            deposit_percent=self.deposit_percent,
            designs=designs,
            freight_per_piece_usd=self.freight_per_piece_usd,
            duty_percent=self.duty_percent,
            by_sea=self.ships_by_sea,
            valid_until=self.valid_until,
            gold_grams=self.gold_grams,
            gold_price_usd_per_oz=self.gold_price_usd_per_oz,
            plating_microns=self.plating_microns,
        )
