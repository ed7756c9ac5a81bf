"""Staff sign-in throttling with django-axes: failures are counted per client address (an IPv6
client by its /64, which one machine usually holds whole) and per account. After a few failures
an account is locked for unknown devices only: a browser that signed in as that account before
carries a signed device cookie and is held to its own failures, so a stranger can neither guess
on nor lock out a staff member. This is OWASP's device-cookie pattern:
https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
"""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from .client import client_ip

DEVICE_COOKIE = "staff_device"
_SALT = "advisor.signins.device"
DEVICE_AGE = timedelta(days=365)
_MAX_ACCOUNTS = 5  # accounts one browser is remembered for; the latest ones are kept


def lockout_address(request: HttpRequest) -> str | None:
    """The client's address as sign-in failures count it (AXES_CLIENT_IP_CALLABLE): an IPv6
    address stands for its /64 network, written as the network's first address."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def known_accounts(request: HttpRequest) -> list[str]:
    """The accounts this browser signed in as before, from its signed device cookie."""
    try:
        value = request.get_signed_cookie(
            DEVICE_COOKIE, salt=_SALT, max_age=DEVICE_AGE.total_seconds()
        )
    except (KeyError, signing.BadSignature):
        return []
    return [name for name in value.split("\n") if name]


def lockout_parameters(request_or_attempt: object, credentials: dict | None) -> list:
    """What failures are counted by (AXES_LOCKOUT_PARAMETERS): a known device by its own
    failures on the account from its address; anyone else by their address and by the
    account, whichever has failed more."""
    username = (credentials or {}).get("username")
    if isinstance(request_or_attempt, HttpRequest) and username in known_accounts(
        request_or_attempt
    ):
        return [["username", "ip_address"]]
    return ["ip_address", "username"]


@receiver(user_logged_in)
def remember_device(
    sender: object, request: HttpRequest | None, user: object, **kwargs: object
) -> None:
    """Marks the browser as a known device for this account; the cookie is set on the way out
    (`set_device_cookie`, called by the staff middleware)."""
    if request is None:
        return
    name = user.get_username()
    accounts = [known for known in known_accounts(request) if known != name] + [name]
    request.staff_device_accounts = accounts[-_MAX_ACCOUNTS:]


def set_device_cookie(request: HttpRequest, response: HttpResponse) -> None:
    accounts = getattr(request, "staff_device_accounts", None)
    if accounts:
        response.set_signed_cookie(
            DEVICE_COOKIE,
            "\n".join(accounts),
            salt=_SALT,
            max_age=int(DEVICE_AGE.total_seconds()),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
