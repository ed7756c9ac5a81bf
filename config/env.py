"""The helpers `config/settings.py` reads the environment with: each value checked, a clear
message when it will not do."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (got {raw!r}).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number (got {raw!r}).") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_rates(prefix: str, defaults: dict[str, str]) -> dict[str, str]:
    """Rates such as "20/m", each overridable as <prefix><NAME>."""
    rates = {name: os.environ.get(f"{prefix}{name.upper()}") or d for name, d in defaults.items()}
    for name, rate in rates.items():
        # A period's count, when given, is at least 1: "20/0m" would fail on every request.
        if not re.fullmatch(r"[1-9][0-9]*/([1-9][0-9]*)?[smhd]", rate):
            raise ImproperlyConfigured(
                f"{prefix}{name.upper()} must look like 20/m or 30/h (got {rate!r})."
            )
    return rates


def env_secret(name: str) -> str | None:
    """The value of `name`, or the contents of the file named by `<name>_FILE` (Docker secrets)."""
    if value := os.environ.get(name):
        return value
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return None


def site_url(raw: str | None, *, debug: bool, allowed_hosts: list[str]) -> str:
    """The public address share links and QR codes use: never the request's Host, which the
    client picks. DJANGO_SITE_URL if set; else runserver's address in development, else HTTPS
    on the first allowed host that names one host (the README prescribes a TLS proxy)."""
    if not raw:
        if debug:
            return "http://127.0.0.1:8000"
        named = [host for host in allowed_hosts if host != "*" and not host.startswith(".")]
        if not named:
            return ""
        raw = f"https://{named[0]}"
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(
            f"DJANGO_SITE_URL must be an address like https://advisor.example.com (got {raw!r})."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"DJANGO_SITE_URL must be scheme and host only (got {raw!r}).")
    return f"{parts.scheme}://{parts.netloc}"


# Seconds an SMTP server may take to answer before the buyer is told the e-mail did not go,
# unless EMAIL_URL says `?timeout=`: Django's own default is to wait for ever.
EMAIL_TIMEOUT_SECONDS = 10
_CONSOLE = "console://"


def email_settings(raw: str | None, *, debug: bool) -> dict[str, object] | None:
    """Django's EMAIL_* settings from EMAIL_URL, as dj-email-url reads it
    (`smtp://user:password@host:587/?tls=True`, `submission://...` for TLS on 587,
    `console://`). Without it: Django's console backend in development, so `make run` needs no
    mail server, and None in production, where the site then sends no e-mail at all."""
    if not raw:
        raw = _CONSOLE if debug else ""
    if not raw:
        return None
    scheme = urlsplit(raw).scheme
    try:
        parsed = dj_email_url.parse(raw)
    except ValueError:
        parsed = {}  # a port or timeout that is not a number
    if "EMAIL_BACKEND" not in parsed:
        # Never the URL itself in the message: it may hold the server's password.
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp://user:password@host:587/?tls=True (or "
            f"submission://, console://, file://, dummy://); got a URL with scheme {scheme!r}."
        )
    return {
        "EMAIL_BACKEND": parsed["EMAIL_BACKEND"],
        "EMAIL_HOST": parsed["EMAIL_HOST"] or "localhost",
        "EMAIL_PORT": parsed["EMAIL_PORT"] or 25,
        "EMAIL_HOST_USER": parsed["EMAIL_HOST_USER"] or "",
        "EMAIL_HOST_PASSWORD": parsed["EMAIL_HOST_PASSWORD"] or "",
        "EMAIL_USE_TLS": parsed["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": parsed["EMAIL_USE_SSL"],
        "EMAIL_TIMEOUT": parsed["EMAIL_TIMEOUT"] or EMAIL_TIMEOUT_SECONDS,
        "EMAIL_FILE_PATH": "/" + parsed["EMAIL_FILE_PATH"] if scheme == "file" else None,
    }
