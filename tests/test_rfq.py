"""The request for quotation: per model, in the buyer's figures, as a page and as plain text."""

import html
import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from advisor import rfq, rules, services, snapshots
from advisor.models import Report
from tests.conftest import OEM_BUYER, browser, sample_answers
from tests.test_quotes import OEM_QUOTE

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
    oem = make_report(launch_date=far, **OEM_BUYER)
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
    response = client.get(f"/r/{report.token}/rfq.txt?model=odm")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert len(text) < rfq.TEXT_LIMIT
    assert max(len(line) for line in text.splitlines()) <= rfq.TEXT_WIDTH
    assert "<" not in text and "&" not in text
    launch = date.fromisoformat(report.data["answers"]["launch_date"])
    assert "120 pieces a design" in text and "240 pieces a design" in text  # and double
    assert (launch - timedelta(weeks=1)).isoformat() in text  # launch less express transit
    # Long enough for its explanations to be cut: each says what it asks, briefly.
    assert "AQL level II: critical 0, major 2.5, minor 4.0" in " ".join(text.split())
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
    # Still a week to quote and a firm day to decide: a rush would tell factories that we
    # cannot compare their quotes (a consultant's read of "decide as soon as we have your
    # quote", two days after asking).
    reply_by, decide_by = date.today() + timedelta(days=7), date.today() + timedelta(days=10)
    assert f"- Please reply by: {reply_by.isoformat()}" in text
    assert f"- We will decide by: {decide_by.isoformat()}" in text


def test_when_only_a_fast_factory_can_make_the_launch_we_decide_by_its_order_day():
    today = date(2026, 11, 15)
    t = rules.Thresholds()
    answers = sample_answers(launch_date=date(2027, 2, 27))  # three weeks after the festival
    data = snapshots.build_snapshot(
        token="t",
        created_at=datetime(2026, 11, 15),
        version=1,
        answers=answers,
        result=rules.evaluate(answers, t, today),
        thresholds=t,
        factors=[],
    )
    launch = answers.launch_date
    assert (
        rules.latest_order_day(launch, t.odm_lead_time_max_weeks, t.transit_express_weeks, t, today)
        is None
    )
    fast = rules.latest_order_day(
        launch, t.odm_lead_time_min_weeks, t.transit_express_weeks, t, today
    )
    assert fast is not None
    text = rfq.as_text(rfq.build(data, "odm", [], today))
    reply_by = min(today + timedelta(days=7), fast)
    assert f"- Please reply by: {reply_by.isoformat()}" in text
    assert f"- We will decide by: {max(fast, reply_by).isoformat()}" in text


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
        "Children's Product Certificate (CPSIA) (US)": us and children,
        "Tracking labels (CPSIA section 103) (US)": us and children,
        "Gold plating terms (FTC) (US)": us and plating == "gold",
        # The sample buyer's pieces are sterling silver.
        "Vermeil (FTC) (US)": us and plating == "gold",
        "Silver quality mark (US)": us,
        "Gold karat mark (US)": False,
        "Stainless steel grade (US)": False,
        "Nickel release (EU, UK)": eu and uk,
        "Nickel release (EU)": eu and not uk,
        "Nickel release (UK)": uk and not eu,
        "Cadmium (EU, UK)": eu and uk,
        "Lead (EU)": eu and not uk,
        "Traceability and responsible person (GPSR) (EU)": eu,
        "Precious metal marks, country by country (EU)": eu,
        "Producer identification (GPSR 2005) (UK)": uk,
        "Hallmark by an assay office (UK)": uk,
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
    text = Client().get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    flat = " ".join(text.split())
    assert "1 design from your stock, 1 piece of it" in flat
    assert "at 1 piece a design" in flat
    text = Client().get(f"/r/{report.token}/rfq.txt?model=oem").content.decode()
    flat = " ".join(text.split())
    assert "We plan our own design (OEM), in a style our range shows to sell: 1 piece," in flat
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
    assert "30% deposit" in text and "we plan 2 rounds" in text


# The materials: what each base metal and plating bring to the request.


def _rfq(make_report, **answers) -> tuple[str, str]:
    """The request's page (its text, unescaped) and plain text, both flattened."""
    report = make_report(**answers)
    page = Client().get(f"/r/{report.token}/rfq/?model=odm").content.decode()
    text = Client().get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    assert len(text) < rfq.TEXT_LIMIT
    return " ".join(html.unescape(page).split()), " ".join(text.split())


