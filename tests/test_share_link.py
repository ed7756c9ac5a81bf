"""Capability links: unguessable, not leaked, revocable; owner and colleague; fork; PDF."""

import io
import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from advisor import services
from advisor.models import Report, StepAnswer, Submission
from tests.conftest import browser, sample_answers

OWNER = "owner-browser-key"


@pytest.fixture
def report(make_report):
    return make_report(owner_key=OWNER, project_name="Aurora rings")


def urls(report):
    return {
        "page": f"/r/{report.token}/",
        "json": f"/r/{report.token}.json",
        "pdf": f"/r/{report.token}.pdf",
    }


@pytest.fixture(scope="module")
def shared_pdf(django_db_setup, django_db_blocker):
    """A visitor's download of the `report` fixture's PDF, made once for the tests that only read
    it: WeasyPrint takes about a second per PDF. Its report is rolled back, so no test sees it."""
    with django_db_blocker.unblock(), transaction.atomic():
        made = services.reports.create_report(
            answers=sample_answers(project_name="Aurora rings"), owner_key=OWNER
        )
        response = browser().get(urls(made)["pdf"])
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("kind", ["page", "json", pytest.param("pdf", marks=pytest.mark.slow)])
def test_report_urls_are_not_indexed_not_sent_on_and_not_kept_by_shared_caches(
    report, kind, request
):
    if kind == "pdf":
        response = request.getfixturevalue("shared_pdf")
    else:
        response = browser().get(urls(report)[kind])
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "private, no-store"


def test_mistyped_and_malformed_tokens_are_404(report, db):
    client = browser()
    mistyped = report.token[:-1] + ("A" if report.token[-1] != "A" else "B")
    assert client.get(f"/r/{mistyped}/").status_code == 404
    assert client.get(f"/r/{mistyped}.json").status_code == 404
    assert client.get(f"/r/{mistyped}.pdf").status_code == 404
    assert client.get(f"/r/{report.token[:10]}/").status_code == 404
    assert client.get("/r/" + "x" * 31 + "!/").status_code == 404


def test_the_owner_sees_the_share_controls(report):
    html = browser(OWNER).get(urls(report)["page"]).content.decode()
    assert 'id="share-url"' in html and "readonly" in html
    assert f"http://127.0.0.1:8000/r/{report.token}/" in html
    assert f'href="/r/{report.token}/revoke"' in html and "Revoke the link" in html
    assert 'name="days"' in html
    assert html.count('class="qr-code"') == 2  # share box and print


def test_a_colleague_reads_the_report_without_the_controls(report):
    html = browser("colleague").get(urls(report)["page"]).content.decode()
    assert "Aurora rings" in html
    assert 'id="share-url"' not in html and "Revoke link" not in html
    assert "csrfmiddlewaretoken" not in html  # nothing per visitor: cacheable by token
    assert "Start my own from these answers" in html


def test_a_colleague_cannot_revoke_or_change_expiry(report):
    colleague = browser("colleague")
    assert colleague.post(f"/r/{report.token}/revoke").status_code == 403
    assert colleague.post(f"/r/{report.token}/expiry", {"days": "7"}).status_code == 403
    report.refresh_from_db()
    assert report.revoked_at is None and report.expires_at is None
    assert browser().get(urls(report)["page"]).status_code == 200


def test_revoking_asks_first_and_a_get_changes_nothing(report):
    page = browser(OWNER).get(f"/r/{report.token}/revoke")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Revoke this link?" in html and 'method="post"' in html
    assert "No, keep it working" in html
    report.refresh_from_db()
    assert report.revoked_at is None
    refused = browser("colleague").get(f"/r/{report.token}/revoke")
    assert refused.status_code == 403
    # In the site's look, saying why (issue 26: it was a bare sentence).
    html = refused.content.decode()
    assert "Only the browsers that own this report can revoke its link." in html
    assert "<h1>" in html and "Go to the home page" in html


def test_after_the_owner_revokes_the_report_is_gone_for_everyone_else(report):
    owner = browser(OWNER)
    response = owner.post(f"/r/{report.token}/revoke")
    assert response.status_code == 303
    for client in (browser("colleague"), browser()):
        page = client.get(urls(report)["page"])
        assert page.status_code == 410
        assert "This link no longer works" in page.content.decode()
        assert client.get(urls(report)["json"]).status_code == 410
        assert client.get(urls(report)["pdf"]).status_code == 410
    assert Report.objects.filter(pk=report.pk).exists()  # kept, but its token is dead


