"""The owner's link (issue 28): another browser that opens it and confirms owns the same
reports, those made before and after, until the link is replaced (which grants nothing more)
or the browser is removed (a stranger again). Never shown to anyone but the owner's browsers."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from advisor import services
from advisor.models import Owner, OwnerBrowser, Report
from advisor.ownership import BROWSER_KEY, LAST_SEEN
from tests.conftest import browser, sample_answers
from tests.test_quotes import OEM_QUOTE

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
LAPTOP = "laptop-browser-key"


@pytest.fixture
def laptop(make_report):
    """A browser with two reports: an owner, as making a report makes one."""
    make_report(owner_key=LAPTOP, project_name="Aurora rings")
    make_report(owner_key=LAPTOP, project_name="Luna pendants")
    return browser(LAPTOP)


def link_on(html: str) -> str:
    """The owner's link shown on a page, in full."""
    found = re.search(r'id="owner-link-url" type="text" value="([^"]+)"', html)
    assert found, "no owner's link on the page"
    return found.group(1)


def path_of(link: str) -> str:
    return link.removeprefix("http://127.0.0.1:8000")


def owner_link(client) -> str:
    return path_of(link_on(client.get("/reports/").content.decode()))


def join(link_path: str, client=None, **headers):
    """A browser (a new one unless given) that opens the link and confirms."""
    client = client or Client(**headers)
    assert client.get(link_path).status_code == 200
    response = client.post(link_path)
    assert response.status_code == 303 and response["Location"] == "/reports/"
    return client


def key_of(client) -> str:
    return client.session[BROWSER_KEY]


def report_named(name: str) -> Report:
    return Report.objects.get(project_name=name)


def test_the_owner_sees_a_link_of_its_own_on_reports_and_on_each_report_page(laptop):
    link = link_on(laptop.get("/reports/").content.decode())
    aurora = report_named("Aurora rings")
    page = laptop.get(aurora.get_absolute_url()).content.decode()
    assert link_on(page) == link
    assert "Open your reports on another device" in page
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert link == f"http://127.0.0.1:8000/o/{token}/"
    assert len(token) >= 32  # 24 random bytes: 192 bits
    assert token not in {aurora.token, aurora.rfq_token}
    assert Owner.objects.get().link_token == token
    assert 'data-copy="#owner-link-url"' in page and "owner-link-qr" in page


def test_opening_the_link_says_what_it_will_do_and_changes_nothing(laptop, settings):
    link = owner_link(laptop)
    stranger = Client()
    response = stranger.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Make this browser an owner of these 2 reports" in html
    # What they are, so that a link someone else sent shows as not one's own.
    assert "Aurora rings" in html and "Luna pendants" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    # Its form must send its Origin (no-referrer would make it "null"): the site's address
    # alone goes as a referrer, never the path with the token.
    assert response["Referrer-Policy"] == "strict-origin"
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # no session made by a look
    assert OwnerBrowser.objects.count() == 1


def test_every_other_answer_of_the_link_sends_no_referrer_at_all(laptop):
    link = owner_link(laptop)
    phone = Client()
    confirmed = phone.post(link)
    assert confirmed["Referrer-Policy"] == "no-referrer"
    assert confirmed["Cache-Control"] == "private, no-store"
    again = phone.get(link)  # a browser that already owns them: nothing to confirm
    assert "already owns the reports of this link" in again.content.decode()
    assert again["Referrer-Policy"] == "no-referrer"
    assert again["X-Robots-Tag"] == "noindex, nofollow"