@pytest.mark.parametrize(
    "base_metal", ["zinc_alloy", "brass", "stainless_steel", "solid_gold", "other"]
)
def test_only_sterling_silver_is_asked_about_vermeil(make_report, base_metal):
    markets = ("us", "eu", "uk")
    page, text = _rfq(
        make_report, target_markets=markets, wearer_age="all_ages", base_metal=base_metal
    )
    assert "vermeil" not in page.lower() and "vermeil" not in text.lower()
    page, text = _rfq(make_report, target_markets=markets, base_metal="sterling_silver")
    assert "Vermeil (FTC) (US)" in page and "Vermeil (FTC) (US)" in text
    assert "at least 2.5 µm" in page


def test_a_zinc_alloy_request_keeps_the_gold_plating_terms(make_report):
    page, text = _rfq(make_report, target_markets=("us",), base_metal="zinc_alloy")
    assert "- Gold plating terms (FTC) (US): gold electroplate: 10K" in text
    assert "Plating: Gold; its thickness in microns" in page


def test_sterling_silver_for_the_uk_asks_for_the_hallmark(make_report):
    page, text = _rfq(
        make_report, target_markets=("uk",), base_metal="sterling_silver", plating="none"
    )
    assert "- Hallmark by an assay office (UK): hallmarked by an assay office" in text
    assert "over 7.78 g (silver)" in text and "over 7.78 g (silver)" in page
    assert "Hallmarking Act 1973" in page  # why, on the page
    assert "thickness in microns" not in page  # solid sterling silver: no plating to measure


def test_sterling_silver_for_the_us_asks_for_the_925_mark_and_its_trademark(make_report):
    page, text = _rfq(make_report, target_markets=("us",), base_metal="sterling_silver")
    assert "- Silver quality mark (US): 925/1,000 silver or finer to be marked 925" in text
    assert "with the trademark or name of whoever applies it" in page
    assert "15 U.S.C. 294 to 300" in page


def test_solid_gold_asks_for_its_karat_and_no_plating_thickness(make_report):
    page, text = _rfq(
        make_report, target_markets=("us", "uk"), base_metal="solid_gold", plating="rhodium"
    )
    # Explanations give way to the gold questions (metal loss, assay) for length; every limit
    # is still in the text or named with where to find it.
    assert "- Gold karat mark (US)" in text
    assert "10K or finer to be called gold" in page
    assert "over 7.78 g (silver) or 1 g (gold)" in page
    assert "- Hallmark by an assay office (UK):" in text
    assert "- Plating: Rhodium" in text
    assert "thickness in microns" not in page and "thickness in microns" not in text
    assert "Gold plating terms" not in page  # solid gold makes no plating claim


def test_a_us_childrens_request_asks_for_the_certificate_and_the_tracking_labels(make_report):
    page, text = _rfq(make_report, target_markets=("us",), wearer_age="children")
    assert "- Children's Product Certificate (CPSIA) (US): a certificate for each product" in text
    assert "CPSC-accepted third-party laboratory" in text
    assert "- Tracking labels (CPSIA section 103) (US): permanent marks" in text
    assert "CPSC-CH-E1003-09.1" in page  # the coatings method
    assert "We, as importer, issue the Children's Product Certificate" in page
    adults = _rfq(make_report, target_markets=("us",), wearer_age="adults")[0]
    assert "Children's Product Certificate" not in adults and "Tracking labels" not in adults


def test_an_eu_request_names_the_gpsr_responsible_person(make_report):
    page, text = _rfq(make_report, target_markets=("eu",), base_metal="brass")
    assert "- Traceability and responsible person (GPSR) (EU):" in text
    assert "the EU responsible person" in text
    assert "(EU) 2023/988" in page


def test_a_uk_request_asks_for_the_producers_identification(make_report):
    page, text = _rfq(make_report, target_markets=("uk",), base_metal="brass")
    assert "- Producer identification (GPSR 2005) (UK): the producer's name and address" in text
    assert "Northern Ireland follows the EU rules instead." in page


