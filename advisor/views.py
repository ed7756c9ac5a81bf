import hashlib
import json
import secrets
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache, wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import presenters, rfq, services, steps
from .errors import OUTAGE, RETRY_AFTER_SECONDS
from .forms import ExpiryForm, QuoteForm
from .limits import limited
from .models import Report, Submission
from .pdf import render_pdf

BROWSER_KEY = "advisor_browser"


def _browser_key(request: HttpRequest) -> str:
    """The random key that makes this browser the owner of its wizards and reports."""
    if not request.session.get(BROWSER_KEY):
        request.session[BROWSER_KEY] = secrets.token_urlsafe(24)
    return request.session[BROWSER_KEY]


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _step_url(submission: Submission, slug: str) -> str:
    return _step_path(submission.public_id, slug)


def _step_path(public_id: str, slug: str) -> str:
    if slug == steps.REVIEW:
        return reverse("advisor:review", kwargs={"public_id": public_id})
    return reverse("advisor:step", kwargs={"public_id": public_id, "slug": slug})


def _owned_with_answers(request: HttpRequest, public_id: str) -> tuple[Submission, dict]:
    """This browser's wizard and its saved answers by step, or 404: another browser's wizard
    does not exist for it."""
    browser_key = request.session.get(BROWSER_KEY)
    found = browser_key and services.owned_submission_and_answers(
        public_id=public_id, browser_key=browser_key
    )
    if not found:
        raise Http404
    return found


# Stands for the form token in HTML drawn once and kept (the landing page, a wizard step, the
# owner's report page); each response gets its own token (`_with_form_token`). An HTML
# comment, which nothing a buyer typed can hold once escaped; a constant, since some of that
# HTML is kept in a cache shared by every process and server.
_FORM_TOKEN_MARK = mark_safe("<!--form-token-->")


def _with_form_token(request: HttpRequest, html: str) -> HttpResponse:
    return HttpResponse(html.replace(_FORM_TOKEN_MARK, get_token(request)))


def _may_have_messages(request: HttpRequest) -> bool:
    # Messages wait in their cookie (the default FallbackStorage keeps them in the session only
    # when the cookie overflows, and says so in the cookie): no cookie, no message to show.
    return CookieStorage.cookie_name in request.COOKIES


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    if _may_have_messages(request):
        factors = services.factors_with_figures()
        return render(request, "advisor/landing.html", {"factors": factors})
    rows = services.landing_rows()
    html = services.landing_page(
        language=get_language(),
        digest=rows.digest(),
        build=lambda: _draw_landing(request, rows.sources()),
    )
    return _with_form_token(request, html)


def _draw_landing(request: HttpRequest, sources: services.LandingSources) -> str:
    context = {
        "factors": services.factors_with_figures(sources),
        "csrf_token": _FORM_TOKEN_MARK,
        "messages": (),
    }
    return render_to_string("advisor/landing.html", context, request=request)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def wizard_start(request: HttpRequest) -> HttpResponse:
    """A GET resumes this browser's open wizard, or shows the start button, and writes nothing:
    crawlers and link previews follow links. The button's POST makes the buyer session."""
    if request.method == "POST":
        submission = services.open_submission(browser_key=_browser_key(request))
    else:
        browser_key = request.session.get(BROWSER_KEY)
        submission = browser_key and services.find_open_submission(browser_key=browser_key)
        if not submission:
            return render(request, "advisor/wizard/start.html")
    stored = services.stored_answers(submission)
    url = _step_url(submission, services.first_invalid_step(stored) or steps.REVIEW)
    return _see_other(url) if request.method == "POST" else redirect(url)


