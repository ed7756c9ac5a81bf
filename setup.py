"""What pyproject.toml cannot say: which packages to ship, found anew at every build, and the
site's templates/, static/ (and locale/, once there is one) as data inside `config`.
pyproject.toml's [tool.setuptools] comment says why."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

ROOT = Path(__file__).resolve().parent
# Kept at the top of the repository; installed as config/templates/ and so on, beside the
# settings that find them, instead of as top-level `templates` or `static` in site-packages.
SITE_FILES = [name for name in ("templates", "static", "locale") if (ROOT / name).is_dir()]

setup(
    # Namespace discovery: a folder of modules counts even before it has an __init__.py.
    packages=[
        *find_namespace_packages(include=["config*", "advisor*"], exclude=["*__pycache__*"]),
        *(f"config.{name}" for name in SITE_FILES),
    ],
    package_dir={f"config.{name}": name for name in SITE_FILES},
    # Data is what these patterns name, nothing else (no MANIFEST.in guessing).
    include_package_data=False,
    package_data={
        "advisor": ["**/*.json"],
        **{f"config.{name}": ["**/*"] for name in SITE_FILES},
    },
)
