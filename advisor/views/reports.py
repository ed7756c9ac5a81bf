"""A report behind its link: the page, its JSON and PDF (its request for quotation is in
`rfq`; the list of the owner's reports in `owners`).

A colleague's page, the link's QR code and the PDF are kept (`advisor.caching`); the owner's
page is drawn for each request, with its live controls and the owner's link, from the report's
sections kept by the template. Whether the link works is read on every request
(`with_readable_report`). The owner's link is added to the owner's page alone, never to what
is kept or to the PDF.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import condition, require_safe

from .. import caching, ownership, presenters, snapshots
from ..forms import ExpiryForm
from ..limits import limited
from ..models import Report
from ..services import quotes, reports
from .common import (
    capability_url,
    gone,
    may_have_messages,
    with_readable_report,
    with_readable_report_asking_owner,
)
from .owners import owner_link_context


def _links(report: Report) -> dict[str, Any]:
    # From the configured public address, never from the Host header, which the client picks.
    share_url = settings.SITE_URL + report.get_absolute_url()
    # About 16 ms to draw: kept.
    qr_svg = caching.report_part(report.token, "qr", lambda: presenters.qr_svg(share_url))
    # The link for factories (the template adds each model's `?model=`).
    factory_url = settings.SITE_URL + report.get_rfq_url()
    return {"share_url": share_url, "qr_svg": qr_svg, "factory_url": factory_url}


def _page_context(report: Report, *, owner: bool) -> dict[str, Any]:
    """What the report's page shows its owner, or everyone else; `release` (and the context's
    `sections_for`) key the sections the template keeps."""
    context = presenters.report_context(report.data, owner=owner) | _links(report)
    return context | {"release": settings.RELEASE}


@capability_url
@require_safe
@with_readable_report_asking_owner
def report_page(request: HttpRequest, report: Report) -> HttpResponse:
    if not ownership.is_owner(request, report):
        if may_have_messages(request):
            return render(request, "advisor/report.html", _page_context(report, owner=False))
        return _colleague_page(request, report)
    ended_at = report.ended_at(timezone.now())
    owner_controls = {
        "report": report,
        "link_ended_at": ended_at,
        "expiry_form": None if ended_at else ExpiryForm(expires_at=report.expires_at),
        **owner_link_context(ownership.owner_of(request, owns_reports=True)),
    }
    return render(
        request, "advisor/report.html", _page_context(report, owner=True) | owner_controls
    )


def _colleague_etag(request: HttpRequest, report: Report) -> str:
    # What the kept page's key names: the same page has the same tag.
    key = caching.part_key(report.token, "page")
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


@condition(etag_func=_colleague_etag)
def _colleague_page(request: HttpRequest, report: Report) -> HttpResponse:
    """The page as everyone but the owner sees it: drawn once per link, language, address and
    release, without the request, so nothing of the first visitor's (messages, form tokens)
    reaches the others."""

    def draw() -> bytes:
        context = _page_context(report, owner=False)
        return render_to_string("advisor/report.html", context).encode()

    return HttpResponse(caching.report_part(report.token, "page", draw))


@capability_url
@require_safe
def report_json(request: HttpRequest, token: str) -> HttpResponse:
    report = reports.report_by_token(token, browser_key=ownership.browser_key(request))
    if report is None:
        return JsonResponse({"error": "not_found"}, status=404)
    live = report.is_live(timezone.now())
    owner = ownership.is_owner(request, report)
    if not live and not owner:
        return gone(request, as_json=True)
    if not owner:
        return _colleague_json(request, report)
    # The owner's: the snapshot with their supplier quotes as they stand today. Its owner, the
    # only one who still reads a dead link, learns its state from a header.
    body = quotes.owner_json(report, timezone.localdate())
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    if not live:
        response["X-Link-Status"] = "revoked" if report.revoked_at else "expired"
    return response


@condition(etag_func=lambda request, report: f'"{report.token}"')
def _colleague_json(request: HttpRequest, report: Report) -> HttpResponse:
    """The stored snapshot, which never changes (the token is its tag); a re-run's without
    what the owner alone reads (`snapshots.OWNER_ONLY`: the original's token, which leads to
    the owner's quotes, and whose quote it used), kept: drawn once."""
    body = report.snapshot
    if report.based_on_id is not None:
        body = caching.report_part(
            report.token, "json", lambda: snapshots.for_link_holders(report.data)
        )
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@capability_url
@limited("pdf")
@require_safe
@with_readable_report
def report_pdf(request: HttpRequest, report: Report) -> HttpResponse:
    # About a second of CPU: kept, in the cache every server shares. A dead link's (only its
    # owner gets here) is marked with when the link ended, and kept under that. A re-run's
    # owner gets one of their own, which names the supplier (the session is read for it).
    ended_at = report.ended_at(timezone.now())
    if ended_at is not None:
        marked = {"report": report, "link_ended_at": ended_at}
        part = f"pdf-ended-{ended_at.isoformat()}"
        pdf = caching.shared_report_part(
            report.token, part, lambda: _draw_pdf(report, marked, owner=True)
        )
    elif report.based_on_id is not None and ownership.is_owner(request, report):
        pdf = caching.shared_report_part(
            report.token, "pdf-owner", lambda: _draw_pdf(report, {}, owner=True)
        )
    else:
        pdf = caching.shared_report_part(
            report.token, "pdf", lambda: _draw_pdf(report, {}, owner=False)
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = presenters.pdf_filename(report.data)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _draw_pdf(report: Report, extra: dict[str, Any], *, owner: bool) -> bytes:
    # WeasyPrint takes most of a second to import: with the first PDF a process draws, not with
    # the URLs, which every process loads (each gunicorn worker, `manage.py migrate` and check).
    from ..pdf import render_pdf

    # Drawn without the request: the same bytes for whoever asks first.
    context = _page_context(report, owner=owner) | extra | {"for_pdf": True}
    html = render_to_string("advisor/report.html", context)
    return render_pdf(html, settings.SITE_URL + "/")
