"""What is drawn once and kept (advisor/caching.py): the report page as colleagues see it, its
QR code and PDF, and the report's sections the template keeps. Kept copies must be exactly what
a fresh render gives, never show the owner's controls or quotes to anyone else, and never
outlive a revoked or expired link, a staff change or a release."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone, translation

from advisor import services
from advisor.models import Factor, Report, Thresholds
from tests.test_admin import factor_form, post_thresholds
from tests.test_quotes import OEM_QUOTE
from tests.test_share_link import OWNER, browser

OWNER_CONTROLS = "Share or revoke this link"


def forget_all():
    """Empties every cache: the next request draws afresh."""
    for alias in ("default", "in_process", "template_fragments"):
        caches[alias].clear()


@pytest.fixture
def report(make_report):
    return make_report(owner_key=OWNER, project_name="Aurora rings")


def page(report):
    return f"/r/{report.token}/"


def test_a_colleague_reads_a_report_page_in_one_query_and_no_session(
    report, django_assert_num_queries
):
    for _visit in ("first, drawn", "again, kept"):
        with django_assert_num_queries(1):  # the link's row: no session is read
            response = Client().get(page(report))
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers  # nor written


def test_a_colleague_with_a_session_of_their_own_takes_at_most_two_queries(
    report, django_assert_max_num_queries
):
    colleague = browser("someone-else")
    for _visit in ("first, drawn", "again, kept"):
        with django_assert_max_num_queries(2):
            assert colleague.get(page(report)).status_code == 200
        with django_assert_max_num_queries(2):
            assert colleague.get(f"/r/{report.token}.json").status_code == 200


def test_a_colleague_reads_the_json_in_one_query_without_the_owner_s_quotes(
    report, django_assert_num_queries
):
    owner = browser(OWNER)
    assert owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE).status_code == 303
    for _visit in ("first", "again"):
        with django_assert_num_queries(1):  # the link's row
            response = Client().get(f"/r/{report.token}.json")
        assert "Set-Cookie" not in response.headers
        assert "quotes" not in json.loads(response.content)
        assert OEM_QUOTE["supplier"] not in response.content.decode()


def test_a_quote_added_or_removed_shows_in_the_owner_s_json_at_once(report):
    owner = browser(OWNER)
    assert json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"] == []
    assert owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE).status_code == 303
    quotes = json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"]
    assert [quote["supplier"] for quote in quotes] == [OEM_QUOTE["supplier"]]
    quote_id = report.quotes.get().pk
    assert owner.post(f"/r/{report.token}/quotes/{quote_id}/remove").status_code == 303
    assert json.loads(owner.get(f"/r/{report.token}.json").content)["quotes"] == []


def test_the_owner_reads_their_page_in_at_most_four_queries(report, django_assert_max_num_queries):
    owner = browser(OWNER)
    for _visit in ("first", "again"):
        with django_assert_max_num_queries(4):
            response = owner.get(page(report))
        assert OWNER_CONTROLS in response.content.decode()


def test_a_kept_page_is_exactly_a_fresh_render(report):
    kept_first = Client().get(page(report)).content
    kept_again = Client().get(page(report)).content
    forget_all()
    fresh = Client().get(page(report)).content
    assert kept_first == kept_again == fresh
    assert b"<svg" in fresh and b"csrfmiddlewaretoken" not in fresh  # nothing per visitor


def test_the_owner_s_page_with_kept_sections_is_exactly_a_fresh_render(report, make_report):
    """The report's sections are kept per report (Django's cache tag): the owner's page drawn
    with them is the page drawn without, and another report never gets this one's."""
    other = make_report(owner_key=OWNER, project_name="Other pendants", units_per_design=60)
    owner = browser(OWNER)
    html = [owner.get(page(report)).content, owner.get(page(other)).content]
    again = [owner.get(page(report)).content, owner.get(page(other)).content]
    forget_all()
    fresh = [owner.get(page(report)).content, owner.get(page(other)).content]

    def without_token(body):  # the owner's forms carry a form token of their own
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", body)

    assert [without_token(body) for body in html] == [without_token(body) for body in again]
    assert [without_token(body) for body in html] == [without_token(body) for body in fresh]
    assert html[0] != html[1]
    sections = [body.split(b'id="factors-title"')[1].split(b"</table>")[0] for body in html]
    assert sections[0] != sections[1]


