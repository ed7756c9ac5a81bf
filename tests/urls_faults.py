"""The site's URLs plus two views that fail, for the error page tests."""

from django.db import OperationalError
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def a_bug(request):
    raise RuntimeError("a bug in a view")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


urlpatterns = [path("a-bug/", a_bug), path("database-gone/", database_gone), *site_urlpatterns]
