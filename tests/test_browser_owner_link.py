"""The owner's link in real browsers: copied with one tap on the laptop, opened on a phone,
confirmed there (its form passes Django's CSRF check under the page's referrer policy), and
the phone then owns the report."""

import pytest
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def test_a_phone_that_opens_the_copied_owner_s_link_and_confirms_owns_the_report(
    live_server, page: Page, context
):
    owner = own_reports_in(context, live_server.url)
    services.reports.create_report(
        answers=sample_answers(project_name="Aurora rings"), owner_key=owner
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + "/reports/")
    link = page.locator("#owner-link-url").input_value()
    page.get_by_role("button", name="Copy owner’s link").click()
    expect(page.locator("#owner-link-copied")).to_have_text("Owner’s link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link

    phone = context.browser.new_context(viewport={"width": 390, "height": 844})
    phone_page = phone.new_page()
    phone_page.goto(link)
    phone_page.get_by_role("button", name="Make this browser an owner of this report").click()
    expect(phone_page.locator("h1")).to_have_text("My reports")
    expect(phone_page.locator(".messages")).to_contain_text("This browser now owns these reports")
    phone_page.get_by_role("link", name="Aurora rings").click()
    expect(phone_page.get_by_role("link", name="Compare supplier quotes")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()