def test_the_owner_s_form_token_is_live_and_their_own(report):
    owner = browser(OWNER, enforce_csrf_checks=True)
    owner.get("/")  # the form token's cookie, as a browser holds it
    html = owner.get(page(report)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    expiry = f"/r/{report.token}/expiry"
    assert owner.post(expiry, {"days": "7", "csrfmiddlewaretoken": token}).status_code == 303


def test_the_owner_s_page_shows_an_expiry_or_a_revoke_made_on_another_server_at_once(report):
    owner = browser(OWNER)
    assert "The link works until you revoke it." in owner.get(page(report)).content.decode()
    # As another server would: in the database only, this process's copies untouched.
    ends = timezone.now() + timedelta(days=5)
    Report.objects.filter(pk=report.pk).update(expires_at=ends)
    html = owner.get(page(report)).content.decode()
    assert f"The link stops working on {ends:%Y-%m-%d %H:%M} UTC." in html
    Report.objects.filter(pk=report.pk).update(revoked_at=timezone.now())
    html = owner.get(page(report)).content.decode()
    assert f"Link revoked on {timezone.now():%Y-%m-%d}." in html and 'name="days"' not in html


@pytest.mark.parametrize("first", ["owner", "colleague"])
def test_the_owner_sees_the_controls_and_a_colleague_never_does(report, first):
    owner, colleague = browser(OWNER), browser("someone-else")
    order = [owner, colleague] if first == "owner" else [colleague, owner]
    for client in order * 2:
        html = client.get(page(report)).content.decode()
        assert (OWNER_CONTROLS in html) == (client is owner)
        assert ("csrfmiddlewaretoken" in html) == (client is owner)


def test_a_revoked_link_is_gone_at_once_though_its_page_was_kept(report):
    colleague = Client()
    assert colleague.get(page(report)).status_code == 200
    # Revoked as another server would do it: in the database only, this process's cache untouched.
    Report.objects.filter(pk=report.pk).update(revoked_at=timezone.now())
    assert colleague.get(page(report)).status_code == 410
    assert colleague.get(f"/r/{report.token}.json").status_code == 410
    assert browser(OWNER).get(page(report)).status_code == 200  # the owner still reads it


def test_an_expired_link_is_gone_at_once_though_its_page_was_kept(report):
    colleague = Client()
    services.reports.set_link_expiry(report=report, days=1)
    assert colleague.get(page(report)).status_code == 200
    Report.objects.filter(pk=report.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert colleague.get(page(report)).status_code == 410


def test_a_new_release_or_site_address_is_a_new_page(report, settings):
    """Kept parts are never deleted: their key names the release and the address, so a deploy
    (DJANGO_RELEASE) or a new address draws afresh instead of serving the old."""
    from advisor.caching import part_key

    assert "Our advice:" in Client().get(page(report)).content.decode()
    with translation.override("en"):
        assert caches["in_process"].has_key(part_key(report.token, "page"))
        settings.SITE_URL = "https://advisor.example.org"
        assert not caches["in_process"].has_key(part_key(report.token, "page"))
        assert "https://advisor.example.org/r/" in Client().get(page(report)).content.decode()
        settings.RELEASE = "next-release"
        assert not caches["in_process"].has_key(part_key(report.token, "page"))
        Client().get(page(report))
        assert "next-release" in part_key(report.token, "page")
        assert caches["in_process"].has_key(part_key(report.token, "page"))


def test_a_threshold_change_never_alters_a_saved_report_but_changes_the_landing(
    report, admin_client
):
    before_page = Client().get(page(report)).content
    before_json = Client().get(f"/r/{report.token}.json").content
    assert "Usually 50 to 200 pieces per design" in Client().get("/").content.decode()

    assert post_thresholds(admin_client, odm_moq_min_units=100).status_code == 302

    assert "Usually 100 to 200 pieces per design" in Client().get("/").content.decode()
    assert Client().get(page(report)).content == before_page
    assert Client().get(f"/r/{report.token}.json").content == before_json
    forget_all()
    assert Client().get(page(report)).content == before_page  # and a fresh render agrees
    assert Client().get(f"/r/{report.token}.json").content == before_json


def test_a_factor_edit_and_its_history_revert_both_reach_the_landing(admin_client):
    factor = Factor.objects.get(slug="risk-level")
    url = f"/admin/advisor/factor/{factor.pk}/change/"
    original = factor.oem_summary
    assert original in Client().get("/").content.decode()

    edited = factor_form(factor, oem_summary="Higher: a brand-new design is a bet.")
    assert admin_client.post(url, edited).status_code == 302
    assert "a brand-new design is a bet" in Client().get("/").content.decode()

    first = factor.history.earliest()
    revert = f"/admin/advisor/factor/{factor.pk}/history/{first.history_id}/"
    assert admin_client.post(revert, factor_form(first.instance)).status_code == 302
    landing = Client().get("/").content.decode()
    assert original in landing and "a brand-new design is a bet" not in landing


def test_a_change_saved_by_another_server_reaches_this_one_s_landing_at_once(db):
    """Another app server sends this process no signal and may not share its cache, and its
    clock may differ: what this process sees is the rows changed. Even a bare update(), which
    moves no `updated_at` and no version, is a new page at once."""
    assert "Usually 50 to 200 pieces per design" in Client().get("/").content.decode()
    Factor.objects.filter(slug="risk-level").update(
        oem_summary="Higher: a brand-new design is a bet."
    )
    assert "a brand-new design is a bet" in Client().get("/").content.decode()
    Thresholds.objects.update(odm_moq_min_units=100)
    assert "Usually 100 to 200 pieces per design" in Client().get("/").content.decode()
    Factor.objects.filter(slug="risk-level").update(name="Risk, reworded")
    assert "Risk, reworded" in Client().get("/").content.decode()
    Factor.objects.filter(slug="risk-level").delete()
    assert "Risk, reworded" not in Client().get("/").content.decode()


def test_the_landing_page_costs_two_queries_once_its_sections_are_kept(
    db, django_assert_num_queries
):
    Client().get("/")
    with django_assert_num_queries(2):  # the thresholds and the factors: the sections' key
        assert Client().get("/").status_code == 200


def test_every_landing_visitor_gets_a_form_token_of_their_own(db):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for client in (first, second):
        html = client.get("/").content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        tokens.append(token)
        # The token is this visitor's: the start button works.
        response = client.post("/wizard/", {"csrfmiddlewaretoken": token})
        assert response.status_code == 303
    assert tokens[0] != tokens[1]


def test_a_client_that_holds_the_page_gets_a_304_and_nothing_is_stored(report):
    response = Client().get(page(report))
    again = Client().get(page(report), headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304
    assert "no-store" in again["Cache-Control"]
    json_response = Client().get(f"/r/{report.token}.json")
    etag = json_response["ETag"]
    assert (
        Client().get(f"/r/{report.token}.json", headers={"If-None-Match": etag}).status_code == 304
    )
    Report.objects.filter(pk=report.pk).update(revoked_at=timezone.now())
    assert (
        Client().get(page(report), headers={"If-None-Match": response["ETag"]}).status_code == 410
    )


def test_the_landing_page_with_kept_sections_is_exactly_a_fresh_render(db):
    def without_token(body):
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", body)

    first, kept = Client().get("/").content, Client().get("/").content
    forget_all()
    fresh = Client().get("/").content
    assert without_token(first) == without_token(kept) == without_token(fresh)
    assert b"Whom each suits" in fresh and b'data-factor="risk-level"' in fresh


def _step_form(html: str) -> str:
    return html.split('name="csrfmiddlewaretoken"')[1].split("</form>")[0].split(">", 1)[1]


def test_a_kept_step_form_is_exactly_a_fresh_render_and_follows_the_saved_answers(db):
    """A step's form showing saved answers (or none) is kept per step and values: each buyer
    sees their own answers, never another's, and errors are always drawn for the request."""
    from tests.test_wizard import VALID

    first, second = Client(), Client()
    urls = [client.post("/wizard/")["Location"] for client in (first, second)]
    empty = [
        _step_form(client.get(url).content.decode())
        for client, url in zip((first, second), urls, strict=True)
    ]
    assert empty[0] == empty[1]
    forget_all()
    assert _step_form(first.get(urls[0]).content.decode()) == empty[0]  # a fresh render agrees

    mine = {**VALID["business"], "project_name": "Ana's rings"}
    assert first.post(urls[0], mine).status_code == 303
    assert second.post(urls[1], VALID["business"]).status_code == 303
    kept = [
        _step_form(client.get(url).content.decode())
        for client, url in zip((first, second), urls, strict=True)
    ]
    assert "Ana&#x27;s rings" in kept[0] and "Ana" not in kept[1]
    forget_all()
    assert _step_form(first.get(urls[0]).content.decode()) == kept[0]

    wrong = first.post(urls[0], {**mine, "company_stage": "giant"})  # errors: drawn, never kept
    assert wrong.status_code == 200 and "Choose one of the options." in wrong.content.decode()
    assert _step_form(first.get(urls[0]).content.decode()) == kept[0]


@pytest.mark.slow  # draws a PDF
def test_the_owner_s_pdf_of_a_dead_link_is_kept_under_when_it_ended(report):
    """Issue 24: it was drawn (2-4 s) on every request."""
    from advisor.caching import part_key

    owner = browser(OWNER)
    services.reports.revoke_link(report=report)
    first = owner.get(f"/r/{report.token}.pdf")
    assert first.status_code == 200
    report.refresh_from_db()
    with translation.override("en"):
        assert caches["default"].has_key(
            part_key(report.token, f"pdf-ended-{report.revoked_at.isoformat()}")
        )
        assert not caches["default"].has_key(part_key(report.token, "pdf"))
    assert owner.get(f"/r/{report.token}.pdf").content == first.content
    assert Client().get(f"/r/{report.token}.pdf").status_code == 410


SUPPLIER = OEM_QUOTE["supplier"]


def rerun_of(report: Report) -> Report:
    """The owner's re-run of `report` with OEM_QUOTE, whose supplier it names to them alone."""
    owner = browser(OWNER)
    owner.post(f"/r/{report.token}/quotes/", OEM_QUOTE)
    quote_id = report.quotes.get().pk
    location = owner.post(f"/r/{report.token}/quotes/{quote_id}/rerun")["Location"]
    return Report.objects.get(token=location.split("/")[2])


@pytest.mark.parametrize("first", ["owner", "colleague"])
def test_a_re_run_names_its_supplier_to_the_owner_alone_whoever_comes_first(report, first):
    """Issue 24: the supplier a buyer deals with stays with the buyer, kept parts included."""
    rerun = rerun_of(report)
    forget_all()  # the re-run's kept parts are drawn by the visits below, in their order
    owner, colleagues = browser(OWNER), [browser("someone-else"), Client()]
    readers = [owner, *colleagues] if first == "owner" else [*colleagues, owner]
    for client in readers * 2:
        html = client.get(page(rerun)).content.decode()
        data = json.loads(client.get(f"/r/{rerun.token}.json").content)
        if client is owner:
            assert f"from {SUPPLIER}&#x27;s quote" in html
            assert data["from_quote"]["supplier"] == SUPPLIER
        else:
            assert "Shenzhen" not in html and "Shenzhen" not in json.dumps(data)
            assert "Advice re-run with a supplier's OEM quote" in html
            assert "from a supplier&#x27;s quote" in html
            assert "from_quote" not in data and "based_on" not in data


@pytest.mark.slow  # draws two PDFs
@pytest.mark.parametrize("first", ["owner", "colleague"])
def test_a_re_run_s_pdf_names_its_supplier_to_the_owner_alone_whoever_comes_first(report, first):
    import io

    from pypdf import PdfReader

    rerun = rerun_of(report)
    forget_all()
    owner, colleague = browser(OWNER), browser("someone-else")
    texts = {}
    for client in [owner, colleague] if first == "owner" else [colleague, owner]:
        response = client.get(f"/r/{rerun.token}.pdf")
        assert response.status_code == 200
        pages = PdfReader(io.BytesIO(response.content)).pages
        texts[client] = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Shenzhen" in texts[owner]
    assert "Shenzhen" not in texts[colleague] and "a supplier's quote" in texts[colleague]
