"""Starting a wizard: links only read, the start button's POST is what makes a buyer session."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from advisor import services
from advisor.models import Submission

pytestmark = pytest.mark.django_db


def _rows() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _start_token(html: str) -> str:
    form = re.search(r'<form method="post" action="/wizard/".*?</form>', html, re.S)[0]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]


def test_fifty_anonymous_gets_of_the_landing_and_wizard_write_no_row():
    before = _rows()
    crawler = Client()  # one that keeps its cookies, as a browser would
    for _ in range(50):
        for client in (Client(), crawler):
            assert client.get("/").status_code == 200
            assert client.get("/wizard/").status_code == 200
            assert client.head("/wizard/").status_code == 200
    assert _rows() == before
    assert not Submission.objects.exists() and not Session.objects.exists()


def test_the_landing_start_button_posts_and_opens_one_wizard():
    client = Client(enforce_csrf_checks=True)
    html = client.get("/").content.decode()
    response = client.post("/wizard/", {"csrfmiddlewaretoken": _start_token(html)})
    assert response.status_code == 303
    assert re.fullmatch(r"/wizard/[\w-]+/business/", response["Location"])
    assert Submission.objects.count() == 1 and Session.objects.count() == 1
    # Pressing it again, or coming back by a link, resumes the same wizard.
    assert (
        client.post("/wizard/", {"csrfmiddlewaretoken": _start_token(html)})["Location"]
        == response["Location"]
    )
    assert client.get("/wizard/")["Location"] == response["Location"]
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("path", ["/", "/wizard/", "/reports/", "/no-such-page/"])
def test_every_start_button_is_a_post_form(client, path):
    # (The header's "Start" stays a link, to the start page: it is on every page, shared
    # reports included, which hold no per-visitor form token.)
    assert _start_token(client.get(path).content.decode())


def test_the_funnel_counts_only_wizards_a_buyer_started():
    for _ in range(50):
        Client().get("/wizard/")
    for _ in range(2):
        Client().post("/wizard/")
    now = timezone.now()
    funnel = services.staff.funnel(start=now - timedelta(hours=1), end=now + timedelta(hours=1))
    assert funnel.started == 2
