"""Content-Security-Policy and Permissions-Policy on every page, and templates that need no
inline script or style (the browser test in test_browser_csp.py shows the pages under it)."""

import re

import pytest
from django.test import Client

from tests.conftest import ROOT

POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/wizard/", "/reports/", "/admin/login/", "/nope/", "report"]
)
def test_every_page_sends_the_policy(path, make_report):
    if path == "report":
        path = make_report().get_absolute_url()
    response = Client().get(path)
    assert _directives(response["Content-Security-Policy"]) == POLICY
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "clipboard-write=(self)" in response["Permissions-Policy"]


INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),  # a script with its code inline
    re.compile(r"<style\b", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+=", re.I),  # onclick=, onload=...
    re.compile(r"javascript:", re.I),
]


def test_no_template_has_inline_script_or_style():
    found = [
        f"{path.relative_to(ROOT)}: {pattern.pattern}"
        for path in (ROOT / "templates").rglob("*.html")
        for pattern in INLINE
        if pattern.search(path.read_text())
    ]
    assert found == []
