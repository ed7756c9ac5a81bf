"""Who owns reports: an owner, the browsers that share it, and the owner's link that adds one.

A report carries the key of the browser that made it (`Report.owner_key`); each browser that
owns reports has an `OwnerBrowser` row naming its `Owner`, and browsers with the same owner own
each other's reports, those made before and after they met alike.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import new_report_token


class Owner(models.Model):
    """Reports' owner, whichever of its browsers made them. Its link is a key of its own, as
    random as a report's and never one of them: whoever opens it, and confirms, becomes one of
    its browsers. Replacing the link gives a new token; the old one opens nothing."""

    link_token = models.CharField(
        _("token of the owner's link"),
        max_length=64,
        unique=True,
        default=new_report_token,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("owner")
        verbose_name_plural = _("owners")

    def __str__(self) -> str:
        return str(_("Owner %(id)s") % {"id": self.pk})

    def get_link_url(self) -> str:
        return reverse("advisor:owner_link", kwargs={"link_token": self.link_token})


class OwnerBrowser(models.Model):
    """A browser (its session's key) that owns its owner's reports. Removing the row, after
    its reports have passed to another of the owner's browsers, makes it a stranger again."""

    browser_key = models.CharField(_("browser"), max_length=64, unique=True)
    owner = models.ForeignKey(
        Owner, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="browsers"
    )
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    # A day, not a moment: written on the browser's first request of a day at most.
    last_seen = models.DateField(_("last seen"), default=timezone.localdate)
    # "Chrome on Android", from the User-Agent: enough to tell one's browsers apart.
    label = models.CharField(_("browser and system"), max_length=100, blank=True)

    class Meta:
        ordering = ["first_seen", "pk"]
        verbose_name = _("owner's browser")
        verbose_name_plural = _("owner's browsers")

    def __str__(self) -> str:
        return self.label or str(_("Unknown browser"))
