"""The site's own pages: the landing page, robots.txt, the favicon, the health check and the
browsers' policy-violation reports."""

import json
import logging
import re

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from ..limits import limited
from ..services import thresholds

logger = logging.getLogger(__name__)


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    # The factors' sections are kept by the template under the digest of the very rows they
    # are drawn from; their texts (`factors`, called by the template) only when they are drawn.
    rows = thresholds.factor_rows()
    context = {
        "factors": rows.texts,
        "factors_version": rows.digest(),
        "release": settings.RELEASE,
    }
    return render(request, "advisor/landing.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /r/",
        "Disallow: /q/",
        "Disallow: /o/",
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


# A report link's token is a capability, as is an owner's link's: never written to the logs;
# nor is a line break a client sent, which would forge a log line.
_TOKENS = re.compile(r"/(r|o|q|wizard)/[^/?#]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CSP_REPORT_MAX_BYTES = 16_384


@csrf_exempt  # browsers send reports without a form token, from any page of ours
@limited("csp_report")
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Logs what a browser reports of a Content-Security-Policy violation (`report-uri`), so
    a page the policy breaks is seen in production. Answers 204 whatever it was sent."""
    if len(request.body) <= _CSP_REPORT_MAX_BYTES:
        try:
            report = json.loads(request.body).get("csp-report", {})
        except (ValueError, AttributeError):
            report = {}
        if isinstance(report, dict) and report:
            logger.warning(
                "CSP violation: %s blocked %s on %s",
                *(_loggable(report.get(key)) for key in _LOGGED_FIELDS),
            )
    return HttpResponse(status=204)


_LOGGED_FIELDS = ("violated-directive", "blocked-uri", "document-uri")


def _loggable(value: object) -> str:
    return _CONTROL.sub(" ", _TOKENS.sub(r"/\1/…", str(value or "?")))[:200]


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico whatever the page links to. A temporary redirect: the
    # hashed file it names changes with a release, and a permanent one would be kept.
    return redirect(static("advisor/favicon.svg"))
