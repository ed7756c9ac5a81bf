import os
import subprocess
import sys

import pytest

from tests.conftest import PRODUCTION_ENV

SHOW = "from django.conf import settings as s; print({attrs})"


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(run_django):
    result = run_django("", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_it_reads_the_secret_key_from_a_file(run_django, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file-" + "k" * 50 + "\n")
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": "", "DJANGO_SECRET_KEY_FILE": str(secret)}
    result = run_django(SHOW.format(attrs="s.SECRET_KEY"), **env)
    assert result.stdout.strip() == "from-a-file-" + "k" * 50, result.stderr


def test_it_rejects_a_debug_flag_that_is_not_a_boolean(run_django):
    result = run_django("", DJANGO_DEBUG="maybe")
    assert "DJANGO_DEBUG must be 1 or 0" in result.stderr


def test_database_url_selects_postgresql(run_django):
    url = "postgres://someone@db.internal:5433/advisor"
    result = run_django(
        SHOW.format(attrs="s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST']"),
        DJANGO_DEBUG="1",
        DATABASE_URL=url,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql db.internal", result.stderr


def test_the_default_database_is_sqlite_in_var(run_django):
    result = run_django(SHOW.format(attrs="s.DATABASES['default']['NAME']"), DJANGO_DEBUG="1")
    assert result.stdout.strip().endswith("var/db.sqlite3"), result.stderr


def test_production_turns_on_the_security_settings(run_django):
    attrs = "s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SECURE_PROXY_SSL_HEADER"
    result = run_django(SHOW.format(attrs=attrs), **PRODUCTION_ENV)
    assert (
        result.stdout.strip()
        == "False True True True True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    ), result.stderr


def test_check_deploy_is_clean_with_production_settings(run_django):
    code = "from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')"
    result = run_django(code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """Production settings with static files collected once (hashed and compressed)."""
    root = tmp_path_factory.mktemp("static")
    env = {**PRODUCTION_ENV, "DJANGO_STATIC_ROOT": str(root)}
    code = "from django.core.management import call_command; call_command('collectstatic', interactive=False, verbosity=0)"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return env


def test_production_redirects_plain_http_but_trusts_the_proxy_header(run_django, collected_static):
    code = (
        "from django.test import Client; c = Client()\n"
        "plain = c.get('/no-such-page/')\n"
        "proxied = c.get('/no-such-page/', headers={'x-forwarded-proto': 'https'})\n"
        "print(plain.status_code, plain.headers.get('Location'), proxied.status_code, 'Strict-Transport-Security' in proxied.headers)"
    )
    result = run_django(code, **collected_static)
    assert result.stdout.strip() == "301 https://testserver/no-such-page/ 404 True", result.stderr


def test_production_serves_hashed_compressed_static_files(run_django, collected_static):
    code = (
        "from django.templatetags.static import static; from django.test import Client\n"
        "url = static('bootstrap/css/bootstrap.min.css')\n"
        "r = Client().get(url, headers={'x-forwarded-proto': 'https', 'accept-encoding': 'gzip'})\n"
        "print(url, r.status_code, r.headers.get('Content-Encoding'))"
    )
    result = run_django(code, **collected_static)
    url, status, encoding = result.stdout.split()
    assert (
        url.startswith("/static/bootstrap/css/bootstrap.min.")
        and url != "/static/bootstrap/css/bootstrap.min.css"
    )
    assert (status, encoding) == ("200", "gzip"), result.stderr
