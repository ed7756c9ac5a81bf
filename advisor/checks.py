"""Deployment checks of our own settings, run by `manage.py check --deploy`."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_uses_https(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG or settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"DJANGO_SITE_URL is {settings.SITE_URL!r}: share links and QR codes would send "
            "colleagues to a plain-HTTP address.",
            hint="Set DJANGO_SITE_URL to the site's https:// address.",
            id="advisor.W001",
        )
    ]
