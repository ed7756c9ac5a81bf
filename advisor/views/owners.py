"""The owner's pages: their reports with the owner's link (`/reports/`), the link itself, which
makes another browser an owner once confirmed, replacing it, removing a browser, e-mailing it.

The owner's link is a key like a report's: shown only to the owner's browsers, on `/reports/`
and the owner's report page (never on what is kept for colleagues, nor in a PDF); its pages are
never indexed, kept or sent on as a referrer; guesses are rate-limited and answered 404.
"""

import logging
import smtplib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import caching, ownership, presenters
from ..forms import OwnerLinkEmailForm
from ..limits import limited, over_limit, too_many_requests
from ..services import owners, reports
from .common import capability_url, see_other, unreferred_capability_url

logger = logging.getLogger(__name__)


def owner_link_context(owner: owners.Ownership | None, *, with_browsers: bool = False) -> dict:
    """What the owner's pages show of the owner's link (and, on `/reports/`, its browsers)."""
    if owner is None:
        return {}
    url = settings.SITE_URL + owner.owner.get_link_url()
    title = _("QR code of your owner's link")
    context: dict[str, Any] = {
        "owner_link": url,
        # About 16 ms to draw, on each of the owner's pages: kept.
        "owner_link_qr": caching.owner_link_qr(
            url, lambda: presenters.qr_svg(url, title=title, css_class="qr-code owner-link-qr")
        ),
    }
    if with_browsers:
        context |= {"owner_browsers": owner.browsers, "this_browser": owner.this_browser}
    return context


def _my_reports_url(anchor: str = "") -> str:
    return reverse("advisor:my_reports") + anchor


@capability_url  # it shows the owner's link
@never_cache
@require_safe
def my_reports(request: HttpRequest) -> HttpResponse:
    return _my_reports_page(request)


def _my_reports_page(
    request: HttpRequest, *, email_form: OwnerLinkEmailForm | None = None
) -> HttpResponse:
    """The reports of this browser's owner, with the owner's link and its browsers (three
    queries: the session, the owner's browsers, their reports)."""
    browser_key = ownership.browser_key(request)
    owner = ownership.owner_of(request)
    keys = owner.browser_keys if owner else [browser_key]
    found = reports.reports_of(browser_keys=keys) if browser_key else []
    if found and owner is None:  # reports made before owners existed: its owner, once
        owner = ownership.owner_of(request, owns_reports=True)
    suppliers = reports.rerun_suppliers(found)
    now = timezone.now()
    rows = [
        {
            "report": report,
            "status": report.status(now),
            "live": report.is_live(now),
            "supplier": suppliers.get(report.pk, ""),
        }
        for report in found
    ]
    context = {"rows": rows, **owner_link_context(owner, with_browsers=True)}
    if owner is not None and settings.EMAIL_ENABLED:
        context["email_form"] = email_form or OwnerLinkEmailForm()
    return render(request, "advisor/my_reports.html", context)


@unreferred_capability_url
@limited("owner_link")
@require_http_methods(["GET", "POST"])
def owner_link(request: HttpRequest, link_token: str) -> HttpResponse:
    owner = owners.owner_by_link(link_token)
    if owner is None:  # unknown, or replaced: a plain 404, as for a report's token
        raise Http404
    mine = ownership.owner_of(request)
    if mine is not None and mine.owner.pk == owner.pk:
        if request.method == "POST":  # a second press of the button
            return see_other(_my_reports_url())
        return render(request, "advisor/owner_link.html", {"already": True})
    key = ownership.browser_key(request)
    own_count = owners.reports_made_by(browser_key=key) if key else 0
    # A browser that brings reports of its own says so first: a link someone else sent would
    # otherwise hand them its reports at one press.
    agreed = not own_count or request.POST.get("agree") == "1"
    if request.method == "POST" and agreed:
        key = ownership.ensure_browser_key(request)
        if not owners.join(owner=owner, browser_key=key, label=ownership.browser_label(request)):
            raise Http404  # replaced by another link meanwhile
        messages.success(request, _("This browser now owns these reports too."))
        return see_other(_my_reports_url())
    context = {
        "count": owners.reports_count(owner=owner),
        "names": owners.report_names(owner=owner),
        "own_count": own_count,
        "must_agree": request.method == "POST",
    }
    response = render(request, "advisor/owner_link.html", context)
    # Not no-referrer here: under it browsers send this page's form with "Origin: null", which
    # Django's CSRF check rightly refuses. strict-origin sends the site's address alone, never
    # this path with its token, to us as to anyone.
    response["Referrer-Policy"] = "strict-origin"
    return response


def _ownership_or_404(request: HttpRequest) -> owners.Ownership:
    owner = ownership.owner_of(request)
    if owner is None:
        raise Http404
    return owner


@require_POST
def owner_link_replace(request: HttpRequest) -> HttpResponse:
    owners.replace_link(owner=_ownership_or_404(request).owner)
    messages.success(
        request,
        _(
            "Your owner's link is new: the old one opens nothing now. Browsers that already share your reports keep them."
        ),
    )
    return see_other(_my_reports_url("#owner-link"))


@require_POST
def owner_browser_remove(request: HttpRequest, browser_id: int) -> HttpResponse:
    removed = owners.remove_browser(ownership=_ownership_or_404(request), browser_id=browser_id)
    if removed is None:
        raise Http404
    messages.success(
        request,
        _(
            "%(browser)s no longer owns your reports. If it may still have your owner's link, replace the link too."
        )
        % {"browser": removed},
    )
    return see_other(_my_reports_url("#owner-browsers"))


@limited("owner_email")
@require_POST
def owner_link_email(request: HttpRequest) -> HttpResponse:
    """Sends the owner's link to the address typed, which is used for this e-mail alone: it is
    never saved, logged, put in the session or in a message."""
    owner = _ownership_or_404(request)
    if not settings.EMAIL_ENABLED:
        raise Http404
    form = OwnerLinkEmailForm(request.POST)
    if not form.is_valid():
        return _my_reports_page(request, email_form=form)
    address = form.cleaned_data["address"]
    retry_after = over_limit("owner_email_browser", str(owner.this_browser.pk)) or over_limit(
        "owner_email_address", owners.address_digest(address)
    )
    if retry_after:
        return too_many_requests(retry_after=retry_after)
    try:
        owners.email_link(owner=owner.owner, address=address)
    except (smtplib.SMTPException, OSError) as error:
        # The kind of failure only: a server's message may quote the address.
        logger.warning("The owner's link could not be e-mailed (%s).", type(error).__name__)
        messages.error(request, _("The e-mail could not be sent just now. Try again later."))
    else:
        messages.success(
            request,
            _("Your owner's link is on its way. The address was used for this e-mail only."),
        )
    return see_other(_my_reports_url("#owner-link"))