def test_a_second_browser_that_confirms_can_add_a_quote_revoke_and_list_the_report(laptop):
    aurora = report_named("Aurora rings")
    phone = Client()
    assert phone.get(f"/r/{aurora.token}/quotes/").status_code == 404  # a stranger, first
    join(owner_link(laptop), phone)
    listed = phone.get("/reports/").content.decode()
    assert "Aurora rings" in listed and "Luna pendants" in listed
    assert phone.post(f"/r/{aurora.token}/quotes/", OEM_QUOTE).status_code == 303
    assert aurora.quotes.get().supplier == OEM_QUOTE["supplier"]
    owner_json = json.loads(phone.get(f"/r/{aurora.token}.json").content)
    assert [quote["supplier"] for quote in owner_json["quotes"]] == [OEM_QUOTE["supplier"]]
    assert "Share or revoke this link" in phone.get(aurora.get_absolute_url()).content.decode()
    assert phone.post(f"/r/{aurora.token}/revoke").status_code == 303
    aurora.refresh_from_db()
    assert aurora.revoked_at is not None
    # Both still read the ended link; nobody else does.
    assert phone.get(aurora.get_absolute_url()).status_code == 200
    assert laptop.get(aurora.get_absolute_url()).status_code == 200
    assert Client().get(aurora.get_absolute_url()).status_code == 410


def test_reports_made_later_in_either_browser_belong_to_both(laptop, make_report):
    phone = join(owner_link(laptop))
    from_laptop = make_report(owner_key=LAPTOP, project_name="Made on the laptop later")
    from_phone = make_report(owner_key=key_of(phone), project_name="Made on the phone later")
    for client in (laptop, phone):
        listed = client.get("/reports/").content.decode()
        assert "Made on the laptop later" in listed and "Made on the phone later" in listed
        for report in (from_laptop, from_phone):
            assert client.get(f"/r/{report.token}/quotes/").status_code == 200
    assert Client().get(f"/r/{from_phone.token}/quotes/").status_code == 404


def test_a_report_the_second_browser_makes_through_the_wizard_is_the_first_s_too(laptop):
    from tests.test_wizard import answer_all, start, step_url

    phone = join(owner_link(laptop), HTTP_USER_AGENT=PHONE_UA)
    first = start(phone)
    answer_all(phone, first)
    made = phone.post(step_url(first, "review"))
    token = made["Location"].split("/")[2]
    assert "Share or revoke this link" in laptop.get(f"/r/{token}/").content.decode()
    assert OwnerBrowser.objects.get(browser_key=key_of(phone)).label == "Chrome Mobile on Android"


def test_a_browser_with_reports_of_its_own_brings_them_after_saying_so_and_alone(
    laptop, make_report
):
    make_report(owner_key="tablet-key", project_name="Made on the tablet")
    tablet = browser("tablet-key")
    desktop = join(owner_link(tablet))  # the tablet's owner has two browsers now
    link = owner_link(laptop)
    page = tablet.get(link).content.decode()
    assert "This browser owns 1 report of its own" in page and 'name="agree"' in page
    # Without ticking the box nothing happens: the page asks again.
    refused = tablet.post(link)
    assert refused.status_code == 200 and "Tick the box to go on" in refused.content.decode()
    assert "Made on the tablet" not in laptop.get("/reports/").content.decode()
    assert tablet.post(link, {"agree": "1"}).status_code == 303
    for client in (laptop, tablet):
        listed = client.get("/reports/").content.decode()
        assert "Made on the tablet" in listed and "Aurora rings" in listed
    # The tablet's other browser stays with its own owner: a link someone sent could otherwise
    # take every device of theirs at once.
    desktop_list = desktop.get("/reports/").content.decode()
    assert "Aurora rings" not in desktop_list and "Made on the tablet" not in desktop_list
    assert Owner.objects.count() == 2


def test_the_owner_s_link_is_in_no_colleague_s_page_json_or_request(laptop):
    aurora = report_named("Aurora rings")
    token = owner_link(laptop).split("/")[2]
    laptop.get(aurora.get_absolute_url())  # the owner's page drawn first: nothing of it kept
    colleague, colleague_with_session = Client(), browser("someone-else")
    urls = [
        aurora.get_absolute_url(),
        f"/r/{aurora.token}.json",
        f"/r/{aurora.token}/rfq/",
        f"/r/{aurora.token}/rfq.txt",
        f"/q/{aurora.rfq_token}/",
        f"/q/{aurora.rfq_token}.txt",
    ]
    for client in (colleague, colleague_with_session):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert token.encode() not in response.content, url
            assert b"owner-link" not in response.content, url
    # The owner's own JSON and request carry none either.
    for url in urls[1:]:
        assert token.encode() not in laptop.get(url).content, url


