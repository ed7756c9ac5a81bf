"""Owners: the browsers that share reports, the owner's link that adds one, replacing that
link, removing a browser, and e-mailing the link to its owner.

A report carries the key of the browser that made it; browsers with the same `Owner` own each
other's reports. Whether a browser owns a report another browser made is a join over
`OwnerBrowser`: a query of its own (`shares_owner`), or part of the report's (`sharing_with`).
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Owner, OwnerBrowser, Report, new_report_token


@dataclass(frozen=True)
class Ownership:
    """A browser's owner and all of its browsers (this one included), first seen first."""

    owner: Owner
    this_browser: OwnerBrowser
    browsers: list[OwnerBrowser]

    @property
    def browser_keys(self) -> list[str]:
        return [browser.browser_key for browser in self.browsers]


def ownership_of(*, browser_key: str) -> Ownership | None:
    """This browser's owner with its browsers, or None when it has none (one query)."""
    browsers = list(
        OwnerBrowser.objects.filter(owner__browsers__browser_key=browser_key).select_related(
            "owner"
        )
    )
    this = next((browser for browser in browsers if browser.browser_key == browser_key), None)
    if this is None:
        return None
    return Ownership(owner=this.owner, this_browser=this, browsers=browsers)


def ensure_browser(*, browser_key: str, label: str = "") -> OwnerBrowser:
    """This browser's row, made now with an owner of its own when it has none (one query when
    it has one)."""
    found = OwnerBrowser.objects.filter(browser_key=browser_key).first()
    if found is not None:
        return found
    with transaction.atomic():
        owner = Owner.objects.create()
        browser, made = OwnerBrowser.objects.get_or_create(
            browser_key=browser_key, defaults={"owner": owner, "label": label}
        )
        if not made:  # another request of this browser made it meanwhile
            owner.delete()
    return browser


def shares_owner(*, browser_key: str, other_key: str) -> bool:
    """Whether the two browsers have the same owner (one query)."""
    return OwnerBrowser.objects.filter(
        browser_key=other_key, owner__browsers__browser_key=browser_key
    ).exists()


def sharing_with(browser_key: str) -> Exists:
    """For a query of reports: whether the browser that made each report has the same owner as
    this browser (`Report.objects.annotate(shares_owner=sharing_with(key))`), in that query."""
    return Exists(
        OwnerBrowser.objects.filter(
            browser_key=OuterRef("owner_key"), owner__browsers__browser_key=browser_key
        )
    )


def owner_by_link(link_token: str) -> Owner | None:
    """The owner behind an owner's link, or None (one query)."""
    return Owner.objects.filter(link_token=link_token).first()


def _current_reports(owner_keys: object) -> QuerySet[Report]:
    """The reports these browsers made, under their current links."""
    return Report.objects.filter(owner_key__in=owner_keys, replaced_by=None)


def _browser_keys(owner: Owner) -> QuerySet[OwnerBrowser]:
    """The keys of the owner's browsers, as a subquery."""
    return OwnerBrowser.objects.filter(owner=owner).values("browser_key")


def reports_count(*, owner: Owner) -> int:
    """How many reports the owner has, under their current links (one query)."""
    return _current_reports(_browser_keys(owner)).count()


def reports_made_by(*, browser_key: str) -> int:
    """How many reports this browser made, which go with it if it joins an owner (one query)."""
    return _current_reports([browser_key]).count()


@transaction.atomic
def join(*, owner: Owner, browser_key: str, label: str) -> bool:
    """Makes the browser one of the owner's; False if the owner is gone meanwhile.

    A browser that had an owner of its own leaves it, with the reports it made; that owner's
    other browsers stay where they are. (Taking them along would hand all of someone's
    devices to whoever sent them a link; the confirmation page says what this browser brings.)
    """
    if Owner.objects.select_for_update().filter(pk=owner.pk).first() is None:
        return False
    found = OwnerBrowser.objects.select_for_update().filter(browser_key=browser_key).first()
    if found is None:
        OwnerBrowser.objects.create(browser_key=browser_key, owner=owner, label=label)
    elif found.owner_id != owner.pk:
        left = found.owner_id
        OwnerBrowser.objects.filter(pk=found.pk).update(owner=owner)
        if not OwnerBrowser.objects.filter(owner_id=left).exists():
            Owner.objects.filter(pk=left).delete()
    return True


def report_names(*, owner: Owner, limit: int = 10) -> list[str]:
    """The names of the owner's latest reports, for whoever is asked to join it (one query)."""
    names = (
        _current_reports(_browser_keys(owner))
        .order_by("-created_at")
        .values_list("project_name", flat=True)
    )
    return [name or "—" for name in names[:limit]]


def replace_link(*, owner: Owner) -> None:
    """A new owner's link; the old one opens nothing from now. Browsers that joined stay."""
    owner.link_token = new_report_token()
    owner.save(update_fields=["link_token"])


@transaction.atomic
def remove_browser(*, ownership: Ownership, browser_id: int) -> OwnerBrowser | None:
    """Makes another of the owner's browsers a stranger again, or None if there is no such
    browser (one cannot remove oneself). The reports it made pass to this browser, so the
    owner keeps them and it owns none of them, nor any made from now on by the others."""
    this = ownership.this_browser
    mine = OwnerBrowser.objects.select_for_update().filter(pk=this.pk, owner=ownership.owner)
    if mine.first() is None:  # removed meanwhile, by another of the owner's browsers
        return None
    removed = (
        OwnerBrowser.objects.select_for_update()
        .filter(owner=ownership.owner, pk=browser_id)
        .exclude(pk=this.pk)
        .first()
    )
    if removed is None:
        return None
    Report.objects.filter(owner_key=removed.browser_key).update(owner_key=this.browser_key)
    removed.delete()
    return removed


def seen(*, browser_key: str, today: date, label: str) -> None:
    """Notes on the browser's row, if it has one, the day it was seen and what it now says it
    is (one query: callers do it on a browser's first request of a day)."""
    changes: dict[str, object] = {"last_seen": today}
    if label:
        changes["label"] = label
    OwnerBrowser.objects.filter(browser_key=browser_key).update(**changes)


def address_digest(address: str) -> str:
    """What stands for an e-mail address where one must be counted (its rate limit): keyed by
    the site's secret, so the address cannot be guessed back from it."""
    normal = _one_inbox(address.strip().casefold())
    key = f"advisor.owner-link-email:{settings.SECRET_KEY}".encode()
    return hmac.new(key, normal.encode(), hashlib.sha256).hexdigest()


def _one_inbox(address: str) -> str:
    """The address as its inbox: "ana+1@x" and "ana+2@x" reach one inbox, and Gmail ignores
    dots, so each counts as "ana@x" against the per-address limit."""
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def email_link(*, owner: Owner, address: str) -> None:
    """Sends the owner's link to `address`, as plain text and HTML, and forgets the address:
    it is written nowhere. Raises what the mail server raises."""
    context = {
        "link": settings.SITE_URL + owner.get_link_url(),
        "reports_url": settings.SITE_URL + reverse("advisor:my_reports"),
        "count": reports_count(owner=owner),
    }
    message = EmailMultiAlternatives(
        subject=_("Your reports on the OEM / ODM sourcing advisor: your owner's link"),
        body=render_to_string("advisor/email/owner_link.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
    )
    message.attach_alternative(
        render_to_string("advisor/email/owner_link.html", context), "text/html"
    )
    message.send()