def test_stainless_steel_asks_for_its_grade_and_mill_certificate(make_report):
    page, text = _rfq(make_report, target_markets=("us", "eu", "uk"), base_metal="stainless_steel")
    # One line for the three markets, which ask the same.
    assert text.count("- Stainless steel grade (US, EU, UK):") == 1
    assert "the grade named (316L is usual); implant grade to ASTM F138 or ISO 5832-1" in page
    assert "the mill certificate for the steel, naming its grade and standard" in page
    assert "Silver quality mark" not in page and "Hallmark" not in page


def test_a_long_request_keeps_the_limits_of_as_many_requirements_as_fit(make_report):
    report = make_report(
        target_markets=("us", "eu", "uk"), wearer_age="all_ages", base_metal="sterling_silver"
    )
    text = Client().get(f"/r/{report.token}/rfq.txt?model=oem").content.decode()
    assert len(text) < rfq.TEXT_LIMIT
    flat = " ".join(text.split())
    # The first requirements keep their limits; only the last are named alone.
    assert "- Lead in children's products (CPSIA) (US): 100 ppm" in flat
    # Never a bare label a factory could read as nothing asked: it points to the limits.
    assert "- Hallmark by an assay office (UK): details at the link below - Test reports" in flat
    assert not re.search(r":\s+- ", flat)
    # Explanations are cut before any limit is left out (a consultant's read: the limits were
    # blank while "signed by both sides and kept as the reference" stayed).
    assert "one signed sample per design, the reference for production" in flat
    assert "- Test reports: an ISO/IEC 17025 laboratory's report for each limit" in flat
    # A factory must not price a test without its limit: the text says where every limit is.
    full_request = f"{settings.SITE_URL}/q/{report.rfq_token}/?model=oem"
    assert f"Limits left out above for length: {full_request}" in flat
    factory_text = Client().get(f"/q/{report.rfq_token}.txt?model=oem").content.decode()
    assert full_request in factory_text
    assert Client().get(full_request.removeprefix(settings.SITE_URL)).status_code == 200

    # Once the link is revoked, the link for factories is dead: the owner's text promises the
    # limits instead of a link that no longer opens.
    services.reports.revoke_link(report=report)
    owner_text = browser(report.owner_key).get(f"/r/{report.token}/rfq.txt?model=oem")
    flat = " ".join(owner_text.content.decode().split())
    assert "Limits left out above for length: we will send them." in flat
    assert f"/q/{report.rfq_token}" not in flat


# The link for factories (issue 24): the request, and nothing else of the report.


def factory_urls(report: Report) -> list[str]:
    return [f"/q/{report.rfq_token}/", f"/q/{report.rfq_token}.txt"]


def test_the_link_for_factories_opens_the_request_page_and_text(report):
    assert report.rfq_token != report.token and len(report.rfq_token) == 32
    page = browser().get(f"/q/{report.rfq_token}/?model=oem")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Request for quotation: Aurora rings (OEM)" in html and "Mold ownership" in html
    assert f'href="/q/{report.rfq_token}.txt?model=oem"' in html
    text = browser().get(f"/q/{report.rfq_token}.txt?model=oem")
    assert text.status_code == 200
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    # The same request the buyer drafted from the report.
    assert text.content == browser().get(f"/r/{report.token}/rfq.txt?model=oem").content


@pytest.mark.parametrize("reader", ["factory", "owner"])
def test_the_request_through_the_link_for_factories_leads_nowhere_else(make_report, reader):
    # A hybrid report: the buyer's draft offers both models; a factory gets the one it was sent.
    report = make_report(owner_key=OWNER, project_name="Aurora rings")
    client = browser(OWNER if reader == "owner" else None)
    for url in factory_urls(report):
        body = client.get(f"{url}?model=odm").content.decode()
        assert report.token not in body
        assert "/r/" not in body  # no report, JSON, PDF, quotes or fork
        assert "?model=oem" not in body and "Back to the report" not in body
        assert "/reports/" not in body  # nor the buyer's own list
        # Nothing of the buyer's money: upfront budget, expected unit cost, retail price.
        assert "$3,000" not in body and "$12.5" not in body and "$39" not in body


