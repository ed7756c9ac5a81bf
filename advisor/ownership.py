"""Which browser owns a wizard or a report: a random key kept in the browser's session.

A browser gets its key when it first starts a wizard (or a wizard from a shared report); the
reports and wizards it makes carry that key, for a year (SESSION_COOKIE_AGE) from the browser's
last visit. Signing out of the staff pages keeps it
(`advisor.middleware`), so a sign-out never ends a buyer's ownership.
"""

import secrets

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import Report

BROWSER_KEY = "advisor_browser"
# The day the browser last used its key: the first use of a day saves the session, which
# starts its SESSION_COOKIE_AGE again, so ownership lasts that long from the last visit.
LAST_SEEN = "advisor_seen"


def browser_key(request: HttpRequest) -> str | None:
    """This browser's key, if it has one (reads the session only if there is a cookie). Marks
    the session seen today, so the day's first call saves it (`LAST_SEEN`)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and not request.session.modified:
        return None
    key = request.session.get(BROWSER_KEY)
    today = timezone.localdate().isoformat()
    if key and request.session.get(LAST_SEEN) != today:
        request.session[LAST_SEEN] = today
    return key


def ensure_browser_key(request: HttpRequest) -> str:
    """This browser's key, made now if it has none."""
    if not request.session.get(BROWSER_KEY):
        request.session[BROWSER_KEY] = secrets.token_urlsafe(24)
    return request.session[BROWSER_KEY]


def is_owner(request: HttpRequest, report: Report) -> bool:
    key = browser_key(request)
    return bool(key) and bool(report.owner_key) and key == report.owner_key
