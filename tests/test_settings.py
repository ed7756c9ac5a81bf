import json
import re
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import PRODUCTION_ENV, ROOT, clean_environment

# Every test here starts Django in a process of its own, with an environment of its own.
pytestmark = pytest.mark.slow

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


SQLITE_MODES = """
from django.db import connection
with connection.cursor() as cursor:
    print(cursor.execute("PRAGMA journal_mode").fetchone()[0])
    print(cursor.execute("PRAGMA synchronous").fetchone()[0])
"""


def test_a_sqlite_file_is_written_ahead_and_flushed_at_every_commit(run_django, tmp_path):
    result = run_django(
        SQLITE_MODES, DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/site.sqlite3"
    )
    assert result.stdout.split() == ["wal", "2"], result.stderr  # 2: FULL


PRODUCTION_FACTS = """
import json
import re
from io import StringIO
from django.conf import settings as s
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

checks = StringIO()
call_command("check", deploy=True, fail_level="WARNING", stdout=checks, stderr=checks)
client = Client()
plain = client.get("/no-such-page/")
proxied = client.get("/no-such-page/", headers={"x-forwarded-proto": "https"})
css = static("bootstrap/css/bootstrap.min.css")
served = client.get(css, headers={"x-forwarded-proto": "https", "accept-encoding": "gzip"})
print(json.dumps({
    "settings": [s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, s.SESSION_COOKIE_SECURE,
                 s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, list(s.SECURE_PROXY_SSL_HEADER)],
    "checks": checks.getvalue(),
    "plain": [plain.status_code, plain.headers.get("Location")],
    "proxied": [proxied.status_code, "Strict-Transport-Security" in proxied.headers],
    "static": [css, served.status_code, served.headers.get("Content-Encoding")],
}))
"""


@pytest.fixture(scope="module")
def production(collected_static, fork_server):
    """Facts read from one process running the production settings, on the files that
    `collectstatic` collected under them."""
    env = {**clean_environment(), "DJANGO_SETTINGS_MODULE": "config.settings", **PRODUCTION_ENV}
    env["DJANGO_STATIC_ROOT"] = str(collected_static)
    script = "import django; django.setup()\n" + PRODUCTION_FACTS
    result = fork_server.run(script, env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_turns_on_the_security_settings(production):
    assert production["settings"] == [
        False,
        True,
        True,
        True,
        True,
        True,
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ]


def test_check_deploy_is_clean_with_production_settings(production):
    assert "System check identified no issues" in production["checks"]


def test_production_redirects_plain_http_but_trusts_the_proxy_header(production):
    assert production["plain"] == [301, "https://testserver/no-such-page/"]
    assert production["proxied"] == [404, True]


def test_production_serves_hashed_compressed_static_files(production):
    url, status, encoding = production["static"]
    assert url.startswith("/static/bootstrap/css/bootstrap.min.")
    assert url != "/static/bootstrap/css/bootstrap.min.css"
    assert (status, encoding) == (200, "gzip")


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean_environment(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_web_server_refuses_to_start_without_a_secret_key():
    result = _run(["-c", "import config.wsgi"], DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_checks_and_runserver_need_the_secret_key_too():
    for command in (["check", "--deploy"], ["runserver", "--noreload"]):
        result = _run(["manage.py", *command], DJANGO_DEBUG="0")
        assert result.returncode != 0
        assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_other_management_commands_run_without_any_environment(tmp_path):
    result = _run(
        ["manage.py", "makemigrations", "--check", "--dry-run"],
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"DJANGO_DEBUG": "1"}, "0"),
        (PRODUCTION_ENV, "1"),
        ({**PRODUCTION_ENV, "DJANGO_PROXY_COUNT": "2"}, "2"),
    ],
)
def test_the_proxy_count_defaults_to_the_one_proxy_in_production(run_django, env, expected):
    result = run_django(SHOW.format(attrs="s.PROXY_COUNT"), **env)
    assert result.stdout.strip() == expected, result.stderr


def test_a_negative_proxy_count_is_refused(run_django):
    result = run_django("", DJANGO_DEBUG="1", DJANGO_PROXY_COUNT="-1")
    assert "DJANGO_PROXY_COUNT must be 0 or more" in result.stderr


def test_a_rate_limit_is_overridden_from_the_environment(run_django):
    result = run_django(
        SHOW.format(attrs="s.RATE_LIMITS['pdf'], s.RATE_LIMITS['report']"),
        DJANGO_DEBUG="1",
        DJANGO_RATE_LIMIT_PDF="5/m",
    )
    assert result.stdout.strip() == "5/m 30/h", result.stderr


@pytest.mark.parametrize("rate", ["fast", "20/0m", "0/m"])
def test_a_malformed_rate_limit_is_refused(run_django, rate):
    # "20/0m" passed a looser check, then failed every limited request with a 500.
    result = run_django("", DJANGO_DEBUG="1", DJANGO_RATE_LIMIT_PDF=rate)
    assert "DJANGO_RATE_LIMIT_PDF must look like 20/m or 30/h" in result.stderr


