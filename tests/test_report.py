import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from advisor import services
from advisor.models import Factor, Report, Thresholds
from tests.test_landing import FACTOR_SLUGS

ANSWER_KEYS = [
    "project_name",
    "company_stage",
    "positioning",
    "demand_evidence",
    "upfront_budget_usd",
    "unit_cost_usd",
    "units_per_design",
    "design_count",
    "launch_date",
    "design_readiness",
    "ip_importance",
    "customization",
    "qc_capability",
    "risk_tolerance",
    "total_budget_usd",
    "target_markets",
    "wearer_age",
    "base_metal",
    "plating",
    "retail_price_usd",
    "piece_weight_g",
    "karat",
]
TOP_KEYS = {
    "token",
    "created_at",
    "rules_version",
    "answers",
    "recommendation",
    "confidence",
    "summary",
    "factors",
    "blockers",
    "costs",
    "timeline",
    "what_would_change",
    "thresholds",
}


def test_tokens_are_long_random_and_url_safe(make_report):
    tokens = {make_report().token for _ in range(5)}
    assert len(tokens) == 5
    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", token)  # 24 bytes = 192 bits


def test_the_json_matches_the_contract(client, make_report):
    report = make_report()
    response = client.get(f"/r/{report.token}.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    # "nearest" comes only with "neither", "plan" only with "hybrid", and "based_on" and
    # "from_quote" only in a report re-run with a supplier's quote.
    assert TOP_KEYS <= set(data) <= TOP_KEYS | {"nearest", "plan", "based_on", "from_quote"}
    assert "quotes" not in data  # the owner's alone (tests/test_quotes.py)
    assert data["token"] == report.token
    assert data["rules_version"] == 1
    assert list(data["answers"]) == ANSWER_KEYS
    assert data["answers"]["upfront_budget_usd"] == 3000
    assert data["answers"]["units_per_design"] == 120
    assert data["answers"]["unit_cost_usd"] == 12.5
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["answers"]["launch_date"])
    assert data["recommendation"] in {"oem", "odm", "hybrid", "neither"}
    assert 0 <= data["confidence"] <= 1
    assert [f["slug"] for f in data["factors"]] == FACTOR_SLUGS
    for factor in data["factors"]:
        assert set(factor) == {"slug", "name", "oem", "odm", "fit", "reason", "weight"}
        assert factor["fit"] in {"oem", "odm", "neutral"}
    for blocker in data["blockers"]:
        assert set(blocker) == {"model", "factor", "reason"}
    assert set(data["costs"]) == {"oem", "odm"}
    assert {"weeks_available", "oem_weeks", "odm_weeks", "oem_feasible", "odm_feasible"} <= set(
        data["timeline"]
    )
    for change in data["what_would_change"]:
        assert set(change) == {"factor", "change"}
    assert list(data["thresholds"]) == FACTOR_SLUGS
    assert data["thresholds"]["upfront-costs"]["oem_tooling_min_usd"] == 5000


def test_a_premium_brand_short_of_money_and_time_gets_a_hybrid_plan(client, make_report):
    data = json.loads(client.get(f"/r/{make_report().token}.json").content)
    assert data["recommendation"] == "hybrid"
    assert {(b["model"], b["factor"]) for b in data["blockers"]} == {
        ("oem", "upfront-costs"),
        ("oem", "lead-time"),
    }


def test_the_project_name_is_kept_exactly_and_shown_escaped(client, make_report):
    name = '<script>alert("x")</script> & "Rings" \'25'
    report = make_report(project_name=name)
    assert (
        json.loads(client.get(f"/r/{report.token}.json").content)["answers"]["project_name"] == name
    )
    html = client.get(f"/r/{report.token}/").content.decode()
    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Rings&quot; &#x27;25" in html
    )


