"""The site's own pages: the landing page, robots.txt, the favicon and the health check."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ..services import thresholds


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    # The factors' sections are kept by the template under the digest of the rows they are
    # drawn from; `factors` is called (two queries) only when they are drawn.
    context = {
        "factors": thresholds.factors_with_figures,
        "factors_version": thresholds.factors_version(),
        "release": settings.RELEASE,
    }
    return render(request, "advisor/landing.html", context)


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
    # Browsers ask for /favicon.ico whatever the page links to. A temporary redirect: the
    # hashed file it names changes with a release, and a permanent one would be kept.
    return redirect(static("advisor/favicon.svg"))