def _keeps_what_was_typed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A step posted while the database is down answers 503 and shows the form as it was typed,
    saying it was not saved; anything else the outage hits goes to DatabaseOutageMiddleware."""

    @wraps(view)
    def wrapped(request: HttpRequest, public_id: str, slug: str) -> HttpResponse:
        try:
            return view(request, public_id, slug)
        except OUTAGE:
            step = steps.BY_SLUG.get(slug)
            if request.method != "POST" or step is None:
                raise
        form = step.form_class(data=request.POST)
        form.is_valid()  # its own errors still show beside the fields
        return_to = steps.REVIEW if _asked_to_return(request) else None
        context = {
            **_step_context(public_id, step, form, return_to),
            "not_saved": True,
            # Rendered without the request (its context processors read the session, in the
            # database), so the form's token is passed by hand.
            "csrf_token": get_token(request),
        }
        response = HttpResponse(render_to_string("advisor/wizard/step.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    return wrapped


@never_cache
@require_http_methods(["GET", "POST"])
@_keeps_what_was_typed
def wizard_step(request: HttpRequest, public_id: str, slug: str) -> HttpResponse:
    step = steps.BY_SLUG.get(slug)
    submission, stored = _owned_with_answers(request, public_id)
    if step is None:
        raise Http404
    if not submission.is_open:
        return redirect(submission.report or reverse("advisor:wizard"))
    missing = steps.first_missing(stored)
    if missing and steps.number(missing) < steps.number(slug):
        return redirect(_step_url(submission, missing))
    return_to = steps.REVIEW if _asked_to_return(request) else None
    saved = stored.get(slug)
    if request.method == "POST":
        form = step.form_class(data=request.POST)
        if form.is_valid():
            services.save_step(submission=submission, step=slug, cleaned_data=form.cleaned_data)
            stored[slug] = form.cleaned_data
            back_to_review = request.POST.get("return") == steps.REVIEW
            next_slug = steps.next_after_saving(slug, stored, back_to_review=back_to_review)
            return _see_other(_step_url(submission, next_slug))
    elif steps.shows_as_saved(step, saved) and not _may_have_messages(request):
        return _kept_step_page(request, submission.public_id, step, saved, return_to)
    else:
        form = steps.form_for_display(step, saved)
    context = _step_context(submission.public_id, step, form, return_to)
    return render(request, "advisor/wizard/step.html", context)


def _asked_to_return(request: HttpRequest) -> bool:
    # The "change" links of the review add ?return=review; the step's form sends it back.
    return (request.GET.get("return") or request.POST.get("return")) == steps.REVIEW


def _step_context(
    public_id: str, step: steps.Step, form: forms.Form, return_to: str | None
) -> dict[str, Any]:
    return {
        "public_id": public_id,
        "step": step,
        "form": form,
        "number": steps.number(step.slug),
        "total": steps.TOTAL,
        "back_url": _back_url(public_id, step.slug),
        "return_to": return_to,
    }


# Stands for the wizard's id in step pages drawn once for every buyer with the same answers:
# it goes into URLs, so it has an id's characters. Per process and unguessable: those pages
# stay in this process's memory, and no project name a buyer types can hold it.
_WIZARD_MARK = secrets.token_urlsafe(24)


def _kept_step_page(
    request: HttpRequest,
    public_id: str,
    step: steps.Step,
    saved: dict | None,
    return_to: str | None,
) -> HttpResponse:
    """A step showing its saved answers (or none) is the same page for every buyer who saved
    the same, but for the wizard's id and the form's token: drawn once per process, and
    most often an empty step, the same for everyone."""
    values = json.dumps(saved, sort_keys=True, cls=DjangoJSONEncoder)
    html = _drawn_step_page(step.slug, get_language(), values, return_to, services.release())
    return _with_form_token(request, html.replace(_WIZARD_MARK, public_id))


# Bounded: a typed project name makes a first step of its own.
@lru_cache(maxsize=256)
def _drawn_step_page(
    slug: str, language: str, values: str, return_to: str | None, code_release: str
) -> str:
    step = steps.BY_SLUG[slug]
    form = step.form_class(initial=json.loads(values))
    context = _step_context(_WIZARD_MARK, step, form, return_to)
    context |= {"csrf_token": _FORM_TOKEN_MARK, "messages": ()}  # drawn without the request
    with translation.override(language):
        return render_to_string("advisor/wizard/step.html", context)


def _back_url(public_id: str, slug: str) -> str:
    previous = steps.before(slug)
    return _step_path(public_id, previous) if previous else reverse("advisor:landing")


@never_cache
@limited("report")
@require_http_methods(["GET", "POST"])
def wizard_review(request: HttpRequest, public_id: str) -> HttpResponse:
    submission, stored = _owned_with_answers(request, public_id)
    if submission.report is not None:  # a second press of the button
        return _see_other(submission.report.get_absolute_url())
    if submission.abandoned_at:
        return redirect("advisor:wizard")
    invalid = services.first_invalid_step(stored)
    if invalid:
        return redirect(_step_url(submission, invalid))
    if request.method == "POST":
        report = services.finish(submission=submission)
        return _see_other(report.get_absolute_url())
    sections = [
        {
            "step": step,
            "change_url": _step_url(submission, step.slug) + "?return=review",
            "rows": presenters.answer_rows(stored[step.slug]),
        }
        for step in steps.STEPS
    ]
    return render(
        request,
        "advisor/wizard/review.html",
        {
            "submission": submission,
            "sections": sections,
            "number": steps.TOTAL,
            "total": steps.TOTAL,
            "back_url": _back_url(submission.public_id, steps.REVIEW),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def wizard_restart(request: HttpRequest, public_id: str) -> HttpResponse:
    submission, _stored = _owned_with_answers(request, public_id)
    if request.method == "POST":
        fresh = services.start_over(submission=submission)
        return _see_other(_step_url(fresh, steps.STEPS[0].slug))
    return render(
        request,
        "advisor/wizard/restart.html",
        {
            "submission": submission,
            "cancel_url": reverse("advisor:wizard"),
        },
    )


def capability_url(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Headers for pages whose URL is the only key: never indexed, never sent on as a referrer."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # No cache keeps a copy, the browser's included: a revoked link must not live on, and
        # on a shared computer the owner's controls must not stay behind. (The Referrer-Policy
        # that keeps the token from other sites is SECURE_REFERRER_POLICY, on every page.)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped


def _with_report(*, owner_reads_dead_links: bool) -> Callable[..., Callable[..., HttpResponse]]:
    """Passes the view the report behind `token`: 404 if unknown, 410 if revoked or expired
    (except, where the view allows it, for the report's owner)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
            report = services.report_by_token(token)
            if report is None:
                raise Http404
            if not report.is_live(timezone.now()) and not (
                owner_reads_dead_links and _is_owner(request, report)
            ):
                return _gone(request)
            return view(request, report, *args, **kwargs)

        return wrapped

    return decorator


with_live_report = _with_report(owner_reads_dead_links=False)
with_readable_report = _with_report(owner_reads_dead_links=True)


def _gone(request: HttpRequest, as_json: bool = False) -> HttpResponse:
    if as_json:
        return JsonResponse({"error": "gone"}, status=410)
    return render(request, "advisor/link_gone.html", status=410)


def _share_link(report: Report) -> dict:
    # From the configured public address, never from the Host header, which the client picks.
    share_url = settings.SITE_URL + report.get_absolute_url()
    qr_svg = services.report_part(
        report=report,
        shelf="qr",
        name=f"qr:{share_url}",
        build=lambda: presenters.qr_svg(share_url),  # about 16 ms: drawn once
    )
    return {"share_url": share_url, "qr_svg": qr_svg}


def _is_owner(request: HttpRequest, report: Report) -> bool:
    # No session cookie, no owner: the session is not even looked at.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return bool(report.owner_key) and request.session.get(BROWSER_KEY) == report.owner_key


def _with_etag(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    """A 304 when the client already holds this body (API clients that ask again)."""
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


def _etag(body: str) -> str:
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


@capability_url
@require_safe
@with_readable_report
def report_page(request: HttpRequest, report: Report) -> HttpResponse:
    owner = _is_owner(request, report)
    if not owner and not _may_have_messages(request):
        etag, html = _colleague_page(report)
        return _with_etag(request, HttpResponse(html), etag)
    ended_at = report.ended_at(timezone.now()) if owner else None
    if owner and ended_at is None and not _may_have_messages(request):
        return _owner_page(request, report)
    context = presenters.report_context(report.data) | _share_link(report)
    if owner:
        context |= _owner_controls(report, ended_at)
    return render(request, "advisor/report.html", context)


def _owner_controls(report: Report, ended_at: datetime | None) -> dict[str, Any]:
    return {
        "report": report,
        "link_ended_at": ended_at,
        "expiry_form": None if ended_at else ExpiryForm(expires_at=report.expires_at),
    }


def _owner_page(request: HttpRequest, report: Report) -> HttpResponse:
    """The owner's page while the link works: the colleague's page with the owner's controls,
    which show the link's expiry and nothing else that can change, so it is drawn once per
    link, language and expiry; each request puts in the owner's own form token."""

    def draw() -> str:
        context = presenters.report_context(report.data) | _share_link(report)
        context |= _owner_controls(report, None) | {"csrf_token": _FORM_TOKEN_MARK}
        return render_to_string("advisor/report.html", context)  # as the colleague's: see there

    expiry = report.expires_at.isoformat() if report.expires_at else "none"
    name = f"{get_language()}:{settings.SITE_URL}:{expiry}"
    html = services.report_part(report=report, shelf="owner", name=name, build=draw)
    return _with_form_token(request, html)


def _colleague_page(report: Report) -> tuple[str, bytes]:
    """The page as everyone but the owner sees it, drawn once per link and language (the
    owner's, with their controls, is kept apart: `_owner_page`)."""

    def draw() -> tuple[str, bytes]:
        # Drawn without the request, like the PDF: nothing of the first visitor's (messages,
        # form tokens) can end up in what every other visitor gets.
        context = presenters.report_context(report.data) | _share_link(report)
        html = render_to_string("advisor/report.html", context)
        return _etag(html), html.encode()  # kept encoded: not encoded again per request

    name = f"colleague:{get_language()}:{settings.SITE_URL}"
    return services.report_part(report=report, shelf="page", name=name, build=draw)


def _rfq(request: HttpRequest, report: Report) -> rfq.Request:
    return services.request_for_quotation(
        report=report, model=request.GET.get("model"), today=timezone.localdate()
    )


@capability_url
@limited("rfq")
@require_safe
@with_readable_report
def report_rfq(request: HttpRequest, report: Report) -> HttpResponse:
    request_for_quote = _rfq(request, report)
    return render(
        request,
        "advisor/rfq.html",
        {
            "data": report.data,
            "rfq": request_for_quote,
            "offered": rfq.models_offered(report.data),
            "text": rfq.as_text(request_for_quote),
        },
    )


@capability_url
@limited("rfq")
@require_safe
@with_readable_report
def report_rfq_text(request: HttpRequest, report: Report) -> HttpResponse:
    text = rfq.as_text(_rfq(request, report))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _owner_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The owner's pages of a report: for every other browser they do not exist (404)."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        report = get_object_or_404(Report, token=token)
        if not _is_owner(request, report):
            raise Http404
        return view(request, report, *args, **kwargs)

    return wrapped


def _quote_keeps_what_was_typed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
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
        form = QuoteForm(data=request.POST)
        form.is_valid()  # its own errors still show beside the fields
        context = {
            "data": {"token": token},
            "title": _("your report"),
            "form": form,
            "not_saved": True,
            "csrf_token": get_token(request),  # rendered without the request: see above
        }
        response = HttpResponse(render_to_string("advisor/quotes.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    return wrapped


@capability_url
@limited("quotes")
@require_http_methods(["GET", "POST"])
@_quote_keeps_what_was_typed
@_owner_only
def report_quotes(request: HttpRequest, report: Report) -> HttpResponse:
    form = QuoteForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        quote = services.add_quote(report=report, cleaned_data=form.cleaned_data)
        messages.success(
            request, _("Quote from %(supplier)s added.") % {"supplier": quote.supplier}
        )
        return _see_other(reverse("advisor:report_quotes", kwargs={"token": report.token}))
    context = presenters.quotes_context(
        report.data, services.assessed_quotes(report, timezone.localdate())
    )
    return render(request, "advisor/quotes.html", context | {"form": form})


@capability_url
@limited("quotes")
@require_POST
@_owner_only
def report_quote_rerun(request: HttpRequest, report: Report, quote_id: int) -> HttpResponse:
    quote = get_object_or_404(report.quotes, pk=quote_id)
    rerun = services.rerun_with_quote(quote=quote)
    return _see_other(rerun.get_absolute_url())


@capability_url
@limited("quotes")
@require_POST
@_owner_only
def report_quote_remove(request: HttpRequest, report: Report, quote_id: int) -> HttpResponse:
    quote = get_object_or_404(report.quotes, pk=quote_id)
    services.remove_quote(quote=quote)
    messages.success(request, _("Quote from %(supplier)s removed.") % {"supplier": quote.supplier})
    return _see_other(reverse("advisor:report_quotes", kwargs={"token": report.token}))


@capability_url
@require_safe
def report_json(request: HttpRequest, token: str) -> HttpResponse:
    report = services.report_by_token(token)
    if report is None:
        return JsonResponse({"error": "not_found"}, status=404)
    live = report.is_live(timezone.now())
    if not live and not _is_owner(request, report):
        return _gone(request, as_json=True)
    # The stored snapshot is served unchanged, with the owner's supplier quotes as they stand:
    # a saved report never changes. Its owner, the only one who still reads a dead link,
    # learns its state from a header.
    etag, body = _report_json(report)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    if not live:  # always in full: a 304 would not carry the link's state
        response["X-Link-Status"] = "revoked" if report.revoked_at else "expired"
        return response
    return _with_etag(request, response, etag)


def _report_json(report: Report) -> tuple[str, bytes]:
    """The JSON, drawn once per day (the quotes' delivery dates count from today) and per
    state of the quotes, which the report's row tells (see `services.report_by_token`)."""
    today = timezone.localdate()

    state = (report.quotes_count, report.quotes_last, report.quotes_rerun)

    def draw() -> tuple[str, bytes] | services.Unkept:
        body, drawn_state = services.report_json_and_state(report, today)
        value = _etag(body), body.encode()
        # The quotes changed between the link's row and this drawing: serve it, keep nothing
        # under a name that no longer says what it holds.
        return value if drawn_state == state else services.Unkept(value)

    name = "{}:{}:{}:{}".format(today, *state)
    return services.report_part(report=report, shelf="json", name=name, build=draw)


@capability_url
@limited("pdf")
@require_safe
@with_readable_report
def report_pdf(request: HttpRequest, report: Report) -> HttpResponse:
    ended_at = report.ended_at(timezone.now())
    if ended_at is not None:  # only its owner gets here: drawn for them, marked, never kept
        marked = {"report": report, "link_ended_at": ended_at}
        pdf = _draw_pdf(report, _share_link(report) | marked)
        return _pdf_response(presenters.pdf_filename(report.data), pdf)
    # A report never changes, so its PDF (about a second of CPU) is drawn once per link and
    # language, in the cache every server shares; whether the link still works is checked
    # above on every request. Nothing the client sends (Host, port) is part of the key; the
    # configured address is (it is printed in the PDF).
    filename, pdf = services.report_part(
        report=report,
        shelf="pdf",
        name=f"pdf:{get_language()}:{settings.SITE_URL}",
        build=lambda: (
            presenters.pdf_filename(report.data),
            _draw_pdf(report, _share_link(report)),
        ),
    )
    return _pdf_response(filename, pdf)


def _draw_pdf(report: Report, extra: dict) -> bytes:
    # Drawn without the request: the same bytes for whoever asks first (no messages, no
    # form tokens of theirs).
    context = presenters.report_context(report.data) | extra | {"for_pdf": True}
    html = render_to_string("advisor/report.html", context)
    return render_pdf(html, settings.SITE_URL + "/")


def _pdf_response(filename: str, pdf: bytes) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@capability_url
@limited("revoke")
@require_http_methods(["GET", "POST"])
def report_revoke(request: HttpRequest, token: str) -> HttpResponse:
    report = get_object_or_404(Report, token=token)
    if not _is_owner(request, report):
        return HttpResponseForbidden(
            _("Only the browser that made this report can revoke its link.")
        )
    if request.method == "GET":  # revoking cannot be undone: ask first
        title = presenters.report_title(report.data)
        return render(request, "advisor/revoke.html", {"report": report, "title": title})
    services.revoke_link(report=report)
    messages.success(
        request,
        _("The link is revoked. Nobody else can open this report; you still can, from here."),
    )
    return _see_other(report.get_absolute_url())


@capability_url
@require_POST
def report_share_again(request: HttpRequest, token: str) -> HttpResponse:
    report = get_object_or_404(Report, token=token)
    if not _is_owner(request, report):
        return HttpResponseForbidden(_("Only the browser that made this report can share it."))
    if report.is_live(timezone.now()):
        return _see_other(report.get_absolute_url() + "#share")
    fresh = services.share_again(report=report)
    messages.success(
        request,
        _(
            "A new link is ready; it works until you revoke it or set it to expire. The old one stays dead."
        ),
    )
    return _see_other(fresh.get_absolute_url() + "#share")


@capability_url
@require_POST
@with_live_report
def report_expiry(request: HttpRequest, report: Report) -> HttpResponse:
    if not _is_owner(request, report):
        return HttpResponseForbidden(
            _("Only the browser that made this report can change its link.")
        )
    form = ExpiryForm(request.POST, expires_at=report.expires_at)
    if form.is_valid():
        if form.cleaned_data["days"] != ExpiryForm.KEEP:
            services.set_link_expiry(report=report, days=form.cleaned_data["days"])
        messages.success(request, _("Link expiry saved."))
    else:
        messages.error(request, _("Choose one of the expiry options."))
    return _see_other(report.get_absolute_url() + "#share")


@capability_url
@limited("fork")
@require_http_methods(["GET", "POST"])
@with_readable_report
def report_fork(request: HttpRequest, report: Report) -> HttpResponse:
    # A page of its own, so that the shared report itself holds no per-visitor form token.
    if request.method == "POST":
        submission = services.fork_report(report=report, browser_key=_browser_key(request))
        return _see_other(_step_url(submission, steps.REVIEW))
    browser_key = request.session.get(BROWSER_KEY)
    context = {
        "title": presenters.report_title(report.data),
        "report_url": report.get_absolute_url(),
        "open_wizard": bool(browser_key)
        and services.answered_open_submission(browser_key=browser_key) is not None,
    }
    return render(request, "advisor/fork.html", context)


@never_cache
@require_safe
def my_reports(request: HttpRequest) -> HttpResponse:
    browser_key = request.session.get(BROWSER_KEY)
    reports = services.reports_of(browser_key=browser_key) if browser_key else []
    now = timezone.now()
    rows = [
        {"report": report, "status": report.status(now), "live": report.is_live(now)}
        for report in reports
    ]
    return render(request, "advisor/my_reports.html", {"rows": rows})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /r/",
        "Disallow: /wizard/",
        "Disallow: /reports/",
        "Disallow: /admin/",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico whatever the page links to.
    return redirect(static("advisor/favicon.svg"), permanent=True)
