"""The helpers `config/settings.py` reads the environment with: each value checked, a clear
message when it will not do."""

import os
from pathlib import Path
from urllib.parse import urlsplit

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
