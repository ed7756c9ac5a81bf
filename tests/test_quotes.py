"""Supplier quotes: the arithmetic, the form, ownership, and re-running the advice with a quote."""

import dataclasses
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advisor import rules, services, snapshots
from advisor.forms import QuoteForm
from advisor.models import Quote, Report
from tests.conftest import OEM_BUYER, browser, sample_answers

TODAY = date(2027, 3, 1)
OWNER = "quote-owner"

OEM_QUOTE = {
    "supplier": "Shenzhen Bright Jewelry",
    "model": "oem",
    "unit_price_usd": "8.40",
    "moq_per_design": "300",
    "tooling_per_design_usd": "300",  # x 4 designs (the sample answers): $1,200
    "sample_fee_usd": "40",
    "lead_time_weeks_min": "10",
    "lead_time_weeks_max": "14",
    "incoterm": "exw",
    "freight_per_piece_usd": "0.35",
    "duty_percent": "5",
    "deposit_percent": "30",
}
# The same figures from a catalogue: on the sample buyer's hybrid report, ODM quotes are the
# ones held against the launch (its OEM quotes are for its own designs, later).
ODM_QUOTE = {**OEM_QUOTE, "model": "odm", "tooling_per_design_usd": "0"}


def quote(**overrides) -> rules.Quote:
    base = {
        "supplier": "A",
        "model": rules.Model.OEM,
        "unit_price_usd": Decimal("8.40"),
        "moq_per_design": 300,
        "tooling_per_design_usd": Decimal("300"),
        "sample_fee_usd": Decimal("40"),
        "lead_time_weeks_min": 10,
        "lead_time_weeks_max": 14,
        "incoterm": rules.Incoterm.EXW,
        "deposit_percent": Decimal("30"),
        "designs": 4,
        "freight_per_piece_usd": Decimal("0.35"),
        "duty_percent": Decimal("5"),
    }
    return rules.Quote(**{**base, **overrides})


# The arithmetic, in Decimal, without a database.


def test_landed_cost_adds_freight_and_duty_on_the_unit_price():
    landed = rules.landed_cost(quote(), sample_answers(), rules.Thresholds())
    assert landed.per_piece == Decimal("9.17")  # 8.40 + 0.35 + 5 % of 8.40 (0.42)
    assert landed.complete


def test_a_ddp_price_is_the_landed_cost_whatever_freight_and_duty_say():
    landed = rules.landed_cost(
        quote(incoterm=rules.Incoterm.DDP), sample_answers(), rules.Thresholds()
    )
    assert (landed.per_piece, landed.freight, landed.duty_percent) == (Decimal("8.40"), 0, 0)


def test_without_quoted_freight_the_reports_courier_estimate_is_used_and_labelled():
    answers = sample_answers(base_metal="brass")  # 6 g a piece, assumed
    landed = rules.landed_cost(quote(freight_per_piece_usd=None), answers, rules.Thresholds())
    assert landed.freight_estimated
    # 300 pieces (the quote's minimum) x 4 designs x 6 g: 7.2 kg, $25 + 7 x $10 = $95, and
    # $5 insurance per $1,000 of the $10,080 order ($50.40): $0.121 a piece; duty 5 % (0.42).
    assert landed.per_piece == Decimal("8.94")


def test_the_margin_is_against_the_planned_retail_price():
    answers = sample_answers(
        retail_price_usd=Decimal("39.00"), launch_date=TODAY + timedelta(weeks=40)
    )
    assessed = rules.assess(quote(), answers, rules.Thresholds(), TODAY)
    assert assessed.margin_percent == Decimal("76.5")  # (39 - 9.17) / 39
    no_retail = rules.assess(
        quote(), sample_answers(retail_price_usd=None), rules.Thresholds(), TODAY
    )
    assert no_retail.margin_percent is None


def test_cash_figures_use_the_quoted_tooling_samples_and_order():
    answers = sample_answers(launch_date=TODAY + timedelta(weeks=40))  # 4 designs, 120 pieces
    assessed = rules.assess(quote(), answers, rules.Thresholds(), TODAY)
    # Tooling 1,200 + samples 40 x 2 rounds x 4 designs + CAD 50 x 4 (sketches): 1,720.
    assert assessed.cash_before_first_order == 1_720
    # The order at the 300-piece minimum: 8.40 x 300 x 4 = 10,080; freight exactly as quoted,
    # 0.35 a piece (420), and 5 % duty (504); inspection 300 (no QC of their own).
    assert assessed.cash_to_first_delivery == Decimal("1720") + Decimal("10080") + 924 + 300


def test_quoted_freight_is_counted_exactly_not_as_a_rounded_share_of_the_order():
    answers = sample_answers(units_per_design=120, launch_date=TODAY + timedelta(weeks=40))
    cheap_freight = quote(unit_price_usd=Decimal("50"), freight_per_piece_usd=Decimal("0.10"))
    cheap_freight = dataclasses.replace(cheap_freight, duty_percent=None, moq_per_design=100)
    quoted_answers, quoted = rules.with_quote(answers, rules.Thresholds(), cheap_freight)
    costs = rules.costs_for(rules.Model.OEM, quoted_answers, quoted)
    assert costs.freight == Decimal("48.00")  # 0.10 x 120 pieces x 4 designs, not 1 % ($240)
    nothing_quoted = dataclasses.replace(cheap_freight, freight_per_piece_usd=None)
    _, assumed = rules.with_quote(answers, rules.Thresholds(), nothing_quoted)
    assert assumed.quoted_freight_per_piece is None  # the report's freight share stands


def test_the_earliest_delivery_counts_the_chinese_new_year_shutdown():
    answers = sample_answers(launch_date=TODAY + timedelta(weeks=40))
    winter = date(2026, 12, 1)  # ten weeks of production from here run into the festival
    assessed = rules.assess(quote(lead_time_weeks_max=10), answers, rules.Thresholds(), winter)
    plain = winter + timedelta(weeks=10 + rules.Thresholds().transit_express_weeks)
    assert assessed.earliest_delivery > plain


def test_a_cheap_quoted_tooling_lifts_the_oem_upfront_blocker():
    answers = sample_answers(upfront_budget_usd=3_000, launch_date=TODAY + timedelta(weeks=40))
    t = rules.Thresholds()
    before = rules.evaluate(answers, t, TODAY)
    assert ("oem", "upfront-costs") in {(b.model.value, b.factor) for b in before.blockers}
    after = rules.evaluate(*rules.with_quote(answers, t, quote()), TODAY)
    assert ("oem", "upfront-costs") not in {(b.model.value, b.factor) for b in after.blockers}