def test_the_page_shows_every_part_of_the_report(client, make_report):
    report = make_report()
    response = client.get(f"/r/{report.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    data = report.data
    assert data["summary"] in html.replace("&#x27;", "'")
    assert html.index('id="blockers-title"') < html.index('id="factors-title"')
    assert 'id="hybrid-title"' in html
    for slug in FACTOR_SLUGS:
        assert f'<tr data-factor="{slug}"' in html
    assert html.count('<figure class="chart') == 2 and html.count("<figcaption") == 2
    assert "assumption" in html
    assert "rules version 1" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


@pytest.mark.parametrize("path", ["/r/{}/", "/r/{}.json"])
def test_unknown_tokens_are_404(client, db, path):
    response = client.get(path.format("A" * 32))
    assert response.status_code == 404


def test_the_404_page_is_friendly(client, db):
    response = client.get("/r/" + "B" * 32 + "/")
    assert "We could not find that page" in response.content.decode()


def test_a_saved_report_never_changes_when_thresholds_change(client, make_report):
    report = make_report()
    before_json = client.get(f"/r/{report.token}.json").content
    before_html = client.get(f"/r/{report.token}/").content

    thresholds = Thresholds.objects.get()
    thresholds.oem_tooling_min_usd = 40
    services.thresholds.save_thresholds(thresholds=thresholds)
    Factor.objects.filter(slug="risk-level").update(name="Renamed", oem_summary="Changed")

    assert client.get(f"/r/{report.token}.json").content == before_json
    assert client.get(f"/r/{report.token}/").content == before_html
    newer = make_report()
    assert newer.rules_version == 2
    assert newer.data["thresholds"]["upfront-costs"]["oem_tooling_min_usd"] == 40
    assert "upfront-costs" not in {
        b["factor"] for b in newer.data["blockers"] if b["model"] == "oem"
    }


def test_saving_unchanged_thresholds_keeps_the_version(db):
    thresholds = Thresholds.objects.get()
    services.thresholds.save_thresholds(thresholds=thresholds)
    assert Thresholds.objects.get().version == 1


def test_the_report_page_and_json_take_few_queries(
    client, make_report, django_assert_max_num_queries
):
    report = make_report()
    with django_assert_max_num_queries(4):
        assert client.get(f"/r/{report.token}/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(f"/r/{report.token}.json").status_code == 200


def test_a_report_records_its_owner_and_recommendation(make_report):
    report = make_report(owner_key="browser-b")
    stored = Report.objects.get(token=report.token)
    assert stored.owner_key == "browser-b"
    assert stored.recommendation == stored.data["recommendation"]
    assert stored.get_absolute_url() == reverse("advisor:report", kwargs={"token": report.token})


SCENARIOS = {
    "oem": dict(
        company_stage="established",
        positioning="premium",
        demand_evidence="proven",
        upfront_budget_usd=250_000,
        units_per_design=800,
        design_readiness="full_specs",
        customization="full_custom",
        qc_capability="in_house",
        risk_tolerance="high",
        launch_date=timezone.localdate() + timedelta(weeks=30),
    ),
    "odm": dict(
        company_stage="startup",
        positioning="budget",
        demand_evidence="untested",
        ip_importance="unimportant",
        customization="branding_only",
        risk_tolerance="low",
    ),
    "hybrid": {},
    "neither": dict(upfront_budget_usd=0, launch_date=timezone.localdate() + timedelta(days=10)),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_kind_of_report_renders_with_its_own_sections(client, make_report, scenario):
    report = make_report(**SCENARIOS[scenario])
    html = client.get(f"/r/{report.token}/").content.decode()
    expected = scenario
    assert report.recommendation == expected
    assert f"verdict-{expected}" in html
    assert ('id="hybrid-title"' in html) == (expected == "hybrid")
    assert ("Neither model works yet" in html) == (scenario == "neither")
    # Neither works: no confidence meter, and the nearer model is named.
    assert ("confidence-meter" in html) == (scenario != "neither")
    assert ("Nearest: ODM" in html) == (scenario == "neither")
    assert ('id="blockers-title"' in html) == bool(report.data["blockers"])
    assert html.count('<tr data-factor="') == 8


def test_a_report_saved_before_neither_existed_still_reads_neither(client, make_report):
    report = make_report(**SCENARIOS["neither"])
    data = report.data
    data["recommendation"] = "odm"  # what such a report stored
    del data["nearest"]
    report.snapshot = json.dumps(data)
    report.save()
    html = client.get(f"/r/{report.token}/").content.decode()
    assert "verdict-neither" in html and "Neither works yet" in html
    assert "confidence-meter" not in html


def test_the_json_names_the_nearest_model_only_with_neither(client, make_report):
    neither = client.get(f"/r/{make_report(**SCENARIOS['neither']).token}.json").json()
    hybrid = client.get(f"/r/{make_report().token}.json").json()
    assert neither["recommendation"] == "neither" and neither["nearest"] == "odm"
    assert list(neither)[list(neither).index("recommendation") + 1] == "nearest"
    assert "nearest" not in hybrid


def test_the_costs_show_the_order_freight_credit_and_the_total_budget(client, make_report):
    report = make_report(total_budget_usd=250_000, upfront_budget_usd=60_000)
    html = client.get(f"/r/{report.token}/").content.decode()
    for label in (
        "Tooling: development programme and molds",
        "of which molds, for your designs",
        "Sample fees credited to the order",
        "Balance before shipping",
        "Freight to you",
        "Cash to first delivery",
    ):
        assert label in html
    assert "Total budget until the first delivery (USD, optional)" in html
    assert "$250,000" in html


@pytest.mark.parametrize(
    ("markets", "surcharges", "vat"),
    [
        (("us",), True, None),
        (("uk",), False, "UK import VAT (20%) comes on top"),
        (("eu", "other"), False, "EU import VAT (17% to 27% by country) comes on top"),
        (("us", "eu", "uk"), True, "Import VAT comes on top (UK 20%, EU 17% to 27% by country)"),
    ],
)
def test_the_duty_line_names_the_us_surcharges_and_the_import_vat_of_the_buyer_s_markets_alone(
    client, make_report, markets, surcharges, vat
):
    html = client.get(f"/r/{make_report(target_markets=markets).token}/").content.decode()
    assert "our default for your markets: confirm it with a customs broker." in html
    assert ("US surcharges on Chinese goods since 2025" in html) is surcharges
    # Not counted in the cash (whether the buyer reclaims it is not asked): said beside it.
    if vat:
        assert vat in html
        assert "a VAT-registered business reclaims it" in html
    else:
        assert "import vat" not in html.lower()


def test_a_report_made_before_a_question_existed_says_its_answer_is_unknown(client, make_report):
    report = make_report()
    data = report.data
    del data["answers"]["total_budget_usd"]
    report.snapshot = json.dumps(data)
    report.save()
    html = client.get(f"/r/{report.token}/").content.decode()
    assert "unknown: not asked when this report was made" in html


def test_the_timeline_says_how_each_model_fits_and_names_the_new_year_closure(client, db):
    from datetime import UTC, datetime

    from tests.conftest import sample_answers

    november = datetime(2026, 11, 26, 12, tzinfo=UTC)
    answers = sample_answers(launch_date=november.date() + timedelta(weeks=20))
    report = services.reports.create_report(answers=answers, owner_key="a", now=november)
    html = client.get(f"/r/{report.token}/").content.decode()
    assert "Chinese New Year (2027-02-06) falls inside production" in html
    assert "(with a 5-week New Year closure)" in html  # from 01-30 to full output on 03-06
    assert "Only if the factory is fast" in html  # OEM: 19 to 28 weeks, 20 available
    assert "Yes, even if the factory is slow" in html  # ODM: 5 to 19 weeks
    timeline = report.data["timeline"]
    assert (timeline["oem_schedule"], timeline["festival"]) == ("fits_only_if_fast", "2027-02-06")


def test_a_hybrid_report_shows_its_dated_plan(client, make_report):
    report = make_report()  # the sample answers: premium, short of money and time
    assert report.recommendation == "hybrid"
    html = client.get(f"/r/{report.token}/").content.decode()
    plan = report.data["plan"]
    assert len(plan) == 3 and plan[0].startswith("Now: ask a factory for samples")
    assert '<ol class="plan">' in html
    for step in plan:
        assert escape(step) in html
