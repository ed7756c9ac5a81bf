"""The client's real address behind the proxy, and staff login lockout by that address."""

import pytest
from django.test import RequestFactory

from advisor.client import client_ip

PROXY = "10.0.0.2"  # the TLS proxy's own address, as gunicorn sees every connection


def forwarded(xff: str | None):
    headers = {"REMOTE_ADDR": PROXY}
    if xff is not None:
        headers["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    "proxies, xff, expected",
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # A client's own X-Forwarded-For is kept by the proxy, which appends the real address.
        (1, "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        (1, "not-an-address, 198.51.100.7", "198.51.100.7"),
        (2, "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "2001:db8::5", "2001:db8::5"),
        # Not through the proxy (a health probe): the connection's address.
        (1, None, PROXY),
        # Development trusts no header at all.
        (0, "1.2.3.4", PROXY),
        (2, "198.51.100.7", PROXY),
    ],
)
def test_the_client_address_is_read_from_the_trusted_end_of_the_header(
    settings, proxies, xff, expected
):
    settings.PROXY_COUNT = proxies
    assert client_ip(forwarded(xff)) == expected


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_superuser("ana", "ana@example.com", "pw-for-tests-only")


def log_in(client, username: str, password: str, address: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_a_stranger_behind_the_proxy_cannot_lock_out_a_staff_member(client, staff, settings):
    settings.PROXY_COUNT = 1
    statuses = [log_in(client, "ana", "wrong", "203.0.113.66").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks that address
    locked = log_in(client, "ana", "pw-for-tests-only", "203.0.113.66")
    assert "Too many failed sign-ins" in locked.content.decode()  # the site's own page
    assert log_in(client, "ana", "pw-for-tests-only", "203.0.113.66").status_code == 429

    response = log_in(client, "ana", "pw-for-tests-only", "198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_a_client_spreading_failures_over_usernames_is_locked(client, staff, settings):
    settings.PROXY_COUNT = 1
    for username in ["ana", "admin", "root", "staff", "bob"]:
        log_in(client, username, "wrong", "203.0.113.66")
    assert log_in(client, "carol", "guess", "203.0.113.66").status_code == 429
    assert log_in(client, "ana", "pw-for-tests-only", "203.0.113.66").status_code == 429
    assert log_in(client, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302
