"""A wizard step that shows its saved answers (or none) is drawn once per process and kept
(views._kept_step_page): each buyer must still get the page drawn for them, with their own
wizard and form token, their messages, and the errors answers make once they no longer pass."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from advisor import steps, views
from advisor.models import StepAnswer

from .test_wizard import VALID, answer, answer_all, start, step_url

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _public_id(first_url: str) -> str:
    return first_url.split("/")[2]


def _drawn_now(response, step: steps.Step, return_to: str | None) -> str:
    """The page the view drew for every request before pages were kept."""
    request = response.wsgi_request
    public_id = request.resolver_match.kwargs["public_id"]
    saved = StepAnswer.objects.filter(submission__public_id=public_id, step=step.slug).first()
    form = steps.form_for_display(step, saved and saved.data)
    context = views._step_context(public_id, step, form, return_to)
    return render_to_string("advisor/wizard/step.html", context, request=request)


def _without_tokens(html: str) -> str:
    # A form token is masked afresh each time one is asked for.
    return TOKEN.sub('name="csrfmiddlewaretoken" value="…"', html)


@pytest.mark.parametrize(
    ("answered", "slug", "query", "return_to"),
    [
        (0, "business", "", None),  # the empty first step, the same for every buyer
        (2, "business", "", None),  # answers saved, shown again
        (3, "volume", "?return=review", steps.REVIEW),
        (4, "design", "", None),  # an empty later step: its back link names the wizard
    ],
)
def test_a_kept_step_is_the_page_drawn_for_the_request(
    client, db, answered, slug, query, return_to
):
    first = start(client)
    if answered:
        answer_all(client, first, upto=answered)
    for _visit in range(2):  # drawn, then kept
        response = client.get(step_url(first, slug) + query)
        assert response.status_code == 200
        html = response.content.decode()
        expected = _drawn_now(response, steps.BY_SLUG[slug], return_to)
        assert _without_tokens(html) == _without_tokens(expected)
        assert views._WIZARD_MARK not in html and views._FORM_TOKEN_MARK not in html


def test_each_buyer_gets_their_own_wizard_and_form_token(db):
    buyers = [Client(), Client()]
    firsts = [start(buyer) for buyer in buyers]
    pages = [buyer.get(first).content.decode() for buyer, first in zip(buyers, firsts, strict=True)]
    assert _public_id(firsts[0]) != _public_id(firsts[1])
    for page, first, other in zip(pages, firsts, reversed(firsts), strict=True):
        assert f"/wizard/{_public_id(first)}/restart/" in page
        assert _public_id(other) not in page
    # Each page's token is good for its own buyer's post.
    for buyer, page, first in zip(buyers, pages, firsts, strict=True):
        token = TOKEN.search(page)[1]
        data = {**VALID["business"], "csrfmiddlewaretoken": token}
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.cookies = buyer.cookies
        assert csrf_client.post(first, data).status_code == 303


def test_a_waiting_message_is_shown_on_the_step(client, db):
    first = start(client)
    client.get(first)  # the step is kept
    storage, response = CookieStorage(HttpRequest()), HttpResponse()
    storage._store([Message(constants.SUCCESS, "Link expiry saved.")], response)
    client.cookies[CookieStorage.cookie_name] = response.cookies[CookieStorage.cookie_name].value
    assert "Link expiry saved." in client.get(first).content.decode()
    assert "Link expiry saved." not in client.get(first).content.decode()  # shown once


def test_saved_answers_show_their_errors_once_their_day_has_passed(client, db, monkeypatch):
    first = start(client)
    tomorrow = timezone.localdate() + timedelta(days=1)
    answer_all(client, first, upto=3)
    timeline = {**VALID["timeline"], "launch_date": tomorrow.isoformat()}
    assert answer(client, first, "timeline", timeline).status_code == 303
    page = client.get(step_url(first, "timeline")).content.decode()
    assert "Choose a launch date after today." not in page

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    page = client.get(step_url(first, "timeline")).content.decode()
    assert "Choose a launch date after today." in page
