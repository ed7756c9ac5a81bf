"""Static files in development, served as `make run` serves them."""

from pathlib import Path

import django_include_bootstrap
from django.contrib.staticfiles import finders

PACKAGE_CSS = Path(django_include_bootstrap.__file__).parent / "static" / "css"


def test_it_serves_bootstrap_from_the_installed_package():
    found = finders.find("bootstrap/css/bootstrap.min.css")
    assert found
    assert Path(found).read_bytes() == (PACKAGE_CSS / "bootstrap.min.css").read_bytes()
    # The minified CSS names its source map, which the manifest storage then needs.
    assert finders.find("bootstrap/css/bootstrap.min.css.map")


def test_finders_find_nothing_for_a_file_nobody_has():
    bootstrap = finders.get_finder("advisor.finders.BootstrapFinder")
    assert bootstrap.find("bootstrap/css/nope.css") == []
    assert bootstrap.find("bootstrap/css/nope.css", find_all=True) == []
    assert finders.find("bootstrap/css/nope.css") is None
    assert finders.find("advisor/nope.css", find_all=True) == []


def test_a_missing_static_file_is_a_404_in_development(client, settings):
    # With DEBUG on, whitenoise's middleware serves /static/ from the finders at each request, as
    # under `make run`; the test runner turns DEBUG off, so turn it back on for this client.
    settings.DEBUG = True
    assert client.get("/static/bootstrap/css/bootstrap.min.css").status_code == 200
    assert client.get("/static/advisor/nope.css").status_code == 404
    assert client.get("/static/bootstrap/css/nope.css").status_code == 404
