from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisorConfig(AppConfig):
    name = "advisor"
    verbose_name = _("OEM / ODM advisor")

    def ready(self) -> None:
        # Registered by importing: the deployment checks, and the sign-in receiver that
        # remembers the devices staff sign in on.
        from . import checks, signins  # noqa: F401
