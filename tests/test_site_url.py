"""Share links, QR codes and the PDF cache depend on DJANGO_SITE_URL, never on the Host sent."""

import io
import re
import uuid

import pytest
from django.test import Client
from pypdf import PdfReader

from tests.conftest import browser, redis_or_skip

SITE = "https://advisor.example.com"
HOSTS = ["127.0.0.1:8001", "127.0.0.1:8002", "localhost:9999"]
REDIS_URL = "redis://127.0.0.1:6379/3"


def _owner(browser_key: str) -> Client:
    return browser(browser_key)


def _qr(html: str) -> list[str]:
    return re.findall(r'<svg[^>]*class="qr-code".*?</svg>', html, re.S)


@pytest.mark.django_db
def test_the_share_url_and_qr_code_come_from_the_site_url_whatever_host_is_sent(
    settings, make_report
):
    settings.SITE_URL = SITE
    report = make_report(owner_key="owner")
    pages = {host: _owner("owner").get(f"/r/{report.token}/", HTTP_HOST=host) for host in HOSTS}
    expected = f"{SITE}/r/{report.token}/"
    for host, response in pages.items():
        html = response.content.decode()
        assert f'id="share-url" type="text" value="{expected}"' in html
        assert f'<span class="print-url">{expected}</span>' in html
        assert host not in html
    qr_codes = {tuple(_qr(page.content.decode())) for page in pages.values()}
    assert len(qr_codes) == 1 and len(next(iter(qr_codes))) == 2

    settings.SITE_URL = "https://other.example.com"
    moved = _owner("owner").get(f"/r/{report.token}/").content.decode()
    assert tuple(_qr(moved)) not in qr_codes  # the code does follow the configured address


@pytest.fixture
def redis_cache(settings):
    """Django's cache in Redis database 3 under a prefix of this test's own (other runs of the
    suite may share the database): the client to read what the site stored there."""
    prefix = f"test-{uuid.uuid4().hex}"
    client = redis_or_skip(REDIS_URL, "The shared-cache tests")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
        # As in production: pages, QR codes and sections in each process's memory.
        "in_process": settings.CACHES["in_process"],
        "template_fragments": settings.CACHES["template_fragments"],
    }
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.mark.slow
@pytest.mark.django_db
def test_the_pdf_is_drawn_once_per_report_whatever_host_is_sent(settings, make_report, redis_cache):
    client, prefix = redis_cache
    settings.SITE_URL = SITE
    report = make_report()
    pdfs = [Client().get(f"/r/{report.token}.pdf", HTTP_HOST=host) for host in HOSTS]
    assert [pdf.status_code for pdf in pdfs] == [200] * len(HOSTS)
    assert len(list(client.scan_iter(f"{prefix}:*pdf*{report.token}*"))) == 1
    assert len({pdf.content for pdf in pdfs}) == 1
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdfs[0].content)).pages)
    assert f"{SITE}/r/{report.token}/" in text.replace("\n", "")
    assert not any(host in text for host in HOSTS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "https://advisor.example.com"),  # the first allowed host, over HTTPS
        ({"DJANGO_SITE_URL": "https://share.example.org/"}, "https://share.example.org"),
        ({"DJANGO_SITE_URL": "http://127.0.0.1:8080"}, "http://127.0.0.1:8080"),
        ({"DJANGO_DEBUG": "1", "DJANGO_ALLOWED_HOSTS": ""}, "http://127.0.0.1:8000"),
    ],
)
def test_the_site_url_is_configured_or_derived(run_django, env, expected):
    from tests.conftest import PRODUCTION_ENV

    result = run_django(
        "from django.conf import settings; print(settings.SITE_URL)", **{**PRODUCTION_ENV, **env}
    )
    assert result.stdout.strip() == expected, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_SITE_URL": "advisor.example.com"}, "must be an address like"),
        ({"DJANGO_SITE_URL": "https://advisor.example.com/app"}, "must be an address like"),
        ({"DJANGO_SITE_URL": "https://advisor.example.com/?a=1"}, "scheme and host only"),
        ({"DJANGO_ALLOWED_HOSTS": ".example.com"}, "DJANGO_SITE_URL must be set"),
    ],
)
def test_a_site_url_that_cannot_work_is_refused(run_django, env, message):
    from tests.conftest import PRODUCTION_ENV

    result = run_django("", **{**PRODUCTION_ENV, **env})
    assert result.returncode != 0 and message in result.stderr


@pytest.mark.slow
def test_check_deploy_warns_about_a_plain_http_site_url(run_django):
    from tests.conftest import PRODUCTION_ENV

    code = "from django.core.management import call_command\ncall_command('check', deploy=True)"
    result = run_django(code, **{**PRODUCTION_ENV, "DJANGO_SITE_URL": "http://advisor.example.com"})
    assert "advisor.W001" in result.stderr
