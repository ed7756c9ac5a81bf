"""The report's key facts, first: the verdict as the page's heading, then the model to start
with, its cash to the first delivery, a forced minimum order, whether the launch fits (and the
day to order by, or the earliest launch) and the request to draft (issue 27)."""

import html
import json
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from advisor import presenters, rules, snapshots
from advisor.models import Quote
from tests.conftest import browser
from tests.test_quotes import OEM_QUOTE
from tests.test_report import SCENARIOS
from tests.test_report_golden import _cases


def panel(html: str) -> str:
    return html.split('<section class="key-facts"')[1].split("</section>")[0]


@pytest.mark.parametrize(
    ("scenario", "model"), [("oem", "oem"), ("odm", "odm"), ("hybrid", "odm"), ("neither", "odm")]
)
def test_the_verdict_heads_the_page_and_the_panel_follows_it(client, make_report, scenario, model):
    report = make_report(**SCENARIOS[scenario])
    html = client.get(f"/r/{report.token}/").content.decode()
    h1 = re.search(r'<h1 id="report-title"[^>]*>(.*?)</h1>', html, re.S).group(1)
    assert "Our advice:" in h1 and "verdict-badge" in h1 and "Spring pendants" not in h1
    assert html.index('id="report-project"') < html.index('id="report-title"')
    assert html.index('id="report-title"') < html.index("key-facts") < html.index('class="summary')
    facts = panel(html)
    assert f'data-model="{model}"' in facts
    assert ("Nearest to working" in facts) == (scenario == "neither")
    low, high = report.data["costs"][model]["cash_to_first_delivery_usd"]
    assert (rules.usd(low) if low == high else f"{rules.usd(low)} – {rules.usd(high)}") in facts
    assert f"/r/{report.token}/rfq/?model={model}" in facts


def test_a_launch_that_fits_says_when_to_order_and_one_that_does_not_the_earliest_launch(
    client, make_report
):
    roomy = make_report(**SCENARIOS["odm"], launch_date=timezone.localdate() + timedelta(weeks=40))
    facts = panel(client.get(f"/r/{roomy.token}/").content.decode())
    assert 'data-schedule="fits_even_if_slow"' in facts
    # ODM's time starts with choosing a catalogue design and its sample: the day is that one.
    assert "even if the factory is slow" in facts and "Ask for samples by" in facts
    order_by = re.search(r"Ask for samples by: <strong>([\d-]+)<", facts).group(1)
    # The day the request for quotation asks the factory to quote by, with a slow factory.
    t = snapshots.thresholds_from_json(roomy.data["thresholds"])
    launch = date.fromisoformat(roomy.data["answers"]["launch_date"])
    slowest = rules.latest_order_day(
        launch, t.odm_lead_time_max_weeks, t.transit_express_weeks, t, timezone.localdate()
    )
    assert order_by == slowest.isoformat()

    late = make_report(**SCENARIOS["neither"])
    facts = panel(client.get(f"/r/{late.token}/").content.decode())
    assert 'data-schedule="does_not_fit"' in facts
    assert f"Earliest launch: <strong>{late.data['timeline']['odm_earliest_launch']}<" in facts


def test_a_forced_minimum_and_stock_buying_are_in_the_panel(client, make_report):
    few = dict(SCENARIOS["odm"], launch_date=timezone.localdate() + timedelta(weeks=40))
    forced = make_report(**few, units_per_design=20)
    assert forced.data["costs"]["odm"]["moq_forced"]
    facts = panel(client.get(f"/r/{forced.token}/").content.decode())
    assert "Minimum order" in facts and "50 pieces a design, not the 20 you planned" in facts

    stock = make_report(**few, units_per_design=3)
    assert stock.data["costs"]["odm"]["from_stock"]
    facts = panel(client.get(f"/r/{stock.token}/").content.decode())
    assert "from the factory's wholesale stock" in facts
    assert "Minimum order" not in facts
    assert "Draft a stock order enquiry" in facts  # what its request is
    assert "Draft a stock order enquiry" not in panel(
        client.get(f"/r/{forced.token}/").content.decode()
    )


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["name"])
def test_the_panel_dates_the_order_as_the_summary_does(case):
    """Every golden report: where its summary names the day to order by, the panel names the
    same day; a model that fits is ordered by a day before the launch."""
    data = json.loads(case["snapshot"])
    verdict = presenters.report_context(data, owner=False)["verdict"]
    facts = presenters.key_facts(data, verdict)
    launch = facts["launch"]
    said = re.search(r"order by (\d{4}-\d\d-\d\d)", data["summary"])
    if said and data["recommendation"] != "hybrid":
        assert launch["when"] == said.group(1)
    if launch["schedule"] != "does_not_fit":
        assert launch["when"] <= data["timeline"]["launch_date"]


