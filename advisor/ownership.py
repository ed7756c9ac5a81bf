"""Which browser owns a wizard or a report: a random key kept in the browser's session.

A browser gets its key when it first starts a wizard (or a wizard from a shared report); the
reports and wizards it makes carry that key. Signing out of the staff pages keeps it
(`advisor.middleware`), so a sign-out never ends a buyer's ownership.
"""

import secrets

from django.conf import settings
from django.http import HttpRequest

from .models import Report

BROWSER_KEY = "advisor_browser"


def browser_key(request: HttpRequest) -> str | None:
    """This browser's key, if it has one (reads the session only if there is a cookie)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and not request.session.modified:
        return None
    return request.session.get(BROWSER_KEY)


def ensure_browser_key(request: HttpRequest) -> str:
    """This browser's key, made now if it has none."""
    if not request.session.get(BROWSER_KEY):
        request.session[BROWSER_KEY] = secrets.token_urlsafe(24)
    return request.session[BROWSER_KEY]


def is_owner(request: HttpRequest, report: Report) -> bool:
    key = browser_key(request)
    return bool(key) and bool(report.owner_key) and key == report.owner_key