def test_rate_limits_on_redis_pass_the_deploy_checks(run_django):
    code = (
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
    )
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/2", "DJANGO_RELEASE": "a1b2"}
    result = run_django(code, **env)
    assert result.returncode == 0, result.stderr


HSTS = "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD"
DEPLOY_CHECKS = """
from io import StringIO
from django.core.management import call_command
out = StringIO()
call_command("check", deploy=True, stdout=out, stderr=out)
print(out.getvalue())
"""


def test_hsts_covers_only_this_host_unless_asked(run_django):
    result = run_django(SHOW.format(attrs=HSTS), **PRODUCTION_ENV)
    assert result.stdout.strip() == "31536000 False False", result.stderr
    checks = run_django(DEPLOY_CHECKS, **PRODUCTION_ENV).stdout
    assert "security.W005" not in checks and "security.W021" not in checks


def test_hsts_subdomains_and_preload_when_set(run_django):
    env = {**PRODUCTION_ENV, "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1", "DJANGO_HSTS_PRELOAD": "1"}
    result = run_django(SHOW.format(attrs=HSTS + ", s.SILENCED_SYSTEM_CHECKS"), **env)
    assert result.stdout.startswith("31536000 True True"), result.stderr
    assert "security.W005" not in result.stdout and "security.W021" not in result.stdout


def test_hsts_preload_without_subdomains_is_refused(run_django):
    result = run_django("", **PRODUCTION_ENV, DJANGO_HSTS_PRELOAD="1")
    assert "DJANGO_HSTS_PRELOAD=1 needs DJANGO_HSTS_INCLUDE_SUBDOMAINS=1" in result.stderr


def test_the_compose_file_has_no_fallback_secret_key():
    compose = (ROOT / "docker-compose.yml").read_text()
    uses = re.findall(r"\$\{DJANGO_SECRET_KEY([^}]*)\}", compose)
    assert uses, "the compose file passes DJANGO_SECRET_KEY on"
    # ${VAR:?message} stops compose with the message when VAR is unset or empty.
    assert all(use.startswith(":?") and len(use) > 10 for use in uses), uses


def test_the_release_is_the_deploy_s_or_the_package_version_and_caching_can_be_off(run_django):
    show = (
        "from django.conf import settings; "
        "print(settings.RELEASE, settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1], "
        "settings.CACHES['template_fragments']['BACKEND'].rsplit('.', 1)[1])"
    )
    deployed = run_django(show, DJANGO_DEBUG="1", DJANGO_RELEASE="a1b2c3")
    assert deployed.stdout.split() == ["a1b2c3", "LocMemCache", "LocMemCache"], deployed.stderr
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    development = run_django(show, DJANGO_DEBUG="1", DJANGO_CACHE_PAGES="0")
    assert development.stdout.split() == [version, "DummyCache", "DummyCache"], development.stderr


def test_check_deploy_warns_when_a_shared_cache_has_no_release_set(run_django):
    check = "from django.core.management import call_command; call_command('check', '--deploy')"
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/9"}
    warned = run_django(check, **env)
    assert "advisor.W002" in warned.stderr + warned.stdout
    released = run_django(check, **env, DJANGO_RELEASE="a1b2c3")
    assert "advisor.W002" not in released.stderr + released.stdout


def test_email_url_and_the_from_address_come_from_the_environment(run_django):
    result = run_django(
        SHOW.format(
            attrs="s.EMAIL_ENABLED, s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, "
            "s.EMAIL_USE_TLS, s.EMAIL_HOST_PASSWORD, s.DEFAULT_FROM_EMAIL"
        ),
        DJANGO_DEBUG="1",
        EMAIL_URL="smtp://advisor:s3cret@mail.example.com:587/?tls=True",
        DJANGO_DEFAULT_FROM_EMAIL="advisor@example.com",
    )
    assert result.stdout.split() == [
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.com",
        "587",
        "True",
        "s3cret",
        "advisor@example.com",
    ], result.stderr


def test_without_email_url_development_prints_e_mails_and_production_sends_none(run_django):
    shown = SHOW.format(attrs="s.EMAIL_ENABLED, s.EMAIL_BACKEND")
    development = run_django(shown, DJANGO_DEBUG="1")
    assert development.stdout.split() == [
        "True",
        "django.core.mail.backends.console.EmailBackend",
    ], development.stderr
    production = run_django(SHOW.format(attrs="s.EMAIL_ENABLED"), **PRODUCTION_ENV)
    assert production.stdout.strip() == "False", production.stderr


def test_a_malformed_email_url_stops_the_site_without_showing_its_password(run_django):
    result = run_django("", DJANGO_DEBUG="1", EMAIL_URL="smtpx://advisor:s3cret@mail.example.com")
    assert "EMAIL_URL must look like" in result.stderr
    assert "s3cret" not in result.stderr
