"""Rate limits per client address, counted by the `limits` library in fixed windows.

`@limited("pdf")` on a view counts that client's requests against the named limit in
`settings.RATE_LIMITS` (one table of defaults there, each overridable from the environment) and
answers 429, with Retry-After, past it. The client is `advisor.client.client_ip`. A view counts
by something else than the client's address (a browser, an e-mail address's digest) with
`over_limit(name, key)`.

The counters live in Redis when `REDIS_URL` is set, shared by every app server; otherwise in
each process's memory, so with one machine's gunicorn workers a client may get up to
(workers x limit) before a 429; and in each process's memory while Redis fails (see
advisor/breaker.py). In Redis a count is one round trip: `limits` increments and
sets the window's expiry in one script (django-ratelimit, used before, took two, `add` then
`incr`, and Django's `incr` a third).
"""

import ipaddress
import math
import time
from collections.abc import Callable
from functools import cache, wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from limits import (
    RateLimitItem,
    RateLimitItemPerDay,
    RateLimitItemPerHour,
    RateLimitItemPerMinute,
    RateLimitItemPerSecond,
)
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import FixedWindowRateLimiter

from . import breaker
from .client import client_ip

ALL = None  # every method counts
# Which requests count. Where a page only shows a form on GET, only the write counts: a buyer
# who looks twice before pressing the button has done one thing.
COUNTED_METHODS: dict[str, tuple[str, ...] | None] = {
    "report": ("POST",),
    "fork": ("POST",),
    "pdf": ALL,
    "revoke": ALL,
    "rfq": ALL,
    "quotes": ("POST",),
    "start": ("POST",),
    "step": ("POST",),
    "csp_report": ALL,
    "owner_link": ALL,
    "owner_email": ("POST",),
}

_PERIODS = {
    "s": RateLimitItemPerSecond,
    "m": RateLimitItemPerMinute,
    "h": RateLimitItemPerHour,
    "d": RateLimitItemPerDay,
}


def limited(name: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Applies the rate limit `name` to a view, per client address."""
    if name not in COUNTED_METHODS:
        raise ValueError(f"No rate limit named {name!r}.")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            methods = COUNTED_METHODS[name]
            if methods is ALL or request.method in methods:
                retry_after = _count(name, request)
                if retry_after:
                    return too_many_requests(retry_after=retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _count(name: str, request: HttpRequest) -> int | None:
    """Counts this request; past the limit, the seconds until the window ends."""
    return over_limit(name, _client(request))


def over_limit(name: str, key: str) -> int | None:
    """Counts one use of the limit `name` by `key`; past the limit, the seconds until the
    window ends. While Redis fails, each process counts on its own (advisor/breaker.py):
    limits still hold, per process. `key` is kept as long as its window: never an e-mail
    address or a secret, only a digest of one."""
    item, who = rate_limit_item(settings.RATE_LIMITS[name]), (name, key)
    return breaker.through_redis(
        lambda: _hit(_limiter(), item, who),
        lambda: _hit(_in_process(), item, who),
        what=f"the {name!r} rate limit counts",
    )


def _hit(limiter: FixedWindowRateLimiter, item: RateLimitItem, who: tuple) -> int | None:
    if limiter.hit(item, *who):
        return None
    reset_at = limiter.storage.get_expiry(item.key_for(*who))
    return max(1, math.ceil(reset_at - time.time()))


def _client(request: HttpRequest) -> str:
    address = client_ip(request) or ""
    if ":" not in address:
        return address
    try:
        ip = ipaddress.IPv6Address(address)
    except ValueError:  # not an address: counted as it is, never a 500
        return address
    if ip.ipv4_mapped:  # an IPv4 client seen through a dual-stack socket
        return str(ip.ipv4_mapped)
    # An IPv6 client usually holds a whole /64: counted as one, as django-ratelimit did.
    return str(ipaddress.IPv6Network((int(ip), 64), strict=False).network_address)


@cache
def rate_limit_item(rate: str) -> RateLimitItem:
    """A rate as settings write it, "20/m", as `limits` says it; "30/5m" is 30 in 5 minutes
    (settings refuse any other form)."""
    amount, period = rate.split("/")
    return _PERIODS[period[-1]](int(amount), int(period[:-1] or 1))


@cache  # one per process, made on first use (after gunicorn forks its workers)
def _storage() -> Storage:
    if settings.REDIS_URL:
        return RedisStorage(
            settings.REDIS_URL,
            key_prefix=_key_prefix(),
            wrap_exceptions=True,
            socket_connect_timeout=settings.REDIS_TIMEOUT_SECONDS,
            socket_timeout=settings.REDIS_TIMEOUT_SECONDS,
        )
    return _memory()


@cache
def _memory() -> MemoryStorage:
    """This process's own counters: the only ones without Redis, the fallback with it."""
    return MemoryStorage()


@cache
def _limiter() -> FixedWindowRateLimiter:
    return FixedWindowRateLimiter(_storage())


@cache
def _in_process() -> FixedWindowRateLimiter:
    """Counts in this process's memory: without Redis, the same counters as `_limiter()`."""
    return FixedWindowRateLimiter(_memory())


def _key_prefix() -> str:
    # Beside the cache's keys, under the same prefix: sites sharing a Redis keep apart.
    site = settings.CACHES["default"].get("KEY_PREFIX", "")
    return f"{site}:limits" if site else "limits"


def forget_counts() -> None:
    """Empties this process's counters (for tests; Redis's are left)."""
    _memory().reset()


def too_many_requests(*, retry_after: int) -> HttpResponse:
    # Rendered without the request: no context processor, no session read for a client that is
    # already asking too much.
    minutes = -(-retry_after // 60)
    html = render_to_string("429.html", {"retry_after_minutes": minutes})
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response
