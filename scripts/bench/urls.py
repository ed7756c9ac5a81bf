from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils import timezone

from advisor.models import Submission


def bare(request: HttpRequest) -> HttpResponse:
    """What Django itself costs: the same server and middleware, no work of ours."""
    return HttpResponse("ok")


def step_floor(request: HttpRequest) -> HttpResponse:
    """The least a wizard step can cost on this stack: the buyer's session read from the
    database (it says whose wizard this is) and, for a POST, one row written before the
    redirect. No form, no page: what the real step costs beyond this is ours."""
    browser_key = request.session.get("advisor_browser")
    if request.method == "POST":
        Submission.objects.filter(browser_key=browser_key).update(updated_at=timezone.now())
        return HttpResponseRedirect(request.path, status=303)
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare", bare),
    path("bench/step-floor", step_floor),
    path("", include("config.urls")),
]