def test_quotes_rank_by_delivery_then_budget_then_minimum_then_landed_cost():
    answers = sample_answers(
        upfront_budget_usd=3_000, units_per_design=120, launch_date=TODAY + timedelta(weeks=16)
    )
    t = rules.Thresholds()
    late = quote(unit_price_usd=Decimal("5"), lead_time_weeks_min=30, lead_time_weeks_max=40)
    over_budget = quote(
        unit_price_usd=Decimal("6"), tooling_per_design_usd=Decimal(2_250), moq_per_design=100
    )
    big_minimum = quote(unit_price_usd=Decimal("7"), moq_per_design=300)
    dearer = quote(unit_price_usd=Decimal("9"), moq_per_design=100)
    cheaper = quote(unit_price_usd=Decimal("8"), moq_per_design=100)
    quotes = (late, over_budget, big_minimum, dearer, cheaper)
    assessed = [rules.assess(q, answers, t, TODAY) for q in quotes]
    assert [a.arrives_in_time for a in assessed] == [False, True, True, True, True]
    assert [a.within_budget for a in assessed] == [True, False, True, True, True]
    assert [a.moq_forced for a in assessed] == [True, False, True, False, False]
    assert rules.ranking(assessed) == [4, 3, 2, 1, 0]


def test_tooling_is_quoted_per_design_and_counted_for_all_designs():
    figures = rules.quoted_figures(quote(), rules.Thresholds())  # $300 a design, 4 designs
    assert figures["oem_tooling_min_usd"] == figures["oem_tooling_max_usd"] == 1_200
    odd = quote(tooling_per_design_usd=Decimal("333.33"), designs=3)
    assert odd.tooling_total_usd == Decimal("999.99")
    assert rules.quoted_figures(odd, rules.Thresholds())["oem_tooling_min_usd"] == 1_000


# The form: every field validated on the server, in the buyer's words.


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("supplier", "", "Enter the supplier's name."),
        ("supplier", "x" * 121, "120 characters or fewer"),
        ("supplier", "Evil\u202eCorp", "invisible character at position 5 (U+202E)"),
        ("model", "both", "Select a valid choice"),
        ("unit_price_usd", "0", "above $0"),
        ("unit_price_usd", "100000.01", "$100,000 or less"),
        ("unit_price_usd", "8,40", "Did you mean 8.40?"),
        ("moq_per_design", "0", "at least 1 piece"),
        ("moq_per_design", "1000001", "1,000,000 or less"),
        ("tooling_per_design_usd", "-1", "$0 or more"),
        ("tooling_per_design_usd", "1.555", "to the cent"),
        ("sample_fee_usd", "-1", "$0 or more"),
        ("lead_time_weeks_min", "0", "from 1 to 104"),
        ("lead_time_weeks_max", "105", "from 1 to 104"),
        ("lead_time_weeks_max", "9", "at least the shortest (10 weeks)"),
        ("incoterm", "fas", "Select a valid choice"),
        ("freight_per_piece_usd", "-0.01", "$0 or more"),
        ("duty_percent", "101", "from 0 to 100"),
        ("deposit_percent", "", "from 0 to 100"),
    ],
)
def test_the_quote_form_refuses_bad_figures_beside_the_field(field, value, message):
    form = QuoteForm(data={**OEM_QUOTE, field: value})
    assert not form.is_valid()
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])


def test_an_odm_quote_has_no_tooling():
    form = QuoteForm(data={**OEM_QUOTE, "model": "odm", "tooling_per_design_usd": "500"})
    assert not form.is_valid() and list(form.errors) == ["tooling_per_design_usd"]
    assert QuoteForm(data={**OEM_QUOTE, "model": "odm", "tooling_per_design_usd": "0"}).is_valid()


