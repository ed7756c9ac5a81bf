"""The client's real address behind the proxy, and staff login lockout by address and account
(issue 26): an IPv6 client by its /64, an account locked for unknown devices only."""

import pytest
from django.test import Client, RequestFactory

from advisor.client import client_ip
from advisor.signins import DEVICE_COOKIE

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
    laptop = Client()  # Ana's own browser: she signed in on it before
    assert log_in(laptop, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302
    assert DEVICE_COOKIE in laptop.cookies

    statuses = [log_in(client, "ana", "wrong", "203.0.113.66").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks that address
    locked = log_in(client, "ana", "pw-for-tests-only", "203.0.113.66")
    assert "Too many failed sign-ins" in locked.content.decode()  # the site's own page
    assert log_in(client, "ana", "pw-for-tests-only", "203.0.113.66").status_code == 429

    response = log_in(laptop, "ana", "pw-for-tests-only", "198.51.100.7")
    assert response.status_code == 302
    assert laptop.session["_auth_user_id"] == str(staff.pk)


def test_guesses_spread_over_addresses_lock_the_account_for_unknown_devices_only(
    client, staff, settings
):
    settings.PROXY_COUNT = 1
    laptop = Client()
    assert log_in(laptop, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302
    # 24 wrong passwords from 6 addresses, 4 each: no address reaches the limit of 5.
    for last in range(10, 16):
        for _ in range(4):
            log_in(Client(), "ana", "wrong", f"203.0.113.{last}")
    stranger = log_in(Client(), "ana", "pw-for-tests-only", "192.0.2.44")
    assert stranger.status_code == 429
    assert stranger["Retry-After"] == str(30 * 60)
    assert log_in(laptop, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302


def test_an_ipv6_client_is_counted_by_its_64(client, staff, settings):
    settings.PROXY_COUNT = 1
    # Five addresses of one /64, one wrong password each, all on different usernames.
    for host, username in enumerate(["ana", "admin", "root", "staff", "bob"], start=1):
        log_in(Client(), username, "wrong", f"2001:db8:1:2::{host:x}")
    assert log_in(Client(), "carol", "guess", "2001:db8:1:2:ffff::9").status_code == 429
    # Another /64 is another client.
    assert log_in(Client(), "ana", "pw-for-tests-only", "2001:db8:1:3::1").status_code == 302


def test_a_known_device_is_held_to_its_own_failures(staff, settings):
    settings.PROXY_COUNT = 1
    laptop = Client()
    assert log_in(laptop, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302
    laptop.logout()
    statuses = [log_in(laptop, "ana", "wrong", "198.51.100.7").status_code for _ in range(5)]
    assert statuses[-1] == 429


def test_a_forged_device_cookie_is_no_device(client, staff, settings):
    settings.PROXY_COUNT = 1
    for _ in range(5):
        log_in(Client(), "ana", "wrong", "203.0.113.66")
    client.cookies[DEVICE_COOKIE] = "ana"  # unsigned
    assert log_in(client, "ana", "pw-for-tests-only", "192.0.2.44").status_code == 429


def test_a_client_spreading_failures_over_usernames_is_locked(client, staff, settings):
    settings.PROXY_COUNT = 1
    for username in ["ana", "admin", "root", "staff", "bob"]:
        log_in(client, username, "wrong", "203.0.113.66")
    assert log_in(client, "carol", "guess", "203.0.113.66").status_code == 429
    assert log_in(client, "ana", "pw-for-tests-only", "203.0.113.66").status_code == 429
    assert log_in(client, "ana", "pw-for-tests-only", "198.51.100.7").status_code == 302
