"""A colleague opens a shared report on a phone."""

import pytest
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def test_a_colleague_reads_a_shared_report_at_a_glance_on_a_phone(live_server, page: Page):
    report = services.reports.create_report(
        answers=sample_answers(project_name="Aurora rings"), owner_key="someone-else"
    )
    outside = []
    page.on(
        "request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url)
    )
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + report.get_absolute_url())

    expect(page.locator(".report-project")).to_have_text("Aurora rings")
    verdict = page.locator(".verdict-badge")
    expect(verdict).to_have_text("Hybrid: ODM now, OEM later")
    expect(verdict).to_be_in_viewport()  # the answer is on the first screen
    blockers, factors = page.locator("#blockers-title"), page.locator("#factors-title")
    assert blockers.bounding_box()["y"] < factors.bounding_box()["y"]
    expect(page.locator(".report-factors tbody tr")).to_have_count(8)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # A colleague sees no owner controls, and nothing is fetched from another host.
    expect(page.locator("#share-url")).to_have_count(0)
    assert outside == []

    page.get_by_role("link", name="Start my own from these answers").click()
    page.get_by_role("button", name="Start my own").click()
    expect(page.locator("h1")).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("Aurora rings")