def test_optional_figures_may_be_left_empty():
    form = QuoteForm(data={**OEM_QUOTE, "freight_per_piece_usd": "", "duty_percent": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["freight_per_piece_usd"] is None


# Through HTTP: ownership, persistence, the JSON and the re-run.


@pytest.fixture
def report(make_report):
    return make_report(
        owner_key=OWNER,
        upfront_budget_usd=3_000,
        launch_date=date.today() + timedelta(weeks=40),
    )


def test_only_the_owner_has_a_quotes_page(report):
    url = f"/r/{report.token}/quotes/"
    owner = browser(OWNER)
    assert owner.get(url).status_code == 200
    assert browser("colleague").get(url).status_code == 404
    assert browser().get(url).status_code == 404
    assert browser().post(url, OEM_QUOTE).status_code == 404
    assert Quote.objects.count() == 0
    assert owner.get("/r/" + "x" * 32 + "/quotes/").status_code == 404


def test_a_valid_quote_is_saved_and_compared(report):
    owner = browser(OWNER)
    response = owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    assert response.status_code == 303
    saved = Quote.objects.get()
    assert saved.tooling_per_design_usd == 300 and saved.unit_price_usd == Decimal("8.40")
    html = owner.get(response["Location"]).content.decode()
    assert "Shenzhen Bright Jewelry" in html and "$9.17" in html
    assert "Re-run the advice with this quote" in html


def test_the_page_and_the_json_show_tooling_per_design_and_its_total(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "tooling_per_design_usd": "312.50"})
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    assert "tooling $312.50 a design × 4 designs = $1,250" in html
    assert "Tooling and molds per design (USD)" in html
    [listed] = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert (listed["tooling_per_design_usd"], listed["tooling_usd"]) == (312.5, 1_250)


def test_a_bad_quote_keeps_what_was_typed_and_saves_nothing(report):
    owner = browser(OWNER)
    typed = {**OEM_QUOTE, "tooling_per_design_usd": "1,200", "lead_time_weeks_max": "9"}
    response = owner.post(f"/r/{report.token}/quotes/", typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "at least the shortest" in html
    assert 'value="Shenzhen Bright Jewelry"' in html and 'value="1,200"' in html
    assert Quote.objects.count() == 0


def test_the_owner_s_json_lists_the_quotes_with_their_figures_and_nobody_else_s(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    assert "quotes" not in json.loads(browser().get(f"/r/{report.token}.json").content)
    data = json.loads(owner.get(f"/r/{report.token}.json").content)
    [listed] = data["quotes"]
    assert listed["supplier"] == "Shenzhen Bright Jewelry"
    assert listed["landed_cost_per_piece_usd"] == 9.17
    assert listed["cash_before_first_order_usd"] == 1_720
    # Its cash to the first delivery over its 300 pieces a design, 4 designs.
    all_in = Decimal(str(listed["cash_to_first_delivery_usd"])) / 1_200
    assert listed["all_in_per_piece_usd"] == float(all_in.quantize(Decimal("0.01")))
    assert listed["rerun"] is None


def test_re_running_with_a_cheap_tooling_quote_lifts_the_oem_blocker(report):
    owner = browser(OWNER)
    original = report.snapshot
    assert any(
        b["model"] == "oem" and b["factor"] == "upfront-costs" for b in report.data["blockers"]
    )
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    quote_id = Quote.objects.get().pk
    before = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"][0]
    assert before["rerun"] is None
    response = owner.post(f"/r/{report.token}/quotes/{quote_id}/rerun")
    assert response.status_code == 303
    rerun = Report.objects.get(based_on=report)
    assert response["Location"] == f"/r/{rerun.token}/"
    data = rerun.data
    assert data["based_on"] == report.token
    assert not any(b["model"] == "oem" and b["factor"] == "upfront-costs" for b in data["blockers"])
    assert data["answers"]["unit_cost_usd"] == 12.5  # the buyer's answer stands...
    assert data["from_quote"]["unit_price_usd"] == 8.4  # ...and the quote's price is OEM's
    assert data["costs"]["oem"]["first_order_at_moq_usd"] == 8.4 * 300 * 4
    assert data["costs"]["odm"] == report.data["costs"]["odm"]  # ODM keeps the assumptions
    assert data["thresholds"]["upfront-costs"]["oem_tooling_min_usd"] == 1_200
    assert "samples_usd" in data["costs"]["oem"]["assumptions"]  # the rounds are still assumed
    assert data["from_quote"]["freight_per_piece_usd"] == 0.35
    assert data["from_quote"]["duty_percent"] == 5
    assert (data["costs"]["oem"]["duty_percent"], data["costs"]["oem"]["duty_usd"]) == (5, 504)
    assert "freight_usd" not in data["costs"]["oem"]["assumptions"]
    assert "duty_usd" not in data["costs"]["oem"]["assumptions"]
    html = owner.get(response["Location"]).content.decode()
    assert "from Shenzhen Bright Jewelry&#x27;s quote" in html
    assert (
        "OEM uses Shenzhen Bright Jewelry&#x27;s quote, which gives freight of $0.35 a piece"
        in html
    )
    assert "OEM uses Shenzhen Bright Jewelry&#x27;s quote, which gives a duty of 5%" in html
    assert f'href="/r/{report.token}/"' in html
    # The original never changes; asking again returns the same re-run.
    assert Report.objects.get(pk=report.pk).snapshot == original
    assert (
        owner.post(f"/r/{report.token}/quotes/{quote_id}/rerun")["Location"] == response["Location"]
    )
    assert Report.objects.filter(based_on=report).count() == 1
    listed = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"][0]
    assert listed["rerun"] == rerun.token


def test_a_colleague_can_neither_re_run_nor_remove_a_quote(report):
    browser(OWNER).post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    quote_id = Quote.objects.get().pk
    colleague = browser("colleague")
    assert colleague.post(f"/r/{report.token}/quotes/{quote_id}/rerun").status_code == 404
    assert colleague.post(f"/r/{report.token}/quotes/{quote_id}/remove").status_code == 404
    assert Quote.objects.count() == 1 and Report.objects.count() == 1


def test_the_owner_removes_a_quote(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    quote_id = Quote.objects.get().pk
    assert owner.post(f"/r/{report.token}/quotes/{quote_id}/remove").status_code == 303
    assert Quote.objects.count() == 0


def test_quotes_follow_the_report_when_its_owner_shares_it_again(report):
    from advisor import services

    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    services.reports.revoke_link(report=report)
    fresh = services.reports.share_again(report=report)
    assert list(fresh.quotes.values_list("supplier", flat=True)) == ["Shenzhen Bright Jewelry"]
    assert "Shenzhen Bright Jewelry" in owner.get(f"/r/{fresh.token}/quotes/").content.decode()


def test_the_quotes_page_and_json_take_few_queries(report, django_assert_max_num_queries):
    owner = browser(OWNER)
    for supplier in ("A", "B", "C"):
        owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "supplier": supplier})
    for quote in Quote.objects.all()[:2]:  # quotes with re-runs are listed with their links
        owner.post(f"/r/{report.token}/quotes/{quote.pk}/rerun")
    with django_assert_max_num_queries(3):  # the session, the report, its quotes
        assert owner.get(f"/r/{report.token}/quotes/").status_code == 200
    with django_assert_max_num_queries(3):  # the session, the report, its quotes
        assert owner.get(f"/r/{report.token}.json").status_code == 200


def test_a_re_run_made_on_another_server_shows_in_this_servers_json(report, make_report):
    """Another server's re-run reaches this one only through the database: the owner's JSON,
    drawn per request, shows it at once."""
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    url = f"/r/{report.token}.json"
    assert json.loads(owner.get(url).content)["quotes"][0]["rerun"] is None
    elsewhere = make_report(owner_key=OWNER)
    Quote.objects.update(rerun=elsewhere)  # the other server's write, and nothing else
    assert json.loads(owner.get(url).content)["quotes"][0]["rerun"] == elsewhere.token


def test_a_re_run_never_calls_a_quoted_tooling_the_sources_range():
    answers = sample_answers(upfront_budget_usd=1_000, launch_date=TODAY + timedelta(weeks=40))
    t = rules.Thresholds()
    staff = rules.evaluate(answers, t, TODAY)
    quoted = rules.evaluate(*rules.with_quote(answers, t, quote()), TODAY)

    def said(result) -> str:
        texts = [b.reason.render() for b in result.blockers if b.model == rules.Model.OEM]
        upfront = next(f for f in result.factors if f.slug == "upfront-costs")
        return " ".join([*texts, upfront.reason.render()])

    assert "source's range" in said(staff)
    assert "source's range" not in said(quoted)  # $1,720 quoted is still above $1,000
    assert "below the $1,720 the quoted OEM start costs" in said(quoted)


def test_a_shared_re_run_does_not_lead_colleagues_to_the_original_and_its_quotes(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    rerun = owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")["Location"]
    assert f'href="/r/{report.token}/"' in owner.get(rerun).content.decode()
    colleague_page = browser().get(rerun).content.decode()
    assert "Advice re-run with a supplier's OEM quote" in colleague_page  # not whose (issue 24)
    assert report.token not in colleague_page


def test_an_empty_quote_form_says_what_is_missing(report):
    response = browser(OWNER).post(f"/r/{report.token}/quotes/", {})
    assert response.status_code == 200
    assert "Enter the supplier&#x27;s name." in response.content.decode()
    assert Quote.objects.count() == 0


@pytest.mark.parametrize(
    ("typed", "saved", "message"),
    [
        ("5%", Decimal("5"), None),
        ("12.5 %", Decimal("12.5"), None),
        ("$5", None, "not an amount in dollars"),
        ("5$", None, "not an amount in dollars"),
    ],
)
def test_a_percentage_takes_its_sign_and_refuses_dollars(typed, saved, message):
    """Issue 26: "$5" was saved as 5 % and "5%" refused."""
    form = QuoteForm(data={**OEM_QUOTE, "duty_percent": typed, "deposit_percent": typed})
    if saved is not None:
        assert form.is_valid(), form.errors
        assert form.cleaned_data["duty_percent"] == form.cleaned_data["deposit_percent"] == saved
    else:
        assert not form.is_valid()
        assert message in form.errors["duty_percent"][0]
        assert message in form.errors["deposit_percent"][0]


def _rerun(owner, report, **changes) -> Report:
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, **changes})
    quote = Quote.objects.filter(report=report).latest("pk")
    location = owner.post(f"/r/{report.token}/quotes/{quote.pk}/rerun")["Location"]
    return Report.objects.get(token=location.split("/")[2])


def test_revoking_an_original_revokes_its_re_runs_for_everyone_but_the_owner(report):
    """Issue 24: a re-run belongs to its original, and names the supplier."""
    owner = browser(OWNER)
    first = _rerun(owner, report, supplier="Yiwu Star")
    second_generation = _rerun(owner, first, supplier="Ningbo Gold")
    colleague = browser("colleague")
    assert colleague.get(first.get_absolute_url()).status_code == 200

    confirmation = owner.get(f"/r/{report.token}/revoke").content.decode()
    assert "Its 2 re-runs with suppliers" in confirmation
    assert owner.post(f"/r/{report.token}/revoke").status_code == 303

    for rerun in (first, second_generation):
        assert colleague.get(rerun.get_absolute_url()).status_code == 410
        assert colleague.get(f"/r/{rerun.token}.json").status_code == 410
        assert owner.get(rerun.get_absolute_url()).status_code == 200  # marked, still theirs


def test_removing_a_quote_revokes_its_re_run(report):
    owner = browser(OWNER)
    rerun = _rerun(owner, report)
    quote = Quote.objects.get(report=report)
    assert owner.post(f"/r/{report.token}/quotes/{quote.pk}/remove").status_code == 303
    assert browser("colleague").get(rerun.get_absolute_url()).status_code == 410
    assert (
        browser("colleague").get(report.get_absolute_url()).status_code == 200
    )  # not the original


def test_the_51st_quote_is_refused_with_a_message(report):
    from advisor.services.quotes import MAX_QUOTES

    form = QuoteForm(data=OEM_QUOTE)
    assert form.is_valid()
    Quote.objects.bulk_create(
        [Quote(report=report, **{**form.cleaned_data, "supplier": f"S{n}"}) for n in range(50)]
    )
    assert MAX_QUOTES == 50
    response = browser(OWNER).post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    assert response.status_code == 200
    assert "This report holds 50 quotes, the most it takes" in response.content.decode()
    assert Quote.objects.filter(report=report).count() == 50


def test_a_re_run_s_json_names_its_original_to_the_owner_alone(report):
    owner = browser(OWNER)
    rerun = _rerun(owner, report)
    url = f"/r/{rerun.token}.json"
    assert json.loads(owner.get(url).content)["based_on"] == report.token
    for _visit in ("drawn", "kept"):
        body = browser("colleague").get(url).content.decode()
        assert "based_on" not in json.loads(body) and report.token not in body


def test_a_re_run_under_a_revoked_re_run_still_goes_with_its_original(report):
    owner = browser(OWNER)
    first = _rerun(owner, report, supplier="Yiwu Star")
    assert owner.post(f"/r/{first.token}/revoke").status_code == 303
    second = _rerun(owner, first, supplier="Ningbo Gold")  # made from the revoked re-run
    assert owner.post(f"/r/{report.token}/revoke").status_code == 303
    assert browser("colleague").get(second.get_absolute_url()).status_code == 410


def test_shared_again_a_report_keeps_its_re_runs_and_a_re_run_its_original(report):
    from advisor import services

    owner, colleague = browser(OWNER), browser("colleague")
    rerun = _rerun(owner, report)
    # The re-run's link dies and is shared again: still a re-run of the original.
    services.reports.revoke_link(report=rerun)
    rerun_again = services.reports.share_again(report=rerun)
    body = colleague.get(f"/r/{rerun_again.token}.json").content.decode()
    assert "based_on" not in json.loads(body) and report.token not in body
    # The original's link dies and is shared again: its re-runs follow it.
    Report.objects.filter(pk=report.pk).update(revoked_at=timezone.now())  # not its re-runs
    report.refresh_from_db()
    original_again = services.reports.share_again(report=report)
    # The owner's banner on the re-run leads to the original's link that works now.
    banner = owner.get(rerun_again.get_absolute_url()).content.decode()
    assert f'href="/r/{original_again.token}/">The original report' in banner
    confirmation = owner.get(f"/r/{original_again.token}/revoke").content.decode()
    assert "Its re-run with a supplier" in confirmation
    assert owner.post(f"/r/{original_again.token}/revoke").status_code == 303
    assert colleague.get(rerun_again.get_absolute_url()).status_code == 410


# Issue 24: dates a buyer can commit on, and a ranking a blank cannot game.


def _rows(html: str) -> list[str]:
    """The comparison's rows, in the order shown."""
    return [row.split("</tr>")[0] for row in html.split('<tr class="quote-row"')[1:]]


def _rows_by_supplier(html: str) -> dict[str, str]:
    """The comparison's rows, by supplier."""
    return {row.split('data-supplier="')[1].split('"')[0]: row for row in _rows(html)}


def test_each_quote_shows_its_fast_and_slow_dates_and_whether_it_fits(make_report):
    from advisor.rules.calendar import festival

    today = timezone.localdate()
    next_festival = festival(today.year + 1)
    launch = next_festival + timedelta(weeks=3)  # three weeks after the festival
    report = make_report(owner_key=OWNER, launch_date=launch)
    owner = browser(OWNER)
    typed = {**OEM_QUOTE, "model": "odm", "tooling_per_design_usd": "0"}
    owner.post(
        f"/r/{report.token}/quotes/",
        {**typed, "lead_time_weeks_min": "9", "lead_time_weeks_max": "12"},
    )
    expected = rules.assess(
        Quote.objects.get().to_rule(designs=4),
        sample_answers(launch_date=launch),
        rules.Thresholds(),
        today,
    )
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    [row] = _rows(html)
    fast, slow = expected.fast_delivery.isoformat(), expected.slow_delivery.isoformat()
    assert f'"quote-date">{fast}</span> – <span class="quote-date">{slow}</span>' in row
    assert f'data-schedule="{expected.schedule.value}"' in row
    label = {
        "fits_even_if_slow": "Fits your launch even if the factory is slow",
        "fits_only_if_fast": "Fits only if the factory is fast: misses your launch if slow",
        "does_not_fit": "Misses your launch, even if the factory is fast",
    }[expected.schedule]
    assert label in row  # which one depends on today: tests/test_rules_quotes.py fixes the day
    [listed] = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert listed["earliest_delivery"] == expected.fast_delivery.isoformat()
    assert listed["latest_delivery"] == expected.slow_delivery.isoformat()
    assert listed["schedule"] == expected.schedule.value


def test_a_blank_freight_exw_quote_ranks_below_a_complete_ddp_one_and_the_page_says_why(report):
    owner = browser(OWNER)
    # Minimums the sample buyer's 120 pieces a design meet, and a plating each gives, so only
    # completeness tells them apart.
    meets = {**ODM_QUOTE, "moq_per_design": "100", "plating_microns": "1"}
    blank = {**meets, "supplier": "Cheap EXW", "incoterm": "exw", "unit_price_usd": "7.00"}
    owner.post(f"/r/{report.token}/quotes/", {**blank, "freight_per_piece_usd": ""})
    ddp = {**meets, "supplier": "Full DDP", "incoterm": "ddp", "unit_price_usd": "9.50"}
    owner.post(f"/r/{report.token}/quotes/", ddp)
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    first, second = _rows(html)
    assert 'data-supplier="Full DDP"' in first and 'data-supplier="Cheap EXW"' in second
    assert "First: it can deliver by your launch even if the factory is slow, its figures" in first
    assert "Its freight is our estimate, not the factory&#x27;s (ask the factory)" in second
    assert "freight estimated: ask the factory" in second
    data = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    by_supplier = {quote["supplier"]: quote for quote in data}
    assert by_supplier["Cheap EXW"]["complete"] is False and by_supplier["Cheap EXW"]["rank"] == 2
    assert by_supplier["Full DDP"]["rank_reason"].startswith("First:")


@pytest.mark.parametrize(
    ("metal", "us", "rates", "landed"),
    [
        # Sterling silver: the precious-metal rates (tariff heading 7113).
        (
            "sterling_silver",
            13,
            "US 13%, EU 3%, UK 3%, other markets 12%",
            9.84,
        ),  # 8.40 + 0.35 + 1.092
        # Brass: the base-metal rates (7117).
        ("brass", 19, "US 19%, EU 4%, UK 4%, other markets 12%", 10.35),  # 8.40 + 0.35 + 1.596
    ],
)
def test_a_blank_duty_is_the_default_for_the_buyers_markets_and_metal_and_says_to_confirm_it(
    make_report, metal, us, rates, landed
):
    report = make_report(owner_key=OWNER, base_metal=metal)
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "duty_percent": ""})
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    # The sample buyer sells in the US and the EU: the US rate, the higher.
    assert f"duty estimated at {us}% (US, the highest of your markets); US surcharges" in html
    assert "confirm with a customs broker" in html
    assert rates in html
    [listed] = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert (listed["duty_assumed"], listed["duty_percent_applied"]) == (True, us)
    assert listed["duty_percent"] is None
    assert listed["landed_cost_per_piece_usd"] == landed


