import fcntl
import gc
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

ROOT = Path(__file__).resolve().parent.parent

# Property tests (Hypothesis): CI tries the full count of examples; the edit loop a tenth of
# it, which still runs every property against the defaults and varied thresholds. The
# example database (.hypothesis/) replays, first, any example that failed here before.
# HYPOTHESIS_PROFILE=ci runs the full count locally.
CI_EXAMPLES = 200
hypothesis_settings.register_profile("ci", max_examples=CI_EXAMPLES, deadline=None)
hypothesis_settings.register_profile("dev", max_examples=CI_EXAMPLES // 10, deadline=None)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


def examples(ci_count: int) -> int:
    """`ci_count` examples under the ci profile, as many in proportion under another."""
    return max(1, ci_count * hypothesis_settings.default.max_examples // CI_EXAMPLES)


CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying to reach the internet, which is closed here.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"Browser tests must run in CI: {reason}")
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database, with the seed even under --no-migrations (`make test-fast`).

    Running some forty migrations takes each xdist worker a second or two; without them the
    tables come straight from the models (`makemigrations --check` in CI holds the two to be
    the same), and the seed that 0002_seed would load is loaded here by the same loader.
    `make test` migrates, so the migrations themselves still load it there.
    """
    if request.config.getoption("nomigrations"):
        from django.apps import apps

        from advisor import seed

        with django_db_blocker.unblock():
            seed.load(apps)


@pytest.fixture
def seeded_live_db(transactional_db):
    """The factors, thresholds and compliance requirements a fresh `migrate` loads, for tests against `live_server`.

    The live server sees only committed data, so these tests run in transactional mode, whose
    flush after each test also removes what the migrations loaded: load it again here, with
    the loader the data migration (0002_seed) runs. It adds only what is missing.
    """
    from django.apps import apps

    from advisor import seed

    seed.load(apps)


def clean_environment() -> dict[str, str]:
    """This process's environment without the project's settings, for a Django of its own."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_")) and key != "PYTHONDONTWRITEBYTECODE"
    }


@pytest.fixture(scope="session")
def fork_server():
    """Starts fresh Django processes (run_django); see tests/fork_server.py."""
    from tests.fork_server import ForkServer

    server = ForkServer(ROOT, clean_environment())
    yield server
    server.stop()


@pytest.fixture
def run_django(fork_server):
    """Runs Python code in a fresh process with Django set up under the given environment.

    Settings are read once per process, so tests of other environments need their own process.
    Each is forked from a process that has imported Django's own modules, and nothing of the
    project's, once (tests/fork_server.py).
    """

    def run(code: str, **env: str) -> subprocess.CompletedProcess:
        script = "import django; django.setup()\n" + code
        env = {**clean_environment(), "DJANGO_SETTINGS_MODULE": "config.settings", **env}
        return fork_server.run(script, env, timeout=60)

    return run


PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7#kq-test-only-9f3b1c2d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4",
    "DJANGO_ALLOWED_HOSTS": "advisor.example.com,testserver",
}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, worker_id) -> Path:
    """A DJANGO_STATIC_ROOT as `manage.py collectstatic` leaves it under the production
    settings (hashed names, a manifest, compressed copies), for the tests that run them.

    Collecting compresses some 800 files, seconds of CPU: done once per test run, whichever
    pytest-xdist worker asks first (the others wait for it, then use the same folder).
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    static_root = shared / "collected-static"
    with open(shared / "collected-static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (static_root / "staticfiles.json").exists():
            env = {**clean_environment(), **PRODUCTION_ENV, "DJANGO_STATIC_ROOT": str(static_root)}
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                timeout=300,
            )
    return static_root


def browser(key: str | None = None, **defaults):
    """A test client; with `key`, a browser whose session makes it the owner of the reports
    and wizards made under that browser key, already seen today: a day's first visit saves the
    session once (tests/test_staff_sessions.py), which the query counts leave out."""
    from django.test import Client
    from django.utils import timezone

    from advisor.ownership import LAST_SEEN

    client = Client(**defaults)
    if key:
        session = client.session
        session["advisor_browser"] = key
        session[LAST_SEEN] = timezone.localdate().isoformat()
        session.save()
    return client


# A buyer the report tells to go OEM (with a launch far enough off), unlike the sample buyer.
OEM_BUYER = {
    "upfront_budget_usd": 200_000,
    "units_per_design": 2_000,
    "company_stage": "established",
    "demand_evidence": "proven",
    "design_readiness": "full_specs",
    "customization": "full_custom",
    "qc_capability": "in_house",
    "risk_tolerance": "high",
}


def sample_answers(**overrides):
    """Valid answers for a mid-sized buyer; tests override what they are about."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from advisor.rules import Answers

    base = {
        "project_name": "Spring pendants",
        "company_stage": "growing",
        "positioning": "premium",
        "demand_evidence": "early_sales",
        "upfront_budget_usd": 3_000,
        "unit_cost_usd": Decimal("12.50"),
        "units_per_design": 120,
        "design_count": 4,
        "launch_date": timezone.localdate() + timedelta(weeks=8),
        "design_readiness": "sketches",
        "ip_importance": "essential",
        "customization": "minor_changes",
        "qc_capability": "none",
        "risk_tolerance": "medium",
        "target_markets": ("us", "eu"),
        "wearer_age": "adults",
        "base_metal": "sterling_silver",
        "plating": "gold",
        "retail_price_usd": Decimal("39.00"),
    }
    return Answers(**{**base, **overrides})


@pytest.fixture
def make_report(db):
    from advisor import services

    def make(owner_key: str = "browser-a", **overrides):
        return services.reports.create_report(
            answers=sample_answers(**overrides), owner_key=owner_key
        )

    return make


@pytest.fixture(autouse=True)
def _empty_cache():
    """Kept report parts live in Django's caches, rate-limit counters in this process's
    memory: no test sees another's."""
    from django.core.cache import caches

    from advisor.limits import forget_counts

    for alias in ("default", "in_process", "template_fragments"):
        caches[alias].clear()
    forget_counts()


@pytest.fixture(autouse=True)
def _site_url_of_the_live_server(request):
    # Share links are built from SITE_URL, not from the request: against a live server, the
    # site is that server.
    if "live_server" in request.fixturenames:
        settings = request.getfixturevalue("settings")
        settings.SITE_URL = request.getfixturevalue("live_server").url


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Staff tests create users and log in; the real hasher is slow by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # Each pytest process (each pytest-xdist worker too) ends here: frozen, the heap of modules,
    # tests and Django is left to the exit as it is instead of being torn down object by object,
    # which took each process about half a second after its last test.
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test`'s scheduling: pytest-xdist's loadfile, except that all the browser test files
    make one unit, so Chromium starts once.

    With --no-loadscope-reorder (as in the Makefile) units go out in collection order, which
    pytest-django sorts: database tests, then transactional ones (the browser tests, whose flush
    empties the tables that the migrations filled), then the rest. So every worker still runs
    its database tests before its browser tests.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class OneBrowserUnit(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith("tests/test_browser_"):
                return "browser"
            return super()._split_scope(nodeid)

    return OneBrowserUnit(config, log)


def own_reports_in(context, live_server_url: str) -> str:
    """Makes a Playwright browser context the owner of reports: a session of its own, as the
    wizard's first visit would make, whose browser key is returned for `create_report`."""
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    browser_key = "browser-test-owner"
    session = SessionStore()
    session["advisor_browser"] = browser_key
    session.create()
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}
    context.add_cookies([{**cookie, "url": live_server_url}])
    return browser_key


def redis_or_skip(url: str, what: str):
    """A client of the machine's Redis at `url`, which answers: without one, the test is
    skipped, and under CI=true it fails (`what` says which tests must run there)."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError as error:
        client.close()
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} must run in CI: no Redis at {url} ({error})")
        pytest.skip(f"no Redis at {url} ({error})")
    return client


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_superuser("ana", "ana@example.com", "pw-for-tests-only")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def hung_redis():
    """A Redis that hangs: it accepts connections and never answers. Yields its URL and the
    connections it accepted."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:  # closed at the end of the test
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/2", accepted
    listener.close()
    for connection in accepted:
        connection.close()