@pytest.mark.slow  # draws a PDF
def test_the_owner_keeps_a_revoked_report_marked_so(report):
    owner = browser(OWNER)
    etag = browser().get(urls(report)["json"])["ETag"]  # a client kept it while the link lived
    owner.post(f"/r/{report.token}/revoke")
    page = owner.get(urls(report)["page"])
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Link revoked on {timezone.now():%Y-%m-%d}" in html
    assert "only your own browsers can open this report" in html
    assert "Make a new link to share" in html
    assert 'name="days"' not in html  # no expiry for a dead link
    json_response = owner.get(urls(report)["json"])
    assert json_response.status_code == 200 and json_response["X-Link-Status"] == "revoked"
    # A client holding the live link's ETag still gets the whole body and the link's state.
    again = owner.get(urls(report)["json"], headers={"if-none-match": etag})
    assert again.status_code == 200 and again["X-Link-Status"] == "revoked"
    assert json.loads(again.content)["token"] == report.token
    pdf = owner.get(urls(report)["pdf"])
    assert pdf.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Link revoked on" in text and report.token not in text  # no dead link to scan
    assert owner.get(f"/r/{report.token}/fork").status_code == 200  # starting afresh is fine


def test_the_owner_keeps_an_expired_report_and_shares_it_again(report):
    services.reports.set_link_expiry(report=report, days=1, now=timezone.now() - timedelta(days=2))
    owner = browser(OWNER)
    assert "Link expired on" in owner.get(urls(report)["page"]).content.decode()
    response = owner.post(f"/r/{report.token}/share-again")
    assert response.status_code == 303
    report.refresh_from_db()
    fresh = report.replaced_by
    assert fresh is not None and fresh.token != report.token
    assert response["Location"] == f"/r/{fresh.token}/#share"
    assert not report.is_live(timezone.now())  # the old link stays dead
    assert "Link expired on" in owner.get(urls(report)["page"]).content.decode()
    assert fresh.expires_at is None  # the new link works until revoked or set to expire
    colleague = browser("colleague")
    assert colleague.get(urls(report)["page"]).status_code == 410
    assert colleague.get(urls(fresh)["page"]).status_code == 200
    old, new = json.loads(report.snapshot), json.loads(fresh.snapshot)
    assert new.pop("token") == fresh.token and old.pop("token") == report.token
    assert new == old  # the same report, under a new link
    # A second press gives the same new link, not a third one.
    again = owner.post(f"/r/{report.token}/share-again")
    assert again["Location"] == f"/r/{fresh.token}/#share"
    assert "Go to the new link for this report" in owner.get(urls(report)["page"]).content.decode()


def test_only_the_owner_can_share_a_dead_link_again(report):
    services.reports.revoke_link(report=report)
    assert browser("colleague").post(f"/r/{report.token}/share-again").status_code == 403
    report.refresh_from_db()
    assert report.replaced_by is None


def test_the_owner_sets_an_expiry(report):
    owner = browser(OWNER)
    before = timezone.now()
    assert owner.post(f"/r/{report.token}/expiry", {"days": "30"}).status_code == 303
    report.refresh_from_db()
    assert timedelta(days=30) <= report.expires_at - before < timedelta(days=30, minutes=1)
    assert owner.post(f"/r/{report.token}/expiry", {"days": ""}).status_code == 303
    report.refresh_from_db()
    assert report.expires_at is None


def test_a_bad_expiry_changes_nothing(report):
    browser(OWNER).post(f"/r/{report.token}/expiry", {"days": "365"})
    report.refresh_from_db()
    assert report.expires_at is None


def test_an_expired_link_hides_the_report(report):
    a_month_ago = timezone.now() - timedelta(days=31)
    services.reports.set_link_expiry(report=report, days=30, now=a_month_ago)
    client = browser()
    assert client.get(urls(report)["page"]).status_code == 410
    assert client.get(urls(report)["json"]).status_code == 410
    services.reports.set_link_expiry(
        report=report, days=30, now=timezone.now() - timedelta(days=29)
    )
    assert client.get(urls(report)["page"]).status_code == 200


def test_fork_starts_a_separate_wizard_with_the_same_answers(report):
    colleague = browser("colleague")
    confirm = colleague.get(f"/r/{report.token}/fork")
    assert confirm.status_code == 200 and "Start my own" in confirm.content.decode()
    response = colleague.post(f"/r/{report.token}/fork")
    assert response.status_code == 303
    assert response["Location"].endswith("/review/")
    submission = Submission.objects.get(browser_key="colleague")
    stored = {a.step: a.data for a in StepAnswer.objects.filter(submission=submission)}
    merged = {k: v for data in stored.values() for k, v in data.items()}
    assert merged == report.data["answers"]
    review = colleague.get(response["Location"])
    assert review.status_code == 200 and "Aurora rings" in review.content.decode()
    before = Report.objects.get(pk=report.pk).snapshot
    colleague.post(response["Location"])
    assert Report.objects.get(pk=report.pk).snapshot == before
    assert Report.objects.count() == 2


@pytest.mark.slow
@pytest.mark.django_db  # with the other database tests, before the browser tests empty it
def test_the_pdf_is_a_real_pdf_with_the_name_and_recommendation(shared_pdf):
    response = shared_pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="aurora-rings.pdf"'
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Aurora rings" in text
    assert "Hybrid: ODM now, OEM later" in text


