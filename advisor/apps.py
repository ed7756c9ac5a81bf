from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisorConfig(AppConfig):
    name = "advisor"
    verbose_name = _("OEM / ODM advisor")

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deployment checks
        from . import signins  # noqa: F401 - remembers the devices staff sign in on
