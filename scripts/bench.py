"""Repeatable speed figures for the parts buyers wait on. Run with `make bench`.

Everything runs in this process against a throw-away SQLite database: the pure rules, creating a
report, and the pages through Django's test client (the full middleware stack, no network).
Figures are medians over many runs, in milliseconds; compare them between commits on the same
machine, not across machines.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ["DJANGO_DEBUG"] = "1"  # development storage: no collectstatic needed
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from advisor import rules, services  # noqa: E402
from tests.conftest import sample_answers  # noqa: E402


def measure(label: str, action, runs: int) -> None:
    action()  # warm up
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{label:<44} median {statistics.median(timings):8.2f} ms   p95 {p95:8.2f} ms   n={runs}")


def main() -> None:
    call_command("migrate", verbosity=0)
    setup_test_environment()
    answers = sample_answers()
    thresholds = services.current_rules().thresholds
    today = timezone.localdate()
    report = services.create_report(answers=answers, owner_key="bench")
    client = Client()
    step = client.post("/wizard/")["Location"]

    print(f"Python {sys.version.split()[0]}, Django {django.get_version()}, SQLite, in process")
    measure(
        "rules.decide (no what-would-change)",
        lambda: rules.decide(answers, thresholds, today),
        2000,
    )
    measure(
        "rules.evaluate (full recommendation)",
        lambda: rules.evaluate(answers, thresholds, today),
        500,
    )
    measure(
        "services.create_report (rules + save)",
        lambda: services.create_report(answers=answers, owner_key="bench"),
        200,
    )
    measure("GET / (landing)", lambda: client.get("/"), 300)
    measure("GET wizard step", lambda: client.get(step), 300)
    measure("GET /r/<token>/ (report page)", lambda: client.get(report.get_absolute_url()), 300)
    measure("GET /r/<token>.json", lambda: client.get(f"/r/{report.token}.json"), 500)
    pdf = f"/r/{report.token}.pdf"

    def render_pdf_afresh():
        cache.clear()
        client.get(pdf)

    measure("GET /r/<token>.pdf, first time (WeasyPrint)", render_pdf_afresh, 10)
    measure("GET /r/<token>.pdf, again (cached)", lambda: client.get(pdf), 300)


if __name__ == "__main__":
    main()
