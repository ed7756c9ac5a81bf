"""Staff sign-ins end 12 hours after login or after 30 idle minutes; buyers keep their year."""

import time

import pytest
from django.conf import settings

from advisor.middleware import STAFF_SEEN, STAFF_SINCE

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_superuser("ana", "ana@example.com", PASSWORD)


@pytest.fixture
def signed_in(client, staff):
    response = client.post("/admin/login/?next=/admin/", {"username": "ana", "password": PASSWORD})
    assert response.status_code == 302
    return client


def age_session(client, *, since_minutes_ago: float, seen_minutes_ago: float) -> None:
    """Moves the sign-in and its last request into the past, as the clock would."""
    now = int(time.time())
    session = client.session
    session[STAFF_SINCE] = now - int(since_minutes_ago * 60)
    session[STAFF_SEEN] = now - int(seen_minutes_ago * 60)
    session.save()


def is_signed_in(client) -> bool:
    response = client.get("/admin/")
    return response.status_code == 200 and "_auth_user_id" in client.session


def test_a_login_records_when_it_began(signed_in):
    session = signed_in.session
    assert abs(session[STAFF_SINCE] - time.time()) < 60
    assert is_signed_in(signed_in)


@pytest.mark.parametrize(
    "since, seen, still_in",
    [
        (11 * 60 + 59, 1, True),  # eleven hours in, busy
        (12 * 60 + 1, 1, False),  # past twelve hours, however busy
        (60, 29, True),
        (60, 31, False),  # thirty minutes without a request
    ],
)
def test_a_staff_sign_in_ends_after_12_hours_or_30_idle_minutes(signed_in, since, seen, still_in):
    age_session(signed_in, since_minutes_ago=since, seen_minutes_ago=seen)
    assert is_signed_in(signed_in) == still_in
    if not still_in:
        assert signed_in.get("/admin/")["Location"].startswith("/admin/login/")


def test_activity_keeps_a_staff_sign_in_alive(signed_in):
    age_session(signed_in, since_minutes_ago=100, seen_minutes_ago=20)
    assert is_signed_in(signed_in)
    assert abs(signed_in.session[STAFF_SEEN] - time.time()) < 60  # the idle clock restarted


def test_signing_staff_out_keeps_the_browsers_ownership_of_its_reports(signed_in):
    session = signed_in.session
    session["advisor_browser"] = "browser-of-ana"
    session.save()
    old_key = session.session_key
    age_session(signed_in, since_minutes_ago=60, seen_minutes_ago=45)

    assert not is_signed_in(signed_in)
    after = signed_in.session
    assert after["advisor_browser"] == "browser-of-ana"
    assert after.session_key != old_key  # the staff session itself is gone
    assert STAFF_SINCE not in after and STAFF_SEEN not in after


def test_a_buyer_keeps_the_long_ownership_session(client, db):
    page = client.get("/wizard/")
    token = page.cookies["csrftoken"].value
    client.post("/wizard/", {"csrfmiddlewaretoken": token})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 365 * 24 * 60 * 60
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert STAFF_SINCE not in client.session


def test_the_sign_out_button_keeps_the_browsers_ownership_of_its_reports(signed_in, make_report):
    """Issue 26: `POST /admin/logout/` empties the session like any sign-out; the browser's
    key survives it, so the owner's pages still open."""
    session = signed_in.session
    session["advisor_browser"] = "browser-of-ana"
    session.save()
    report = make_report(owner_key="browser-of-ana")
    assert signed_in.get(f"/r/{report.token}/quotes/").status_code == 200

    assert signed_in.post("/admin/logout/").status_code == 200
    assert not is_signed_in(signed_in)
    assert signed_in.session["advisor_browser"] == "browser-of-ana"
    assert signed_in.get(f"/r/{report.token}/quotes/").status_code == 200
    assert report.project_name in signed_in.get("/reports/").content.decode()


def test_ownership_lasts_a_year_from_the_owner_s_last_visit_with_one_write_a_day(db, make_report):
    """Issue 26: it lasted a year from the last session write, which a visit did not make."""
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from advisor.ownership import LAST_SEEN
    from tests.conftest import browser

    owner = browser("browser-of-ana")
    session = owner.session
    del session[LAST_SEEN]  # last seen before today
    session.save()
    report = make_report(owner_key="browser-of-ana")
    key = owner.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(days=30))

    first = owner.get(f"/r/{report.token}/")
    assert first.status_code == 200
    renewed = Session.objects.get(pk=owner.cookies[settings.SESSION_COOKIE_NAME].value)
    assert renewed.expire_date > timezone.now() + timedelta(days=360)
    assert (
        int(first.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == settings.SESSION_COOKIE_AGE
    )

    again = owner.get(f"/r/{report.token}/")  # the same day: nothing written
    assert settings.SESSION_COOKIE_NAME not in again.cookies
