"""A double click: two identical POSTs at the same moment, over real HTTP, to a threaded
gunicorn on the file-based SQLite database that `make run` uses."""

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import ROOT, clean_environment

pytestmark = pytest.mark.slow

LAUNCH = (timezone.localdate() + timedelta(weeks=30)).isoformat()
STEPS = {
    "business": {"company_stage": "growing", "positioning": "premium", "demand_evidence": "proven"},
    "budget": {"upfront_budget_usd": "80000", "unit_cost_usd": "20"},
    "volume": {"units_per_design": "800", "design_count": "3"},
    "timeline": {"launch_date": LAUNCH, "design_readiness": "full_specs"},
    "design": {
        "ip_importance": "essential",
        "customization": "full_custom",
        "qc_capability": "in_house",
        "risk_tolerance": "high",
    },
    "market": {
        "target_markets": "eu",
        "wearer_age": "adults",
        "base_metal": "brass",
        "plating": "none",
    },
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def server(tmp_path):
    """gunicorn with four threads on a fresh SQLite file; yields its base URL."""
    base = clean_environment()
    env = {
        **base,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    # The socket listens before gunicorn starts and is handed to it (fd://): requests wait in
    # its backlog until gunicorn answers, so nothing polls for the port. gunicorn loads Django
    # while the migrations run; it opens the database only when a request comes.
    listener = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    migrate = subprocess.Popen([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env)
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"fd://{listener.fileno()}"]
    process = subprocess.Popen(
        [*command, "--threads", "4", "--workers", "1"],
        cwd=ROOT,
        env=env,
        pass_fds=[listener.fileno()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: master and worker end together
    )
    listener.close()  # gunicorn has its own copy; if it dies, connections are refused at once
    try:
        if migrate.wait(timeout=120) != 0:
            raise subprocess.CalledProcessError(migrate.returncode, migrate.args)
        urllib.request.urlopen(url + "/healthz", timeout=60)
        yield url
    finally:
        migrate.kill()
        migrate.wait()
        # The database is thrown away: no need for a graceful shutdown, which takes half a second.
        with contextlib.suppress(ProcessLookupError):  # unless it died on its own
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _post_twice_at_once(jar, url: str, data: dict, token: str) -> list[int]:
    barrier, statuses = threading.Barrier(2), []

    def post():
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        barrier.wait()
        try:
            statuses.append(opener.open(urllib.request.Request(url, data=body)).status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_two_identical_posts_at_once_both_succeed_and_make_one_report(server):
    statuses, reports = [], []
    for _ in range(6):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        start_page = opener.open(server + "/wizard/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', start_page)[1]
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
        with opener.open(urllib.request.Request(server + "/wizard/", data=body)) as first:
            wizard = first.geturl().rsplit("/", 2)[0]
        for slug, data in STEPS.items():
            statuses += _post_twice_at_once(jar, f"{wizard}/{slug}/", data, token)
        statuses += _post_twice_at_once(jar, f"{wizard}/review/", {}, token)
        mine = opener.open(server + "/reports/").read().decode()
        reports.append(len(re.findall(r'href="/r/[A-Za-z0-9_-]{32}/"', mine)))
    assert sorted(set(statuses)) == [303]
    assert reports == [1] * 6