def test_a_quote_that_misses_the_launch_is_last_whatever_it_costs(report):
    owner = browser(OWNER)
    late = {**ODM_QUOTE, "supplier": "Slow Boat", "unit_price_usd": "2.00"}
    owner.post(
        f"/r/{report.token}/quotes/",
        {**late, "lead_time_weeks_min": "60", "lead_time_weeks_max": "70"},
    )
    owner.post(f"/r/{report.token}/quotes/", {**ODM_QUOTE, "duty_percent": ""})
    first, last = _rows(owner.get(f"/r/{report.token}/quotes/").content.decode())
    assert 'data-supplier="Slow Boat"' in last
    assert "Even a fast factory delivers on" in last and "ranked last." in last
    assert "Misses your launch, even if the factory is fast" in last


def _quotes(report, how_many: int) -> None:
    fields = {name: value for name, value in OEM_QUOTE.items() if name != "supplier"}
    Quote.objects.bulk_create(
        Quote(report=report, supplier=f"Factory {n}", **fields) for n in range(how_many)
    )


def test_the_quotes_page_and_json_take_as_many_queries_for_fifty_quotes_as_for_one(
    report, make_report
):
    """Bounded (issue 24): at the cap, the owner's quotes page and JSON read the quotes in one
    query, whatever their number."""
    owner = browser(OWNER)
    small = make_report(owner_key=OWNER, launch_date=date.today() + timedelta(weeks=40))
    _quotes(small, 1)
    _quotes(report, services.quotes.MAX_QUOTES)
    counts = {}
    for name, target in (("one", small), ("fifty", report)):
        for kind, page in (
            ("page", f"/r/{target.token}/quotes/"),
            ("json", f"/r/{target.token}.json"),
        ):
            with CaptureQueriesContext(connection) as context:
                response = owner.get(page)
            assert response.status_code == 200
            counts[name, kind] = len(context.captured_queries)
    assert response.content.decode().count("Factory ") == services.quotes.MAX_QUOTES
    assert counts["one", "page"] == counts["fifty", "page"]
    assert counts["one", "json"] == counts["fifty", "json"]


