import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def test_a_buyer_reads_the_eight_factors_and_starts(live_server, page: Page):
    outside_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_server.url)
            else outside_requests.append(request.url)
        ),
    )

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")

    expect(page.locator("h1")).to_contain_text("OEM or ODM")
    expect(page.locator("tr[data-factor]")).to_have_count(8)
    expect(page.locator("#factor-lead-time")).to_contain_text("Lead time")
    # Readable at phone width: nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name=re.compile("Start: get your recommendation")).click()
    expect(page).to_have_url(re.compile(r"/wizard/[\w-]+/business/"))
    assert outside_requests == []
