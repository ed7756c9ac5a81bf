"""Which browser owns a wizard or a report: a random key kept in the browser's session, and
the owner that browsers share through the owner's link.

A browser gets its key when it first starts a wizard (or a wizard from a shared report); the
reports and wizards it makes carry that key, for a year (SESSION_COOKIE_AGE) from the browser's
last visit. Signing out of the staff pages keeps it
(`advisor.middleware`), so a sign-out never ends a buyer's ownership.

A browser that makes a report becomes one of an owner's browsers (`advisor.services.owners`);
another browser that opens the owner's link and confirms becomes one too, and then each owns
the reports the other made, before and after. Wizards stay with the browser that started them.
"""

import secrets

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from . import browsers
from .models import Report
from .services import owners

BROWSER_KEY = "advisor_browser"
# The day the browser last used its key: the first use of a day saves the session, which
# starts its SESSION_COOKIE_AGE again, so ownership lasts that long from the last visit.
LAST_SEEN = "advisor_seen"


def browser_key(request: HttpRequest) -> str | None:
    """This browser's key, if it has one (reads the session only if there is a cookie). Marks
    the session seen today, so the day's first call saves it (`LAST_SEEN`), and writes the day
    on the browser's row among its owner's browsers (one query, on that first call only)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and not request.session.modified:
        return None
    key = request.session.get(BROWSER_KEY)
    today = timezone.localdate()
    if key and request.session.get(LAST_SEEN) != today.isoformat():
        request.session[LAST_SEEN] = today.isoformat()
        owners.seen(browser_key=key, today=today, label=browser_label(request))
    return key


def ensure_browser_key(request: HttpRequest) -> str:
    """This browser's key, made now if it has none."""
    if not request.session.get(BROWSER_KEY):
        request.session[BROWSER_KEY] = secrets.token_urlsafe(24)
    return request.session[BROWSER_KEY]


def browser_label(request: HttpRequest) -> str:
    """What this browser is, roughly ("Chrome on Android"), or "" when it does not say."""
    return browsers.describe(request.headers.get("User-Agent", ""))


def is_owner(request: HttpRequest, report: Report) -> bool:
    """Whether this browser owns the report: it made it, or it shares an owner with the
    browser that did. The second costs a query, unless the report was found with this browser's
    key (`reports.report_by_token(browser_key=...)`), which asked in the same query."""
    key = browser_key(request)
    if not key or not report.owner_key:
        return False
    if key == report.owner_key:
        return True
    shared = getattr(report, "shares_owner", None)
    if shared is None:
        shared = owners.shares_owner(browser_key=key, other_key=report.owner_key)
        report.shares_owner = shared  # asked once a request
    return bool(shared)


def owner_of(request: HttpRequest, *, owns_reports: bool = False) -> owners.Ownership | None:
    """This browser's owner and its browsers, or None (one query). A browser that made reports
    before owners existed (`owns_reports`: the caller knows it does) gets one now, once."""
    key = browser_key(request)
    if not key:
        return None
    found = owners.ownership_of(browser_key=key)
    if found is None and owns_reports:
        owners.ensure_browser(browser_key=key, label=browser_label(request))
        found = owners.ownership_of(browser_key=key)
    return found
