"""A buyer fills the whole wizard with the keyboard alone in a real Chromium."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from advisor.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Presses Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose(page: Page, name: str, index: int) -> None:
    """Selects the radio option at `index` of a group: Space checks the first, arrows move."""
    tab_to(page, f'input[name="{name}"]')
    page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")


def type_into(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def submit(page: Page) -> None:
    tab_to(page, 'button[type="submit"]')
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def test_a_buyer_completes_the_wizard_with_the_keyboard_only(live_server, page: Page):
    page.goto(live_server.url + "/wizard/")
    submit(page)  # the start button
    expect(page.locator("h1")).to_have_text("About your business")
    expect(page.locator(".wizard-progress")).to_contain_text("Step 1 of 7")

    type_into(page, "#id_project_name", "Aurora <rings>")
    choose(page, "company_stage", 2)  # established
    choose(page, "positioning", 2)  # premium
    choose(page, "demand_evidence", 2)  # proven
    submit(page)

    expect(page.locator("h1")).to_have_text("Budget")
    type_into(page, "#id_upfront_budget_usd", "lots")  # the mistake
    type_into(page, "#id_unit_cost_usd", "42.50")
    submit(page)
    expect(page.locator(".error-summary")).to_contain_text("There is a problem")
    expect(page.locator("#div_id_upfront_budget_usd")).to_contain_text(
        "Enter the upfront budget as a whole number of dollars"
    )
    expect(page.locator("#id_unit_cost_usd")).to_have_value("42.50")  # what was typed stays
    type_into(page, "#id_upfront_budget_usd", "80,000")
    submit(page)

    expect(page.locator("h1")).to_have_text("Volume")
    type_into(page, "#id_units_per_design", "800")
    type_into(page, "#id_design_count", "3")
    submit(page)

    expect(page.locator("h1")).to_have_text("Timeline")
    launch = timezone.localdate() + timedelta(weeks=30)
    tab_to(page, "#id_launch_date")
    page.keyboard.type(launch.isoformat())  # as the hint shows it
    choose(page, "design_readiness", 2)
    submit(page)

    expect(page.locator("h1")).to_have_text("Design and IP")
    choose(page, "ip_importance", 0)  # essential
    choose(page, "customization", 2)  # full custom
    choose(page, "qc_capability", 2)  # in house
    choose(page, "risk_tolerance", 2)  # high
    submit(page)

    expect(page.locator("h1")).to_have_text("Market and materials")
    tab_to(page, 'input[name="target_markets"][value="eu"]')
    page.keyboard.press("Space")
    choose(page, "wearer_age", 0)  # adults
    choose(page, "base_metal", 0)  # sterling silver
    choose(page, "plating", 1)  # gold
    type_into(page, "#id_retail_price_usd", "129")
    submit(page)

    expect(page.locator("h1")).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("$80,000")
    expect(page.locator("main")).to_contain_text(launch.isoformat())
    submit(page)

    expect(page).to_have_url(re.compile(r"/r/[A-Za-z0-9_-]{32}/$"))
    expect(page.locator(".report-project")).to_have_text("Aurora <rings>")
    expect(page.locator("h1")).to_have_text("Our advice: OEM")
    expect(page.locator(".verdict-badge")).to_have_text("OEM")
    assert Report.objects.count() == 1
