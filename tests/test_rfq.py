"""The request for quotation: per model, in the buyer's figures, as a page and as plain text."""

import json
from datetime import date, datetime, timedelta

import pytest
from django.test import Client

from advisor import rfq, rules, services, snapshots
from advisor.models import Report
from tests.conftest import browser, sample_answers

OWNER = "rfq-owner"


@pytest.fixture
def report(make_report):
    return make_report(owner_key=OWNER, project_name="Aurora rings")


def old_report(report: Report) -> Report:
    """The report as it would have been saved before the market questions were asked."""
    data = report.data
    for name in ("target_markets", "wearer_age", "base_metal", "plating", "retail_price_usd"):
        data["answers"].pop(name)
    Report.objects.filter(pk=report.pk).update(snapshot=json.dumps(data))
    return Report.objects.get(pk=report.pk)


def test_anyone_with_the_link_reads_it_and_no_cache_keeps_it(client, report):
    response = client.get(f"/r/{report.token}/rfq/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert "Request for quotation: Aurora rings" in html


def test_it_defaults_to_the_recommended_model_and_offers_both_when_the_advice_is_split(
    make_report,
):
    far = date.today() + timedelta(weeks=60)
    oem = make_report(
        upfront_budget_usd=200_000,
        units_per_design=2_000,
        launch_date=far,
        company_stage="established",
        demand_evidence="proven",
        design_readiness="full_specs",
        customization="full_custom",
        qc_capability="in_house",
        risk_tolerance="high",
    )
    assert oem.recommendation == "oem"
    assert rfq.models_offered(oem.data) == ["oem"]
    html = Client().get(f"/r/{oem.token}/rfq/").content.decode()
    assert "(OEM)" in html and "Mold ownership" in html
    split = make_report()  # the sample buyer: a hybrid
    assert split.recommendation == "hybrid"
    assert rfq.models_offered(split.data) == ["odm", "oem"]
    html = Client().get(f"/r/{split.token}/rfq/").content.decode()
    assert "(ODM)" in html and "?model=oem" in html and "?model=odm" in html


def test_the_model_in_the_address_chooses_the_request(client, report):
    oem = client.get(f"/r/{report.token}/rfq.txt?model=oem").content.decode()
    odm = client.get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    assert "NNN agreement" in oem and "NNN agreement" not in odm
    assert "exclusivity" in odm and "exclusivity" not in oem
    # Anything else is the default, never an error.
    assert client.get(f"/r/{report.token}/rfq.txt?model=<b>").status_code == 200


def test_the_text_is_short_plain_and_in_the_buyers_figures(client, report):
    response = client.get(f"/r/{report.token}/rfq.txt?model=oem")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert len(text) < rfq.TEXT_LIMIT
    assert max(len(line) for line in text.splitlines()) <= rfq.TEXT_WIDTH
    assert "<" not in text and "&" not in text
    launch = date.fromisoformat(report.data["answers"]["launch_date"])
    assert "120 pieces a design" in text and "240 pieces a design" in text  # and double
    assert (launch - timedelta(weeks=1)).isoformat() in text  # launch less express transit
    assert "AQL general inspection level II, major" in text
    assert "Sterling silver" in text and "thickness in microns" in text


def test_a_report_made_before_the_market_questions_says_they_are_open(client, report):
    text = client.get(f"/r/{old_report(report).token}/rfq.txt").content.decode()
    assert "markets and materials are still open" in text


def test_a_revoked_link_has_no_request_but_its_owner_still_reads_it(report):
    services.reports.revoke_link(report=report)
    assert Client().get(f"/r/{report.token}/rfq/").status_code == 410
    owner = browser(OWNER)
    assert owner.get(f"/r/{report.token}/rfq.txt").status_code == 200


def test_the_report_offers_the_request_beside_the_verdict(client, report):
    html = client.get(f"/r/{report.token}/").content.decode()
    assert f"/r/{report.token}/rfq/?model=odm" in html
    assert "Draft an ODM request for quotation" in html
    assert "Compare supplier quotes" not in html  # the owner's page only


def test_a_launch_inside_the_lead_time_asks_for_the_fastest_schedule():
    answers = sample_answers(launch_date=date.today() + timedelta(weeks=3))
    data = snapshots.build_snapshot(
        token="t",
        created_at=datetime(2026, 1, 1),
        version=1,
        answers=answers,
        result=rules.evaluate(answers, rules.Thresholds(), date.today()),
        thresholds=rules.Thresholds(),
        factors=[],
    )
    text = rfq.as_text(rfq.build(data, "oem", [], date.today()))
    assert "fastest schedule" in text
    assert "as soon as we have your quote" in text


MARKETS = [("us",), ("eu",), ("uk",), ("other",), ("us", "eu", "uk", "other")]
WEARERS = ["adults", "children", "all_ages"]


@pytest.mark.parametrize("markets", MARKETS)
@pytest.mark.parametrize("wearer_age", WEARERS)
@pytest.mark.parametrize("plating", ["gold", "none"])
def test_each_market_and_wearer_gets_its_requirements_and_no_others(
    make_report, markets, wearer_age, plating
):
    report = make_report(target_markets=markets, wearer_age=wearer_age, plating=plating)
    text = Client().get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    assert len(text) < rfq.TEXT_LIMIT
    flat = " ".join(text.split())
    us, eu, uk = "us" in markets, "eu" in markets, "uk" in markets
    children = wearer_age in ("children", "all_ages")
    adults = wearer_age in ("adults", "all_ages")
    expected = {
        "Lead in children's products (CPSIA) (US)": us and children,
        "Children's jewelry safety (ASTM F2923) (US)": us and children,
        "Adult jewelry safety (ASTM F2999) (US)": us and adults,
        "Lead and cadmium in California (children's jewelry) (US)": us and children,
        "Lead in California (jewelry other than children's) (US)": us and adults,
        "California Proposition 65 warning (US)": us,
        "Country-of-origin marking (US)": us,
        "Gold plating terms (FTC) (US)": us and plating == "gold",
        "Nickel release (EU, UK)": eu and uk,
        "Nickel release (EU)": eu and not uk,
        "Nickel release (UK)": uk and not eu,
        "Cadmium (EU, UK)": eu and uk,
        "Lead (EU)": eu and not uk,
        "Other markets": "other" in markets,
        "Test reports": us or eu or uk,
    }
    assert {name: f"- {name}" in flat for name in expected} == expected


def test_a_colleague_reads_the_request_in_two_queries(report, django_assert_max_num_queries):
    # The report, and the requirements for its markets.
    for url in (f"/r/{report.token}/rfq/", f"/r/{report.token}/rfq.txt"):
        with django_assert_max_num_queries(2):
            assert Client().get(url).status_code == 200


def test_the_owner_sees_the_quotes_action_even_after_a_colleague_was_served_the_page(report):
    url = f"/r/{report.token}/"
    assert "Compare supplier quotes" not in Client().get(url).content.decode()
    owner = browser(OWNER)
    assert f'href="/r/{report.token}/quotes/"' in owner.get(url).content.decode()
    assert "Compare supplier quotes" not in Client().get(url).content.decode()


def test_one_piece_and_a_buyer_without_designs_are_said_right(make_report):
    report = make_report(units_per_design=1, design_count=1, design_readiness="none")
    text = Client().get(f"/r/{report.token}/rfq.txt?model=oem").content.decode()
    flat = " ".join(text.split())
    assert "1 design of our own (OEM), 1 piece a design" in flat
    assert "at 2 pieces a design" in flat
    assert "Design and CAD fee per design, from our brief" in flat
    assert "we will send sketches" not in flat


def test_a_report_made_before_later_figures_takes_their_defaults(make_report):
    report = make_report()
    data = report.data
    for group in data["thresholds"].values():
        group.pop("oem_deposit_percent", None)
        group.pop("oem_sampling_rounds", None)
    Report.objects.filter(pk=report.pk).update(snapshot=json.dumps(data))
    text = Client().get(f"/r/{report.token}/rfq.txt?model=oem").content.decode()
    assert "we propose 30% deposit" in text and "we plan 2 rounds" in text


def _snapshot(answers, today: date) -> dict:
    return snapshots.build_snapshot(
        token="t",
        created_at=datetime(2026, 12, 1),
        version=1,
        answers=answers,
        result=rules.evaluate(answers, rules.Thresholds(), today),
        thresholds=rules.Thresholds(),
        factors=[],
    )


def test_the_ship_by_date_never_falls_inside_the_new_year_closure():
    today = date(2026, 9, 1)
    # Launch 2027-02-20: less a week of express, 02-13, when factories are closed (01-30 until
    # full output on 03-06). Goods must leave the day before the closure, and the request says
    # why.
    data = _snapshot(sample_answers(launch_date=date(2027, 2, 20)), today)
    text = " ".join(rfq.as_text(rfq.build(data, "odm", [], today)).split())
    assert (
        "Goods must leave your factory by (before the Chinese New Year closure): 2027-01-29" in text
    )
    assert "our launch less express transit (2027-02-13) falls inside" in text
    assert "from about 2027-01-30 until full output about 2027-03-06" in text
    # Clear of the closure, the launch less transit, as before.
    data = _snapshot(sample_answers(launch_date=date(2026, 12, 20)), today)
    text = " ".join(rfq.as_text(rfq.build(data, "odm", [], today)).split())
    assert "(our launch less 1 week by express): 2026-12-13" in text


def test_the_request_names_the_closure_it_counts_for_the_factory_to_confirm():
    today = date(2026, 11, 26)
    data = _snapshot(sample_answers(launch_date=date(2027, 6, 1)), today)
    text = " ".join(rfq.as_text(rfq.build(data, "oem", [], today)).split())
    assert "production would run over the festival (2027-02-06)" in text
    assert "closed from about 2027-01-30 until full output about 2027-03-06" in text


def test_a_report_saved_with_the_old_shutdown_figure_keeps_it_as_the_weeks_after(make_report):
    report = make_report()
    data = report.data
    lead = data["thresholds"]["lead-time"]
    del lead["cny_stop_before_days"], lead["cny_full_output_after_weeks"]
    lead["cny_shutdown_weeks"] = 6  # as reports were saved before the closure had two figures
    thresholds = snapshots.thresholds_from_json(data["thresholds"])
    assert (thresholds.cny_full_output_after_weeks, thresholds.cny_stop_before_days) == (6, 7)
    Report.objects.filter(pk=report.pk).update(snapshot=json.dumps(data))
    assert Client().get(f"/r/{report.token}/rfq.txt?model=odm").status_code == 200
