"""`make bench`: requests per second of the pages buyers wait on, as a ratio to a bare Django view.

The project runs with production settings (debug off, hashed static files collected into a
temporary folder, no HTTPS redirect) under gunicorn with 2 workers, on a temporary SQLite database
(or DATABASE_URL when set), migrated and given one report. The same server also answers a bare
view (`HttpResponse("ok")`, the same middleware), through settings used only here
(`scripts.bench.settings`). The rate limits are set far above what wrk sends (they still count).

wrk loads each page in turn at 20 connections, the bare view right before each page. A page's
ratio is the median of its ratios to the bare view just before it: absolute figures move from
machine to machine and with whatever else runs, the ratio much less, and the median least.

A second floor: a second gunicorn server, the same settings but `startproject`'s middleware
list (`scripts.bench.settings_default_stack`), answers only the bare view. Each round loads it
right before the round's first bare view; "our middleware / startproject's" is the median of
our bare view's rate over its (target >= 0.7). What each of our middleware costs is measured
in process by `python -m scripts.bench.middleware`, which `make bench` runs after this.

It runs once with the in-process cache and once with Redis (REDIS_URL, or database 4 of the
Redis at 127.0.0.1 when it answers). BENCH_SECONDS (default 2) sets each load's length and
BENCH_ROUNDS (default 4) how many times every page is loaded. BENCH_PAGES, words separated by
commas, loads only the pages whose label holds one of them ("wizard,JSON").
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CONNECTIONS = 20
DEFAULT_REDIS = "redis://127.0.0.1:6379/4"
# The second floor: the bare view under `startproject`'s middleware (settings_default_stack.py).
DEFAULT_STACK_SETTINGS = "scripts.bench.settings_default_stack"
STACK_TARGET = 0.7
# The table's last line: our bare view's rate over startproject's, the median of the rounds.
STACK_LINE = "our middleware / startproject's, bare view"


@dataclass
class Page:
    label: str
    path: str | None  # None: not built yet
    cookie: str = ""
    wizard_body: str = ""  # set: a GET and valid POST cycle of this step


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


SETUP = """
import json, sys
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.urls import Resolver404, resolve
from advisor import services, steps
from tests.conftest import sample_answers

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
report = services.reports.create_report(answers=sample_answers(), owner_key="bench-owner")
# A report at the cap of supplier quotes, for the owner's quotes page.
quoted = services.reports.create_report(answers=sample_answers(), owner_key="bench-owner")
for n in range(services.quotes.MAX_QUOTES):
    services.quotes.add_quote(report=quoted, cleaned_data=dict(
        supplier=f"Factory {n}", model="oem", unit_price_usd=8 + n / 10, moq_per_design=300,
        tooling_per_design_usd=300, sample_fee_usd=40, lead_time_weeks_min=10,
        lead_time_weeks_max=14, incoterm="fob", freight_per_piece_usd=None,
        duty_percent=None, deposit_percent=30,
    ))
submission = services.wizard.open_submission(browser_key="bench-wizard")

def session(browser_key):
    store = SessionStore()
    store["advisor_browser"] = browser_key
    store.create()
    return store.session_key

try:
    resolve(f"/r/{report.token}/rfq.txt")
    rfq = f"/r/{report.token}/rfq.txt?model=oem"
except Resolver404:
    rfq = None
