from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import Factor


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


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)