def test_a_quote_in_another_currency_keeps_what_the_factory_said(report):
    owner = browser(OWNER)
    note = "CNY 58.50 at 7.20"
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "currency_note": note})
    [listed] = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert listed["currency_note"] == note
    assert note in owner.get(f"/r/{report.token}/quotes/").content.decode()
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)  # optional
    assert Quote.objects.filter(currency_note="").count() == 1


def test_a_re_run_of_a_re_run_starts_from_the_first_report_with_only_its_own_quote(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    first = Report.objects.get(
        token=owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")[
            "Location"
        ].split("/")[2]
    )
    odm_quote = {
        **OEM_QUOTE,
        "supplier": "Yiwu Star",
        "model": "odm",
        "tooling_per_design_usd": "0",
    }
    owner.post(f"/r/{first.token}/quotes/", odm_quote)
    second_quote = Quote.objects.get(report=first)
    second = Report.objects.get(
        token=owner.post(f"/r/{first.token}/quotes/{second_quote.pk}/rerun")["Location"].split("/")[
            2
        ]
    )
    data = second.data
    assert data["from_quote"]["supplier"] == "Yiwu Star"
    # OEM is as the first report had it: nothing of Shenzhen's OEM quote is left in it.
    assert data["costs"]["oem"] == report.data["costs"]["oem"]
    assert data["thresholds"]["upfront-costs"]["oem_tooling_min_usd"] != 1_200


def test_a_quote_by_sea_or_cif_is_dated_so_and_a_blank_cif_freight_adds_no_courier(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "supplier": "By courier"})
    by_sea = {**OEM_QUOTE, "supplier": "FOB", "incoterm": "fob", "shipping": "sea"}
    owner.post(f"/r/{report.token}/quotes/", by_sea)
    cif = {**OEM_QUOTE, "supplier": "CIF", "incoterm": "cif", "freight_per_piece_usd": ""}
    owner.post(f"/r/{report.token}/quotes/", cif)
    data = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    by_supplier = {quote["supplier"]: quote for quote in data}
    express, sea = by_supplier["By courier"], by_supplier["FOB"]
    # Six weeks door to door by sea against one by express, for the same lead time.
    weeks_later = date.fromisoformat(sea["earliest_delivery"]) - date.fromisoformat(
        express["earliest_delivery"]
    )
    assert weeks_later == timedelta(weeks=5)
    # CIF: the voyage is in the price, so a blank freight adds nothing; the quote stays
    # incomplete. 8.40 + 5 % duty.
    assert by_supplier["CIF"]["landed_cost_per_piece_usd"] == 8.82
    assert by_supplier["CIF"]["complete"] is False
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    rows = _rows_by_supplier(html)
    assert "by sea" in rows["FOB"] and "by sea" not in rows["By courier"]
    # CIF is a sea term (ICC Incoterms 2020): dated by sea even left at express (a consultant's
    # read: a CIF quote "fit even if slow" by a week of express, and missed the launch by sea).
    assert "by sea: CIF is a sea term" in rows["CIF"]
    assert by_supplier["CIF"]["earliest_delivery"] == sea["earliest_delivery"]
    assert [q["shipping"] for q in data] == ["express", "sea", "express"]
    assert "the voyage is in the CIF price" in rows["CIF"]
    assert "freight estimated" not in rows["CIF"]