def test_the_link_for_factories_opens_no_page_of_the_report(report):
    pages = ["/", ".json", ".pdf", "/rfq/", "/rfq.txt", "/quotes/", "/fork", "/revoke"]
    owner = browser(OWNER)
    for page in pages:
        if page != ".pdf":  # a second of drawing; its 404 below comes before any
            assert owner.get(f"/r/{report.token}{page}").status_code == 200, page
    for client in (browser(), owner):
        for page in pages:
            assert client.get(f"/r/{report.rfq_token}{page}").status_code == 404, page
        for page in ("/revoke", "/expiry", "/share-again"):
            url = f"/r/{report.rfq_token}{page}"
            assert client.post(url, {"days": "7"}).status_code == 404, page
    report.refresh_from_db()
    assert report.revoked_at is None and report.expires_at is None


def test_the_report_s_own_link_opens_no_request_for_factories(report):
    for client in (browser(), browser(OWNER)):
        assert client.get(f"/q/{report.token}/").status_code == 404
        assert client.get(f"/q/{report.token}.txt").status_code == 404


def test_the_link_for_factories_is_not_indexed_not_kept_and_sends_no_referrer(report):
    for url in factory_urls(report):
        response = browser().get(url)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Cache-Control"] == "private, no-store"
        assert response["Referrer-Policy"] == "no-referrer"
    assert "Disallow: /q/" in browser().get("/robots.txt").content.decode()


@pytest.mark.parametrize("end", ["revoked", "expired"])
def test_the_link_for_factories_dies_with_the_report_s_link_but_its_owner_still_reads_it(
    report, end
):
    if end == "revoked":
        services.reports.revoke_link(report=report)
    else:
        past = timezone.now() - timedelta(days=8)
        services.reports.set_link_expiry(report=report, days=7, now=past)
    for url in factory_urls(report):
        for client in (browser(), browser("colleague")):
            gone = client.get(url)
            assert gone.status_code == 410
            assert gone["Referrer-Policy"] == "no-referrer" and "no-store" in gone["Cache-Control"]
        assert browser(OWNER).get(url).status_code == 200
    html = browser(OWNER).get(factory_urls(report)[0]).content.decode()
    assert "This link for factories stopped working on" in html
    gone = browser().get(factory_urls(report)[0]).content.decode()
    assert "has withdrawn its link" in gone and "csrfmiddlewaretoken" not in gone


def test_shared_again_a_report_gets_a_new_link_for_factories_and_the_old_stays_dead(report):
    services.reports.revoke_link(report=report)
    fresh = services.reports.share_again(report=report)
    assert fresh.rfq_token not in (report.rfq_token, fresh.token)
    assert browser().get(f"/q/{fresh.rfq_token}/").status_code == 200
    assert browser().get(f"/q/{report.rfq_token}/").status_code == 410


@pytest.mark.parametrize("reader", ["owner", "colleague"])
def test_the_report_offers_the_link_for_factories(make_report, reader, settings):
    settings.SITE_URL = "https://advisor.example.com"
    report = make_report(owner_key=OWNER)  # a hybrid: a link for each model's request
    client = browser(OWNER if reader == "owner" else "colleague")
    for _visit in ("drawn", "kept"):
        html = client.get(f"/r/{report.token}/").content.decode()
        assert "Link for factories" in html
        assert "it opens only the request for quotation" in html
        for model in ("odm", "oem"):
            assert (
                f'value="https://advisor.example.com/q/{report.rfq_token}/?model={model}"' in html
            )


def test_a_dead_link_s_report_offers_no_link_for_factories(report):
    services.reports.revoke_link(report=report)
    html = browser(OWNER).get(f"/r/{report.token}/").content.decode()
    assert report.rfq_token not in html
    assert "Its link for factories stopped working with it" in html
    html = browser(OWNER).get(f"/r/{report.token}/rfq/").content.decode()
    assert report.rfq_token not in html and "the link for factories with it" in html


def test_the_buyer_s_draft_offers_the_link_for_factories_never_the_report_s(report, settings):
    settings.SITE_URL = "https://advisor.example.com"
    for client in (browser(OWNER), browser("colleague")):
        html = client.get(f"/r/{report.token}/rfq/?model=oem").content.decode()
        assert f'value="https://advisor.example.com/q/{report.rfq_token}/?model=oem"' in html
        assert "https://advisor.example.com/r/" not in html  # no report link to copy
        assert f'href="/r/{report.token}/"' in html  # the buyer's way back


