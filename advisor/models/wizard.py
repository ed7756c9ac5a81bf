"""A buyer's walk through the wizard, owned by the browser that started it, step by step."""

import secrets

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import Report


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
