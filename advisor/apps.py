from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AdvisorConfig(AppConfig):
    name = "advisor"
    verbose_name = _("OEM / ODM advisor")

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deployment checks

        # Signals, not the admin's save path: factors and thresholds are also saved by a
        # history revert, the shell and data migrations, and the landing page must follow all.
        from .models import Factor, Thresholds

        for model in (Factor, Thresholds):
            post_save.connect(_landing_changed, sender=model, dispatch_uid=f"landing-{model}")
            post_delete.connect(_landing_changed, sender=model, dispatch_uid=f"landing-d-{model}")


def _landing_changed(**kwargs: Any) -> None:
    from .services.caching import forget_landing

    forget_landing()
