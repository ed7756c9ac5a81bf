"""The site on more than one process: the cache in Redis, two app servers on one database.

Every test here that touches Redis uses its database 4, and they all live in this file, so
that `make test` runs them one after another on one worker (whole files per worker).
"""

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from advisor import rules
from tests.conftest import PRODUCTION_ENV, ROOT, clean_environment, redis_or_skip
from tests.test_concurrency import STEPS, _NoRedirect

# Settings are read once per process: each case starts Django in a process of its own.
pytestmark = pytest.mark.slow

REDIS_URL = "redis://127.0.0.1:6379/4"


def _unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"The scale-out tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def redis_db4():
    """Redis database 4 at 127.0.0.1. Never emptied: other checkouts on this machine may run
    these tests at the same moment, so each keeps to key names or a prefix of its own."""
    client = redis_or_skip(REDIS_URL, "The scale-out tests")
    yield client
    client.close()


# The probe's key names the test process (other runs may share the Redis database).
SHOW_CACHE = f"""
from django.conf import settings
from django.core.cache import cache
print(settings.CACHES["default"]["BACKEND"])
cache.set("settings-probe-{os.getpid()}", "through the configured cache", 30)
print(cache.get("settings-probe-{os.getpid()}"))
"""


def test_without_redis_url_the_cache_is_in_process_memory(run_django):
    result = run_django(SHOW_CACHE, DJANGO_DEBUG="1")
    backend, value = result.stdout.split("\n")[:2]
    assert backend == "django.core.cache.backends.locmem.LocMemCache", result.stderr
    assert value == "through the configured cache"


def test_redis_url_puts_the_cache_in_redis(run_django, redis_db4):
    result = run_django(SHOW_CACHE, DJANGO_DEBUG="1", REDIS_URL=REDIS_URL)
    backend, value = result.stdout.split("\n")[:2]
    assert backend == "django.core.cache.backends.redis.RedisCache", result.stderr
    assert value == "through the configured cache"
    # The value really is in Redis, where another process (this one) reads it.
    assert any(redis_db4.scan_iter(f"*settings-probe-{os.getpid()}"))


POSTGRES = "postgres://postgres@127.0.0.1:5432"


@pytest.fixture
def own_postgres_database():
    """A PostgreSQL database of this test's own on 127.0.0.1, dropped at the end."""
    import psycopg

    name = f"h17perf_two_servers_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        _unreachable(f"no PostgreSQL at 127.0.0.1:5432 ({error})")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{POSTGRES}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Browser:
    """A browser of its own (cookies, form token) against whichever server it is pointed at."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url: str, data: dict, form_page: str) -> tuple[int, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)[1]
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        try:
            with self.opener.open(urllib.request.Request(url, data=body), timeout=60) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")


def _report_made_on(server: str, buyer: Browser) -> str:
    """Walks the wizard on `server`; the report's path."""
    status, location = buyer.post(f"{server}/wizard/", {}, buyer.get(f"{server}/wizard/")[1])
    assert status == 303, status
    wizard = server + location.rsplit("/", 2)[0]
    for slug, data in STEPS.items():
        step = f"{wizard}/{slug}/"
        assert buyer.post(step, data, buyer.get(step)[1])[0] == 303
    review = f"{wizard}/review/"
    status, report = buyer.post(review, {}, buyer.get(review)[1])
    assert status == 303 and report.startswith("/r/"), (status, report)
    return report


