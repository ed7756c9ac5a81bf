"""axe-core, run in a real Chromium, finds no serious or critical accessibility problems."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import sample_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("seeded_live_db")]


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_the_main_pages_have_no_serious_accessibility_problems(live_server, page: Page):
    report = services.reports.create_report(answers=sample_answers(), owner_key="someone")
    pages = {
        "landing": "/",
        "report": report.get_absolute_url(),
        "request for quotation": f"/r/{report.token}/rfq/",
        "request for factories": report.get_rfq_url(),
        "my reports": "/reports/",
    }
    problems = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        problems[name] = serious_violations(page)

    page.goto(live_server.url + "/wizard/")
    problems["wizard start"] = serious_violations(page)
    page.get_by_role("button", name="Start the wizard").click()
    expect(page.locator(".wizard-progress")).to_be_visible()
    problems["wizard step"] = serious_violations(page)
    page.get_by_role("button", name="Save and continue").click()  # every error showing
    # Check the page with errors once it has loaded and painted, not while it is arriving:
    # colours read mid-navigation made the contrast check flaky.
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_load_state("load")
    problems["wizard step with errors"] = serious_violations(page)
    assert problems == {name: [] for name in problems}
