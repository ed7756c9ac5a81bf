"""Staff work through Django admin's own forms: thresholds, history, impact, read-only data, funnel."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisor import rules, services
from advisor.models import Report, StepAnswer, Submission, Thresholds
from tests.conftest import sample_answers

CHANGE_URL = "/admin/advisor/thresholds/{}/change/"


def form_data(thresholds: Thresholds, **changes) -> dict:
    data = {name: getattr(thresholds, name) for name in rules.Thresholds.figure_names()}
    data["gold_price_set_on"] = thresholds.gold_price_set_on.isoformat()
    return {**data, **changes, "_save": "Save"}


def post_thresholds(client, **changes):
    thresholds = Thresholds.objects.get()
    return client.post(CHANGE_URL.format(thresholds.pk), form_data(thresholds, **changes))


def test_lowering_the_tooling_minimum_reaches_new_reports_only(staff_client, make_report):
    saved = make_report(upfront_budget_usd=3_000)
    saved_json = staff_client.get(f"/r/{saved.token}.json").content
    assert ("oem", "upfront-costs") in {(b["model"], b["factor"]) for b in saved.data["blockers"]}

    response = post_thresholds(staff_client, oem_tooling_min_usd=40)
    assert response.status_code == 302

    assert Thresholds.objects.get().version == 2
    new = make_report(upfront_budget_usd=3_000)
    assert new.rules_version == 2
    assert ("oem", "upfront-costs") not in {(b["model"], b["factor"]) for b in new.data["blockers"]}
    assert staff_client.get(f"/r/{saved.token}.json").content == saved_json


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"oem_tooling_min_usd": 60_000}, "Must be at least the minimum (60000)."),
        ({"odm_moq_min_units": 500}, "Must be at least the minimum (500)."),
        ({"oem_tooling_min_usd": -1}, "Ensure this value is greater than or equal to 0."),
        ({"inspection_fee_usd": "lots"}, "Enter a whole number."),
        ({"oem_lead_time_max_weeks": 300}, "Ensure this value is less than or equal to 104."),
        (
            {"odm_lead_time_min_weeks": 14},
            "ODM&#x27;s shortest lead time cannot be longer than OEM&#x27;s",
        ),
        (
            {"odm_sample_fee_usd": 301},
            "An ODM sample cannot cost more than the OEM sampling rounds",
        ),
    ],
)
def test_invalid_thresholds_are_refused_and_change_nothing(staff_client, changes, message):
    before = Thresholds.objects.get()
    response = post_thresholds(staff_client, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    after = Thresholds.objects.get()
    assert [getattr(after, n) for n in rules.Thresholds.figure_names()] == [
        getattr(before, n) for n in rules.Thresholds.figure_names()
    ]
    assert after.version == 1


def test_the_history_page_shows_who_changed_what_from_what_to_what(staff_client):
    post_thresholds(staff_client, oem_tooling_min_usd=4_000)
    thresholds = Thresholds.objects.get()
    html = staff_client.get(f"/admin/advisor/thresholds/{thresholds.pk}/history/").content.decode()
    assert "ana" in html
    assert "<strong>OEM development programme (tooling), minimum (USD):</strong>" in html
    assert re.search(r"5000\s*&nbsp;&rarr;&nbsp;&nbsp;4000", html)


def test_a_weight_change_is_recorded_and_raises_the_version(staff_client):
    factor_url = "/admin/advisor/factor/{}/change/"
    from advisor.models import Factor

    factor = Factor.objects.get(slug="risk-level")
    data = {
        "name": factor.name,
        "order": factor.order,
        "weight": "4.5",
        "oem_summary": factor.oem_summary,
        "odm_summary": factor.odm_summary,
        "oem_suits": factor.oem_suits,
        "odm_suits": factor.odm_suits,
        "_save": "Save",
    }
    assert staff_client.post(factor_url.format(factor.pk), data).status_code == 302
    assert Thresholds.objects.get().version == 2
    history = staff_client.get(f"/admin/advisor/factor/{factor.pk}/history/").content.decode()
    assert re.search(r"<strong>Weight:</strong>\s*2\.0\s*&nbsp;&rarr;&nbsp;&nbsp;4\.5", history)
    bad = staff_client.post(factor_url.format(factor.pk), {**data, "weight": "7"})
    assert "Ensure this value is less than or equal to 5." in bad.content.decode()


def test_the_impact_preview_counts_without_saving(staff_client, make_report):
    # Premium buyers with $3,000: OEM blocked by upfront costs today, so hybrid.
    affected = [
        make_report(
            upfront_budget_usd=3_000, launch_date=timezone.localdate() + timedelta(weeks=30)
        )
        for _ in range(3)
    ]
    make_report(upfront_budget_usd=200_000, launch_date=timezone.localdate() + timedelta(weeks=30))
    snapshots = {r.pk: r.snapshot for r in Report.objects.all()}
    assert {r.recommendation for r in affected} == {"hybrid"}

    thresholds = Thresholds.objects.get()
    url = reverse("admin:advisor_thresholds_preview", args=[thresholds.pk])
    response = staff_client.post(url, form_data(thresholds, oem_tooling_min_usd=40))
    assert response.status_code == 200
    impact = response.context["impact"]
    assert (impact.reports_checked, impact.recommendation_changed, impact.blockers_changed) == (
        4,
        3,
        3,
    )
    assert {(e.before, e.after) for e in impact.examples} == {("hybrid", "oem")}
    assert impact.examples[0].blockers_removed == [("oem", "upfront-costs")]
    assert response.context["examples"][0]["removed"] == ["OEM: Upfront costs"]
    assert response.context["examples"][0]["before"] == "Hybrid: ODM now, OEM later"
    assert (
        "Of the 4 most recent reports, 3 would get a different recommendation"
        in response.content.decode()
    )
    # Cheaper tooling lowers every report's OEM cash to the first delivery.
    assert impact.costs_changed == 4
    assert "4 reports would show a different cash to the first delivery." in (
        response.content.decode()
    )

    assert Thresholds.objects.get().version == 1
    assert Thresholds.objects.get().oem_tooling_min_usd == 5_000
    assert {r.pk: r.snapshot for r in Report.objects.all()} == snapshots


def test_the_impact_preview_shows_form_errors(staff_client):
    thresholds = Thresholds.objects.get()
    url = reverse("admin:advisor_thresholds_preview", args=[thresholds.pk])
    response = staff_client.post(url, form_data(thresholds, oem_tooling_min_usd=99_999))
    assert "These values cannot be saved" in response.content.decode()


def test_reports_and_sessions_are_read_only_in_admin(staff_client, make_report):
    report = make_report()
    page = staff_client.get(f"/admin/advisor/report/{report.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="/r/{report.token}/"' in html
    assert 'name="_save"' not in html
    assert staff_client.post(f"/admin/advisor/report/{report.pk}/change/", {}).status_code == 403
    assert staff_client.get("/admin/advisor/report/add/").status_code == 403
    assert staff_client.get("/admin/advisor/submission/").status_code == 200


def test_a_report_shows_its_supplier_quotes_and_re_runs_read_only(staff_client, make_report):
    from decimal import Decimal

    from advisor.models import Quote

    report = make_report()
    quote = Quote.objects.create(
        report=report,
        supplier="Bright Jewelry",
        model="oem",
        unit_price_usd=Decimal("8.40"),
        moq_per_design=300,
        tooling_per_design_usd=Decimal(300),
        sample_fee_usd=Decimal("40"),
        lead_time_weeks_min=10,
        lead_time_weeks_max=14,
        incoterm="fob",
        deposit_percent=Decimal("30"),
    )
    rerun = services.quotes.rerun_with_quote(quote=quote)
    html = staff_client.get(f"/admin/advisor/report/{report.pk}/change/").content.decode()
    assert "Bright Jewelry" in html and "quotes-0-supplier" not in html  # shown, not editable
    rerun_page = staff_client.get(f"/admin/advisor/report/{rerun.pk}/change/").content.decode()
    assert "re-run of the report" in rerun_page.lower()
    # A re-run holds a supplier's figures: the funnel's recommendation mix leaves it out.
    today = timezone.localdate()
    funnel = staff_client.get(
        "/admin/advisor/report/funnel/", {"start": today - timedelta(days=1), "end": today}
    ).context["funnel"]
    assert sum(funnel.recommendations.values()) == 1
    assert services.staff.preview_impact().reports_checked == 1  # nor does the impact preview


def test_the_lists_take_few_queries(staff_client, make_report, django_assert_max_num_queries):
    for _ in range(5):
        make_report()
    for url in ("/admin/advisor/report/", "/admin/advisor/submission/"):
        with django_assert_max_num_queries(12):
            assert staff_client.get(url).status_code == 200


def _walk(steps: list[str], minutes_to_report: int | None = None, forked: Report | None = None):
    now = timezone.now()
    submission = Submission.objects.create(browser_key="b", forked_from=forked)
    Submission.objects.filter(pk=submission.pk).update(created_at=now - timedelta(hours=1))
    for step in steps:
        StepAnswer.objects.create(submission=submission, step=step, data={})
    if minutes_to_report is not None:
        report = services.reports.create_report(answers=sample_answers(), owner_key="b")
        Report.objects.filter(pk=report.pk).update(
            created_at=now - timedelta(hours=1) + timedelta(minutes=minutes_to_report)
        )
        Submission.objects.filter(pk=submission.pk).update(report=report)
    return submission


ALL = ["business", "budget", "volume", "timeline", "design", "market"]


def test_the_funnel_counts_each_stage(staff_client, make_report):
    _walk(["business"])
    _walk(["business", "budget"])
    _walk(ALL)
    _walk(ALL, minutes_to_report=10)
    _walk(ALL, minutes_to_report=20)
    _walk(ALL, minutes_to_report=1, forked=make_report())  # from a shared report: not counted
    today = timezone.localdate()
    response = staff_client.get(
        "/admin/advisor/report/funnel/", {"start": today - timedelta(days=1), "end": today}
    )
    assert response.status_code == 200
    funnel = response.context["funnel"]
    assert funnel.started == 5
    assert [(s.count, s.drop_off) for s in funnel.stages] == [
        (5, 0),
        (4, 1),
        (3, 1),
        (3, 0),
        (3, 0),
        (3, 0),
        (2, 1),
    ]
    assert funnel.finished == 2
    assert funnel.median_minutes_to_finish == 15.0
    assert sum(funnel.recommendations.values()) == 4  # every report made in the period
    html = response.content.decode()
    assert "<svg" in html and "15.0 minutes" in html


def test_the_funnel_refuses_a_backwards_period(staff_client):
    response = staff_client.get(
        "/admin/advisor/report/funnel/", {"start": "2026-05-02", "end": "2026-05-01"}
    )
    assert "The start must not be after the end." in response.content.decode()
    assert "funnel" not in response.context


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/advisor/thresholds/",
        "/admin/advisor/report/funnel/",
        "/admin/advisor/report/",
    ],
)
def test_anonymous_and_non_staff_users_cannot_reach_admin(client, django_user_model, url):
    assert client.get(url).status_code == 302
    user = django_user_model.objects.create_user("buyer", password="pw-for-tests-only")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_pages_are_not_indexed(client, db):
    assert client.get("/admin/login/")["X-Robots-Tag"] == "noindex, nofollow"


def test_repeated_failed_logins_lock_the_account(client, staff):
    for _ in range(5):
        client.post("/admin/login/", {"username": "ana", "password": "wrong"})
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "ana", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 429
    assert response["Retry-After"] == str(30 * 60)  # the cool-off, issue 26
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_can_log_in_with_the_right_password(client, staff):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "ana", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_json_of_a_report_made_after_a_change_carries_the_new_figures(staff_client, make_report):
    post_thresholds(staff_client, oem_moq_min_units=300)
    data = json.loads(staff_client.get(f"/r/{make_report().token}.json").content)
    assert data["rules_version"] == 2
    assert data["thresholds"]["moq-requirements"]["oem_moq_min_units"] == 300


def test_the_funnel_refuses_an_end_date_at_the_end_of_time(staff_client):
    response = staff_client.get(
        "/admin/advisor/report/funnel/", {"start": "2026-01-01", "end": "9999-12-31"}
    )
    assert response.status_code == 200
    assert "Choose an end date before the year 9999." in response.content.decode()


def test_the_impact_preview_of_an_unknown_or_malformed_id_is_404(staff_client):
    thresholds = Thresholds.objects.get()
    for object_id in ("abc", "999"):
        url = f"/admin/advisor/thresholds/{object_id}/preview/"
        assert staff_client.post(url, form_data(thresholds)).status_code == 404


def test_a_weight_change_can_be_previewed_before_saving(staff_client, make_report):
    from advisor.models import Factor

    # OEM today; quality control (no QC of their own) at full weight tips them to hybrid.
    launch = timezone.localdate() + timedelta(weeks=30)
    reports = [make_report(upfront_budget_usd=200_000, launch_date=launch) for _ in range(2)]
    assert {r.recommendation for r in reports} == {"oem"}
    factor = Factor.objects.get(slug="quality-control")
    url = reverse("admin:advisor_factor_preview", args=[factor.pk])
    change_form = staff_client.get(f"/admin/advisor/factor/{factor.pk}/change/").content.decode()
    assert f'formaction="{url}"' in change_form
    response = staff_client.post(
        url, factor_form(factor, weight="5", odm_summary="From {odm_moq_min_units} pieces.")
    )
    assert response.status_code == 200
    impact = response.context["impact"]
    assert (impact.reports_checked, impact.recommendation_changed) == (2, 2)
    assert {(e.before, e.after) for e in impact.examples} == {("oem", "hybrid")}
    html = response.content.decode()
    assert "Of the 2 most recent reports, 2 would get a different recommendation" in html
    assert "From 50 pieces." in html  # the text as buyers will read it, figure filled in
    factor.refresh_from_db()
    assert factor.weight == 1 and factor.odm_summary != "From {odm_moq_min_units} pieces."
    assert Thresholds.objects.get().version == 1
    assert all(Report.objects.get(pk=r.pk).snapshot == r.snapshot for r in reports)


def factor_form(factor, **changes) -> dict:
    fields = ["name", "order", "weight", "oem_summary", "odm_summary", "oem_suits", "odm_suits"]
    return {**{name: getattr(factor, name) for name in fields}, **changes, "_save": "Save"}