@pytest.fixture
def two_servers(own_postgres_database, redis_db4, tmp_path):
    """Two gunicorn processes on one PostgreSQL database and one Redis: (A's URL, B's URL)."""
    env = {
        **clean_environment(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": own_postgres_database,
        "REDIS_URL": REDIS_URL,
        "DJANGO_CACHE_KEY_PREFIX": f"two-servers-{os.getpid()}",
        "DJANGO_SUPERUSER_PASSWORD": "pw-for-tests-only",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", "ana", "--email", "a@example.com"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=60,
    )
    servers, urls = [], []
    try:
        for _ in range(2):
            listener = socket.create_server(("127.0.0.1", 0))
            urls.append(f"http://127.0.0.1:{listener.getsockname()[1]}")
            command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1"]
            servers.append(
                subprocess.Popen(
                    [*command, "-b", f"fd://{listener.fileno()}"],
                    cwd=ROOT,
                    env=env,
                    pass_fds=[listener.fileno()],
                    stdout=(tmp_path / f"server{len(servers)}.log").open("w"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            listener.close()
        for url in urls:
            urllib.request.urlopen(url + "/healthz", timeout=60).read()
        yield tuple(urls)
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def _change_a_threshold_as_staff(server: str, **changes) -> None:
    staff = Browser()
    login = f"{server}/admin/login/?next=/admin/"
    credentials = {"username": "ana", "password": "pw-for-tests-only", "next": "/admin/"}
    assert staff.post(login, credentials, staff.get(login)[1])[0] == 302
    change = f"{server}/admin/advisor/thresholds/1/change/"
    form = staff.get(change)[1]
    figures = {
        name: re.search(rf'name="{name}" value="(\d+)"', form)[1]
        for name in rules.Thresholds.figure_names()
    }
    figures["gold_price_set_on"] = re.search(r'name="gold_price_set_on" value="([\d-]+)"', form)[1]
    assert staff.post(change, {**figures, **changes, "_save": "Save"}, form)[0] == 302


def _odm_moq_text(report: dict) -> str:
    return next(f["odm"] for f in report["factors"] if f["slug"] == "moq-requirements")


def test_two_app_servers_share_reports_revocations_and_staff_changes(two_servers):
    a, b = two_servers
    owner, colleague = Browser(), Browser()
    report = _report_made_on(a, owner)

    # A report made on A is served by B, page and JSON alike, and B keeps its page.
    status, page_on_b = colleague.get(b + report)
    assert status == 200 and "Revoke" not in page_on_b
    assert colleague.get(b + report)[1] == page_on_b
    saved_json = colleague.get(f"{b}{report[:-1]}.json")[1]
    assert _odm_moq_text(json.loads(saved_json)).startswith("Usually 50 to 200 pieces")

    # The landing page A drew and kept starts a wizard on B: its start button's form token is
    # B's visitor's own, whichever process drew the page.
    visitor = Browser()
    assert "Usually 50 to 200" in visitor.get(a + "/")[1]
    status, _ = visitor.post(b + "/wizard/", {}, visitor.get(b + "/")[1])
    assert status == 303, status
    landing_on_b = colleague.get(b + "/")[1]
    assert "Usually 50 to 200 pieces per design" in landing_on_b

    # A staff change on A reaches B's landing page and B's new reports, never the saved one.
    _change_a_threshold_as_staff(a, odm_moq_min_units=100)
    assert "Usually 100 to 200 pieces per design" in colleague.get(b + "/")[1]
    later = _report_made_on(b, Browser())
    later_json = json.loads(colleague.get(f"{b}{later[:-1]}.json")[1])
    assert _odm_moq_text(later_json).startswith("Usually 100 to 200 pieces")
    assert later_json["rules_version"] == 2
    assert colleague.get(f"{b}{report[:-1]}.json")[1] == saved_json

    # Revoked on A: gone on B at once, its kept page with it; the owner still reads it on B.
    revoke = f"{a}{report}revoke"
    assert owner.post(revoke, {}, owner.get(revoke)[1])[0] == 303
    assert colleague.get(b + report)[0] == 410
    assert colleague.get(f"{b}{report[:-1]}.json")[0] == 410
    assert owner.get(b + report)[0] == 200


STATIC_AND_DATABASE = """
from django.conf import settings as s
from django.templatetags.static import static
from django.test import Client

served = Client().get(static("advisor/css/site.css"), headers={"x-forwarded-proto": "https"})
database = s.DATABASES["default"]
print(served.status_code, database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"])
print(served.headers["Cache-Control"])
"""


def test_static_files_are_kept_for_good_and_database_connections_are_reused(
    run_django, collected_static
):
    env = {**PRODUCTION_ENV, "DJANGO_STATIC_ROOT": str(collected_static)}
    result = run_django(STATIC_AND_DATABASE, **env)
    facts, cache_control = result.stdout.strip().splitlines()[-2:]
    # Hashed names change with their content, so browsers may keep them as long as they like.
    assert facts == "200 60 True", result.stderr
    assert "immutable" in cache_control and "max-age=315360000" in cache_control


PAGES_WITHOUT_REDIS = """
import json
from django.core.management import call_command
from django.test import Client
from advisor import services
from tests.conftest import sample_answers
call_command("migrate", verbosity=0)
report = services.reports.create_report(answers=sample_answers(), owner_key="o")
client = Client()
urls = ["/", f"/r/{report.token}/", f"/r/{report.token}.json", f"/r/{report.token}/rfq.txt"]
from django.contrib.sessions.backends.db import SessionStore
session = SessionStore()
session["advisor_browser"] = "o"
session.create()
owner = Client()
owner.cookies["sessionid"] = session.session_key
codes = [client.get(url).status_code for url in urls * 2]
codes += [owner.get(f"/r/{report.token}/").status_code for _ in range(2)]
codes.append(client.get(f"/r/{report.token}.pdf").status_code)  # the one part kept in Redis
print(" ".join(str(code) for code in codes))
services.reports.revoke_link(report=report)
print(client.get(f"/r/{report.token}/").status_code)
"""


@pytest.mark.slow
@pytest.mark.parametrize("redis", ["down", "hung"])
def test_an_unreachable_redis_makes_pages_slower_never_broken(
    run_django, tmp_path, hung_redis, redis
):
    # Port 1: nothing listens there, so every cache call is refused at once. The hung one
    # takes the connection and never answers: a call waits out the timeout.
    result = run_django(
        PAGES_WITHOUT_REDIS,
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        REDIS_URL="redis://127.0.0.1:1/4" if redis == "down" else hung_redis[0],
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    pages, revoked = result.stdout.split("\n")[:2]
    assert pages.split() == ["200"] * 11, result.stderr[-2000:]
    assert revoked == "410"
    # One failure, then Redis is left alone: the rest were kept in the process.
    assert result.stderr.count("Redis unreachable") == 1, result.stderr
