"""The owner's supplier quotes on a report: add, compare, re-run the advice with one, remove."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import presenters
from ..errors import OUTAGE, RETRY_AFTER_SECONDS
from ..forms import QuoteForm
from ..limits import limited
from ..models import Report
from ..services import quotes
from .common import capability_url, owner_only, see_other


def _keeps_what_was_typed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A quote posted while the database is down answers 503 and shows the form as it was
    typed, saying it was not saved (ownership cannot be checked then, but the form holds only
    what this very request sent)."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str) -> HttpResponse:
        try:
            return view(request, token)
        except OUTAGE:
            if request.method != "POST":
                raise
        gold = any(name in request.POST for name in QuoteForm.GOLD_FIELDS)
        form = QuoteForm(data=request.POST, gold=gold)
        form.is_valid()  # its own errors still show beside the fields
        context = {
            "data": {"token": token},
            "title": _("your report"),
            "form": form,
            "not_saved": True,
            # Rendered without the request (its context processors read the session, in the
            # database), so the form's token is passed by hand.
            "csrf_token": get_token(request),
        }
        response = HttpResponse(render_to_string("advisor/quotes.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    return wrapped


def _quotes_url(report: Report) -> str:
    return reverse("advisor:report_quotes", kwargs={"token": report.token})


@capability_url
@limited("quotes")
@require_http_methods(["GET", "POST"])
@_keeps_what_was_typed
@owner_only
def report_quotes(request: HttpRequest, report: Report) -> HttpResponse:
    form = QuoteForm(
        data=request.POST if request.method == "POST" else None, gold=quotes.asks_gold(report)
    )
    if request.method == "POST" and form.is_valid():
        quote = quotes.add_quote(report=report, cleaned_data=form.cleaned_data)
        if quote is not None:
            added = _("Quote from %(supplier)s added.") % {"supplier": quote.supplier}
            messages.success(request, added)
            return see_other(_quotes_url(report))
        form.add_error(
            None,
            _("This report holds %(max)s quotes, the most it takes: remove one to add another.")
            % {"max": quotes.MAX_QUOTES},
        )
    assessed = quotes.assessed_quotes(report, timezone.localdate())
    context = presenters.quotes_context(report.data, assessed)
    return render(request, "advisor/quotes.html", context | {"form": form})


@capability_url
@limited("quotes")
@require_POST
@owner_only
def report_quote_rerun(request: HttpRequest, report: Report, quote_id: int) -> HttpResponse:
    quote = get_object_or_404(report.quotes, pk=quote_id)
    rerun = quotes.rerun_with_quote(quote=quote)
    return see_other(rerun.get_absolute_url())


@capability_url
@limited("quotes")
@require_POST
@owner_only
def report_quote_remove(request: HttpRequest, report: Report, quote_id: int) -> HttpResponse:
    quote = get_object_or_404(report.quotes, pk=quote_id)
    quotes.remove_quote(quote=quote)
    messages.success(request, _("Quote from %(supplier)s removed.") % {"supplier": quote.supplier})
    return see_other(_quotes_url(report))
