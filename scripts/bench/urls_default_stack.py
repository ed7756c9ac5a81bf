"""The default-stack server (settings_default_stack) answers the bare view only, at the same
path and first in its list as in scripts/bench/urls.py, so resolving it costs the same."""

from django.urls import path

from scripts.bench.urls import bare

urlpatterns = [path("bench/bare", bare)]
