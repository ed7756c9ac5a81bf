"""What a report's link shows the same to everyone is kept in Django's cache: a colleague's
page, the link's QR code and the PDF; and the QR code of an owner's link, for its owner alone.

A report is a snapshot that never changes, so each part is kept under everything else it is
drawn from (the token, the part, the language, the site's address and the release) and is
never stale: nothing is ever deleted, a new release or address is a new key. Whether the link
still works is read from the database on every request, before any of this.

Where a part is kept depends on what it costs to draw. A page or a QR code takes milliseconds
and is read on every visit: it is kept in each process's memory (the `in_process` cache),
where a read costs microseconds, and a round trip to Redis would cost more than half the
page. A PDF takes about a second of CPU: it is kept in the default cache, which every server
shares when there is Redis, so it is drawn once for all of them.
"""

import hashlib
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
    """`draw()`'s result, kept in this process's memory under the report's `token` and
    `part`, drawn on a miss."""
    return caches[IN_PROCESS].get_or_set(part_key(token, part), draw, REPORT_SECONDS)


def shared_report_part(token: str, part: str, draw: Callable[[], T]) -> T:
    """`draw()`'s result, kept in the cache every server shares under the report's `token`
    and `part`, drawn on a miss: for what takes a second to draw (a PDF).

    When Redis fails, the part is kept in this process's memory until Redis answers again
    (advisor/breaker.py): the site is slower, never broken."""
    key = part_key(token, part)
    return breaker.through_redis(
        lambda: cache.get_or_set(key, draw, REPORT_SECONDS),
        lambda: caches[IN_PROCESS].get_or_set(key, draw, REPORT_SECONDS),
        what=f"the report's {part}",
    )


def owner_link_qr(url: str, draw: Callable[[], T]) -> T:
    """The QR code of an owner's link (`url`), drawn on a miss, kept in this process's memory.
    Kept under a digest of the link: a key of the cache never holds the token itself, and a
    replaced link's code is never asked for again."""
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    key = ":".join(("owner-link-qr", digest, get_language(), settings.RELEASE))
    return caches[IN_PROCESS].get_or_set(key, draw, REPORT_SECONDS)
