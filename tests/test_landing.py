import pytest
from django.urls import reverse

from advisor.models import Factor, Thresholds

FACTOR_SLUGS = [
    "design-ownership",
    "customization-level",
    "moq-requirements",
    "lead-time",
    "upfront-costs",
    "quality-control",
    "brand-differentiation",
    "risk-level",
]


@pytest.mark.django_db
def test_it_seeds_exactly_the_eight_factors_in_order():
    assert list(Factor.objects.values_list("slug", flat=True)) == FACTOR_SLUGS


@pytest.mark.django_db
def test_it_seeds_the_default_thresholds_from_the_source():
    thresholds = Thresholds.objects.get()
    assert thresholds.version == 1
    assert (thresholds.oem_tooling_min_usd, thresholds.oem_tooling_max_usd) == (5_000, 50_000)
    assert (thresholds.oem_moq_min_units, thresholds.oem_moq_max_units) == (500, 1_000)
    assert (thresholds.odm_moq_min_units, thresholds.odm_moq_max_units) == (50, 200)
    assert (thresholds.wholesale_moq_min_units, thresholds.wholesale_moq_max_units) == (2, 5)


@pytest.mark.django_db
def test_it_shows_the_eight_factors_side_by_side(client, django_assert_max_num_queries):
    # The thresholds and the factors: the key of the factors' kept sections, and what they
    # are drawn from when they are not kept.
    with django_assert_max_num_queries(2):
        response = client.get(reverse("advisor:landing"))
    assert response.status_code == 200
    html = response.content.decode()
    for slug in FACTOR_SLUGS:
        assert f'data-factor="{slug}"' in html
    assert '<html lang="en">' in html
    assert 'href="#main"' in html
    assert f'<form method="post" action="{reverse("advisor:wizard")}"' in html


@pytest.mark.django_db
def test_it_shows_what_staff_wrote_escaped(client):
    Factor.objects.filter(slug="risk-level").update(oem_summary="<b>Bold</b> & risky")
    html = client.get("/").content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; risky" in html


@pytest.mark.django_db
def test_it_loads_nothing_from_another_host(client):
    html = client.get("/").content.decode()
    assert "http://" not in html and "https://" not in html and 'src="//' not in html


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