def test_robots_txt_keeps_crawlers_off_reports(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /r/" in response.content.decode()


def test_my_reports_lists_this_browsers_reports_newest_first(
    make_report, django_assert_max_num_queries
):
    older = make_report(owner_key=OWNER, project_name="Older")
    newer = make_report(owner_key=OWNER, project_name="Newer")
    make_report(owner_key="someone-else", project_name="Not mine")
    services.reports.revoke_link(report=older)
    client = browser(OWNER)
    with django_assert_max_num_queries(3):
        html = client.get("/reports/").content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "Not mine" not in html
    # The owner keeps revoked reports: they are listed with their links, marked so.
    assert f'href="/r/{newer.token}/"' in html and f'href="/r/{older.token}/"' in html
    assert "revoked" in html and "active" in html
    fresh = services.reports.share_again(report=older)
    html = client.get("/reports/").content.decode()
    assert f'href="/r/{fresh.token}/"' in html and f'href="/r/{older.token}/"' not in html


def test_the_report_page_json_still_match_after_sharing_changes(report):
    before = browser().get(urls(report)["json"]).content
    browser(OWNER).post(f"/r/{report.token}/expiry", {"days": "90"})
    assert browser().get(urls(report)["json"]).content == before
    assert json.loads(before)["token"] == report.token


@pytest.mark.slow
def test_a_cached_pdf_is_gone_once_the_link_is_revoked(report):
    client = browser()
    assert client.get(urls(report)["pdf"]).status_code == 200
    services.reports.revoke_link(report=report)
    assert client.get(urls(report)["pdf"]).status_code == 410


def test_forking_warns_about_and_sets_aside_an_open_wizard(report):
    colleague = browser("colleague")
    half_done = services.wizard.open_submission(browser_key="colleague")
    services.wizard.save_step(
        submission=half_done, step="business", cleaned_data={"company_stage": "startup"}
    )
    page = colleague.get(f"/r/{report.token}/fork").content.decode()
    assert "You have a wizard in progress in this browser" in page
    colleague.post(f"/r/{report.token}/fork")
    half_done.refresh_from_db()
    assert half_done.abandoned_at is not None
    assert colleague.get("/wizard/")["Location"].endswith("/review/")


def test_a_name_of_only_spaces_gets_the_default_title(make_report):
    report = make_report(project_name="   ")
    html = browser().get(f"/r/{report.token}/").content.decode()
    assert '<p class="report-project" id="report-project">Your OEM / ODM report</p>' in html
    assert report.data["answers"]["project_name"] == "   "


def test_the_owner_sees_and_keeps_the_current_expiry(report):
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/expiry", {"days": "7"})
    report.refresh_from_db()
    expires_at = report.expires_at
    html = owner.get(urls(report)["page"]).content.decode()
    assert f'<option value="keep" selected>Keep: until {expires_at:%Y-%m-%d}</option>' in html
    owner.post(f"/r/{report.token}/expiry", {"days": "keep"})
    report.refresh_from_db()
    assert report.expires_at == expires_at


def test_a_live_link_carries_no_link_status(report):
    assert "X-Link-Status" not in browser(OWNER).get(urls(report)["json"]).headers


def test_a_report_shared_again_counts_once_for_staff(report):
    services.reports.revoke_link(report=report)
    services.reports.share_again(report=report)
    now = timezone.now()
    counts = services.staff.funnel(start=now - timedelta(days=1), end=now + timedelta(days=1))
    assert sum(counts.recommendations.values()) == 1
    assert services.staff.preview_impact(weights={}).reports_checked == 1


def test_my_reports_names_a_re_run_by_its_supplier_and_links_its_original(
    make_report, django_assert_max_num_queries
):
    from advisor.models import Quote
    from tests.test_quotes import OEM_QUOTE

    original = make_report(owner_key=OWNER, project_name="Spring pendants")
    client = browser(OWNER)
    client.post(f"/r/{original.token}/quotes/", OEM_QUOTE)
    client.post(f"/r/{original.token}/quotes/{Quote.objects.get().pk}/rerun")
    rerun = Report.objects.get(based_on=original)
    with django_assert_max_num_queries(3):
        html = client.get("/reports/").content.decode()
    row = html.split(f'href="/r/{rerun.token}/"')[1].split("</tr>")[0]
    assert "Re-run on Shenzhen Bright Jewelry's quote" in row
    assert f'href="/r/{original.token}/"' in row
    assert f"original report of {original.created_at:%Y-%m-%d}" in row
    # The quote removed (its re-run's link revoked with it), the re-run still says whose it was.
    client.post(f"/r/{original.token}/quotes/{Quote.objects.get().pk}/remove")
    row = client.get("/reports/").content.decode().split(f'href="/r/{rerun.token}/"')[1]
    assert "Re-run on Shenzhen Bright Jewelry's quote" in row.split("</tr>")[0]
