"""Factor texts in admin: they name their figures, so they follow the thresholds and never
contradict them."""

import pytest

from advisor.models import Factor
from tests.test_admin import factor_form, post_thresholds


def test_factor_texts_follow_the_thresholds_after_any_edit(staff_client, client, make_report):
    # The case: staff raise the ODM minimum to 100; the factor row must not still say 50.
    assert post_thresholds(staff_client, odm_moq_min_units=100).status_code == 302
    assert (
        post_thresholds(
            staff_client, oem_tooling_min_usd=800, oem_tooling_max_usd=9_000
        ).status_code
        == 302
    )
    report = make_report()
    moq = next(f for f in report.data["factors"] if f["slug"] == "moq-requirements")
    upfront = next(f for f in report.data["factors"] if f["slug"] == "upfront-costs")
    assert moq["odm"].startswith("Usually 100 to 200 pieces per design")
    assert upfront["oem"].startswith("High: $800 to $9,000 for a whole development programme")
    landing = client.get("/").content.decode()
    assert "Usually 100 to 200 pieces per design" in landing and "$5,000" not in landing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Usually 50 to 200 pieces.", "50, 200 are figures of the thresholds"),
        ("About {odm_lead_weeks} weeks.", "{odm_lead_weeks} is not one of the figures."),
    ],
)
def test_a_factor_text_cannot_type_out_a_figure(staff_client, text, message):

    factor = Factor.objects.get(slug="moq-requirements")
    before = factor.odm_summary
    response = staff_client.post(
        f"/admin/advisor/factor/{factor.pk}/change/", factor_form(factor, odm_summary=text)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    factor.refresh_from_db()
    assert factor.odm_summary == before


def test_every_seeded_factor_text_passes_its_own_check(db):

    for factor in Factor.objects.all():
        factor.full_clean()


def test_a_factor_text_may_name_numbers_that_are_not_figures(staff_client):

    factor = Factor.objects.get(slug="customization-level")
    text = "925 silver, 18k gold plating, 3D CAD files."
    response = staff_client.post(
        f"/admin/advisor/factor/{factor.pk}/change/", factor_form(factor, oem_summary=text)
    )
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.oem_summary == text
