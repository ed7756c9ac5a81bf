"""The request for quotation, as a printable page and as plain text, through two links.

`/r/<token>/rfq/` is the buyer's draft, for whoever holds the report's link (its owner and
colleagues, who read the whole report anyway): it leads back to the report and offers the link
for factories. `/q/<rfq_token>/` is that link: what a factory opens, the request alone, with
nothing that leads to the report (no link to it, its JSON, PDF or quotes, not its token), whose
budget, retail price and margins are the buyer's. The link for factories works while the
report's link does (`with_rfq_report`).

Neither page is kept: a request is drawn from the snapshot and the requirements staff keep
today, in one query, and the dates it asks for move with the day.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from .. import rfq
from ..limits import limited
from ..models import Report
from ..services import compliance
from .common import (
    capability_url,
    unreferred_capability_url,
    with_readable_report,
    with_rfq_report,
)


def _request(request: HttpRequest, report: Report) -> rfq.Request:
    return compliance.request_for_quotation(
        report=report, model=request.GET.get("model"), today=timezone.localdate()
    )


def factory_link(report: Report, model: str) -> str:
    """The link for factories to the request for `model`, in full: from the configured public
    address, never from the Host header, which the client picks. Empty once the report's link
    is dead (only its owner reads the request then): the link for factories died with it."""
    if not report.is_live(timezone.now()):
        return ""
    return f"{settings.SITE_URL}{report.get_rfq_url()}?model={model}"


def _text(request_for_quote: rfq.Request, report: Report) -> str:
    return rfq.as_text(request_for_quote, factory_link(report, request_for_quote.model))


@capability_url
@limited("rfq")
@require_safe
@with_readable_report
def report_rfq(request: HttpRequest, report: Report) -> HttpResponse:
    request_for_quote = _request(request, report)
    model = request_for_quote.model
    text_url = reverse("advisor:report_rfq_text", kwargs={"token": report.token})
    context = {
        "rfq": request_for_quote,
        "text": _text(request_for_quote, report),
        "offered": rfq.models_offered(report.data),
        "report_url": report.get_absolute_url(),
        "text_url": f"{text_url}?model={model}",
        "factory_url": factory_link(report, model),
    }
    return render(request, "advisor/rfq.html", context)


@capability_url
@limited("rfq")
@require_safe
@with_readable_report
def report_rfq_text(request: HttpRequest, report: Report) -> HttpResponse:
    text = _text(_request(request, report), report)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@unreferred_capability_url
@limited("rfq")
@require_safe
@with_rfq_report
def rfq_page(request: HttpRequest, report: Report) -> HttpResponse:
    request_for_quote = _request(request, report)
    text_url = reverse("advisor:rfq_text", kwargs={"rfq_token": report.rfq_token})
    context = {
        "for_factories": True,
        "rfq": request_for_quote,
        "text": _text(request_for_quote, report),
        "text_url": f"{text_url}?model={request_for_quote.model}",
        # Only the report's owner still opens a dead link: told that factories no longer can.
        "link_ended_at": report.ended_at(timezone.now()),
    }
    return render(request, "advisor/rfq.html", context)


@unreferred_capability_url
@limited("rfq")
@require_safe
@with_rfq_report
def rfq_text(request: HttpRequest, report: Report) -> HttpResponse:
    text = _text(_request(request, report), report)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
