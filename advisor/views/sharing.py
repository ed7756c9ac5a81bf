"""The owner's control of a report's link (revoke, share again, expiry), and a colleague's
wizard of their own started from a shared report."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import ownership, presenters, steps
from ..forms import ExpiryForm
from ..limits import limited
from ..models import Report
from ..services import reports, wizard
from .common import (
    capability_url,
    not_the_owner,
    see_other,
    with_live_report,
    with_readable_report,
)
from .wizard import step_url


@capability_url
@limited("revoke")
@require_http_methods(["GET", "POST"])
def report_revoke(request: HttpRequest, token: str) -> HttpResponse:
    report = get_object_or_404(Report, token=token)
    if not ownership.is_owner(request, report):
        return not_the_owner(
            request, _("Only the browsers that own this report can revoke its link.")
        )
    if request.method == "GET":  # revoking cannot be undone: ask first
        context = {
            "report": report,
            "title": presenters.report_title(report.data),
            "reruns": sum(1 for rerun in reports.reruns_of(report) if rerun.revoked_at is None),
        }
        return render(request, "advisor/revoke.html", context)
    reports.revoke_link(report=report)
    messages.success(
        request,
        _("The link is revoked. Nobody else can open this report; you still can, from here."),
    )
    return see_other(report.get_absolute_url())


@capability_url
@require_POST
def report_share_again(request: HttpRequest, token: str) -> HttpResponse:
    report = get_object_or_404(Report, token=token)
    if not ownership.is_owner(request, report):
        return not_the_owner(request, _("Only the browsers that own this report can share it."))
    if report.is_live(timezone.now()):
        return see_other(report.get_absolute_url() + "#share")
    fresh = reports.share_again(report=report)
    messages.success(
        request,
        _(
            "A new link is ready; it works until you revoke it or set it to expire. The old one stays dead."
        ),
    )
    return see_other(fresh.get_absolute_url() + "#share")


@capability_url
@require_POST
@with_live_report
def report_expiry(request: HttpRequest, report: Report) -> HttpResponse:
    if not ownership.is_owner(request, report):
        return not_the_owner(
            request, _("Only the browsers that own this report can change its link.")
        )
    form = ExpiryForm(request.POST, expires_at=report.expires_at)
    if form.is_valid():
        if form.cleaned_data["days"] != ExpiryForm.KEEP:
            reports.set_link_expiry(report=report, days=form.cleaned_data["days"])
        messages.success(request, _("Link expiry saved."))
    else:
        messages.error(request, _("Choose one of the expiry options."))
    return see_other(report.get_absolute_url() + "#share")


@capability_url
@limited("fork")
@require_http_methods(["GET", "POST"])
@with_readable_report
def report_fork(request: HttpRequest, report: Report) -> HttpResponse:
    # A page of its own, so that the shared report itself holds no per-visitor form token.
    if request.method == "POST":
        browser_key = ownership.ensure_browser_key(request)
        submission = wizard.fork_report(report=report, browser_key=browser_key)
        return see_other(step_url(submission.public_id, steps.REVIEW))
    browser_key = ownership.browser_key(request)
    context = {
        "title": presenters.report_title(report.data),
        "report_url": report.get_absolute_url(),
        "open_wizard": bool(browser_key)
        and wizard.answered_open_submission(browser_key=browser_key) is not None,
    }
    return render(request, "advisor/fork.html", context)
