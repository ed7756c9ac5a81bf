from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse


def noindex_admin(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Keeps the staff login and admin pages out of search engines."""
    admin_prefix = None

    def middleware(request: HttpRequest) -> HttpResponse:
        nonlocal admin_prefix
        admin_prefix = admin_prefix or reverse("admin:index")
        response = get_response(request)
        if request.path.startswith(admin_prefix):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return middleware