@pytest.mark.slow
def test_the_owner_s_link_is_in_no_pdf_the_owner_s_included(laptop):
    from io import BytesIO

    from pypdf import PdfReader

    aurora = report_named("Aurora rings")
    token = owner_link(laptop).split("/")[2]
    for client in (laptop, Client()):
        pdf = client.get(f"/r/{aurora.token}.pdf").content
        text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
        assert token.encode() not in pdf and token not in text
        assert "/o/" not in text and "another device" not in text


def test_after_the_link_is_replaced_the_old_one_opens_and_grants_nothing(laptop):
    old = owner_link(laptop)
    phone = join(old)
    response = laptop.post("/reports/owner-link/replace")
    assert response.status_code == 303
    new = owner_link(laptop)
    assert new != old and len(new.split("/")[2]) >= 32
    late = Client()
    assert late.get(old).status_code == 404
    assert late.post(old).status_code == 404
    assert "Aurora rings" not in late.get("/reports/").content.decode()
    assert late.get(f"/r/{report_named('Aurora rings').token}/quotes/").status_code == 404
    # Browsers that joined keep the reports; the new link works.
    assert "Aurora rings" in phone.get("/reports/").content.decode()
    join(new, late)
    assert "Aurora rings" in late.get("/reports/").content.decode()


def test_a_removed_browser_is_a_stranger_again_even_to_the_reports_it_made(laptop, make_report):
    phone = join(owner_link(laptop), HTTP_USER_AGENT=PHONE_UA)
    made_on_phone = make_report(owner_key=key_of(phone), project_name="Made on the phone")
    listed = laptop.get("/reports/").content.decode()
    assert "Chrome Mobile on Android" in listed and "this browser" in listed
    phone_row = OwnerBrowser.objects.get(browser_key=key_of(phone))
    removed = laptop.post(f"/reports/browsers/{phone_row.pk}/remove")
    assert removed.status_code == 303
    aurora = report_named("Aurora rings")
    assert "Made on the phone" not in phone.get("/reports/").content.decode()
    assert "Aurora rings" not in phone.get("/reports/").content.decode()
    for report in (aurora, made_on_phone):
        assert phone.get(f"/r/{report.token}/quotes/").status_code == 404
        assert phone.post(f"/r/{report.token}/revoke").status_code == 403
        json_body = json.loads(phone.get(f"/r/{report.token}.json").content)
        assert "quotes" not in json_body
    # The owner keeps what the removed browser made.
    assert laptop.get(f"/r/{made_on_phone.token}/quotes/").status_code == 200
    assert "Made on the phone" in laptop.get("/reports/").content.decode()


def test_only_another_of_one_s_own_browsers_can_be_removed(laptop, make_report):
    make_report(owner_key="someone-else")
    own_row = OwnerBrowser.objects.get(browser_key=LAPTOP)
    others_row = OwnerBrowser.objects.get(browser_key="someone-else")
    assert laptop.post(f"/reports/browsers/{own_row.pk}/remove").status_code == 404
    assert laptop.post(f"/reports/browsers/{others_row.pk}/remove").status_code == 404
    assert Client().post(f"/reports/browsers/{others_row.pk}/remove").status_code == 404
    assert Client().post("/reports/owner-link/replace").status_code == 404
    assert OwnerBrowser.objects.count() == 2


def test_a_wrong_link_is_a_plain_404_and_guessing_is_rate_limited(laptop, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "owner_link": "3/h"}
    guesser = Client()
    aurora = report_named("Aurora rings")
    for guess in ("A" * 32, aurora.token, aurora.rfq_token):  # a report's keys open nothing
        assert guesser.get(f"/o/{guess}/").status_code == 404
    response = guesser.get(f"/o/{'B' * 32}/")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert guesser.get("/o/short/").status_code == 404  # not even a token: no view, no count
    # A report's URL does not take the owner's token.
    assert Client().get(f"/r/{laptop_token(laptop)}/").status_code == 404


