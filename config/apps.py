from django.contrib.staticfiles.apps import StaticFilesConfig


class StaticFiles(StaticFilesConfig):
    """Collects only the Bootstrap files the pages use: xstatic-bootstrap ships thirty-odd
    variants (grid, reboot, RTL, unminified), each compressed twice at every collectstatic."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "bootstrap-grid*",
        "bootstrap-reboot*",
        "bootstrap-utilities*",
        "*.rtl.*",
        "bootstrap.css",
        "bootstrap.css.map",
    ]
