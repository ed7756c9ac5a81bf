"""The PDF as a buyer prints it: pages that flow, with no page left nearly empty, and every
answer printed right beside its question."""

import io

import pytest
from pypdf import PdfReader

from advisor import presenters


@pytest.mark.slow
def test_the_pdf_flows_without_empty_pages_and_keeps_labels_with_values(client, make_report):
    report = make_report()
    response = client.get(f"/r/{report.token}.pdf")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    assert len(pages) >= 2
    # Every page but the last is well filled; the last is more than a stray line.
    for number, text in enumerate(pages[:-1], start=1):
        assert len(text) > 1_000, f"page {number} is nearly empty: {text[:80]!r}"
    assert len(pages[-1]) > 300
    assert "Created " in pages[0]  # the date and rules version open the printed report
    # A long label may wrap (how depends on the fonts installed): read the text as one line.
    text = " ".join(line.strip() for page in pages for line in page.splitlines())
    answers = {
        name: value for name, value in report.data["answers"].items() if name != "project_name"
    }
    for label, value in presenters.answer_rows(answers):
        assert f"{label} {value} " in text, label
