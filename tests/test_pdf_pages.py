"""The PDF as a buyer prints it: pages that flow, with no page left nearly empty, and every
answer printed right beside its question."""

import io
import os

import pytest
from pypdf import PdfReader

from advisor import presenters


@pytest.mark.slow
def test_the_pdf_flows_without_empty_pages_and_keeps_labels_with_values(client, make_report):
    report = make_report()
    response = client.get(f"/r/{report.token}.pdf")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    assert len(pages) >= 2
    # No page is a stray line or two (how full each page is, charts included, is measured by
    # area below: a page holding the timeline chart has few characters for its height).
    for number, text in enumerate(pages[:-1], start=1):
        assert len(text) > 500, f"page {number} is nearly empty: {text[:80]!r}"
    assert len(pages[-1]) > 300
    assert "Created " in pages[0]  # the date and rules version open the printed report
    # A long label may wrap (how depends on the fonts installed): read the text as one line.
    text = " ".join(line.strip() for page in pages for line in page.splitlines())
    answers = {
        name: value for name, value in report.data["answers"].items() if name != "project_name"
    }
    for label, value in presenters.answer_rows(answers):
        assert f"{label} {value} " in text, label


def _text_bottoms(reader: PdfReader) -> list[tuple[float, float]]:
    """For each page, how far down its text reaches as a share of the printed area (the page
    less its 15 mm margins), and where it starts: measured on the PDF itself."""
    margin = 15 / 25.4 * 72
    shares = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        ys: list[float] = []

        def visit(text, cm, tm, font, size, ys=ys):
            if text.strip():
                ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        area = height - 2 * margin
        shares.append(((height - margin - min(ys)) / area, (height - margin - max(ys)) / area))
    return shares


@pytest.mark.slow
@pytest.mark.parametrize(
    "answers",
    [
        {},  # the sample buyer: a hybrid
        {"upfront_budget_usd": 250_000, "units_per_design": 800, "design_readiness": "full_specs"},
        {"upfront_budget_usd": 0, "design_count": 1},
    ],
    ids=["hybrid", "big-budget", "one-design"],
)
def test_no_row_splits_the_appendix_has_its_own_page_and_no_page_but_the_last_is_half_empty(
    make_report, answers
):
    from django.conf import settings
    from django.template.loader import render_to_string

    from advisor.pdf import render_document
    from advisor.views.reports import _page_context

    report = make_report(**answers)
    html = render_to_string(
        "advisor/report.html", _page_context(report, owner=False) | {"for_pdf": True}
    )
    document = render_document(html, settings.SITE_URL + "/")
    # No body row of any table is drawn on two pages.
    rows: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages, start=1):
        for box in _rows(page._page_box, in_header=False):
            rows.setdefault(id(box.element), set()).add(number)
    assert all(len(pages) == 1 for pages in rows.values())

    reader = PdfReader(io.BytesIO(document.write_pdf()))
    texts = [page.extract_text() for page in reader.pages]
    appendix = next(n for n, text in enumerate(texts) if "Figures this report used" in text)
    assert texts[appendix].lstrip().startswith("Figures this report used"), texts[appendix][:80]
    filled = _text_bottoms(reader)
    for number, (bottom, _top) in enumerate(filled[:-1], start=1):
        assert bottom >= 0.5, f"page {number} of {len(filled)} is {bottom:.0%} full"


def _rows(box, *, in_header: bool):
    # Table rows outside a repeated header or footer (those are drawn on every page).
    in_header = in_header or getattr(box, "is_header", False) or getattr(box, "is_footer", False)
    if type(box).__name__ == "TableRowBox" and not in_header:
        yield box
    for child in getattr(box, "children", ()):
        yield from _rows(child, in_header=in_header)


@pytest.mark.slow  # WeasyPrint parses Bootstrap
def test_the_site_s_stylesheets_are_parsed_once_and_again_once_edited(tmp_path, settings):
    """The PDF takes the page's stylesheets parsed once a process (advisor/pdf.py): an edited
    stylesheet must not print with the old rules."""
    from advisor import pdf

    edited = tmp_path / "advisor" / "css" / "site.css"
    edited.parent.mkdir(parents=True)
    edited.write_text("h1 { color: rgb(1, 2, 3); }")
    settings.STATICFILES_DIRS = [tmp_path, *settings.STATICFILES_DIRS]  # found before ours
    base_url = "https://advisor.example.com/"

    bootstrap, site = pdf.site_stylesheets(base_url)
    assert pdf.site_stylesheets(base_url) == [bootstrap, site]  # the same objects: kept

    edited.write_text("h1 { color: rgb(4, 5, 6); }")
    modified = edited.stat().st_mtime_ns + 1_000_000  # a later save, however coarse the clock
    os.utime(edited, ns=(modified, modified))
    again = pdf.site_stylesheets(base_url)
    assert again[0] is bootstrap and again[1] is not site


def test_a_pdf_s_html_brings_no_styles_of_its_own(client, make_report):
    """What lets the PDF take the site's stylesheets as WeasyPrint's user stylesheets
    (advisor/pdf.py): nothing in its HTML would outrank them. The page links them."""
    from django.template.loader import render_to_string

    from advisor.views.reports import _page_context

    report = make_report()
    html = render_to_string(
        "advisor/report.html", _page_context(report, owner=True) | {"for_pdf": True}
    )
    assert "<style" not in html and " style=" not in html and "stylesheet" not in html
    assert 'rel="stylesheet"' in client.get(f"/r/{report.token}/").content.decode()
