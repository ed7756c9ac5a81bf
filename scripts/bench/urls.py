from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """What Django itself costs: the same server and middleware, no work of ours."""
    return HttpResponse("ok")


urlpatterns = [path("bench/bare", bare), path("", include("config.urls"))]
