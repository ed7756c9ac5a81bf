from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import presenters
from .models import Factor, Report


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/landing.html", {"factors": Factor.objects.all()})


@require_GET
def wizard_start(request: HttpRequest) -> HttpResponse:
    # The wizard is built by its own issue; until then the Start link lands here.
    return render(request, "advisor/wizard_placeholder.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def report_page(request: HttpRequest, token: str) -> HttpResponse:
    report = get_object_or_404(Report, token=token)
    return render(request, "advisor/report.html", presenters.report_context(report.data))


@require_GET
def report_json(request: HttpRequest, token: str) -> HttpResponse:
    report = Report.objects.filter(token=token).only("snapshot").first()
    if report is None:
        return JsonResponse({"error": "not_found"}, status=404)
    # The stored snapshot is served byte for byte: a saved report never changes.
    return HttpResponse(report.snapshot, content_type="application/json; charset=utf-8")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)