print(json.dumps({
    "token": report.token,
    "owner_session": session("bench-owner"),
    "wizard_session": session("bench-wizard"),
    "wizard_step": f"/wizard/{submission.public_id}/{steps.STEPS[0].slug}/",
    "rfq": rfq,
    "quoted": quoted.token,
}))
"""

# A valid answer to the first step (see advisor/forms/wizard.py, BusinessForm).
FIRST_STEP = "company_stage=growing&positioning=premium&demand_evidence=proven&project_name=Bench"


def environment(workdir: Path, redis_url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in ("REDIS_URL", "PYTHONDONTWRITEBYTECODE")
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "scripts.bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite3",
        "REDIS_URL": redis_url,
        "PYTHONPATH": str(ROOT),
    }
    # The limits still count every request (that work is measured), but never stop wrk.
    for name in ("REPORT", "FORK", "PDF", "REVOKE", "RFQ", "QUOTES", "START", "STEP", "CSP_REPORT"):
        env[f"DJANGO_RATE_LIMIT_{name}"] = "1000000000/m"
    return env


def set_up(env: dict[str, str]) -> list[Page]:
    """Migrates and seeds the database; returns the pages to load."""
    output = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    seed = json.loads(output.strip().splitlines()[-1])
    token = seed["token"]
    owner = f"sessionid={seed['owner_session']}"
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    wizard = f"sessionid={seed['wizard_session']}; csrftoken={csrf}"
    return [
        Page("report page, colleague", f"/r/{token}/"),
        Page("report page, owner", f"/r/{token}/", cookie=owner),
        Page("report JSON", f"/r/{token}.json"),
        Page("RFQ text", seed["rfq"]),
        Page("landing", "/"),
        Page(
            "wizard step GET + POST",
            seed["wizard_step"],
            cookie=wizard,
            wizard_body=f"{FIRST_STEP}&csrfmiddlewaretoken={csrf}",
        ),
        Page("PDF, already rendered", f"/r/{token}.pdf"),
        Page("quotes page, 50 quotes", f"/r/{seed['quoted']}/quotes/", cookie=owner),
        # For scale, not pages: the link's row read (urls.py), which every page behind a link
        # does on every request; and a session read and, on POST, one row written.
        Page("link floor, one row read", f"/bench/link-floor/{token}"),
        Page(
            "wizard floor, no form",
            "/bench/step-floor",
            cookie=wizard,
            wizard_body=f"{FIRST_STEP}&csrfmiddlewaretoken={csrf}",
        ),
    ]


def chosen(page: Page) -> bool:
    words = [word.strip() for word in os.environ.get("BENCH_PAGES", "").split(",") if word.strip()]
    return not words or any(word in page.label for word in words)


def start_server(env: dict[str, str], log: Path, ready: str) -> tuple[subprocess.Popen, str]:
    listener = socket.create_server(("127.0.0.1", 0), backlog=256)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2"]
    process = subprocess.Popen(
        [*command, "-b", f"fd://{listener.fileno()}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        pass_fds=[listener.fileno()],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    listener.close()
    urllib.request.urlopen(url + ready, timeout=60).read()
    return process, url


def warm_up(url: str, pages: list[Page]) -> None:
    """Every page 20 times, 4 at once: one after another, the worker that just answered takes the
    next request too, and the other would draw its own copies (a PDF: a second) during a load."""

    def fetch(page: Page) -> None:
        request = urllib.request.Request(url + page.path, headers={"Cookie": page.cookie})
        try:
            urllib.request.urlopen(request, timeout=120).read()
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{page.label}: {url + page.path} answered {error.code}") from None

    with ThreadPoolExecutor(max_workers=4) as pool:
        for page in pages:
            if page.path is not None:
                list(pool.map(fetch, [page] * 20))


def load(url: str, page: Page, seconds: int) -> Load:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
    if page.cookie:
        command += ["-H", f"Cookie: {page.cookie}"]
    if page.wizard_body:
        command += ["-s", str(HERE / "wizard.lua"), url + page.path, page.path, page.wizard_body]
    else:
        command += ["-s", str(HERE / "report.lua"), url + page.path]
    env = {**os.environ, "BENCH_LUA_DIR": str(HERE)}
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    found = re.search(r"^BENCH (.*)$", output, re.MULTILINE)
    figures = json.loads(found.group(1))
    return Load(
        rps=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=figures["status_errors"] + figures["socket_errors"],
    )


def run(label: str, redis_url: str, seconds: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        env = environment(Path(workdir), redis_url)
        pages = [page for page in set_up(env) if chosen(page)]
        bare = Page("bare Django view", "/bench/bare")
        floor = Page("bare, startproject stack", "/bench/bare")
        servers = []
        try:
            servers.append(start_server(env, Path(workdir) / "gunicorn.log", "/healthz"))
            default_env = {**env, "DJANGO_SETTINGS_MODULE": DEFAULT_STACK_SETTINGS}
            servers.append(start_server(default_env, Path(workdir) / "default.log", bare.path))
            (_, url), (_, floor_url) = servers
            warm_up(url, [bare, *pages])
            warm_up(floor_url, [floor])
            results: dict[str, list[Load]] = {}
            ratios: dict[str, list[float]] = {bare.label: [1.0]}
            for _ in range(rounds):
                # Django's default stack right before the round's first bare view: the ratio
                # of our stack to it compares two loads taken seconds apart, as for a page.
                by_default = load(floor_url, floor, seconds)
                results.setdefault(floor.label, []).append(by_default)
                before = load(url, bare, seconds)
                results.setdefault(bare.label, []).append(before)
                # Its own row shows no ratio: the table's last line is our bare view's over it.
                ratios.setdefault(STACK_LINE, []).append(before.rps / max(by_default.rps, 1))
                # The bare view right before each page: the other load on the machine moves
                # within a run, and each ratio compares two loads taken seconds apart.
                for index, page in enumerate(page for page in pages if page.path is not None):
                    if index:
                        before = load(url, bare, seconds)
                        results.setdefault(bare.label, []).append(before)
                    measured = load(url, page, seconds)
                    results.setdefault(page.label, []).append(measured)
                    ratios.setdefault(page.label, []).append(measured.rps / max(before.rps, 1))
        finally:
            for process, _ in servers:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        print_table(label, [bare, floor, *pages], results, ratios)


def print_table(label: str, pages: list[Page], results: dict, ratios: dict) -> None:
    print(f"\n{label}")
    print(f"{'page':<26}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'ratio':>7}")
    for page in pages:
        loads = results.get(page.label)
        if not loads:
            print(f"{page.label:<26}  not built yet")
            continue
        rps = mean(load.rps for load in loads)
        p50 = median(load.p50_ms for load in loads)
        p99 = max(load.p99_ms for load in loads)
        errors = sum(load.errors for load in loads)
        ratio = f"{median(ratios[page.label]):>7.2f}" if page.label in ratios else ""
        print(f"{page.label:<26}{rps:>9.0f}{p50:>9.1f}{p99:>9.1f}{errors:>9}{ratio}")
    if STACK_LINE in ratios:
        ratio = median(ratios[STACK_LINE])
        print(f"{STACK_LINE:<62}{ratio:>7.2f}  target >= {STACK_TARGET}")


def redis_answers(url: str) -> bool:
    try:
        import redis
    except ImportError:
        return False
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False
    return True


def main() -> None:
    if shutil.which("wrk") is None:
        if os.geteuid() == 0 and shutil.which("apt-get"):
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        else:
            raise SystemExit("wrk is needed: apt-get install wrk (Debian), or brew install wrk.")
    seconds = int(os.environ.get("BENCH_SECONDS", "2"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "4"))
    cores = os.cpu_count()
    database = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"{cores} cores; gunicorn 2 workers; wrk -t2 -c{CONNECTIONS}, {seconds} s x {rounds}")
    print(f"database: {database}; every page compared with the bare view of the same run")
    print("the bare view also on a second server with startproject's middleware, once a round")
    run("cache: in-process memory (locmem)", "", seconds, rounds)
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS
    if redis_answers(redis_url):
        run(f"cache: Redis ({redis_url})", redis_url, seconds, rounds)
    else:
        print(f"\nRedis at {redis_url} does not answer: the Redis run is left out.")


if __name__ == "__main__":
    main()
