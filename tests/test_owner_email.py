"""E-mailing the owner's link to oneself, through a real SMTP server started here: the message
arrives with the link, as text and HTML; the address is used for it and kept nowhere; sending
is rate-limited per address and per browser; a server that fails is said, not a 500."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client

from advisor import services
from advisor.models import Owner
from config.env import email_settings
from tests.conftest import browser

ADDRESS = "Mei.Lin+rings@Example.com"


class Inbox:
    """What an aiosmtpd server received: each message as the server got it."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_mail_server(settings, url: str):
    """Points the site at a mail server as EMAIL_URL would."""
    for name, value in email_settings(url, debug=False).items():
        setattr(settings, name, value)
    settings.EMAIL_ENABLED = True
    settings.DEFAULT_FROM_EMAIL = "Advisor <advisor@example.com>"


@pytest.fixture
def inbox(settings):
    received = Inbox()
    server = Controller(received, hostname="127.0.0.1", port=free_port())
    server.start()
    use_mail_server(settings, f"smtp://127.0.0.1:{server.port}/?timeout=5")
    yield received
    server.stop()


@pytest.fixture
def owner(make_report):
    make_report(owner_key="owner-key", project_name="Aurora rings")
    return browser("owner-key")


def send(client, address=ADDRESS):
    return client.post("/reports/owner-link/email", {"address": address})


def site_logs(caplog) -> str:
    """What the site logged (the test's own mail server logs what it receives: left out)."""
    return "\n".join(
        record.getMessage() for record in caplog.records if not record.name.startswith("mail.")
    )


def database_text() -> str:
    """Every row of every table, as text; sessions also as Django reads them (they are stored
    signed, perhaps compressed)."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows.extend(repr(row) for row in cursor.fetchall())
    rows.extend(repr(session.get_decoded()) for session in Session.objects.all())
    return "\n".join(rows)


def test_the_link_arrives_as_text_and_html_and_the_address_is_kept_nowhere(owner, inbox, caplog):
    link = "http://127.0.0.1:8000" + Owner.objects.get().get_link_url()
    page = owner.get("/reports/").content.decode()
    assert 'name="address"' in page and "never kept" in page
    response = send(owner)
    assert response.status_code == 303 and response["Location"] == "/reports/#owner-link"

    (received,) = inbox.messages
    assert received.rcpt_tos == [ADDRESS]
    message = email.message_from_bytes(received.content, policy=email.policy.default)
    assert message["To"] == ADDRESS and message["From"] == "Advisor <advisor@example.com>"
    assert "owner's link" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert link in text and f'href="{link}"' in html
    assert "1 report" not in text and "opens one report" in text  # one report: said so
    # Whoever typed the address may not own it: the message says what to do if unasked.
    assert "If it was not you, ignore this e-mail" in text and "You asked" not in text

    after = owner.get("/reports/").content.decode()
    assert "is on its way" in after and ADDRESS not in after
    for kept in (database_text(), site_logs(caplog), str(response.cookies), str(owner.cookies)):
        assert ADDRESS.casefold() not in kept.casefold()
        assert "mei.lin" not in kept.casefold()


def test_only_an_owner_can_send_and_an_unknown_address_is_refused(owner, inbox):
    assert send(Client()).status_code == 404
    assert send(browser("owns-nothing")).status_code == 404
    response = send(owner, "not an address")
    assert response.status_code == 200
    assert "Enter an e-mail address" in response.content.decode()
    assert inbox.messages == []


def test_sending_is_limited_per_address_and_per_browser(make_report, inbox, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "owner_email_address": "2/d",
        "owner_email_browser": "3/d",
    }
    owners = []
    for key in ("first-owner", "second-owner"):
        make_report(owner_key=key)
        owners.append(browser(key))
    assert send(owners[0]).status_code == 303
    assert send(owners[1], ADDRESS.lower()).status_code == 303  # the same inbox
    refused = send(owners[1])
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert len(inbox.messages) == 2
    # One browser, other addresses: three a day.
    for n in (1, 2):
        assert send(owners[0], f"colleague{n}@example.com").status_code == 303
    assert send(owners[0], "colleague3@example.com").status_code == 429
    assert len(inbox.messages) == 4


def test_a_mail_server_that_fails_is_said_and_logged_without_the_address(owner, settings, caplog):
    use_mail_server(settings, f"smtp://127.0.0.1:{free_port()}/?timeout=2")  # nobody there
    response = send(owner)
    assert response.status_code == 303
    assert "could not be sent" in owner.get("/reports/").content.decode()
    assert "could not be e-mailed (ConnectionRefusedError)" in site_logs(caplog)
    assert "mei.lin" not in caplog.text.casefold()


def test_without_a_mail_server_production_offers_no_e_mail(owner, settings):
    settings.EMAIL_ENABLED = False
    assert 'name="address"' not in owner.get("/reports/").content.decode()
    assert send(owner).status_code == 404


def test_email_url_names_the_server_and_development_needs_none():
    smtp = email_settings("smtp://user:p%40ss@mail.example.com:587/?tls=True", debug=False)
    assert smtp == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.com",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "user",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,  # never Django's wait for ever
        "EMAIL_FILE_PATH": None,
    }
    assert email_settings("submission://mail.example.com", debug=False)["EMAIL_PORT"] == 587
    console = email_settings(None, debug=True)
    assert console["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert email_settings("", debug=False) is None  # production without a server: no e-mail


@pytest.mark.parametrize("url", ["smtpx://user:s3cret@host", "smtp://user:s3cret@host:port"])
def test_a_malformed_email_url_is_refused_without_its_password(url):
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings(url, debug=False)
    assert "EMAIL_URL must look like" in str(refused.value)
    assert "s3cret" not in str(refused.value)


def test_one_inbox_is_one_address_for_its_limit(settings):
    digest = services.owners.address_digest
    assert (
        digest("Ana.B+1@Gmail.com") == digest("anab@gmail.com") == digest("a.n.a.b@googlemail.com")
    )
    assert digest("ana+news@example.com") == digest("ANA@example.com")
    assert digest("ana.b@example.com") != digest("anab@example.com")  # dots count elsewhere
