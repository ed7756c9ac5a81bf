"""Error pages that render with the database down, and the 503 answer to a database outage."""

import sys
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

# What a lost or refused database connection raises (psycopg and sqlite alike): the site is
# fine and will recover by itself once the database answers (CONN_HEALTH_CHECKS).
OUTAGE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def outage_response() -> HttpResponse:
    # Rendered without the request: no context processor, no session, nothing that queries.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseOutageMiddleware:
    """A view that loses the database answers 503 with Retry-After, not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return outage_response() if isinstance(exception, OUTAGE) else None


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): 429 with the page in
    the site's look and Retry-After, the whole cool-off (each failure starts it again)."""
    response = HttpResponse(render_to_string("locked_out.html", request=request), status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the site's 500 page, or the outage page when the database was the cause.

    Django calls it while handling the exception, so the exception is at hand: this covers
    what fails outside a view too, such as saving the session after it."""
    if isinstance(sys.exc_info()[1], OUTAGE):
        return outage_response()
    return HttpResponseServerError(render_to_string("500.html"))
