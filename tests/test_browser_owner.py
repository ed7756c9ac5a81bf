"""The owner revokes a link in a real browser: asked first, keeps the report, shares it again."""

import pytest
from playwright.sync_api import Page, expect

from advisor import services
from advisor.models import Report
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def test_the_owner_revokes_keeps_the_report_and_shares_it_again(live_server, page: Page):
    owner = own_reports_in(page.context, live_server.url)
    report = services.reports.create_report(answers=sample_answers(), owner_key=owner)
    page.goto(live_server.url + report.get_absolute_url())
    old_url = page.url

    page.get_by_role("link", name="Revoke the link…").click()
    expect(page.locator("h1")).to_have_text("Revoke this link?")
    page.get_by_role("link", name="No, keep it working").click()
    assert page.url.split("#")[0] == old_url  # nothing happened
    page.get_by_role("link", name="Revoke the link…").click()
    page.get_by_role("button", name="Yes, revoke the link").click()

    expect(page.locator(".link-ended-banner")).to_contain_text("Link revoked on")
    expect(page.locator(".verdict-badge")).to_be_visible()  # the owner still reads it
    page.get_by_role("button", name="Make a new link to share").click()
    new_url = page.locator("#share-url").input_value()
    assert new_url != old_url and "/r/" in new_url
    old = Report.objects.get(token=old_url.rstrip("/").rsplit("/", 1)[1])
    assert old.revoked_at is not None and old.replaced_by.get_absolute_url() in new_url

    colleague = page.context.browser.new_context().new_page()
    assert colleague.goto(old_url).status == 410
    assert colleague.goto(new_url).status == 200
    colleague.context.close()
