"""The rules, with no database and no request: the scenarios; properties, money and the calendar
have files of their own (test_rules_*.py)."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest

from advisor import rules
from advisor.rules import Answers, Fit, Model, Thresholds, Verdict, evaluate

# Spring: the last days of the 2027 New Year closure (full output on 03-06) cost every schedule
# from TODAY one week; no other closure falls inside even the longest default schedule (tests
# of the closure choose their own day).
TODAY = date(2027, 3, 1)
DEFAULTS = Thresholds()


def answers(**overrides) -> Answers:
    base = {
        "project_name": "Test line",
        "company_stage": "growing",
        "positioning": "mid_market",
        "demand_evidence": "early_sales",
        "upfront_budget_usd": 20_000,
        "unit_cost_usd": Decimal("12.50"),
        "units_per_design": 300,
        "design_count": 3,
        "launch_date": TODAY + timedelta(weeks=20),
        "design_readiness": "sketches",
        "ip_importance": "preferred",
        "customization": "minor_changes",
        "qc_capability": "third_party",
        "risk_tolerance": "medium",
    }
    return Answers(**{**base, **overrides})


STARTUP_SIX_WEEKS = answers(
    company_stage="startup",
    positioning="budget",
    demand_evidence="untested",
    upfront_budget_usd=3_000,
    units_per_design=100,
    launch_date=TODAY + timedelta(weeks=6),
    design_readiness="none",
    ip_importance="unimportant",
    customization="branding_only",
    qc_capability="none",
    risk_tolerance="low",
)
ESTABLISHED_PREMIUM = answers(
    company_stage="established",
    positioning="premium",
    demand_evidence="proven",
    upfront_budget_usd=250_000,
    units_per_design=800,
    launch_date=TODAY + timedelta(weeks=26),
    design_readiness="full_specs",
    ip_importance="essential",
    customization="full_custom",
    qc_capability="in_house",
    risk_tolerance="high",
)
PREMIUM_IN_TWO_MONTHS = dataclasses.replace(
    ESTABLISHED_PREMIUM, launch_date=TODAY + timedelta(weeks=8)
)
WHOLESALE_FEW_UNITS = answers(units_per_design=4)


def blockers(result, model):
    return {b.factor for b in result.blockers if b.model == model}


def fit(result, slug):
    return next(f for f in result.factors if f.slug == slug)


def test_it_recommends_odm_for_a_startup_with_little_money_and_six_weeks():
    result = evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY)
    assert result.verdict == Verdict.ODM
    assert blockers(result, Model.OEM) == {"upfront-costs", "lead-time"}
    assert blockers(result, Model.ODM) == set()
    assert "$3,000" in fit(result, "upfront-costs").reason.render()


def test_it_recommends_oem_for_an_established_premium_brand_with_time_and_money():
    result = evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY)
    assert result.verdict == Verdict.OEM
    assert blockers(result, Model.OEM) == set()
    assert result.confidence >= 0.9


def test_it_keeps_a_premium_brand_that_must_launch_in_two_months_off_oem():
    result = evaluate(PREMIUM_IN_TWO_MONTHS, DEFAULTS, TODAY)
    assert result.verdict != Verdict.OEM
    assert result.verdict == Verdict.HYBRID
    assert blockers(result, Model.OEM) == {"lead-time"}
    # Lead time 13, the week left of the New Year closure on TODAY (full output 2027-03-06), transit 1.
    earliest = (TODAY + timedelta(weeks=15)).isoformat()
    lead_time_changes = [c for c in result.what_would_change if c.factor == "lead-time"]
    assert earliest in lead_time_changes[0].change.render()
    assert earliest in result.summary.render()


def test_the_date_it_names_really_lifts_the_lead_time_blocker():
    result = evaluate(PREMIUM_IN_TWO_MONTHS, DEFAULTS, TODAY)
    later = dataclasses.replace(
        PREMIUM_IN_TWO_MONTHS, launch_date=result.timeline.oem_earliest_launch
    )
    day_before = dataclasses.replace(later, launch_date=later.launch_date - timedelta(days=1))
    assert blockers(evaluate(later, DEFAULTS, TODAY), Model.OEM) == set()
    assert blockers(evaluate(day_before, DEFAULTS, TODAY), Model.OEM) == {"lead-time"}


def test_a_wholesale_sized_order_leans_odm_on_moq():
    result = evaluate(WHOLESALE_FEW_UNITS, DEFAULTS, TODAY)
    moq = fit(result, "moq-requirements")
    assert moq.fit == Fit.ODM
    assert "4 units a design is a wholesale quantity" in moq.reason.render()
    assert "2 to 5" in moq.reason.render()
    assert result.costs[Model.ODM].order_units_per_design == 4
    assert not result.costs[Model.ODM].moq_forced


@pytest.mark.parametrize(
    ("units", "expected"),
    [(499, Fit.ODM), (500, Fit.OEM), (600, Fit.OEM), (50, Fit.ODM), (49, Fit.ODM)],
)
def test_moq_fit_turns_at_the_oem_minimum(units, expected):
    result = evaluate(answers(units_per_design=units), DEFAULTS, TODAY)
    assert fit(result, "moq-requirements").fit == expected


def test_it_names_the_answer_and_the_threshold_in_the_moq_reason():
    reason = fit(evaluate(answers(units_per_design=600), DEFAULTS, TODAY), "moq-requirements")
    assert reason.reason.render() == "600 units a design clears the OEM minimum of 500."


def test_upfront_budget_is_held_against_tooling_samples_and_design_fees_only():
    # Three designs from sketches: programme 5,000 + 3 x 30 molds + 3 x 2 rounds x 150
    # + 3 x 50 CAD = 6,140 (and 50,000 + 3 x 50 + 900 + 150 at the top).
    result = evaluate(answers(upfront_budget_usd=6_139), DEFAULTS, TODAY)
    oem = result.costs[Model.OEM]
    assert oem.upfront == (6_140, 51_200)
    assert (oem.molds, oem.samples, oem.design_fees) == ((90, 150), 900, 150)
    assert blockers(result, Model.OEM) == {"upfront-costs"}
    assert (
        blockers(evaluate(answers(upfront_budget_usd=6_140), DEFAULTS, TODAY), Model.OEM) == set()
    )


def test_full_specs_need_no_design_fee():
    result = evaluate(answers(design_readiness="full_specs"), DEFAULTS, TODAY)
    assert result.costs[Model.OEM].design_fees == 0


def test_costs_show_what_the_moq_forces():
    result = evaluate(answers(units_per_design=100, unit_cost_usd=Decimal("10")), DEFAULTS, TODAY)
    oem = result.costs[Model.OEM]
    assert oem.first_order == Decimal("3000.00")  # 100 x $10 x 3 designs
    assert oem.first_order_at_moq == Decimal("15000.00")  # 500 x $10 x 3
    assert oem.moq_extra == Decimal("12000.00")
    assert oem.deposit == Decimal("4500.00")  # 30 % of the order at the MOQ
    odm = result.costs[Model.ODM]
    assert (odm.order_units_per_design, odm.moq_forced, odm.moq_extra) == (100, False, 0)
    assert odm.deposit == Decimal("1500.00")  # 50 %


def test_inspection_is_costed_for_buyers_without_their_own_qc():
    assert (
        evaluate(answers(qc_capability="none"), DEFAULTS, TODAY).costs[Model.OEM].inspection == 300
    )
    assert (
        evaluate(answers(qc_capability="in_house"), DEFAULTS, TODAY).costs[Model.OEM].inspection
        == 0
    )


def test_when_both_models_are_blocked_it_says_so_and_leads_with_the_smallest_change():
    stuck = answers(upfront_budget_usd=0, launch_date=TODAY + timedelta(days=10))
    result = evaluate(stuck, DEFAULTS, TODAY)
    assert blockers(result, Model.ODM) and blockers(result, Model.OEM)
    assert result.verdict == Verdict.NEITHER
    assert result.nearest == Model.ODM
    assert result.summary.render().startswith("Neither OEM nor ODM works as answered")
    first = result.what_would_change[0]
    assert (
        first.change.render()
        == "An upfront budget of at least $150 lifts the ODM upfront-cost blocker."
    )
    assert result.confidence < 0.5


def test_what_would_change_is_computed_and_really_changes_the_answer():
    result = evaluate(answers(), DEFAULTS, TODAY)
    tipping = [
        c for c in result.what_would_change if c.factor not in {b.factor for b in result.blockers}
    ]
    assert len(tipping) == 1
    text = tipping[0].change.render()
    outcome = text.rsplit("would make the advice ", 1)[1].removesuffix(".")
    assert outcome in {rules.VERDICT_WORDS[v] for v in Verdict if v != result.verdict}


def test_changed_thresholds_change_the_answer():
    cheaper = dataclasses.replace(DEFAULTS, oem_tooling_min_usd=40)
    assert blockers(evaluate(STARTUP_SIX_WEEKS, cheaper, TODAY), Model.OEM) == {"lead-time"}


def test_weights_decide_how_much_a_factor_counts():
    only_moq = {slug: Decimal(0) for slug in rules.FACTOR_SLUGS} | {"moq-requirements": Decimal(1)}
    weighted = dataclasses.replace(DEFAULTS, weights=only_moq)
    assert evaluate(answers(units_per_design=900), weighted, TODAY).score == 1.0
    assert evaluate(answers(units_per_design=90), weighted, TODAY).score == -1.0


def test_every_report_lists_the_eight_factors_in_order():
    result = evaluate(answers(), DEFAULTS, TODAY)
    assert [f.slug for f in result.factors] == list(rules.FACTOR_SLUGS)


def test_texts_translate_through_the_function_given():
    result = evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY)
    marked = result.summary.render(
        lambda text: f"[{text}]", lambda one, many, n: f"[{one if n == 1 else many}]"
    )
    assert marked.startswith("[Work ODM")
    assert "[upfront costs]" in marked  # the phrases inside the sentence are translated too


def test_week_counts_read_in_the_singular_and_plural():
    one_week = evaluate(answers(launch_date=TODAY + timedelta(days=8)), DEFAULTS, TODAY)
    assert (
        "is 1 week away"
        in next(b for b in one_week.blockers if b.factor == "lead-time").reason.render()
    )
    assert (
        "is 6 weeks away"
        in next(
            b
            for b in evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY).blockers
            if b.factor == "lead-time"
        ).reason.render()
    )


def test_no_designs_yet_reads_as_such_not_as_qc():
    result = evaluate(
        answers(design_readiness="none", customization="full_custom"), DEFAULTS, TODAY
    )
    reason = fit(result, "customization-level").reason.render()
    assert "With no designs yet, OEM adds a CAD fee of $50 a design." in reason
    assert "QC" not in reason


@pytest.mark.parametrize(
    ("wish", "leaning", "said"),
    [
        ("branding_only", Fit.ODM, "stock, which comes without your logo"),
        ("minor_changes", Fit.NEUTRAL, "changes, and your logo on the piece, come with a"),
    ],
)
def test_a_stock_order_promises_no_logo_and_no_change(wish, leaning, said):
    """At a tester's quantity ODM is the factory's stock: its customization reason no longer
    says "an ODM design with your logo and packaging" (a consultant's read: a tester expected
    the logo on 5 pieces a design)."""
    result = evaluate(answers(units_per_design=5, customization=wish), DEFAULTS, TODAY)
    assert result.costs[Model.ODM].from_stock
    factor = fit(result, "customization-level")
    assert factor.fit == leaning
    reason = factor.reason.render()
    assert said in reason and "at least 50 units a design" in reason
    assert "with your logo and packaging does exactly that" not in reason
    catalogue = evaluate(answers(units_per_design=60, customization=wish), DEFAULTS, TODAY)
    assert "stock" not in fit(catalogue, "customization-level").reason.render()


def test_a_balanced_odm_summary_names_no_empty_leaders():
    balanced = answers(
        upfront_budget_usd=20_000,
        units_per_design=600,
        design_count=2,
        launch_date=TODAY + timedelta(weeks=16),
        design_readiness="full_specs",
    )
    result = evaluate(balanced, DEFAULTS, TODAY)
    assert result.verdict == Verdict.ODM
    assert not [f for f in result.factors if f.fit == Fit.ODM]
    assert result.summary.render().startswith("Work ODM: the factors are close to balanced")


def test_a_hybrid_without_oem_goals_does_not_claim_them():
    # No OEM goal (IP preferred, mid-market, branding only), yet most weight leans OEM.
    leaning_oem = answers(
        company_stage="established",
        ip_importance="preferred",
        customization="branding_only",
        upfront_budget_usd=60_000,
        units_per_design=800,
        qc_capability="in_house",
        demand_evidence="proven",
        risk_tolerance="high",
        launch_date=TODAY + timedelta(weeks=8),
    )
    result = evaluate(leaning_oem, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    assert "Most factors lean OEM" in result.summary.render()
    assert "goals" not in result.summary.render()


def test_when_both_are_blocked_the_summary_gives_every_change_the_nearer_model_needs():
    stuck = answers(upfront_budget_usd=0, launch_date=TODAY + timedelta(days=10))
    text = evaluate(stuck, DEFAULTS, TODAY).summary.render()
    assert "ODM becomes possible with these changes" in text
    assert "An upfront budget of at least $150" in text
    # ODM's 4 weeks, the week left of the New Year closure on TODAY, and transit.
    assert f"A launch on or after {(TODAY + timedelta(weeks=6)).isoformat()}" in text


def test_neither_ranks_below_odm_and_only_neither_has_a_nearest_model():
    assert [rules.RANK[v] for v in ("neither", "odm", "hybrid", "oem")] == [0, 1, 2, 3]
    assert evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY).nearest is None


def test_a_forced_oem_minimum_is_said_with_its_cash_and_the_options():
    # The case: an established premium brand, 100 pieces of each of 3 designs, $60,000.
    small_run = dataclasses.replace(
        ESTABLISHED_PREMIUM, upfront_budget_usd=60_000, units_per_design=100, design_count=3
    )
    result = evaluate(small_run, DEFAULTS, TODAY)
    text = result.summary.render()
    costs = result.costs[Model.OEM]
    assert result.verdict == Verdict.OEM and costs.moq_forced
    assert "nothing you told us rules it out" not in text
    assert "at least 500 units a design, not the 100 you planned" in text
    assert f"{rules.usd(costs.moq_extra)} more for the first order" in text
    assert "Ask for a lower minimum, or one your designs can share; order the minimum" in text
    assert "or work ODM, from 50 units a design" in text


def test_nothing_rules_it_out_is_only_said_when_true():
    result = evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY)
    assert not result.costs[Model.OEM].moq_forced and not result.blockers
    assert "nothing you told us rules it out" in result.summary.render()


def test_a_forced_odm_minimum_offers_wholesale_stock():
    result = evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY)
    few = evaluate(dataclasses.replace(STARTUP_SIX_WEEKS, units_per_design=20), DEFAULTS, TODAY)
    assert "ODM factories usually ask" not in result.summary.render()  # 100 meets ODM's 50
    assert "at least 50 units a design, not the 20 you planned" in few.summary.render()
    assert "wholesale stock, from 2 units a design" in few.summary.render()


def test_molds_grow_with_the_designs_and_the_programme_does_not():
    one, ten = (
        evaluate(answers(design_count=n), DEFAULTS, TODAY).costs[Model.OEM] for n in (1, 10)
    )
    assert (one.molds, ten.molds) == ((30, 50), (300, 500))
    assert ten.tooling[0] - one.tooling[0] == 270


def test_lists_read_as_prose_and_counts_agree_with_their_nouns():
    stuck = evaluate(
        answers(upfront_budget_usd=0, launch_date=TODAY + timedelta(days=3)), DEFAULTS, TODAY
    )
    odm_money = next(
        b for b in stuck.blockers if b.model == Model.ODM and b.factor == "upfront-costs"
    )
    assert "ODM samples of your 3 designs cost" in odm_money.reason.render()
    one = evaluate(answers(upfront_budget_usd=0, design_count=1), DEFAULTS, TODAY)
    assert "an ODM sample of your 1 design costs" in one.blockers[0].reason.render()
    lead = next(b for b in stuck.blockers if b.factor == "lead-time")
    assert "is 3 days away" in lead.reason.render()
    assert "leaves 3 days" in fit(stuck, "lead-time").reason.render()
    single = evaluate(answers(units_per_design=1), DEFAULTS, TODAY)
    assert fit(single, "moq-requirements").reason.render().startswith("1 unit a design is a")
    hybrid = evaluate(
        answers(
            positioning="premium", upfront_budget_usd=3_000, launch_date=TODAY + timedelta(weeks=6)
        ),
        DEFAULTS,
        TODAY,
    )
    assert "(upfront costs and lead time)" in hybrid.summary.render()


def test_staff_cannot_make_odm_the_larger_or_slower_start():
    found = rules.problems(
        {"odm_moq_min_units": 1_000, "oem_moq_min_units": 10, "odm_lead_time_min_weeks": 5}
        | {"oem_lead_time_min_weeks": 4}
    )
    assert (
        found["odm_moq_min_units"].render()
        == "ODM's minimum order cannot be above OEM's (10 units)."
    )
    assert "odm_lead_time_min_weeks" in found
    assert rules.FIGURES["cny_stop_before_days"].limits == (0, 30)
    assert rules.FIGURES["cny_full_output_after_weeks"].limits == (0, 8)


def test_a_budget_short_of_the_low_end_is_not_said_to_cover_it():
    result = evaluate(answers(upfront_budget_usd=100, total_budget_usd=100), DEFAULTS, TODAY)
    assert result.verdict == Verdict.NEITHER
    assert "covers the low end only" not in result.summary.render()
    # A budget between the ends of OEM's range is warned about.
    between = evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY).costs[Model.OEM].cash_to_first_delivery
    middle = int((between[0] + between[1]) / 2)
    warned = evaluate(
        dataclasses.replace(
            ESTABLISHED_PREMIUM, upfront_budget_usd=40_000, total_budget_usd=middle
        ),
        DEFAULTS,
        TODAY,
    )
    assert "covers the low end only: get a quote before you commit" in warned.summary.render()
