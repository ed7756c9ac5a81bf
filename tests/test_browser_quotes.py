"""From the verdict to the factory and back, in a real browser: report → request for quotation
→ two suppliers' quotes → comparison → the advice re-run with the better quote."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from advisor import services
from advisor.models import Report
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def add_quote(page: Page, fields: dict[str, str], model: str, incoterm: str) -> None:
    for name, value in fields.items():
        page.locator(f"#id_{name}").fill(value)
    page.locator(f'input[name="model"][value="{model}"]').check()
    page.locator(f'input[name="incoterm"][value="{incoterm}"]').check()
    page.get_by_role("button", name="Add the quote").click()


def test_report_to_request_to_two_quotes_to_re_run(live_server, page: Page):
    owner = own_reports_in(page.context, live_server.url)
    answers = sample_answers(
        upfront_budget_usd=3_000, launch_date=timezone.localdate() + timedelta(weeks=40)
    )
    report = services.reports.create_report(answers=answers, owner_key=owner)
    page.goto(live_server.url + report.get_absolute_url())

    # The request for quotation, one click from the verdict, with its text ready to paste.
    page.locator(".report-next a").first.click()
    expect(page.locator("h1")).to_contain_text("Request for quotation")
    text = page.locator("#rfq-text").input_value()
    assert len(text) < 4_000 and "120 pieces a design" in text
    page.get_by_role("link", name="Back to the report").click()

    # Two quotes; the first with a mistake the page catches without losing what was typed.
    page.get_by_role("link", name="Compare supplier quotes").click()
    expect(page.locator("h1")).to_contain_text("Supplier quotes")
    bright = {
        "supplier": "Bright Jewelry",
        "unit_price_usd": "8.40",
        "moq_per_design": "100",
        "tooling_per_design_usd": "300",
        "sample_fee_usd": "40",
        "lead_time_weeks_min": "10",
        "lead_time_weeks_max": "8",  # the mistake
        "freight_per_piece_usd": "0.35",
        "duty_percent": "5",
        "deposit_percent": "30",
    }
    add_quote(page, bright, "oem", "fob")
    expect(page.locator(".error-summary")).to_contain_text("at least the shortest")
    expect(page.locator("#id_supplier")).to_have_value("Bright Jewelry")
    add_quote(page, {**bright, "lead_time_weeks_max": "14"}, "oem", "fob")
    expect(page.locator(".messages")).to_contain_text("Quote from Bright Jewelry added.")
    add_quote(
        page,
        {
            **bright,
            "supplier": "Golden Coast",
            "unit_price_usd": "9.90",
            "tooling_per_design_usd": "0",
            "moq_per_design": "100",
            "lead_time_weeks_max": "12",
            "freight_per_piece_usd": "",
            "duty_percent": "",
        },
        "odm",
        "ddp",
    )

    # The advice is a hybrid: Golden Coast's catalogue (ODM) for the launch, and Bright's OEM
    # quote, for the buyer's own designs later, in a table of its own.
    rows = page.locator("tr.quote-row")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_have_attribute("data-supplier", "Golden Coast")
    expect(rows.nth(0)).to_contain_text("Fits your launch even if the factory is slow")
    expect(rows.nth(1)).to_have_attribute("data-supplier", "Bright Jewelry")
    expect(rows.nth(1)).to_contain_text("$9.17")
    expect(rows.nth(1)).to_contain_text("Could meet your launch too")
    expect(page.get_by_role("heading", name="Your own designs (OEM), for later")).to_be_visible()

    # Re-run with Bright's quote: a new report, its figures labelled, linked to the original.
    rows.nth(1).get_by_role("button", name="Re-run the advice with this quote").click()
    expect(page.locator(".rerun-banner")).to_contain_text("Bright Jewelry's OEM quote")
    expect(page.locator("main")).to_contain_text("from Bright Jewelry's quote")
    rerun = Report.objects.get(based_on=report)
    assert page.url.endswith(rerun.get_absolute_url())
    page.locator(".rerun-banner a").click()
    assert page.url.endswith(report.get_absolute_url())


def three_quotes(report: Report) -> None:
    from advisor.forms import QuoteForm
    from tests.test_quotes import OEM_QUOTE

    # Catalogue quotes: on the sample buyer's hybrid report, those are held against the launch.
    odm = {**OEM_QUOTE, "model": "odm", "tooling_per_design_usd": "0", "incoterm": "ddp"}
    for typed in (
        {**odm, "incoterm": "exw"},
        {
            **odm,
            "supplier": "Golden Coast Accessories Manufacturing Co., Ltd.",
            "moq_per_design": "100",
        },
        {**odm, "supplier": "Yiwu Star", "unit_price_usd": "7.10", "freight_per_piece_usd": ""},
    ):
        form = QuoteForm(data=typed)
        assert form.is_valid(), form.errors
        services.quotes.add_quote(report=report, cleaned_data=form.cleaned_data)


@pytest.mark.parametrize(("width", "shape"), [(390, "flex"), (1280, "table-row")])
def test_three_quotes_are_cards_on_a_phone_and_a_table_on_a_desktop(
    live_server, page: Page, width, shape
):
    owner = own_reports_in(page.context, live_server.url)
    answers = sample_answers(launch_date=timezone.localdate() + timedelta(weeks=40))
    report = services.reports.create_report(answers=answers, owner_key=owner)
    three_quotes(report)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_server.url + f"/r/{report.token}/quotes/")

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    rows = page.locator("tr.quote-row")
    expect(rows).to_have_count(3)
    for index in range(3):
        row = rows.nth(index)
        assert row.evaluate("(row) => getComputedStyle(row).display") == shape
        # Each key value shown, and within the screen's width: nothing to scroll sideways to.
        for part in (".quote-rank", ".quote-landed", ".quote-cash", ".quote-reason"):
            expect(row.locator(part)).to_be_visible()
        expect(row.locator(".quote-rank")).to_contain_text(str(index + 1))
        dates = row.locator(".quote-dates")
        expect(dates.locator(".quote-date")).to_have_count(2)  # a fast and a slow factory's
        expect(dates).to_contain_text("Fits your launch")
        for button in (
            row.get_by_role("button", name="Re-run the advice with this quote"),
            row.get_by_role("button", name=re.compile("^Remove")),
        ):
            box = button.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