def test_a_factory_reads_the_request_in_two_queries(report, django_assert_max_num_queries):
    # The report, and the requirements for its markets; no session.
    for url in factory_urls(report):
        with django_assert_max_num_queries(2):
            assert Client().get(url).status_code == 200


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
    data = _snapshot(sample_answers(launch_date=date(2027, 6, 1), **OEM_BUYER), today)
    assert data["recommendation"] == "oem"  # a launch to meet (a hybrid's OEM request has none)
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


# Every kind of buyer (issue 25): a wholesale tester orders stock; a gold label gets quotes it
# can compare, the metal apart from the making.


def test_a_wholesale_tester_gets_a_short_stock_order_enquiry(make_report):
    tester = make_report(
        units_per_design=5, design_count=40, unit_cost_usd=Decimal(2), upfront_budget_usd=800,
        base_metal="brass",
    )  # fmt: skip
    assert tester.data["costs"]["odm"]["from_stock"]
    page = html.unescape(Client().get(f"/r/{tester.token}/rfq/?model=odm").content.decode())
    text = Client().get(f"/r/{tester.token}/rfq.txt?model=odm").content.decode()
    text = " ".join(text.split())
    assert "Stock order enquiry" in page and "STOCK ORDER ENQUIRY" in text
    for shown in (page, text):
        assert "from your stock, 5 pieces of each" in shown
        assert "a video of the packed parcel" in shown
        assert "Sample fee" not in shown and "AQL" not in shown and "Golden sample" not in shown
        assert "the reports you hold for these items" in shown
    assert len(text) < rfq.TEXT_LIMIT


def test_a_development_order_is_still_a_request_for_quotation(make_report):
    report = make_report(units_per_design=120)
    text = Client().get(f"/r/{report.token}/rfq.txt?model=odm").content.decode()
    assert "REQUEST FOR QUOTATION" in text and "Sample fee per design" in text


def test_the_gold_request_asks_karat_weight_making_metal_basis_and_hallmarking(make_report):
    gold = make_report(
        base_metal="solid_gold", karat="18k", piece_weight_g=Decimal("3.5"), plating="none",
        target_markets=("uk", "us"), units_per_design=150, design_count=8,
    )  # fmt: skip
    text = " ".join(Client().get(f"/r/{gold.token}/rfq.txt?model=oem").content.decode().split())
    assert "Karat and colour: 18K" in text
    assert "we plan about 3.5 g" in text
    assert "Making charge per gram in USD" in text
    assert "which gold price" in text and "fixed on which day" in text
    # Our planning price stays ours: told to the factory, it would anchor its metal price.
    assert "$4,000" not in text and "the price your quote assumes" in text
    assert "Metal loss in casting and finishing (%)" in text
    assert "each lot assayed, every piece weighed" in text
    assert "hallmark" in text.lower()
    assert "thickness in microns" not in text  # solid gold, unplated
    silver = make_report(base_metal="sterling_silver")
    assert "Karat" not in Client().get(f"/r/{silver.token}/rfq.txt?model=oem").content.decode()


def test_the_buyer_s_draft_offers_to_copy_the_request_at_the_top_and_the_bottom(report):
    draft = browser().get(f"/r/{report.token}/rfq/").content.decode()
    assert draft.count('data-copy="#rfq-text"') == 2
    assert draft.index('data-copy="#rfq-text"') < draft.index('class="report-section')
    factory = browser().get(report.get_rfq_url()).content.decode()
    assert factory.count('data-copy="#rfq-text"') == 1  # the factory's page: its text's own


def test_a_request_opens_with_the_common_deposit_not_the_higher_one_planned(client, make_report):
    # ODM's cash is planned at a 50 % deposit; the request proposes 30/70, the common term.
    report = make_report()
    text = client.get(f"/r/{report.token}/rfq/?model=odm").content.decode()
    assert "we propose 30% deposit and the balance before shipment" in text
    assert report.data["costs"]["odm"]["deposit_percent"] == 50


