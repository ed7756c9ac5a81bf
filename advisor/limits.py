"""Rate limits per client address, on Django's cache (django-ratelimit).

`@limited("pdf")` on a view counts that client's requests against the named limit in
`settings.RATE_LIMITS` (one table of defaults there, each overridable from the environment) and
answers 429, with Retry-After, past it. The client is `advisor.client.client_ip`.
"""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Which requests count. Where a page only shows a form on GET, only the write counts: a buyer
# who looks twice before pressing the button has done one thing.
COUNTED_METHODS = {
    "report": ["POST"],
    "fork": ["POST"],
    "pdf": ALL,
    "revoke": ALL,
    "rfq": ALL,
    "quotes": ["POST"],
}


def limited(name: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Applies the rate limit `name` to a view, per client address."""
    if name not in COUNTED_METHODS:
        raise ValueError(f"No rate limit named {name!r}.")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                usage = get_usage(
                    request,
                    group=f"advisor:{name}",
                    key="ip",
                    rate=settings.RATE_LIMITS[name],
                    method=COUNTED_METHODS[name],
                    increment=True,
                )
            except RedisError:
                # A limit must never take the page down with the cache: serve it, uncounted.
                logger.warning("Rate limit %r not applied: the cache did not answer.", name)
                usage = None
            if usage and usage["should_limit"]:
                return too_many_requests(retry_after=max(1, usage["time_left"]))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(*, retry_after: int) -> HttpResponse:
    # Rendered without the request: no context processor, no session read for a client that is
    # already asking too much.
    minutes = -(-retry_after // 60)
    html = render_to_string("429.html", {"retry_after_minutes": minutes})
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response
