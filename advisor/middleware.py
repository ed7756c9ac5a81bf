import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from . import signins
from .errors import OUTAGE
from .ownership import BROWSER_KEY, browser_key


def noindex_admin(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Keeps the staff login and admin pages out of search engines."""
    admin_prefix = None

    def middleware(request: HttpRequest) -> HttpResponse:
        nonlocal admin_prefix
        admin_prefix = admin_prefix or reverse("admin:index")
        response = get_response(request)
        if request.path.startswith(admin_prefix):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return middleware


STAFF_SINCE = "staff_since"
STAFF_SEEN = "staff_seen"
# How often a staff session's last activity is written: each write is a session save.
SEEN_RESOLUTION_SECONDS = 60


def staff_session_limits(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Signs staff out after STAFF_SESSION_MAX (12 hours) since login or STAFF_SESSION_IDLE
    (30 minutes) without a staff request, checked on the server. The session cookie itself stays
    as long as a buyer's, because it also carries the browser's ownership of its reports: every
    sign-out keeps that key (these limits, the admin's button, a sign-in as someone else, which
    all empty the session), so staff pages never end a buyer's ownership.

    Only staff pages (admin, its login included) are checked: no other page reads the signed-in
    user, and buyers' pages must not pay a session read for it."""
    admin_prefix = None

    def middleware(request: HttpRequest) -> HttpResponse:
        nonlocal admin_prefix
        admin_prefix = admin_prefix or reverse("admin:index")
        if not request.path.startswith(admin_prefix):
            return get_response(request)
        owner_key = browser_key(request)
        if _signed_in(request):
            now = int(time.time())
            since = request.session.get(STAFF_SINCE, now)
            seen = request.session.get(STAFF_SEEN, since)
            too_old = now - since > settings.STAFF_SESSION_MAX.total_seconds()
            if too_old or now - seen > settings.STAFF_SESSION_IDLE.total_seconds():
                logout(request)  # a new, empty session: nothing of the staff session survives
        response = get_response(request)
        if owner_key and request.session.get(BROWSER_KEY) != owner_key:
            request.session[BROWSER_KEY] = owner_key
        signins.set_device_cookie(request, response)  # after a sign-in
        if _signed_in(request):  # perhaps just now
            now = int(time.time())
            request.session.setdefault(STAFF_SINCE, now)
            if now - request.session.get(STAFF_SEEN, 0) >= SEEN_RESOLUTION_SECONDS:
                request.session[STAFF_SEEN] = now
        return response

    return middleware


def _signed_in(request: HttpRequest) -> bool:
    # Without a session cookie (or a session made by this request, as by a login) nobody is
    # signed in: the session is not even read, so such responses stay cacheable.
    has_session = settings.SESSION_COOKIE_NAME in request.COOKIES or request.session.modified
    try:
        return has_session and request.user.is_authenticated
    except OUTAGE:
        # With the database down nobody can be signed in; the view answers the outage (a
        # wizard step keeps what was typed), not this check.
        return False
