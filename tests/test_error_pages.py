"""Error pages in the site's look that need no database, and a database outage answered 503."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError
from django.test import Client, RequestFactory
from django.views import defaults

from advisor.errors import server_error

SITE_HEADER = "OEM / ODM sourcing advisor"


def buyer() -> Client:
    """A returning buyer: a session cookie that a page could read from the database."""
    client = Client(raise_request_exception=False)
    session = client.session
    session["advisor_browser"] = "browser-a"
    session.save()
    return client


def assert_site_page(response, status: int, heading: str):
    assert response.status_code == status
    html = response.content.decode()
    assert SITE_HEADER in html and heading in html, html[:500]
    assert response["Content-Type"].startswith("text/html")


def test_a_missing_page_is_404_without_a_query(db, django_assert_num_queries):
    client = buyer()
    with django_assert_num_queries(0):
        response = client.get("/no-such-page/")
    assert_site_page(response, 404, "We could not find that page")


def test_a_request_for_an_unknown_host_is_400_in_the_site_look(db, django_assert_num_queries):
    client = buyer()
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_HOST="evil.example")
    assert_site_page(response, 400, "We could not understand that request")


def test_a_form_without_its_token_is_403_in_the_site_look(db, django_assert_num_queries):
    client = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        response = client.post("/wizard/")
    assert_site_page(response, 403, "This form has expired")


def test_the_403_page_needs_no_database():
    # No `db` fixture: pytest-django refuses any query here outright.
    response = defaults.permission_denied(RequestFactory().get("/"), PermissionDenied())
    assert_site_page(response, 403, "You cannot open this page")


@pytest.mark.urls("tests.urls_faults")
def test_a_bug_answers_the_500_page(db, django_assert_num_queries):
    client = buyer()
    with django_assert_num_queries(0):
        response = client.get("/a-bug/")
    assert_site_page(response, 500, "Something went wrong on our side")
    assert "a bug in a view" not in response.content.decode()


@pytest.mark.urls("tests.urls_faults")
def test_a_view_that_loses_the_database_answers_503_with_retry_after(db):
    response = buyer().get("/database-gone/")
    assert_site_page(response, 503, "We are back in a moment")
    assert "answers you saved and your reports are safe" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_an_outage_outside_a_view_also_answers_503():
    # handler500 runs while Django handles the exception (here: one raised as a middleware
    # saving the session would raise it). No `db` fixture: no query is possible.
    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        response = server_error(RequestFactory().get("/"))
    assert_site_page(response, 503, "We are back in a moment")
    assert response["Retry-After"] == "30"


def test_the_500_page_for_anything_else():
    try:
        raise ValueError("not the database")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert_site_page(response, 500, "Something went wrong on our side")
