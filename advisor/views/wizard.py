"""The wizard: start or resume, one page per step, the review that makes the report, restart."""

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import ownership, presenters, steps
from ..errors import OUTAGE, RETRY_AFTER_SECONDS
from ..limits import limited
from ..models import Submission
from ..services import wizard
from .common import see_other


def step_url(public_id: str, slug: str) -> str:
    if slug == steps.REVIEW:
        return reverse("advisor:review", kwargs={"public_id": public_id})
    return reverse("advisor:step", kwargs={"public_id": public_id, "slug": slug})


def _owned_with_answers(request: HttpRequest, public_id: str) -> tuple[Submission, dict]:
    """This browser's wizard and its saved answers by step, or 404: another browser's wizard
    does not exist for it."""
    browser_key = ownership.browser_key(request)
    found = browser_key and wizard.owned_submission_and_answers(
        public_id=public_id, browser_key=browser_key
    )
    if not found:
        raise Http404
    return found


@never_cache
@limited("start")
@require_http_methods(["GET", "HEAD", "POST"])
def wizard_start(request: HttpRequest) -> HttpResponse:
    """A GET resumes this browser's open wizard, or shows the start button, and writes nothing:
    crawlers and link previews follow links. The button's POST makes the buyer session."""
    if request.method == "POST":
        submission = wizard.open_submission(browser_key=ownership.ensure_browser_key(request))
    else:
        browser_key = ownership.browser_key(request)
        submission = browser_key and wizard.find_open_submission(browser_key=browser_key)
        if not submission:
            return render(request, "advisor/wizard/start.html", {"total": steps.TOTAL})
    stored = wizard.stored_answers(submission)
    url = step_url(submission.public_id, wizard.first_invalid_step(stored) or steps.REVIEW)
    return see_other(url) if request.method == "POST" else redirect(url)


def _keeps_what_was_typed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A step posted while the database is down answers 503 and shows the form as it was typed,
    saying it was not saved; anything else the outage hits goes to DatabaseOutageMiddleware."""

    @wraps(view)
    def wrapped(request: HttpRequest, public_id: str, slug: str) -> HttpResponse:
        try:
            return view(request, public_id, slug)
        except OUTAGE:
            step = steps.BY_SLUG.get(slug)
            if request.method != "POST" or step is None:
                raise
        form = step.form_class(data=request.POST)
        form.is_valid()  # its own errors still show beside the fields
        return_to = steps.REVIEW if _asked_to_return(request) else None
        context = {
            **_step_context(public_id, step, form, return_to),
            "not_saved": True,
            # Rendered without the request (its context processors read the session, in the
            # database), so the form's token is passed by hand.
            "csrf_token": get_token(request),
        }
        response = HttpResponse(render_to_string("advisor/wizard/step.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    return wrapped


@never_cache
@limited("step")
@require_http_methods(["GET", "POST"])
@_keeps_what_was_typed
def wizard_step(request: HttpRequest, public_id: str, slug: str) -> HttpResponse:
    step = steps.BY_SLUG.get(slug)
    submission, stored = _owned_with_answers(request, public_id)
    if step is None:
        raise Http404
    if not submission.is_open:
        return redirect(submission.report or reverse("advisor:wizard"))
    missing = steps.first_missing(stored)
    if missing and steps.number(missing) < steps.number(slug):
        return redirect(step_url(public_id, missing))
    if request.method == "POST":
        form = step.form_class(data=request.POST)
        if form.is_valid():
            wizard.save_step(submission=submission, step=slug, cleaned_data=form.cleaned_data)
            stored[slug] = form.cleaned_data
            back_to_review = request.POST.get("return") == steps.REVIEW
            next_slug = steps.next_after_saving(slug, stored, back_to_review=back_to_review)
            return see_other(step_url(public_id, next_slug))
    else:
        form = steps.form_for_display(step, stored.get(slug))
    return_to = steps.REVIEW if _asked_to_return(request) else None
    context = _step_context(public_id, step, form, return_to)
    return render(request, "advisor/wizard/step.html", context)


def _asked_to_return(request: HttpRequest) -> bool:
    # The "change" links of the review add ?return=review; the step's form sends it back.
    return (request.GET.get("return") or request.POST.get("return")) == steps.REVIEW


def _step_context(
    public_id: str, step: steps.Step, form: forms.Form, return_to: str | None
) -> dict[str, Any]:
    return {
        "public_id": public_id,
        "step": step,
        "form": form,
        # The template keeps a form showing saved answers (or none) under these: crispy-forms
        # takes milliseconds to draw one, the same for every buyer who saved the same.
        "form_values": _values_digest(form.initial) if not form.is_bound else None,
        "release": settings.RELEASE,
        "number": steps.number(step.slug),
        "total": steps.TOTAL,
        "back_url": _back_url(public_id, step.slug),
        "return_to": return_to,
    }


def _values_digest(values: dict) -> str:
    as_stored = json.dumps(values, sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(as_stored.encode()).hexdigest()


def _back_url(public_id: str, slug: str) -> str:
    previous = steps.before(slug)
    return step_url(public_id, previous) if previous else reverse("advisor:landing")


@never_cache
@limited("report")
@require_http_methods(["GET", "POST"])
def wizard_review(request: HttpRequest, public_id: str) -> HttpResponse:
    submission, stored = _owned_with_answers(request, public_id)
    if submission.report is not None:  # a second press of the button
        return see_other(submission.report.get_absolute_url())
    if submission.abandoned_at:
        return redirect("advisor:wizard")
    invalid = wizard.first_invalid_step(stored)
    if invalid:
        return redirect(step_url(public_id, invalid))
    if request.method == "POST":
        report = wizard.finish(
            submission=submission, browser_label=ownership.browser_label(request)
        )
        return see_other(report.get_absolute_url())
    sections = [
        {
            "step": step,
            "change_url": step_url(public_id, step.slug) + "?return=review",
            # In the form's order, whatever order the database keeps the saved keys in.
            "rows": presenters.answer_rows(
                stored[step.slug], expected=list(step.form_class.base_fields)
            ),
        }
        for step in steps.STEPS
    ]
    context = {
        "submission": submission,
        "sections": sections,
        "number": steps.TOTAL,
        "total": steps.TOTAL,
        "back_url": _back_url(public_id, steps.REVIEW),
    }
    return render(request, "advisor/wizard/review.html", context)


@never_cache
@limited("start")
@require_http_methods(["GET", "POST"])
def wizard_restart(request: HttpRequest, public_id: str) -> HttpResponse:
    submission, _stored = _owned_with_answers(request, public_id)
    if request.method == "POST":
        fresh = wizard.start_over(submission=submission)
        return see_other(step_url(fresh.public_id, steps.STEPS[0].slug))
    context = {"submission": submission, "cancel_url": reverse("advisor:wizard")}
    return render(request, "advisor/wizard/restart.html", context)