def test_a_request_gives_the_ship_by_day_by_sea_too_and_asks_the_lead_time_with_the_sample(
    client, make_report
):
    report = make_report(launch_date=date(2027, 9, 6))  # clear of any New Year closure
    text = client.get(f"/r/{report.token}/rfq/?model=odm").content.decode()
    assert (
        "By sea, goods must leave your factory by (our launch less 6 weeks, door to door)" in text
    )
    assert "2027-07-26" in text  # 2027-09-06 less six weeks
    assert "goods ready to ship, your sample included" in text


def _request(
    launch: date, today: date, model: str = "odm", t: rules.Thresholds | None = None, **answers
) -> str:
    plan, t = sample_answers(launch_date=launch, **answers), t or rules.Thresholds()
    data = snapshots.build_snapshot(
        token="t",
        created_at=datetime.combine(today, datetime.min.time()),
        version=1,
        answers=plan,
        result=rules.evaluate(plan, t, today),
        thresholds=t,
        factors=[],
    )
    return rfq.as_text(rfq.build(data, model, [], today))


def _day(text: str, label: str) -> date:
    (line,) = [line for line in text.splitlines() if line.startswith(f"- {label}: ")]
    return date.fromisoformat(line.rsplit(" ", 1)[1])


def test_factories_always_get_a_week_to_quote_and_we_three_days_to_compare():
    """Never reply and decide on one day (a consultant's read: a slow factory's order day the
    day after the request made both the next day): the request decides by a fast factory's
    order day instead, and asks for that schedule in writing."""
    today = date(2026, 12, 2)
    t = rules.Thresholds()
    for weeks in range(1, 60):
        launch = today + timedelta(weeks=weeks)
        text = _request(launch, today)
        reply_by, decide_by = _day(text, "Please reply by"), _day(text, "We will decide by")
        words = " ".join(text.split())
        assert reply_by == today + timedelta(days=7), launch
        assert decide_by >= reply_by + timedelta(days=3), launch
        slow = rules.latest_order_day(launch, t.odm_lead_time_max_weeks, 1, t, today)
        fast = rules.latest_order_day(launch, t.odm_lead_time_min_weeks, 1, t, today)
        compared = today + timedelta(days=10)
        if slow is not None and slow >= compared:
            assert decide_by == slow and "- Schedule:" not in words
        elif fast is not None and fast >= compared:
            assert decide_by == fast, launch
            assert "our launch leaves no room for a slow run: tell us the lead time" in words
        else:
            assert decide_by == compared
            assert "tell us the fastest schedule you can commit to in writing" in words


def test_the_new_year_item_is_for_a_run_ordered_on_the_day_we_decide():
    # From 2026-09-01 a 13-week ODM run ends before the closure; ordered on the day the
    # request decides by (the last day for a slow factory, in January), it runs into it.
    today = date(2026, 9, 1)
    text = _request(date(2027, 5, 20), today)
    decide_by = _day(text, "We will decide by")
    assert decide_by > date(2026, 12, 1)
    words = " ".join(text.split())
    assert "- Chinese New Year: production would run over the festival (2027-02-06)" in words


def test_the_sea_ship_by_day_is_left_out_when_no_factory_could_ship_by_then():
    today = date(2026, 12, 2)
    text = _request(today + timedelta(weeks=6), today)
    assert "By sea" not in text  # six weeks at sea from a launch six weeks away
    assert "Goods must leave your factory by (our launch less 1 week by express)" in text
    assert "By sea, goods must leave" in _request(today + timedelta(weeks=30), today)
    # A narrow lead time (a re-run's 10-14 weeks, say) and a far launch: a slow factory fits,
    # so we decide late, but an order placed once the quotes are compared ships by sea easily.
    t = rules.Thresholds(oem_lead_time_min_weeks=10, oem_lead_time_max_weeks=14)
    far = _request(today + timedelta(weeks=52), today, "oem", t, **OEM_BUYER)
    assert "By sea, goods must leave" in far


def test_a_re_run_s_request_proposes_the_staff_s_deposit_not_the_supplier_s(make_report):
    report = make_report(owner_key=OWNER)
    owner = browser(OWNER)
    quote = {**OEM_QUOTE, "supplier": "Panyu Gold", "deposit_percent": "50"}
    assert owner.post(f"/r/{report.token}/quotes/", quote).status_code == 303
    pk = report.quotes.get().pk
    owner.post(f"/r/{report.token}/quotes/{pk}/rerun")
    rerun = Report.objects.get(based_on=report)
    assert "oem_deposit_percent" in rerun.data["from_quote"]["figures"]
    for model in ("oem", "odm"):
        text = owner.get(f"/r/{rerun.token}/rfq.txt?model={model}").content.decode()
        assert "30% deposit" in " ".join(text.split()), model


