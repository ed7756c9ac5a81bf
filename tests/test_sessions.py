"""The session store (advisor/sessions.py): Django's database sessions, read by a query
compiled once, with Django's rules: expired or unknown sessions are not read."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advisor.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_site_uses_it():
    assert settings.SESSION_ENGINE == "advisor.sessions"


def test_reads_a_session_django_wrote_in_one_query():
    written = DjangoStore()
    written["advisor_browser"] = "browser-1"
    written.create()

    read = SessionStore(written.session_key)
    with CaptureQueriesContext(connection) as queries:
        assert read["advisor_browser"] == "browser-1"
    assert len(queries) == 1
    assert read.session_key == written.session_key


def test_an_expired_session_is_not_read_and_its_key_not_reused():
    written = DjangoStore()
    written["advisor_browser"] = "browser-1"
    written.create()
    Session.objects.filter(session_key=written.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    read = SessionStore(written.session_key)
    assert read.get("advisor_browser") is None
    read["advisor_browser"] = "browser-2"
    read.save()
    assert read.session_key != written.session_key
    # Django's store reads the same nothing.
    assert DjangoStore(written.session_key).get("advisor_browser") is None


def test_an_unknown_key_reads_nothing_and_is_not_reused():
    read = SessionStore("no-such-session-key-here")
    assert read.get("advisor_browser") is None
    read["advisor_browser"] = "browser-4"
    read.save()
    assert read.session_key != "no-such-session-key-here"  # no fixation on a key a client chose


def test_a_session_it_writes_django_reads():
    written = SessionStore()
    written["advisor_browser"] = "browser-3"
    written.save()
    assert DjangoStore(written.session_key)["advisor_browser"] == "browser-3"
