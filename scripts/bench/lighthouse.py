"""Lighthouse's performance and accessibility scores of the landing page and a shared report
page, served as `make bench` serves them (production settings, gunicorn with 2 workers, a fresh
database).

Lighthouse is not a Python package: install it once, outside the project, and say where:
    npm i -E --prefix /tmp/lighthouse lighthouse@12.2.3   (12.2.3 runs on Node 20)
    LIGHTHOUSE=/tmp/lighthouse/node_modules/.bin/lighthouse .venv/bin/python -m scripts.bench.lighthouse
Chromium comes from CHROMIUM_PATH or /usr/bin/chromium, as in the browser tests.
"""

import json
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from scripts.bench.__main__ import environment, set_up, start_server
from tests.conftest import CHROMIUM, CHROMIUM_ARGS


def score(lighthouse: str, url: str, report: Path) -> str:
    subprocess.run(
        [
            lighthouse,
            url,
            "--only-categories=performance,accessibility",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    found = json.loads(report.read_text())
    audits = found["audits"]
    figures = ", ".join(
        f"{name} {audits[audit]['displayValue']}"
        for name, audit in [
            ("FCP", "first-contentful-paint"),
            ("LCP", "largest-contentful-paint"),
            ("TBT", "total-blocking-time"),
            ("CLS", "cumulative-layout-shift"),
        ]
    )
    performance = round(found["categories"]["performance"]["score"] * 100)
    accessibility = round(found["categories"]["accessibility"]["score"] * 100)
    setting = f"Lighthouse {found['lighthouseVersion']}, {found['configSettings']['formFactor']}"
    return f"performance {performance} ({figures}; {setting}), accessibility {accessibility}"


def main() -> None:
    lighthouse = os.environ.get("LIGHTHOUSE")
    if not lighthouse:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as workdir:
        env = environment(Path(workdir), "")
        pages = set_up(env)
        process, url = start_server(env, Path(workdir) / "gunicorn.log", "/healthz")
        try:
            for label, path in [("landing", "/"), ("report page, colleague", pages[0].path)]:
                print(f"{label}: {score(lighthouse, url + path, Path(workdir) / 'lh.json')}")
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
