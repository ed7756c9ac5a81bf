"""A real PostgreSQL stopped and started under the site: 503 with Retry-After while it is down,
a step posted meanwhile keeps what was typed, and pages recover by themselves when it returns.

The cluster is a private throwaway one (initdb into a temporary folder, a free port), never the
machine's server.
"""

import glob
import http.client
import os
import pwd
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

import pytest

from tests.conftest import PRODUCTION_ENV, ROOT, clean_environment
from tests.test_browser_csp import QUOTE
from tests.test_wizard import VALID

pytestmark = pytest.mark.slow


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"The outage test must run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    # Below 32768, out of the range the kernel hands out to outgoing connections.
    for _ in range(50):
        port = random.randint(20000, 32000)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


@pytest.fixture
def private_postgres():
    """Commands to start and stop a PostgreSQL cluster of this test's own, and its URL."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not binaries:
        _unavailable("no PostgreSQL server binaries (apt-get install postgresql)")
    bin_dir = os.path.dirname(binaries[-1])
    folder = tempfile.mkdtemp(prefix="advisor-outage-")
    # The server refuses to run as root: run it as the postgres user, in a folder it owns.
    as_owner = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), _free_port()
    subprocess.run(
        [*as_owner, f"{bin_dir}/initdb", "-D", data, "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    pg_ctl = [*as_owner, f"{bin_dir}/pg_ctl", "-D", data, "-w"]
    # -l: without a log file the server keeps pg_ctl's output open.
    start = [*pg_ctl, "-l", f"{folder}/server.log", "-o", f"-p {port} -k {folder}", "start"]
    stop = [*pg_ctl, "-m", "fast", "stop"]
    subprocess.run(start, check=True, capture_output=True)
    try:
        yield {
            "url": f"postgres://postgres@127.0.0.1:{port}/postgres",
            "start": start,
            "stop": stop,
        }
    finally:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


HOST = "advisor.example.com"


class Browser:
    """A browser behind the TLS proxy, over real HTTP: keeps its cookies, sends the form token."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "198.51.100.7",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(form, doseq=True)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
            }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            html = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers, html

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, form: dict):
        return self.request("POST", path, form)


@pytest.fixture
def site_on(tmp_path, collected_static):
    """Starts the site with production settings under gunicorn on a database URL."""
    servers = []

    def start(database_url: str) -> int:
        env = {
            **clean_environment(),
            **PRODUCTION_ENV,
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DATABASE_URL": database_url,
            "DJANGO_STATIC_ROOT": str(collected_static),
        }
        manage = [sys.executable, "manage.py", "migrate", "-v", "0"]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, capture_output=True)
        port = _free_port()
        log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 (closed with the server)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        servers.append((server, log))
        for _ in range(100):
            try:
                Browser(port).get("/healthz")
                return port
            except OSError:
                time.sleep(0.1)
        raise RuntimeError((tmp_path / "gunicorn.log").read_text())

    yield start
    for server, log in servers:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_an_outage_answers_503_keeps_what_was_typed_and_recovers(private_postgres, site_on):
    port = site_on(private_postgres["url"])
    browser = Browser(port)
    assert browser.get("/")[0] == 200
    browser.get("/wizard/")  # the start page sets the form-token cookie
    status, headers, _ = browser.post("/wizard/", {})
    assert status == 303
    status, headers, _ = browser.post(headers["Location"], VALID["business"])
    budget_url = headers["Location"]
    assert status == 303 and budget_url.endswith("/budget/")

    # Another buyer's report, to add a quote to.
    owner = Browser(port)
    owner.get("/wizard/")
    wizard = owner.post("/wizard/", {})[1]["Location"].rsplit("/", 2)[0]
    for slug, data in VALID.items():
        assert owner.post(f"{wizard}/{slug}/", data)[0] == 303
    status, headers, _ = owner.post(f"{wizard}/review/", {})
    quotes_url = headers["Location"] + "quotes/"
    assert status == 303 and owner.get(quotes_url)[0] == 200

    subprocess.run(private_postgres["stop"], check=True, capture_output=True)
    quote = {**QUOTE, "model": "oem", "incoterm": "fob"}
    status, headers, html = owner.post(quotes_url, quote)
    assert (status, headers["Retry-After"]) == (503, "30")
    assert "This quote was not saved." in html
    assert 'value="Golden Coast"' in html and 'value="9.90"' in html
    # (The landing page may still come from the cache: that is fine. These read the database.)
    for path in ("/reports/", budget_url):
        status, headers, html = browser.get(path)
        assert (status, headers["Retry-After"]) == (503, "30"), html[:500]
        assert "The answers you saved and your reports are safe." in html
        assert "OEM / ODM sourcing advisor" in html
    typed = {"upfront_budget_usd": "7,500", "unit_cost_usd": "12.50"}
    status, headers, html = browser.post(budget_url, typed)
    assert (status, headers["Retry-After"]) == (503, "30")
    assert "This step was not saved." in html
    assert 'value="7,500"' in html and 'value="12.50"' in html
    assert browser.get("/healthz")[0] == 503

    subprocess.run(private_postgres["start"], check=True, capture_output=True)
    # No restart of the site: the next requests find the database again by themselves.
    assert browser.get("/reports/")[0] == 200
    status, headers, _ = browser.post(budget_url, typed)
    assert status == 303 and headers["Location"].endswith("/volume/")
    status, _, html = browser.get(budget_url)
    assert status == 200
    assert re.search(r'name="upfront_budget_usd" value="7,?500"', html), "the answer was saved"
    assert owner.post(quotes_url, quote)[0] == 303
    assert "Golden Coast" in owner.get(quotes_url)[2]