def test_a_sea_quote_without_freight_is_costed_as_a_small_sea_shipment_and_says_ask_a_forwarder(
    report,
):
    owner = browser(OWNER)
    by_sea = {**ODM_QUOTE, "incoterm": "fob", "shipping": "sea", "freight_per_piece_usd": ""}
    owner.post(f"/r/{report.token}/quotes/", by_sea)
    [listed] = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    # 4 designs x the quote's minimum of 300: $1,500 shared over 1,200 pieces, $1.25 a piece,
    # above the courier's parcel of 6 kg; 8.40 + 1.25 + the quote's 5 % duty (0.42).
    assert listed["freight_assumed"] is True
    assert listed["landed_cost_per_piece_usd"] == 10.07
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    assert "ask your forwarder for a door-to-door price" in html
    response = owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")
    rerun = Report.objects.get(based_on=report)
    assert rerun.data["costs"]["odm"]["freight_usd"] == 1500
    page = owner.get(response["Location"]).content.decode()
    assert "ODM by sea: at least what a forwarder bills a small shipment" in page


def test_a_re_run_of_a_quote_by_sea_says_its_model_s_weeks_include_transit_by_sea(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "incoterm": "fob", "shipping": "sea"})
    response = owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")
    rerun = Report.objects.get(based_on=report)
    timeline = rerun.data["timeline"]
    assert timeline["by_sea"] == {"model": "oem", "weeks": 6}
    assert report.data["timeline"]["by_sea"] is None
    # The quote's 10-14 weeks, any New Year closure, and six weeks by sea.
    closure = timeline["oem_shutdown_weeks"]
    assert timeline["oem_weeks"] == [10 + closure[0] + 6, 14 + closure[1] + 6]
    html = owner.get(response["Location"]).content.decode()
    assert "OEM's include 6 weeks by sea instead" in html


def _decide_by(text: str) -> date:
    (line,) = [line for line in text.splitlines() if line.startswith("- We will decide by: ")]
    return date.fromisoformat(line.rsplit(" ", 1)[1])


def test_a_request_drafted_from_a_re_run_by_sea_decides_in_time_to_ship_by_sea(report):
    """Deciding by the express order-by day and then ordering by sea misses the launch by the
    weeks at sea: the request keeps the re-run's transit for its model."""
    owner = browser(OWNER)
    rerun = _rerun(owner, report, incoterm="fob", shipping="sea")
    t = snapshots.thresholds_from_json(rerun.data["thresholds"])
    launch, today = date.fromisoformat(rerun.data["answers"]["launch_date"]), date.today()
    by_sea = rules.latest_order_day(launch, t.oem_lead_time_max_weeks, 6, t, today)
    express = rules.latest_order_day(launch, t.oem_lead_time_max_weeks, 1, t, today)
    assert by_sea is not None and by_sea < express

    decide = _decide_by(owner.get(f"/r/{rerun.token}/rfq.txt?model=oem").content.decode())
    assert by_sea >= today + timedelta(days=10)  # a week to quote and three days to compare
    assert decide == by_sea < express


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("0.5", Decimal("0.5")),
        ("0.5 µm", Decimal("0.5")),
        ("1um", Decimal("1")),
        ("0.175", Decimal("0.175")),
        ("", None),
    ],
)
def test_the_plating_thickness_is_read_as_a_person_types_it(typed, saved):
    form = QuoteForm(data={**OEM_QUOTE, "plating_microns": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["plating_microns"] == saved


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0,5", "Did you mean 0.5 µm?"),
        ("$2", "not an amount in dollars"),
        ("3u", "Enter the thickness in microns"),
        ("100", "Enter 25 µm or less: the thickness in microns"),
    ],
)
def test_a_plating_thickness_that_cannot_be_meant_says_why(typed, message):
    form = QuoteForm(data={**OEM_QUOTE, "plating_microns": typed})
    assert not form.is_valid()
    assert message in form.errors["plating_microns"][0]


def test_each_quote_shows_its_plating_and_asks_for_it_where_it_is_missing(report):
    # The sample buyer's sterling silver is gold plated, for the US and the EU.
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "supplier": "Silent"})
    thick = {**OEM_QUOTE, "supplier": "Thick", "plating_microns": "2.5"}
    owner.post(f"/r/{report.token}/quotes/", thick)
    thin = {**OEM_QUOTE, "supplier": "Thin", "plating_microns": "0.1 µm"}
    owner.post(f"/r/{report.token}/quotes/", thin)
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    rows = _rows_by_supplier(html)
    assert "plating thickness not quoted: ask the factory" in rows["Silent"]
    assert "plating 2.5 µm" in rows["Thick"] and "gold flashed" not in rows["Thick"]
    assert "plating 0.1 µm: under 0.18 µm it is only “gold flashed” in the US" in rows["Thin"]
    data = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert [q["plating_microns"] for q in data] == [None, 2.5, 0.1]


def test_a_plating_under_half_another_quote_s_is_said_in_every_market(make_report):
    """A cheaper price may be thinner plating: outside the US too, where no "gold flashed"
    rule flags it, two quotes are not for the same piece."""
    report = make_report(owner_key=OWNER, target_markets=["eu"])
    owner = browser(OWNER)
    for supplier, microns in (("Thick", "2.5"), ("Close", "1.5"), ("Thin", "0.5")):
        typed = {**ODM_QUOTE, "supplier": supplier, "plating_microns": microns}
        owner.post(f"/r/{report.token}/quotes/", typed)
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    rows = _rows_by_supplier(html)
    said = "under half of Thick&#x27;s 2.5 µm: a lower price may be the thinner plating"
    assert "plating 0.5 µm, " + said in rows["Thin"]
    assert "under half" not in rows["Close"] and "under half" not in rows["Thick"]
    # Never beside itself, nor beside nothing (a lone 0 µm quote).
    alone = make_report(owner_key=OWNER, target_markets=["eu"])
    owner.post(f"/r/{alone.token}/quotes/", {**ODM_QUOTE, "plating_microns": "0"})
    assert "under half" not in owner.get(f"/r/{alone.token}/quotes/").content.decode()


def test_a_plating_figure_too_thick_to_be_microns_is_questioned(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "plating_microns": "7"})
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    assert "plating 7 µm: check it is microns, not micro-inches" in html


