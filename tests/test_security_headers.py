"""Content-Security-Policy and Permissions-Policy on every page, and templates that need no
inline script or style (the browser test in test_browser_csp.py shows the pages under it)."""

import base64
import hashlib
import json
import logging
import re

import pytest
from django.test import Client

from tests.conftest import ROOT

# The one inline style of django-simple-history's admin history page, by its hash.
HISTORY_PAGINATOR = (
    "'sha256-" + base64.b64encode(hashlib.sha256(b"border-top: 0").digest()).decode()
)
POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": f"'self' 'unsafe-hashes' {HISTORY_PAGINATOR}'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "report-uri": "/csp-report",
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
    # Nothing unsafe but hashed attributes: no inline script, no eval, no other inline style.
    unsafe = re.findall(r"'unsafe-[a-z-]+'", response["Content-Security-Policy"])
    assert unsafe == ["'unsafe-hashes'"]
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


REPORT = {
    "csp-report": {
        "document-uri": "https://advisor.example.com/r/SECRETTOKEN123456789012/?x=1",
        "violated-directive": "style-src-attr\nFAKE LOG LINE",
        "blocked-uri": "inline",
    }
}


@pytest.mark.django_db
def test_a_browser_s_violation_report_is_logged_without_the_link_s_token(caplog):
    with caplog.at_level(logging.WARNING, logger="advisor.views.site"):
        response = Client().post(
            "/csp-report", data=json.dumps(REPORT), content_type="application/csp-report"
        )
    assert response.status_code == 204
    [record] = caplog.records
    assert "blocked inline on https://advisor.example.com/r/…/" in record.message
    assert "SECRETTOKEN" not in record.message
    assert "\n" not in record.message  # a client cannot forge a log line


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/q/FACTORYTOKEN12345/", "/q/FACTORYTOKEN12345.txt", "/o/OWNERTOKEN1234/"]
)
def test_a_factory_or_owner_link_s_token_is_not_logged_either(caplog, path):
    report = {"csp-report": {**REPORT["csp-report"], "document-uri": f"https://a.example{path}"}}
    with caplog.at_level(logging.WARNING, logger="advisor.views.site"):
        Client().post("/csp-report", data=json.dumps(report), content_type="application/csp-report")
    [record] = caplog.records
    assert "TOKEN" not in record.message and path[:3] in record.message


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", [b"", b"not json", b"[1, 2]", b'{"csp-report": "x"}', b"{" * 20_000, b"\xff\xfe"]
)
def test_a_malformed_report_is_a_204_and_logs_nothing(body, caplog):
    with caplog.at_level(logging.WARNING, logger="advisor.views.site"):
        response = Client().post("/csp-report", data=body, content_type="application/csp-report")
    assert response.status_code == 204
    assert caplog.records == []


@pytest.mark.django_db
def test_the_report_endpoint_takes_only_posts():
    assert Client().get("/csp-report").status_code == 405
