"""The wizard through the test client: persistence, navigation, privacy and bad input."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from advisor.models import Report, StepAnswer, Submission

LAUNCH = (timezone.localdate() + timedelta(weeks=30)).isoformat()
VALID = {
    "business": {
        "project_name": 'Rings <b>"Aurora"</b>',
        "company_stage": "established",
        "positioning": "premium",
        "demand_evidence": "proven",
    },
    "budget": {"upfront_budget_usd": "80,000", "unit_cost_usd": "42.50"},
    "volume": {"units_per_design": "800", "design_count": "3"},
    "timeline": {"launch_date": LAUNCH, "design_readiness": "full_specs"},
    "design": {
        "ip_importance": "essential",
        "customization": "full_custom",
        "qc_capability": "in_house",
        "risk_tolerance": "high",
    },
    "market": {
        "target_markets": ["us", "eu"],
        "wearer_age": "adults",
        "base_metal": "sterling_silver",
        "plating": "gold",
        "retail_price_usd": "129",
    },
}
ORDER = list(VALID)


def start(client) -> str:
    """Opens a wizard as the start page's button does; returns the URL of the step it lands on."""
    page = client.get("/wizard/")
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = client.post("/wizard/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    return response["Location"]


def step_url(first_url: str, slug: str) -> str:
    return first_url.rsplit("/", 2)[0] + f"/{slug}/"


def answer(client, first_url, slug, data=None, **extra):
    return client.post(
        step_url(first_url, slug), data if data is not None else VALID[slug], **extra
    )


def answer_all(client, first_url, upto=None):
    for slug in ORDER[: upto or len(ORDER)]:
        response = answer(client, first_url, slug)
        assert response.status_code == 303, response.content.decode()[:2000]
    return response


@pytest.fixture
def first(client, db):
    return start(client)


def test_it_starts_on_the_first_step(client, first):
    assert first.endswith("/business/")
    page = client.get(first)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Step 1 of 7" in html
    for name in VALID["business"]:
        assert f'name="{name}"' in html
    assert 'type="radio"' in html


def test_a_valid_post_saves_and_redirects_to_the_next_step(client, first):
    response = answer(client, first, "business")
    assert response.status_code == 303
    assert response["Location"].endswith("/budget/")
    saved = StepAnswer.objects.get(step="business")
    assert saved.data["project_name"] == VALID["business"]["project_name"]


def test_answers_are_normalised_when_saved(client, first):
    answer_all(client, first, upto=2)
    assert StepAnswer.objects.get(step="budget").data == {
        "upfront_budget_usd": 80000,
        "unit_cost_usd": "42.50",
        "total_budget_usd": None,  # optional, left empty
    }


def test_back_shows_the_saved_answers(client, first):
    answer_all(client, first, upto=2)
    html = client.get(step_url(first, "business")).content.decode()
    assert 'value="Rings &lt;b&gt;&quot;Aurora&quot;&lt;/b&gt;"' in html
    assert 'value="established"' in html and "checked" in html
    budget = client.get(step_url(first, "budget")).content.decode()
    assert 'value="80000"' in budget


def test_a_closed_tab_resumes_where_the_buyer_left(client, first):
    answer_all(client, first, upto=2)
    assert client.get("/wizard/")["Location"] == step_url(first, "volume")
    html = client.get(step_url(first, "business")).content.decode()
    assert 'value="premium"' in html


def test_skipping_ahead_redirects_to_the_first_unanswered_step(client, first):
    answer(client, first, "business")
    response = client.get(step_url(first, "design"))
    assert response.status_code == 302
    assert response["Location"] == step_url(first, "budget")
    assert client.get(first.rsplit("/", 2)[0] + "/review/")["Location"] == step_url(first, "budget")


def test_an_unknown_step_is_404(client, first):
    assert client.get(step_url(first, "nope")).status_code == 404


def test_another_browser_gets_404_on_the_steps(client, first):
    answer(client, first, "business")
    stranger = Client()
    stranger.post("/wizard/")  # a wizard of its own
    assert stranger.get(first).status_code == 404
    assert stranger.post(step_url(first, "budget"), VALID["budget"]).status_code == 404
    assert stranger.get(first.rsplit("/", 2)[0] + "/review/").status_code == 404
    assert not StepAnswer.objects.filter(step="budget").exists()


def test_a_post_without_the_csrf_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    first = start(client)
    response = client.post(first, VALID["business"])
    assert response.status_code == 403
    assert not StepAnswer.objects.exists()


def test_a_start_without_the_csrf_token_is_refused_and_makes_nothing(db):
    # A cross-site POST must not replace a buyer's session (and with it their reports).
    response = Client(enforce_csrf_checks=True).post("/wizard/")
    assert response.status_code == 403
    assert not Submission.objects.exists() and not Session.objects.exists()


def test_the_review_lists_every_answer_with_change_links(client, first):
    response = answer_all(client, first)
    assert response["Location"].endswith("/review/")
    html = client.get(response["Location"]).content.decode()
    assert "Check your answers" in html and "Step 7 of 7" in html
    assert html.count("?return=review") == 6
    assert "$80,000" in html and "Premium: customers pay for something unique" in html
    assert "United States, European Union" in html and "$129.00" in html
    assert "&lt;b&gt;" in html and '<b>"Aurora"' not in html


def test_after_a_change_the_buyer_returns_to_the_review(client, first):
    answer_all(client, first)
    changed = {**VALID["volume"], "units_per_design": "900", "return": "review"}
    response = answer(client, first, "volume", changed)
    assert response["Location"].endswith("/review/")
    assert StepAnswer.objects.get(step="volume").data["units_per_design"] == 900


def test_going_back_keeps_later_answers(client, first):
    answer_all(client, first)
    response = answer(client, first, "business", {**VALID["business"], "company_stage": "growing"})
    assert response["Location"].endswith("/budget/")
    assert StepAnswer.objects.count() == 6


def test_the_review_creates_the_report_once(client, first):
    review = answer_all(client, first)["Location"]
    response = client.post(review)
    assert response.status_code == 303
    report = Report.objects.get()
    assert response["Location"] == f"/r/{report.token}/"
    again = client.post(review)  # a double click or a resubmitted form
    assert again["Location"] == f"/r/{report.token}/"
    assert Report.objects.count() == 1
    data = json.loads(client.get(f"/r/{report.token}.json").content)
    assert data["answers"]["project_name"] == VALID["business"]["project_name"]
    assert data["answers"]["upfront_budget_usd"] == 80000
    assert data["answers"]["unit_cost_usd"] == 42.5
    assert data["answers"]["launch_date"] == LAUNCH
    assert data["recommendation"] == "oem"
    assert report.owner_key == client.session["advisor_browser"]


def test_a_finished_wizard_ends_on_its_report_and_wizard_starts_afresh(client, first):
    review = answer_all(client, first)["Location"]
    client.post(review)
    report = Report.objects.get()
    assert client.get(first)["Location"] == f"/r/{report.token}/"
    assert client.get("/wizard/").status_code == 200  # the start page: the next one is new
    assert client.post("/wizard/")["Location"] != first
    assert Submission.objects.count() == 2


def test_stale_answers_send_the_buyer_back_to_that_step(client, first):
    review = answer_all(client, first)["Location"]
    StepAnswer.objects.filter(step="timeline").update(
        data={"launch_date": "2020-01-01", "design_readiness": "full_specs"}
    )
    assert client.get(review)["Location"] == step_url(first, "timeline")
    assert client.post(review)["Location"] == step_url(first, "timeline")
    html = client.get(step_url(first, "timeline")).content.decode()
    assert "Choose a launch date after today (" in html
    assert not Report.objects.exists()


def test_start_over_asks_then_clears(client, first):
    answer_all(client, first, upto=2)
    restart = first.rsplit("/", 2)[0] + "/restart/"
    assert "Start over?" in client.get(restart).content.decode()
    response = client.post(restart)
    assert response.status_code == 303
    assert response["Location"].endswith("/business/") and response["Location"] != first
    assert 'value="premium" checked' not in client.get(response["Location"]).content.decode()
    assert client.get("/wizard/")["Location"] == response["Location"]


BAD_INPUT = [
    ("business", "company_stage", "megacorp", "Choose one of the options."),
    ("business", "company_stage", "", "Choose one of the options."),
    ("business", "project_name", "x" * 121, "Keep the project name to 120 characters or fewer."),
    ("budget", "upfront_budget_usd", "-1", "Enter an upfront budget of $0 or more."),
    ("budget", "upfront_budget_usd", "10000001", "Enter an upfront budget of $10,000,000 or less."),
    (
        "budget",
        "upfront_budget_usd",
        "lots",
        "Enter the upfront budget as a whole number of dollars",
    ),
    (
        "budget",
        "upfront_budget_usd",
        "12.5",
        "Enter the upfront budget as a whole number of dollars",
    ),
    (
        "budget",
        "upfront_budget_usd",
        "9" * 5000,
        "Enter the upfront budget as a whole number of dollars",
    ),
    ("budget", "unit_cost_usd", "0", "Enter a cost per piece above $0, like 12.50."),
    ("budget", "unit_cost_usd", "-3", "Enter a cost per piece above $0, like 12.50."),
    ("budget", "unit_cost_usd", "100000.01", "Enter a cost per piece of $100,000 or less."),
    ("budget", "unit_cost_usd", "NaN", "Enter the cost per piece as a number of dollars"),
    ("budget", "unit_cost_usd", "1e400", "Write the number in full, like 100, not 1e400."),
    ("budget", "unit_cost_usd", "1.234", "Enter the cost per piece to the cent at most"),
    ("volume", "units_per_design", "0", "Enter at least 1 piece per design."),
    ("volume", "units_per_design", "1000001", "Enter at most 1,000,000 pieces per design."),
    ("volume", "design_count", "501", "Enter at most 500 designs."),
    ("volume", "design_count", "", "Enter how many designs the first order has."),
    ("timeline", "launch_date", "2027-02-30", "Enter a real date"),
    ("timeline", "launch_date", "next spring", "Enter a real date"),
    ("timeline", "launch_date", "2020-01-01", "Choose a launch date after today ("),
    ("timeline", "launch_date", "2099-01-01", "Choose a launch date within 5 years"),
    ("design", "risk_tolerance", "reckless", "Choose one of the options."),
]


@pytest.mark.parametrize(("slug", "field", "value", "message"), BAD_INPUT)
def test_bad_input_gets_a_message_beside_the_field_and_keeps_saved_answers(
    client, first, slug, field, value, message
):
    answer_all(client, first)
    saved = StepAnswer.objects.get(step=slug).data
    response = answer(client, first, slug, {**VALID[slug], field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert f'href="#id_{field}' in html  # the summary links to the field
    assert StepAnswer.objects.get(step=slug).data == saved


def test_the_retail_price_is_asked_without_vat_or_sales_tax(client, first):
    """A UK or EU shelf price includes VAT: a margin against it would be overstated."""
    answer_all(client, first, upto=ORDER.index("market"))
    html = client.get(step_url(first, "market")).content.decode()
    assert "Without VAT or sales tax, as your shop would keep it" in html


def test_the_project_name_is_stored_exactly_as_typed(client, first):
    name = "  Ünïcode & <tags> 'quotes' \"double\"  "
    answer(client, first, "business", {**VALID["business"], "project_name": name})
    assert StepAnswer.objects.get(step="business").data["project_name"] == name


def test_steps_take_few_queries(client, first, django_assert_max_num_queries):
    answer_all(client, first, upto=3)
    with django_assert_max_num_queries(2):  # the session; the wizard with its answers
        client.get(step_url(first, "timeline"))
    # The session; the wizard with its answers; the answer written in one statement (and, on
    # SQLite, the BEGIN and COMMIT around it); the wizard's updated_at.
    with django_assert_max_num_queries(6):
        answer(client, first, "timeline")


def test_saving_a_step_again_changes_its_one_row(client, first):
    answer(client, first, "business")
    saved = StepAnswer.objects.get(step="business")
    wizard_touched = Submission.objects.get().updated_at
    answer(client, first, "business", {**VALID["business"], "positioning": "budget"})
    again = StepAnswer.objects.get(step="business")
    assert (again.pk, again.created_at) == (saved.pk, saved.created_at)
    assert again.data["positioning"] == "budget"
    assert again.updated_at > saved.updated_at
    assert Submission.objects.get().updated_at > wizard_touched


def test_a_step_shows_what_was_saved_and_not_another_buyers_answers(client, first):
    """The drawn form is kept per values: a second buyer's empty step must not show the first
    buyer's answers, nor the first buyer's step the empty form."""
    answer(client, first, "business", {**VALID["business"], "project_name": "Kept apart"})
    assert "Kept apart" in client.get(first).content.decode()
    other = Client()
    other_first = start(other)
    html = other.get(other_first).content.decode()
    assert "Kept apart" not in html
    assert "checked" not in html


def test_the_review_lists_answers_in_question_order_whatever_order_they_are_stored_in(
    client, first
):
    """Issue 27: PostgreSQL's jsonb keeps keys in its own order (shortest first)."""
    from advisor import answers, steps

    review = answer_all(client, first)["Location"]
    for saved in StepAnswer.objects.all():
        saved.data = dict(reversed(list(saved.data.items())))  # as a database may hand it back
        saved.save()
    html = client.get(review).content.decode()
    questions = [
        str(answers.LABELS[name]) for step in steps.STEPS for name in step.form_class.base_fields
    ]
    positions = [html.index(question.replace("'", "&#x27;")) for question in questions]
    assert positions == sorted(positions)


def test_the_start_page_counts_the_steps_the_progress_bar_counts(client, db):
    from advisor import steps

    html = client.get("/wizard/").content.decode()
    assert f"{steps.TOTAL} short steps" in html
    url = client.post("/wizard/")["Location"]
    assert f"Step 1 of {steps.TOTAL}" in client.get(url).content.decode()


def test_the_landing_page_describes_itself_to_search_engines(client, db):
    html = client.get("/").content.decode()
    assert '<meta name="description" content="A three-minute check for jewelry brands' in html
