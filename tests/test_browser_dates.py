"""The launch date typed as the page shows it, in an American and a British Chromium: the field
takes the hinted YYYY-MM-DD in both, stores that day, and names a date it cannot be sure of
(issue 27: the date control took mm/dd/yyyy in en-US, so "2027-03-01" became "02/02/70301")."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from advisor import services
from advisor.models import StepAnswer
from tests.conftest import own_reports_in, sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_the_launch_date_takes_the_format_its_hint_shows(live_server, browser, locale):
    context = browser.new_context(locale=locale, viewport={"width": 390, "height": 844})
    owner = own_reports_in(context, live_server.url)
    source = services.reports.create_report(answers=sample_answers(), owner_key="someone-else")
    wizard = services.wizard.fork_report(report=source, browser_key=owner)
    page = context.new_page()
    page.goto(f"{live_server.url}/wizard/{wizard.public_id}/timeline/")
    assert page.evaluate("navigator.language") == locale
    field = page.locator("#id_launch_date")
    expect(page.locator("#id_launch_date_helptext")).to_contain_text(
        "Type it as YYYY-MM-DD, for example 2027-03-01."
    )

    # A date that is a different day in each country is asked about, by what was typed.
    year = timezone.localdate().year + 1
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(f"03/01/{year}")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#id_launch_date_error")).to_contain_text(
        f"“03/01/{year}” could be 1 March {year} or 3 January {year}. Which did you mean?"
    )
    expect(field).to_have_value(f"03/01/{year}")  # what was typed stays

    # The hinted format, typed key by key as a buyer would, is what is stored.
    launch = timezone.localdate() + timedelta(weeks=30)
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(launch.isoformat())
    expect(field).to_have_value(launch.isoformat())
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("h1")).to_have_text("Design and IP")
    saved = StepAnswer.objects.get(submission=wizard, step="timeline").data
    assert saved["launch_date"] == launch.isoformat()

    # Back on the step, the saved day reads as the hint writes it.
    page.goto(f"{live_server.url}/wizard/{wizard.public_id}/timeline/")
    expect(field).to_have_value(launch.isoformat())
    context.close()