def test_a_cif_re_run_with_freight_left_empty_says_the_voyage_is_in_the_price(report):
    owner = browser(OWNER)
    cif = {**OEM_QUOTE, "incoterm": "cif", "freight_per_piece_usd": ""}
    owner.post(f"/r/{report.token}/quotes/", cif)
    response = owner.post(f"/r/{report.token}/quotes/{Quote.objects.get().pk}/rerun")
    rerun = Report.objects.get(based_on=report)
    assert rerun.data["costs"]["oem"]["freight_usd"] == 0
    html = owner.get(response["Location"]).content.decode()
    assert "OEM: the voyage is in its CIF price; port charges and delivery from the port" in html


def test_a_report_made_before_silver_and_gold_had_their_own_duty_keeps_its_base_metal_rates(
    report,
):
    """Its cost table counted the base-metal duty (and staff's figure at the time): the quotes
    page and any re-run hold its quotes to the same, not to today's precious-metal default."""
    data = report.data
    assert data["answers"]["base_metal"] == "sterling_silver"
    costs = data["thresholds"]["upfront-costs"]
    for market in ("us", "eu", "uk"):
        costs.pop(f"duty_{market}_precious_percent")
    costs["duty_us_percent"] = 25  # staff had raised it for the 2025 surcharges
    Report.objects.filter(pk=report.pk).update(snapshot=json.dumps(data))
    t = snapshots.thresholds_from_json(data["thresholds"])
    assert (t.duty_us_precious_percent, t.duty_eu_precious_percent) == (25, 4)
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "duty_percent": ""})
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    assert "duty estimated at 25% (US, the highest of your markets)" in html


def test_a_sea_re_run_made_before_the_sea_minimum_says_nothing_of_it(report):
    owner = browser(OWNER)
    rerun = _rerun(owner, report, incoterm="fob", shipping="sea", freight_per_piece_usd="")
    data = rerun.data
    data["thresholds"]["upfront-costs"].pop("sea_freight_min_usd")  # as saved before it
    Report.objects.filter(pk=rerun.pk).update(snapshot=json.dumps(data))
    page = owner.get(rerun.get_absolute_url()).content.decode()
    assert "at least what a forwarder bills a small shipment" not in page


def test_a_quote_s_validity_is_shown_and_a_lapsed_one_says_to_confirm_its_price(report):
    owner = browser(OWNER)
    today = date.today()
    held = (today + timedelta(days=14)).isoformat()
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "supplier": "Held", "valid_until": held})
    past = (today - timedelta(days=1)).isoformat()
    cheaper = {**OEM_QUOTE, "supplier": "Lapsed", "unit_price_usd": "7.00", "valid_until": past}
    owner.post(f"/r/{report.token}/quotes/", cheaper)
    data = {
        q["supplier"]: q for q in json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    }
    assert (data["Held"]["valid_until"], data["Held"]["lapsed"]) == (held, False)
    assert (data["Lapsed"]["valid_until"], data["Lapsed"]["lapsed"]) == (past, True)
    assert (data["Held"]["rank"], data["Lapsed"]["rank"]) == (1, 2)
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    rows = _rows_by_supplier(html)
    assert f"valid until {held}" in rows["Held"]
    assert f"price held until {past}: ask the factory to confirm it" in rows["Lapsed"]


def test_a_validity_day_outside_reason_is_refused_beside_the_field(report):
    owner = browser(OWNER)
    response = owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "valid_until": "1999-12-31"})
    assert response.status_code == 200
    assert (
        "Enter a day from 2000-01-01 to 2099-12-31, like 2027-01-15." in response.content.decode()
    )
    assert not Quote.objects.exists()


def test_a_gold_report_s_quotes_give_their_gold_and_compare_by_making_a_gram(make_report):
    gold_owner = "gold-owner"
    report = make_report(
        owner_key=gold_owner,
        base_metal="solid_gold",
        plating="none",
        karat="18k",
        piece_weight_g=Decimal("2.5"),
        unit_cost_usd=Decimal("220"),
    )
    owner = browser(gold_owner)
    form = owner.get(f"/r/{report.token}/quotes/").content.decode()
    assert 'name="gold_grams"' in form and 'name="gold_price_usd_per_oz"' in form
    gold = {**OEM_QUOTE, "supplier": "Panyu", "unit_price_usd": "310.00", "gold_grams": "2.5"}
    owner.post(f"/r/{report.token}/quotes/", {**gold, "gold_price_usd_per_oz": "4000"})
    lighter = {**gold, "supplier": "Light", "gold_grams": "2.2", "gold_price_usd_per_oz": "4000"}
    owner.post(f"/r/{report.token}/quotes/", lighter)
    owner.post(
        f"/r/{report.token}/quotes/", {**OEM_QUOTE, "supplier": "Silent", "unit_price_usd": "300"}
    )
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    rows = _rows_by_supplier(html)
    assert "2.5 g at $4,000 an ounce: gold $241.13, making $27.55 a gram" in rows["Panyu"]
    assert "lighter than the 2.5 g you planned" in rows["Light"]
    assert "gold in a piece and gold price not quoted: ask the factory" in rows["Silent"]
    listed = {
        q["supplier"]: q for q in json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    }
    assert (listed["Panyu"]["gold_grams"], listed["Panyu"]["gold_price_usd_per_oz"]) == (2.5, 4000)
    assert listed["Panyu"]["gold_making_per_g_usd"] == 27.55
    assert listed["Silent"]["gold_making_per_g_usd"] is None


def test_a_report_of_another_metal_asks_no_gold_of_its_quotes(report):
    form = browser(OWNER).get(f"/r/{report.token}/quotes/").content.decode()
    assert 'name="gold_grams"' not in form
    assert "gold in a piece" not in form


def test_a_re_run_says_until_when_its_quote_s_price_holds(report):
    owner = browser(OWNER)
    held = (date.today() + timedelta(days=20)).isoformat()
    rerun = _rerun(owner, report, valid_until=held)
    assert rerun.data["from_quote"]["valid_until"] == held
    page = " ".join(owner.get(rerun.get_absolute_url()).content.decode().split())
    assert (
        f"The quote's price holds until {held}: order by then, or get it extended in writing."
        in page
    )
    text = " ".join(owner.get(f"/r/{rerun.token}/rfq.txt").content.decode().split())
    assert "- Quote valid until (at least the day we decide, below): ____" in text


@pytest.mark.parametrize(
    ("verdict", "model", "table"),
    [
        ("oem", "oem", "launch"),
        ("oem", "odm", "catalogue"),
        ("hybrid", "odm", "launch"),
        ("hybrid", "oem", "later"),
        ("odm", "odm", "launch"),
        ("odm", "oem", "launch"),  # the buyer's own design: its re-run may change the advice
        ("neither", "oem", "launch"),
        ("neither", "odm", "launch"),
    ],
)
def test_each_quote_is_ranked_in_the_table_its_model_has_in_the_plan(verdict, model, table):
    assert rules.quote_table(verdict, model) == table


