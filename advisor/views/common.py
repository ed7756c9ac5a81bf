"""What the pages share: redirects after a POST, the headers of capability URLs, and finding
the report behind a link (the report's own, or its link for factories)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages.storage.cookie import CookieStorage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .. import ownership
from ..services import reports

View = Callable[..., HttpResponse]


def see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def may_have_messages(request: HttpRequest) -> bool:
    # Messages wait in their cookie (the default FallbackStorage keeps them in the session only
    # when the cookie overflows, and says so in the cookie): no cookie, no message to show.
    return CookieStorage.cookie_name in request.COOKIES


def capability_url(view: View) -> View:
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


def unreferred_capability_url(view: View) -> View:
    """`capability_url`'s headers, and no Referer at all, not even to this site, for a key held
    by someone outside (the link for factories) or one that grants ownership (the owner's
    link). The rest of the site sends its own address to itself for its forms
    (SECURE_REFERRER_POLICY); a page with a form here sets its own policy (the owner's link's
    confirmation: see `views.owners.owner_link`)."""
    view = capability_url(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return wrapped


def not_the_owner(request: HttpRequest, message: str) -> HttpResponse:
    """403, in the site's look, saying what only the report's owner can do."""
    return render(request, "403.html", {"message": message}, status=403)


def gone(
    request: HttpRequest, *, as_json: bool = False, for_factories: bool = False
) -> HttpResponse:
    if as_json:
        return JsonResponse({"error": "gone"}, status=410)
    context = {"for_factories": for_factories}
    return render(request, "advisor/link_gone.html", context, status=410)


def _with_report(*, owner_reads_dead_links: bool, asks_owner: bool) -> Callable[[View], View]:
    """Passes the view the report behind `token`: 404 if unknown, 410 if revoked or expired
    (except, where the view allows it, for the report's owner). Read on every request. For a
    view that always asks whether this browser owns it (`asks_owner`), the same query says."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
            key = ownership.browser_key(request) if asks_owner else None
            report = reports.report_by_token(token, browser_key=key)
            if report is None:
                raise Http404
            if not report.is_live(timezone.now()) and not (
                owner_reads_dead_links and ownership.is_owner(request, report)
            ):
                return gone(request)
            return view(request, report, *args, **kwargs)

        return wrapped

    return decorator


# Only the expiry's POST, which is the owner's alone, takes a live report.
with_live_report = _with_report(owner_reads_dead_links=False, asks_owner=True)
with_readable_report = _with_report(owner_reads_dead_links=True, asks_owner=False)
# The report's page asks for every visitor whether it is the owner's.
with_readable_report_asking_owner = _with_report(owner_reads_dead_links=True, asks_owner=True)


def with_rfq_report(view: View) -> View:
    """Passes the view the report behind the link for factories `rfq_token`: 404 if unknown;
    410 once the report's own link is revoked or expired, for everyone but the report's owner
    (a buyer who ends the link wants everything it opened gone). Read on every request."""

    @wraps(view)
    def wrapped(request: HttpRequest, rfq_token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        report = reports.report_by_rfq_token(rfq_token)
        if report is None:
            raise Http404
        if not report.is_live(timezone.now()) and not ownership.is_owner(request, report):
            return gone(request, for_factories=True)
        return view(request, report, *args, **kwargs)

    return wrapped


def owner_only(view: View) -> View:
    """The owner's pages of a report: for every other browser they do not exist (404)."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        report = reports.report_by_token(token, browser_key=ownership.browser_key(request))
        if report is None or not ownership.is_owner(request, report):
            raise Http404
        return view(request, report, *args, **kwargs)

    return wrapped
