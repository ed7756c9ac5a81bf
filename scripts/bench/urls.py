from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils import timezone

from advisor.models import Submission
from advisor.services import reports


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


def link_floor(request: HttpRequest, token: str) -> HttpResponse:
    """The least a report link's page can cost: the link's row read from the database, as
    every page behind a link must on every request (a revoke is a 410 at once). Nothing else:
    what the colleague's page and the JSON cost beyond this is ours."""
    return HttpResponse("ok" if reports.report_by_token(token) else "gone")


urlpatterns = [
    path("bench/bare", bare),
    path("bench/link-floor/<str:token>", link_floor),
    path("bench/step-floor", step_floor),
    path("", include("config.urls")),
]
