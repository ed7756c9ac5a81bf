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


@register(Tags.caches, deploy=True)
def release_is_set_with_a_shared_cache(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if not settings.REDIS_URL or settings.RELEASE_SET_BY_DEPLOY:
        return []
    return [
        Warning(
            f"REDIS_URL is set but DJANGO_RELEASE is not: the PDFs kept in Redis are keyed by "
            f"the package version ({settings.RELEASE}), and Redis outlives a deploy, so a new "
            "release could serve PDFs an older one drew.",
            hint="Set DJANGO_RELEASE per deploy (the Dockerfile's RELEASE build argument).",
            id="advisor.W002",
        )
    ]
