"""axe-core, run in a real Chromium, finds no serious or critical accessibility problems."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from advisor import services
from tests.conftest import own_reports_in, sample_answers

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


def test_the_owner_s_pages_with_banners_have_no_serious_accessibility_problems(
    live_server, page: Page
):
    """The banners' links sit on tinted alerts, where Bootstrap's link blue falls under 4.5:1:
    a re-run's "The original report", a revoked report's "Share it again"."""
    from advisor.forms import QuoteForm
    from tests.test_quotes import OEM_QUOTE

    owner = own_reports_in(page.context, live_server.url)
    report = services.reports.create_report(answers=sample_answers(), owner_key=owner)
    form = QuoteForm(data=OEM_QUOTE)
    assert form.is_valid(), form.errors
    quote = services.quotes.add_quote(report=report, cleaned_data=form.cleaned_data)
    rerun = services.quotes.rerun_with_quote(quote=quote)
    revoked = services.reports.create_report(answers=sample_answers(), owner_key=owner)
    services.reports.revoke_link(report=revoked)
    problems = {}
    for name, path, banner in (
        ("re-run", rerun.get_absolute_url(), ".rerun-banner"),
        ("revoked", revoked.get_absolute_url(), ".link-ended-banner"),
        ("quotes", f"/r/{report.token}/quotes/", None),
    ):
        page.goto(live_server.url + path)
        if banner:
            expect(page.locator(f"{banner} a")).to_be_visible()
        problems[name] = serious_violations(page)
    assert problems == {name: [] for name in problems}


# The WCAG formula for the contrast of two colours given as CSS rgb() strings.
CONTRAST = """([one, two]) => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


def contrast(page: Page, one: str, two: str) -> float:
    return page.evaluate(CONTRAST, [one, two])


def style(page: Page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(f"(e) => getComputedStyle(e).{prop}")


def test_control_borders_and_focus_indicators_stand_out_three_to_one(live_server, page: Page):
    page.goto(live_server.url + "/wizard/")
    page.get_by_role("button", name="Start the wizard").click()
    white = "rgb(255, 255, 255)"
    for control in (".form-control", ".form-check-input:not(:checked)"):
        assert contrast(page, style(page, control, "borderTopColor"), white) >= 3, control
    # Each kind of control, reached with the keyboard, shows an outline of 3:1 at least 2 px.
    for selector in ("#id_project_name", 'input[name="company_stage"]', 'button[type="submit"]'):
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("(s) => document.activeElement.matches(s)", selector)
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"
        )
        assert outline[0] != "none" and outline[1] >= 2, (selector, outline)
        assert contrast(page, outline[2], white) >= 3, (selector, outline)


def test_on_a_touch_screen_each_radio_row_is_44_px_tall_and_taps_anywhere(live_server, browser):
    context = browser.new_context(has_touch=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/wizard/")
    page.get_by_role("button", name="Start the wizard").click()
    rows = page.locator(".form-check")
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    assert heights and min(heights) >= 44, heights
    row = page.locator(".form-check").filter(has=page.locator('input[value="growing"]'))
    box = row.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] - 10, box["y"] + box["height"] - 4)
    expect(page.locator('input[value="growing"]')).to_be_checked()
    context.close()


def test_after_a_failed_submit_the_focus_is_on_the_error_summary_linked_to_its_fields(
    live_server, page: Page
):
    page.goto(live_server.url + "/wizard/")
    page.get_by_role("button", name="Start the wizard").click()
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    links = summary.get_by_role("link")
    assert links.count() == 3  # stage, positioning, evidence: the project name is optional
    links.first.click()
    expect(page.locator("#id_company_stage_0")).to_be_focused()
    legend = page.locator("#div_id_company_stage legend")
    expect(legend).to_be_in_viewport()
