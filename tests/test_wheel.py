"""The wheel built from the checkout carries the whole site: installed with its dependencies in a
fresh virtual environment, away from the checkout, it migrates and serves its pages with their
templates and static files (setup.py says how it carries them)."""

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, clean_environment

pytestmark = pytest.mark.slow

# Runs in the new environment, which cannot import tests/: the answers of `sample_answers`.
SITE = r"""
import json
import os
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

work = Path(sys.argv[1])
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DJANGO_DEBUG="1",
    DJANGO_ALLOWED_HOSTS="testserver",
    DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
)
import django

django.setup()

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template.loader import get_template
from django.test import Client
from django.utils import timezone

import advisor
from advisor import services
from advisor.rules import Answers
from django.conf import settings

call_command("migrate", interactive=False, verbosity=0)
answers = Answers(
    project_name="Wheel-borne pendants",
    company_stage="growing",
    positioning="premium",
    demand_evidence="early_sales",
    upfront_budget_usd=3_000,
    unit_cost_usd=Decimal("12.50"),
    units_per_design=120,
    design_count=4,
    launch_date=timezone.localdate() + timedelta(weeks=8),
    design_readiness="sketches",
    ip_importance="essential",
    customization="minor_changes",
    qc_capability="none",
    risk_tolerance="medium",
    target_markets=("us", "eu"),
    wearer_age="adults",
    base_metal="sterling_silver",
    plating="gold",
    retail_price_usd=Decimal("39.00"),
)
report = services.reports.create_report(answers=answers, owner_key="wheel-browser")
owner = Client()
session = owner.session
session["advisor_browser"] = "wheel-browser"
session.save()


def page(client, url):
    response = client.get(url)
    return [response.status_code, response.content.decode()]


print(json.dumps({
    "advisor": advisor.__file__,
    "template": get_template("advisor/report.html").origin.name,
    "site_css": finders.find("advisor/css/site.css"),
    "bootstrap_css": finders.find("bootstrap/css/bootstrap.min.css"),
    "project_name": answers.project_name,
    "report": page(Client(), f"/r/{report.token}/"),
    "landing": page(Client(), "/"),
    "my_reports": page(owner, "/reports/"),
    "served_css": Client().get("/static/advisor/css/site.css").status_code,
    # What the kept pages' keys name: the installed package's version.
    "release": settings.RELEASE,
}))
"""


def _run(args: list, *, timeout: int, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert result.returncode == 0, (
        f"{args[:3]}...\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


def _source_copy(target: Path) -> Path:
    """The checkout's files as git sees them (tracked or new, never ignored), so the build
    neither writes into the checkout nor picks up a stale build/ or egg-info from it."""
    listed = _run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        timeout=30,
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is no longer there
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


def _missing_from(wheel: Path, source: Path) -> set[str]:
    """The checkout's modules and JSON, templates, static files and translations that the
    wheel lacks (the site's files sit inside config/ there)."""
    expected = {
        str(path.relative_to(source))
        for package in ("config", "advisor")
        for pattern in ("*.py", "*.json")
        for path in (source / package).rglob(pattern)
    } | {
        f"config/{path.relative_to(source)}"
        for folder in ("templates", "static", "locale")
        for path in (source / folder).rglob("*")
        if path.is_file()
    }
    return expected - set(zipfile.ZipFile(wheel).namelist())


def _inside(path: str | None, folder: Path) -> bool:
    return path is not None and Path(path).resolve().is_relative_to(folder.resolve())


def test_the_wheel_serves_the_site_from_a_fresh_environment(tmp_path):
    assert not tmp_path.resolve().is_relative_to(ROOT), "the new environment must be elsewhere"
    # Pip's own settings (the package index) stay; nothing points back at the checkout.
    env = {
        key: value
        for key, value in clean_environment().items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv = tmp_path / "venv"
    # The interpreter's own venv: nothing from the checkout's .venv comes along. Without pip
    # of its own (installing one takes seconds): this process's pip installs into it, run by
    # the new environment's interpreter (--python).
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path, env=env, timeout=120)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python]

    source = _source_copy(tmp_path / "source")
    dist = tmp_path / "dist"
    _run(
        [*pip, "wheel", "--quiet", "--no-deps", "-w", dist, source],
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    (wheel,) = dist.glob("oem_odm_advisor-*.whl")
    assert _missing_from(wheel, source) == set()
    # --no-compile: byte-compiling every dependency costs more than this one run saves.
    _run([*pip, "install", "--quiet", "--no-compile", wheel], cwd=tmp_path, env=env, timeout=600)

    work = tmp_path / "work"
    work.mkdir()
    script = work / "site.py"
    script.write_text(SITE)
    # -I: isolated, so neither the script's folder nor any PYTHON* variable adds to sys.path.
    result = _run([python, "-I", script, work], cwd=work, env=env, timeout=180)
    facts = json.loads(result.stdout.strip().splitlines()[-1])

    for name in ("advisor", "template", "site_css", "bootstrap_css"):
        assert _inside(facts[name], venv), (name, facts[name])
    assert "/config/templates/" in facts["template"]
    assert "/config/static/" in facts["site_css"]
    # Nothing generic lands at the top of site-packages.
    (site_packages,) = venv.glob("lib/python*/site-packages")
    assert not (site_packages / "templates").exists() and not (site_packages / "static").exists()

    status, html = facts["report"]
    assert status == 200 and facts["project_name"] in html
    status, html = facts["my_reports"]
    assert status == 200 and facts["project_name"] in html
    status, html = facts["landing"]
    assert status == 200 and "OEM or ODM: which way should you work with your factory?" in html
    assert "/static/advisor/css/site.css" in html
    assert facts["served_css"] == 200
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert facts["release"] == version
