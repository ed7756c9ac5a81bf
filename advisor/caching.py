"""What a report's link shows the same to everyone is kept in Django's cache: a colleague's
page, the link's QR code and the PDF.

A report is a snapshot that never changes, so each part is kept under everything else it is
drawn from (the token, the part, the language, the site's address and the release) and is
never stale: nothing is ever deleted, a new release or address is a new key. Whether the link
still works is read from the database on every request, before any of this.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from redis.exceptions import RedisError

T = TypeVar("T")
log = logging.getLogger(__name__)

# Long enough for a link's readers, short enough that a report nobody opens leaves the cache.
REPORT_SECONDS = 24 * 60 * 60


def part_key(token: str, part: str) -> str:
    return ":".join(("report", part, token, get_language(), settings.SITE_URL, settings.RELEASE))


def report_part(token: str, part: str, draw: Callable[[], T]) -> T:
    """`draw()`'s result, kept under the report's `token` and `part`, drawn on a miss.

    An unreachable Redis makes the site slower, never broken: the part is drawn again."""
    try:
        return cache.get_or_set(part_key(token, part), draw, REPORT_SECONDS)
    except RedisError:
        log.warning("Cache unreachable: the report's %s drawn again.", part)
        return draw()