def laptop_token(client) -> str:
    return owner_link(client).split("/")[2]


def test_a_browser_whose_reports_are_older_than_owners_gets_its_link_on_first_visit(db):
    Report.objects.create(
        owner_key="old-browser",
        project_name="From before",
        recommendation="odm",
        rules_version=1,
        snapshot="{}",
    )
    assert not OwnerBrowser.objects.exists()
    old = browser("old-browser")
    link = owner_link(old)
    assert OwnerBrowser.objects.get().browser_key == "old-browser"
    phone = join(link)
    assert "From before" in phone.get("/reports/").content.decode()
    assert owner_link(old) == link  # made once


def test_a_browser_that_owns_nothing_has_no_link(db):
    assert 'id="owner-link-url"' not in browser("no-reports").get("/reports/").content.decode()
    assert 'id="owner-link-url"' not in Client().get("/reports/").content.decode()


def test_the_day_a_browser_was_last_seen_is_written_once_a_day(laptop, django_assert_num_queries):
    row = OwnerBrowser.objects.get(browser_key=LAPTOP)
    OwnerBrowser.objects.filter(pk=row.pk).update(last_seen=timezone.localdate() - timedelta(3))
    session = laptop.session
    session[LAST_SEEN] = (timezone.localdate() - timedelta(3)).isoformat()
    session.save()
    laptop.get("/reports/", HTTP_USER_AGENT=PHONE_UA)
    row.refresh_from_db()
    assert row.last_seen == timezone.localdate()
    assert row.label == "Chrome Mobile on Android"
    with django_assert_num_queries(3):  # the session, the owner's browsers, their reports
        laptop.get("/reports/", HTTP_USER_AGENT=PHONE_UA)


def test_the_second_browser_reads_the_first_s_pages_in_as_few_queries_as_the_first(
    laptop, django_assert_max_num_queries
):
    phone = join(owner_link(laptop))
    session = phone.session
    session[LAST_SEEN] = timezone.localdate().isoformat()
    session.save()
    aurora = report_named("Aurora rings")
    with django_assert_max_num_queries(3):  # the session, the report, the owner's link
        assert "Share or revoke" in phone.get(aurora.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(3):  # the session, the report, its quotes
        assert phone.get(f"/r/{aurora.token}/quotes/").status_code == 200
    with django_assert_max_num_queries(3):
        assert "quotes" in json.loads(phone.get(f"/r/{aurora.token}.json").content)


def test_an_owner_of_other_reports_reads_this_one_as_a_colleague_in_two_queries(
    laptop, make_report, django_assert_max_num_queries
):
    make_report(owner_key="other-owner")
    other = browser("other-owner")
    aurora = report_named("Aurora rings")
    for _visit in ("first", "again"):
        with django_assert_max_num_queries(2):  # the session, the report (asking about owners)
            html = other.get(aurora.get_absolute_url()).content.decode()
        assert "Share or revoke this link" not in html and "owner-link" not in html


def test_crawlers_are_kept_off_owner_s_links_and_their_tokens_off_the_logs(client, caplog):
    assert "Disallow: /o/" in client.get("/robots.txt").content.decode()
    report = {"csp-report": {"document-uri": f"http://127.0.0.1:8000/o/{'T' * 32}/"}}
    client.post("/csp-report", json.dumps(report), content_type="application/csp-report")
    assert "T" * 32 not in caplog.text and "/o/…" in caplog.text


def test_the_report_s_owner_key_stays_the_browser_that_made_it(laptop):
    phone = join(owner_link(laptop))
    services.reports.create_report(answers=sample_answers(), owner_key=key_of(phone))
    assert set(Report.objects.values_list("owner_key", flat=True)) == {LAPTOP, key_of(phone)}
