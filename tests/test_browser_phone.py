"""The owner and a colleague read a report on a 390 px phone: readable charts, the verdict and
its key facts with the first action on the first screen, and a link that copies with one tap."""

import pytest
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_key_facts_fill_the_first_screen_and_the_plan_starts_in_the_second(
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
    # The verdict, then everything of the key facts, its button included, on the first screen.
    expect(page.locator("h1 .verdict-badge")).to_have_text("Hybrid: ODM now, OEM later")
    facts = page.locator(".key-facts")
    expect(facts).to_contain_text("Start with")
    expect(facts).to_contain_text("Cash to the first delivery")
    expect(facts).to_contain_text("Ask for samples by")  # a catalogue order starts with them
    expect(facts.get_by_role("link", name="Draft an ODM request for quotation")).to_be_visible()
    box = facts.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], box
    # The hybrid's dated plan, after the blockers, begins within two screens.
    heading = page.locator("#hybrid-title").bounding_box()
    assert heading["y"] + heading["height"] <= 2 * PHONE["height"], heading
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_every_verdict_s_key_facts_fit_the_first_screen(live_server, page: Page):
    """The longest panels: a re-run's banner above it, a forced minimum, a range of cash."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.test_report import SCENARIOS

    page.set_viewport_size(PHONE)
    later = timezone.localdate() + timedelta(weeks=40)
    cases = [
        {**SCENARIOS["oem"]},
        {**SCENARIOS["odm"], "units_per_design": 20, "launch_date": later},
        {**SCENARIOS["neither"], "project_name": "A long project name for a whole line of rings"},
    ]
    for answers in cases:
        report = services.reports.create_report(
            answers=sample_answers(**answers), owner_key="someone-else"
        )
        page.goto(live_server.url + report.get_absolute_url())
        box = page.locator(".key-facts").bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], (answers, box)
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


def test_on_a_phone_my_reports_names_a_re_run_and_fits_the_width(live_server, page: Page, context):
    from advisor.forms import QuoteForm
    from tests.test_quotes import OEM_QUOTE

    owner = own_reports_in(context, live_server.url)
    name = "Autumn collection of hammered sterling silver stacking rings"
    report = services.reports.create_report(
        answers=sample_answers(project_name=name), owner_key=owner
    )
    supplier = "Guangzhou Panyu Golden Coast Accessories Manufacturing Co., Ltd."
    form = QuoteForm(data={**OEM_QUOTE, "supplier": supplier})
    assert form.is_valid(), form.errors
    quote = services.quotes.add_quote(report=report, cleaned_data=form.cleaned_data)
    services.quotes.rerun_with_quote(quote=quote)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/reports/")
    rerun = page.locator(".rerun-of")
    expect(rerun).to_have_count(1)
    expect(rerun).to_contain_text(f"Re-run on {supplier}'s quote")
    rerun.get_by_role("link").click()
    assert page.url.endswith(report.get_absolute_url())
    page.go_back()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_buyer_copies_the_request_from_the_top_of_its_page(live_server, page: Page, context):
    report = services.reports.create_report(answers=sample_answers(), owner_key="someone-else")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + f"/r/{report.token}/rfq/")
    buttons = page.get_by_role("button", name="Copy the request")
    expect(buttons).to_have_count(2)  # at the top, and under the text at the bottom
    top = buttons.first
    expect(top).to_be_in_viewport()
    top.click()
    expect(page.locator("#rfq-copied-top")).to_have_text("Request copied.")
    assert (
        page.evaluate("navigator.clipboard.readText()") == page.locator("#rfq-text").input_value()
    )
    expect(top).to_be_in_viewport()  # the page stayed where the buyer was