def test_a_report_saved_before_the_newer_keys_still_shows_its_key_facts(client, make_report):
    report = make_report(**SCENARIOS["odm"])
    data = report.data
    for model in ("oem", "odm"):
        for key in ("from_stock", "moq_forced", "cash_to_first_delivery_usd"):
            del data["costs"][model][key]
        for key in ("schedule", "shutdown_weeks"):
            del data["timeline"][f"{model}_{key}"]
    del data["timeline"]["days_available"]
    report.snapshot = json.dumps(data)
    report.save()
    html = client.get(f"/r/{report.token}/").content.decode()
    facts = panel(html)
    # Only whether a fast factory makes it was known then; no cash figure to show.
    assert 'data-schedule="fits_only_if_fast"' in facts and "Ask for samples by" in facts
    assert "Cash to the first delivery" not in facts
    assert "Start with" in facts


def test_the_panel_of_a_re_run_names_no_supplier_and_offers_nothing_of_the_owner(make_report):
    owner_key = "facts-owner"
    report = make_report(
        owner_key=owner_key, launch_date=timezone.localdate() + timedelta(weeks=40)
    )
    owner = browser(owner_key)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    rerun = owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")["Location"]
    for reader in (owner, browser()):
        facts = panel(reader.get(rerun).content.decode())
        assert OEM_QUOTE["supplier"] not in facts
        assert "quotes/" not in facts and "Compare supplier quotes" not in facts


def test_the_pdf_s_page_has_the_key_facts_without_the_button(make_report):
    from django.template.loader import render_to_string

    from advisor.views.reports import _page_context

    report = make_report()
    context = _page_context(report, owner=False) | {"for_pdf": True}
    facts = panel(render_to_string("advisor/report.html", context))
    assert "Cash to the first delivery" in facts and "/rfq/" not in facts


def test_an_order_day_too_soon_to_compare_quotes_says_so(client, make_report):
    """A consultant's read: "Ask for samples by" today, while the request drafted from the
    same report decides ten days later: the panel says the day leaves no time to compare."""
    for weeks, rushed in ((6, True), (40, False)):
        report = make_report(launch_date=date.today() + timedelta(weeks=weeks))
        facts = panel(client.get(f"/r/{report.token}/").content.decode())
        model = facts.split('data-model="')[1].split('"')[0]
        when = date.fromisoformat(facts.split("<strong>")[-1].split("</strong>")[0])
        assert (when < date.today() + timedelta(days=10)) is rushed, (weeks, model, when)
        assert ("Too soon to ask several factories and compare their quotes" in facts) is rushed


def test_a_slow_factory_s_day_too_soon_points_to_the_fast_day_the_request_decides_by(
    client, make_report
):
    """A consultant's read: "Ask for samples by" in a week and "too soon to compare", while the
    request drafted from the same report decides months later, by a fast factory's last day:
    the panel names that day and why."""
    report = make_report(upfront_budget_usd=30_000, launch_date=date.today() + timedelta(weeks=20))
    facts = " ".join(
        html.unescape(panel(client.get(f"/r/{report.token}/").content.decode())).split()
    )
    text = client.get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    (line,) = [line for line in text.splitlines() if line.startswith("- We will decide by: ")]
    decide_by = line.rsplit(" ", 1)[1]
    assert "Too soon to compare quotes on a slow factory's lead time" in facts
    assert f"decides by {decide_by}, the last day with a fast factory" in facts
    assert "Too soon to ask several factories" not in facts


@pytest.mark.parametrize(
    ("answers", "said", "unsaid"),
    [
        (
            {"target_markets": ["us"]},
            ["US surcharges on Chinese goods"],
            ["import VAT", "laboratory"],
        ),
        ({"target_markets": ["uk"]}, ["import VAT"], ["US surcharges", "laboratory"]),
        (
            {"target_markets": ["us", "eu"], "wearer_age": "children"},
            ["US surcharges on Chinese goods, import VAT, the laboratory's tests"],
            [],
        ),
        ({"target_markets": ["other"]}, [], ["Not counted"]),
    ],
)
def test_the_headline_cash_names_what_it_leaves_out_for_the_buyer_s_markets(
    client, make_report, answers, said, unsaid
):
    """A consultant's read: the cash a buyer plans with said nothing of the US surcharges,
    import VAT or a children's laboratory test it leaves out (each said only in the costs
    table's notes, far below): a buyer who budgets the headline runs short at the border."""
    report = make_report(**answers)
    facts = html.unescape(panel(client.get(f"/r/{report.token}/").content.decode()))
    for text in said:
        assert text in facts
    for text in unsaid:
        assert text not in facts
