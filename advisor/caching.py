"""What a report's link shows the same to everyone is kept in Django's cache: a colleague's
page, the link's QR code and the PDF.

A report is a snapshot that never changes, so each part is kept under everything else it is
drawn from (the token, the part, the language, the site's address and the release) and is
never stale: nothing is ever deleted, a new release or address is a new key. Whether the link
still works is read from the database on every request, before any of this.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.utils.translation import get_language

from . import breaker

T = TypeVar("T")
IN_PROCESS = "in_process"  # each process's own memory (settings.CACHES)

# Long enough for a link's readers, short enough that a report nobody opens leaves the cache.
REPORT_SECONDS = 24 * 60 * 60


def part_key(token: str, part: str) -> str:
    return ":".join(("report", part, token, get_language(), settings.SITE_URL, settings.RELEASE))


def report_part(token: str, part: str, draw: Callable[[], T]) -> T:
    """`draw()`'s result, kept under the report's `token` and `part`, drawn on a miss.

    When Redis fails, the part is kept in this process's memory until Redis answers again
    (advisor/breaker.py): the site is slower, never broken."""
    key = part_key(token, part)
    return breaker.through_redis(
        lambda: cache.get_or_set(key, draw, REPORT_SECONDS),
        lambda: caches[IN_PROCESS].get_or_set(key, draw, REPORT_SECONDS),
        what=f"the report's {part}",
    )
