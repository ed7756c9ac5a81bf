"""Who is asking: the client's address as the trusted proxies in front of us report it."""

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: with `PROXY_COUNT` proxies in front, each appending the address it
    was reached from to X-Forwarded-For, the client is that many entries from the header's right
    end. Whatever a client writes into the header itself sits further left and is never read."""
    proxies = settings.PROXY_COUNT
    if proxies:
        # python-ipware counts only the proxies named in the header: the nearest one is
        # REMOTE_ADDR. Not strict, so a longer (client-padded) header is read from the right.
        address, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    # No proxy configured, or a request that did not come through one (a health probe).
    # (None only for requests made in code, such as the test client's force_login.)
    return request.META.get("REMOTE_ADDR")