def test_an_oem_verdict_ranks_catalogue_quotes_apart_from_the_buyer_s_own_designs(make_report):
    """A consultant's read: on an OEM report a cheaper catalogue (ODM) quote ranked first above
    the buyer's own design, though it is a different piece and the factory's design; the buyer
    who took it as the best quote would lose their design and their exclusivity."""
    oem = make_report(owner_key=OWNER, launch_date=date.today() + timedelta(weeks=40), **OEM_BUYER)
    assert oem.recommendation == "oem"
    owner = browser(OWNER)
    owner.post(f"/r/{oem.token}/quotes/", {**OEM_QUOTE, "moq_per_design": "200"})
    cheap = {**ODM_QUOTE, "supplier": "Yiwu Catalogue", "unit_price_usd": "3.10"}
    owner.post(f"/r/{oem.token}/quotes/", cheap)
    html = owner.get(f"/r/{oem.token}/quotes/").content.decode()
    own, catalogue = html.split("A factory's catalogue designs (ODM), not yours")
    assert "Your own designs (OEM)" in own
    assert [row.split('"')[1] for row in _rows(own)] == ["Shenzhen Bright Jewelry"]
    assert [row.split('"')[1] for row in _rows(catalogue)] == ["Yiwu Catalogue"]
    assert "the designs stay the factory's" in catalogue
    quotes = json.loads(owner.get(f"/r/{oem.token}.json").content)["quotes"]
    placed = {q["supplier"]: (q["table"], q["rank"], q["for_launch"]) for q in quotes}
    assert placed == {
        "Shenzhen Bright Jewelry": ("launch", 1, True),
        "Yiwu Catalogue": ("catalogue", 1, True),
    }


def test_a_hybrid_s_oem_quotes_are_for_its_own_designs_later_not_its_launch(report, make_report):
    """The sample buyer's hybrid launches with ODM and has its own designs made later, as its
    OEM request asks: OEM quotes are ranked among themselves, not by the launch (a consultant's
    read: every OEM quote "misses your launch, ranked last" beside the ODM ones told a hybrid
    buyer nothing), and one that could meet the launch after all says so."""
    assert report.recommendation == "hybrid"
    owner = browser(OWNER)
    slow = {**OEM_QUOTE, "supplier": "Slow Molds", "lead_time_weeks_min": "60"}
    owner.post(f"/r/{report.token}/quotes/", {**slow, "lead_time_weeks_max": "70"})
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "moq_per_design": "800"})
    owner.post(f"/r/{report.token}/quotes/", {**ODM_QUOTE, "supplier": "Yiwu Catalogue"})
    html = owner.get(f"/r/{report.token}/quotes/").content.decode()
    launch_table, later_table = html.split("Your own designs (OEM), for later")
    assert "For your launch" in launch_table and 'data-supplier="Yiwu Catalogue"' in launch_table
    assert "costed at your 120 units a design or the factory's minimum" in later_table
    first, second = _rows(later_table)
    # The slower quote ranks first: its launch does not count here, its smaller order does.
    assert 'data-supplier="Slow Molds"' in first
    assert "Misses your launch" not in later_table and "ranked last" not in later_table
    assert "For your own designs, later: not your launch" in first
    assert "Could meet your launch too: re-run the advice with this quote to see" in second
    quotes = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    by_supplier = {quote["supplier"]: quote for quote in quotes}
    assert by_supplier["Slow Molds"]["for_launch"] is False
    assert by_supplier["Slow Molds"]["schedule"] == "does_not_fit"
    assert by_supplier["Slow Molds"]["rank"] == by_supplier["Yiwu Catalogue"]["rank"] == 1
    assert by_supplier["Yiwu Catalogue"]["for_launch"] is True
    assert (by_supplier["Slow Molds"]["table"], by_supplier["Yiwu Catalogue"]["table"]) == (
        "later",
        "launch",
    )
    # Where the report recommends OEM, OEM quotes are for the launch, as before.
    oem = make_report(owner_key=OWNER, launch_date=date.today() + timedelta(weeks=40), **OEM_BUYER)
    assert oem.recommendation == "oem"
    owner.post(f"/r/{oem.token}/quotes/", {**slow, "lead_time_weeks_max": "70"})
    html = owner.get(f"/r/{oem.token}/quotes/").content.decode()
    assert "Misses your launch, even if the factory is fast" in html
    assert "for later" not in html


def test_each_quote_shows_its_deposit_and_one_above_the_usual_is_flagged(report):
    """A consultant's read: a quote asking 100% before production read exactly as one asking
    30%, though the balance held until the goods are checked is the buyer's only leverage."""
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**ODM_QUOTE, "supplier": "Usual"})
    owner.post(
        f"/r/{report.token}/quotes/", {**ODM_QUOTE, "supplier": "All", "deposit_percent": "100"}
    )
    rows = _rows_by_supplier(owner.get(f"/r/{report.token}/quotes/").content.decode())
    assert "deposit 30%" in rows["Usual"] and "negotiate it down" not in rows["Usual"]
    usual = report.data["costs"]["odm"]["deposit_percent"]
    assert f"deposit 100%, above the {usual}% usual for ODM" in rows["All"]
    assert "negotiate it down" in rows["All"]


def test_a_typed_duty_below_the_default_for_the_buyer_s_markets_is_said_beside_it(report):
    """A consultant's read: a quote with 0% duty typed (or the EU's 3% for a buyer who also
    sells in the US) ranked first as "complete", hiding the US duty the buyer will pay."""
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**ODM_QUOTE, "supplier": "Zero", "duty_percent": "0"})
    owner.post(
        f"/r/{report.token}/quotes/", {**ODM_QUOTE, "supplier": "Full", "duty_percent": "13"}
    )
    ddp = {**ODM_QUOTE, "supplier": "Paid", "incoterm": "ddp"}
    owner.post(f"/r/{report.token}/quotes/", ddp)
    rows = _rows_by_supplier(owner.get(f"/r/{report.token}/quotes/").content.decode())
    # Sterling silver sold in the US and the EU: the US rate, 13%, is the default.
    assert "duty typed as 0%, below our default of 13% (US): if it is wrong" in rows["Zero"]
    assert "duty typed as" not in rows["Full"] and "duty typed as" not in rows["Paid"]


def test_on_a_re_run_the_usual_deposit_is_staff_s_not_the_quoted_supplier_s(report):
    """A reviewer's read: a re-run's costs hold its supplier's deposit, so a 50% quote read as
    within "the 60% usual" of another factory's terms."""
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", {**OEM_QUOTE, "deposit_percent": "60"})
    owner.post(f"/r/{report.token}/quotes/{report.quotes.get().pk}/rerun")
    rerun = Report.objects.get(based_on=report)
    assert rerun.data["costs"]["oem"]["deposit_percent"] == 60
    owner.post(
        f"/r/{rerun.token}/quotes/", {**OEM_QUOTE, "supplier": "Half", "deposit_percent": "50"}
    )
    rows = _rows_by_supplier(owner.get(f"/r/{rerun.token}/quotes/").content.decode())
    default = rules.FIGURES["oem_deposit_percent"].default
    assert f"deposit 50%, above the {default}% usual for OEM" in rows["Half"]
