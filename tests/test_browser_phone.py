"""The owner and a colleague read a report on a 390 px phone: readable charts, the answer and
the first action within two screens, and a link that copies with one tap."""

import pytest
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_charts_are_readable_and_the_plan_comes_within_two_screens(
    live_server, page: Page
):
    report = services.reports.create_report(answers=sample_answers(), owner_key="someone-else")
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + report.get_absolute_url())
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.chart svg text')].map(
            (t) => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"""
    )
    assert sizes and min(sizes) >= 12, sizes
    first_step = page.locator(".plan li").first
    expect(page.locator(".verdict-badge")).to_be_in_viewport()
    box = first_step.bounding_box()
    assert box["y"] + box["height"] <= 2 * PHONE["height"], box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_owner_copies_the_share_link_with_one_tap(live_server, page: Page, context):
    owner = own_reports_in(context, live_server.url)
    report = services.reports.create_report(answers=sample_answers(), owner_key=owner)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.locator("#share-url")).to_be_visible()
    share_url = page.locator("#share-url").input_value()
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-copied")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == share_url


def test_without_javascript_the_link_is_still_there_to_copy(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    owner = own_reports_in(context, live_server.url)
    page = context.new_page()
    report = services.reports.create_report(answers=sample_answers(), owner_key=owner)
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.locator("#share-url")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    context.close()