def test_an_order_too_small_for_an_inspection_asks_for_photos_not_an_inspection():
    """The report pays no inspection below its minimum order value: the request must not
    demand one (an inspector-day would double a $300 order)."""
    today = date(2026, 12, 2)
    small = _request(today + timedelta(weeks=30), today, units_per_design=20, design_count=1)
    words = " ".join(small.split())
    assert "- Before dispatch: photos of the pieces and a video of the packed goods" in words
    assert "Pre-shipment inspection" not in words
    large = " ".join(_request(today + timedelta(weeks=30), today, units_per_design=500).split())
    assert "- Pre-shipment inspection: AQL general inspection level II" in large
    own_qc = _request(
        today + timedelta(weeks=30),
        today,
        units_per_design=20,
        design_count=1,
        qc_capability="in_house",
    )
    assert "Pre-shipment inspection: AQL" in " ".join(own_qc.split())


def test_a_hybrid_s_oem_request_asks_for_its_own_designs_later_not_for_the_launch():
    """A hybrid launches with ODM; its OEM request is for its own designs, made later in the
    styles that sell (a consultant's read: one asking OEM factories for 120 pieces by a launch
    the report rules OEM out for, "the fastest schedule you can commit to", is declined or
    rushed; one saying the designs come from a catalogue offers another factory's design)."""
    today = date(2027, 3, 10)
    launch = today + timedelta(weeks=8)
    text = _request(launch, today, "oem")  # the sample buyer: OEM needs money and time
    words = " ".join(text.split())
    assert "We plan our own designs (OEM), up to 4, in the styles our range shows to sell" in words
    assert "120 pieces a design, or your minimum order if it is higher" in words
    assert "catalogue" not in words
    assert launch.isoformat() not in text
    assert "Goods must leave" not in text and "By sea" not in text and "Schedule" not in text
    assert "- Delivery: no launch date yet: we will order a design at a time, as our sales" in words
    # Development waits for the money: a quote to plan with, no day to decide or order by.
    assert "at the earliest" not in words and "We will decide by" not in words
    assert "- Our decision: once our budget is in place: we plan with your quote" in words
    assert "Quote valid until (as long as you can hold it)" in words
    assert "Chinese New Year" not in words
    # With the money for OEM's start, we decide once quotes are compared, and the first pieces'
    # day: 13 weeks from that day (no New Year inside) and a week's transit.
    funded = " ".join(
        _request(today + timedelta(weeks=20), today, "oem", upfront_budget_usd=30_000).split()
    )
    assert "first pieces from about 2027-06-26 at the earliest" in funded
    assert "We will decide by: 2027-03-20" in funded
    # The ODM request carries the launch, as before.
    assert launch.isoformat() in _request(launch, today, "odm")


@pytest.mark.parametrize(
    ("answers", "tested"),
    [
        ({"wearer_age": "children"}, True),
        ({"wearer_age": "all_ages", "target_markets": ["us"]}, True),
        ({"wearer_age": "children", "units_per_design": 3}, True),  # a stock order too
        ({"wearer_age": "adults"}, False),
        ({"wearer_age": "children", "target_markets": ["eu", "uk"]}, False),
    ],
)
def test_children_s_jewelry_for_the_us_is_lab_tested_before_it_ships(make_report, answers, tested):
    """Its Children's Product Certificate is filed with the customs entry since 2026-07-08:
    the test comes before shipment, and the report says its cost is not counted."""
    report = make_report(**answers)
    text = " ".join(Client().get(f"/r/{report.token}/rfq.txt").content.decode().split())
    asked = "- Children's product testing (US):"
    assert (asked in text) is tested
    assert ("CPSC-accepted laboratory we appoint" in text) is tested
    page = " ".join(html.unescape(Client().get(f"/r/{report.token}/").content.decode()).split())
    note = "Not counted: jewelry for children sold in the US is tested by a CPSC-accepted"
    assert (note in page) is tested
    if tested:
        assert "since 2026-07-08, file with the customs entry" in page
