"""The rules, with no database and no request: scenarios from the issue, then properties."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import rules
from advisor.rules import Answers, Fit, Model, Thresholds, Verdict, evaluate

# Spring: no Chinese New Year inside even the longest default schedule (tests of the shutdown
# choose their own day).
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
    earliest = (TODAY + timedelta(weeks=14)).isoformat()
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
    assert "4 units a design" in moq.reason.render()
    assert "2 to 5" in moq.reason.render()
    assert result.costs[Model.ODM].order_units_per_design == 50
    assert result.costs[Model.ODM].moq_forced


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
    marked = result.summary.render(lambda text: f"[{text}]")
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


# --- properties over the whole answer space -------------------------------------------------


def _choice(enum):
    return st.sampled_from([member.value for member in enum])


answer_space = st.builds(
    Answers,
    project_name=st.text(max_size=120),
    company_stage=_choice(rules.CompanyStage),
    positioning=_choice(rules.Positioning),
    demand_evidence=_choice(rules.DemandEvidence),
    upfront_budget_usd=st.integers(0, 10_000_000),
    unit_cost_usd=st.decimals(Decimal("0.01"), Decimal("100000"), places=2),
    units_per_design=st.integers(1, 1_000_000),
    design_count=st.integers(1, 500),
    launch_date=st.integers(1, 5 * 365).map(lambda days: TODAY + timedelta(days=days)),
    design_readiness=_choice(rules.DesignReadiness),
    ip_importance=_choice(rules.IpImportance),
    customization=_choice(rules.Customization),
    qc_capability=_choice(rules.QcCapability),
    risk_tolerance=_choice(rules.RiskTolerance),
    total_budget_usd=st.none() | st.integers(0, 10_000_000),
)


@st.composite
def sane_thresholds(draw):
    """Any thresholds staff could save (see Thresholds.clean): minimums at most maximums, ODM
    no slower than OEM and its samples no dearer than OEM's sampling."""

    def pair(low, high):
        a, b = draw(st.integers(low, high)), draw(st.integers(low, high))
        return min(a, b), max(a, b)

    tooling, molds = pair(0, 100_000), pair(0, 500)
    oem_sample_fee, rounds = draw(st.integers(0, 1_000)), draw(st.integers(1, 5))
    oem_moq, wholesale = pair(1, 5_000), pair(1, 20)
    odm_moq = pair(1, oem_moq[0])
    oem_lead = pair(1, 52)
    odm_lead = pair(0, oem_lead[0])
    weights = {slug: Decimal(draw(st.integers(0, 50))) / 10 for slug in rules.FACTOR_SLUGS}
    return Thresholds(
        oem_tooling_min_usd=tooling[0],
        oem_tooling_max_usd=tooling[1],
        oem_molds_per_design_min_usd=molds[0],
        oem_molds_per_design_max_usd=molds[1],
        odm_sample_credit_percent=draw(st.integers(0, 100)),
        express_freight_percent=draw(st.integers(0, 30)),
        oem_sample_fee_usd=oem_sample_fee,
        oem_sampling_rounds=rounds,
        odm_sample_fee_usd=draw(st.integers(0, oem_sample_fee * rounds)),
        cad_design_fee_usd=draw(st.integers(0, 500)),
        inspection_fee_usd=draw(st.integers(0, 1_000)),
        oem_moq_min_units=oem_moq[0],
        oem_moq_max_units=oem_moq[1],
        odm_moq_min_units=odm_moq[0],
        odm_moq_max_units=odm_moq[1],
        wholesale_moq_min_units=wholesale[0],
        wholesale_moq_max_units=wholesale[1],
        oem_lead_time_min_weeks=oem_lead[0],
        oem_lead_time_max_weeks=oem_lead[1],
        odm_lead_time_min_weeks=odm_lead[0],
        odm_lead_time_max_weeks=max(odm_lead[1], draw(st.integers(odm_lead[0], 52))),
        transit_express_weeks=draw(st.integers(0, 4)),
        oem_deposit_percent=draw(st.integers(0, 100)),
        odm_deposit_percent=draw(st.integers(0, 100)),
        weights=weights,
    )


thresholds_space = st.one_of(st.just(DEFAULTS), sane_thresholds())
# As many examples as the Hypothesis profile says (tests/conftest.py): 200 in CI.
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rank(a: Answers, t: Thresholds) -> int:
    return rules.RANK[evaluate(a, t, TODAY).verdict]


@PROPERTY
@given(a=answer_space, t=thresholds_space, extra=st.integers(1, 10_000_000))
def test_more_upfront_budget_never_moves_away_from_oem(a, t, extra):
    budget = min(a.upfront_budget_usd + extra, 10_000_000)
    # The total budget includes the upfront one: a buyer who has more upfront has at least that.
    total = None if a.total_budget_usd is None else max(a.total_budget_usd, budget)
    more = dataclasses.replace(a, upfront_budget_usd=budget, total_budget_usd=total)
    assert rank(more, t) >= rank(a, t)


@PROPERTY
@given(a=answer_space, t=thresholds_space, extra_days=st.integers(1, 5 * 365))
def test_more_weeks_until_launch_never_move_away_from_oem(a, t, extra_days):
    later = dataclasses.replace(a, launch_date=a.launch_date + timedelta(days=extra_days))
    assert rank(later, t) >= rank(a, t)


@PROPERTY
@given(a=answer_space, t=thresholds_space, extra=st.integers(1, 1_000_000))
def test_more_units_per_design_never_move_away_from_oem(a, t, extra):
    # Without a total budget: with one, a bigger order needs more cash, and may rightly rule a
    # model out (see docs/rules.md).
    a = dataclasses.replace(a, total_budget_usd=None)
    more = dataclasses.replace(a, units_per_design=min(a.units_per_design + extra, 1_000_000))
    assert rank(more, t) >= rank(a, t)


@PROPERTY
@given(a=answer_space, t=thresholds_space)
def test_it_is_deterministic_and_well_formed(a, t):
    first, second = evaluate(a, t, TODAY), evaluate(a, t, TODAY)
    assert first == second
    assert [f.slug for f in first.factors] == list(rules.FACTOR_SLUGS)
    assert 0.0 <= first.confidence <= 1.0
    # A blocked model is never recommended over one that is not.
    if first.blocked(Model.OEM) and not first.blocked(Model.ODM):
        assert first.verdict != Verdict.OEM
    if first.blocked(Model.ODM) and not first.blocked(Model.OEM):
        assert first.verdict == Verdict.OEM
    # Every blocker comes with the change that lifts it, first in what_would_change.
    assert [c.change for c in first.what_would_change[: len(first.blockers)]] == [
        b.lift for b in first.blockers
    ]
    assert first.summary.render()


@PROPERTY
@given(a=answer_space, t=thresholds_space)
def test_every_suggested_change_does_what_it_says(a, t):
    result = evaluate(a, t, TODAY)
    for blocker in result.blockers:
        lifted = rules.decide(blocker.lifted, t, TODAY)
        assert (blocker.model, blocker.factor) not in {(b.model, b.factor) for b in lifted.blockers}
    tipping = result.what_would_change[len(result.blockers) :]
    assert len(tipping) <= 1
    for change in tipping:
        outcome = rules.decide(change.answers, t, TODAY).verdict
        assert outcome != result.verdict
        assert change.change.render().endswith(
            f"would make the advice {rules.VERDICT_WORDS[outcome]}."
        )


def test_no_designs_yet_reads_as_such_not_as_qc():
    result = evaluate(
        answers(design_readiness="none", customization="full_custom"), DEFAULTS, TODAY
    )
    reason = fit(result, "customization-level").reason.render()
    assert "With no designs yet, OEM adds a CAD fee of $50 a design." in reason
    assert "QC" not in reason


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
    assert f"A launch on or after {(TODAY + timedelta(weeks=5)).isoformat()}" in text


@PROPERTY
@given(a=answer_space, t=thresholds_space)
def test_texts_are_whole_and_say_the_cash_to_the_first_delivery(a, t):
    # One property for the texts, so the rules run once per example.
    result = evaluate(a, t, TODAY)
    text = result.summary.render()
    assert "led by ," not in text and "led by ;" not in text and "()" not in text
    assert "%(" not in text
    # Every report says what the model to start with costs until the first delivery.
    model = {"oem": Model.OEM, "neither": result.nearest}.get(result.verdict, Model.ODM)
    low = rules.usd(result.costs[model].cash_to_first_delivery[0])
    assert f"Cash needed until the first {model.name} delivery arrives: about {low}" in text
    # No hedged plurals ("design(s)", "1 units") and no "0 weeks away".
    texts = [text] + [b.reason.render() for b in result.blockers]
    texts += [f.reason.render() for f in result.factors]
    for sentence in texts:
        assert "(s)" not in sentence and " 1 units" not in sentence, sentence
        assert " 0 weeks" not in sentence, sentence


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


def test_cash_to_first_delivery_counts_the_order_inspection_freight_and_the_sample_credit():
    # 600 units x 3 designs x $12.50 = $22,500 (meets both minimums).
    result = evaluate(answers(units_per_design=600), DEFAULTS, TODAY)
    odm = result.costs[Model.ODM]
    assert odm.first_order_at_moq == Decimal("22500.00")
    assert (odm.deposit, odm.balance) == (Decimal("11250.00"), Decimal("11250.00"))
    assert odm.freight == Decimal("1800.00")  # 8 % express freight
    assert odm.sample_credit == Decimal("150.00")  # 3 catalogue samples, credited in full
    # 150 samples + 22,500 order - 150 credit + 300 inspection + 1,800 freight
    assert odm.cash_to_first_delivery == (Decimal("24600.00"),) * 2
    oem = result.costs[Model.OEM]
    assert oem.sample_credit == 0  # OEM development samples are not credited
    assert oem.cash_to_first_delivery[0] == Decimal("30740.00")  # 6,140 + 22,500 + 300 + 1,800


def test_a_credit_never_exceeds_the_order():
    tiny = evaluate(
        answers(unit_cost_usd=Decimal("0.01"), units_per_design=50, design_count=1),
        DEFAULTS,
        TODAY,
    )
    assert tiny.costs[Model.ODM].sample_credit == Decimal("0.50")


def test_a_total_budget_below_the_cash_to_first_delivery_blocks_the_model():
    # ODM needs $24,600 until the first delivery; OEM needs $30,740.
    result = evaluate(answers(units_per_design=600, total_budget_usd=25_000), DEFAULTS, TODAY)
    assert blockers(result, Model.OEM) == {"upfront-costs"}
    assert not blockers(result, Model.ODM)
    oem = next(b for b in result.blockers if b.model == Model.OEM)
    assert oem.reason.render().startswith(
        "Your total budget of $25,000 is below the $30,740 that OEM needs until the first "
        "delivery arrives: $6,140 before the order, $22,500 for the order (600 units a design), "
        "$300 for inspection and $1,800 for express freight, less $0 of sample fees credited."
    )
    assert oem.lift.render() == "A total budget of at least $30,740 lifts the OEM cash blocker."
    assert oem.lifted.total_budget_usd == 30_740
    assert not rules.decide(oem.lifted, DEFAULTS, TODAY).blocked(Model.OEM)


def test_without_a_total_budget_no_cash_blocker_is_guessed():
    assert not evaluate(answers(), DEFAULTS, TODAY).blockers


def test_short_on_both_budgets_is_one_blocker_with_both_changes():
    short = answers(units_per_design=600, upfront_budget_usd=1_000, total_budget_usd=1_000)
    result = evaluate(short, DEFAULTS, TODAY)
    oem = next(b for b in result.blockers if b.model == Model.OEM)
    assert oem.lift.render() == (
        "An upfront budget of at least $6,140 and a total budget of at least $30,740 lift the "
        "OEM money blockers."
    )
    assert [b.factor for b in result.blockers if b.model == Model.OEM] == ["upfront-costs"]
    assert "Your upfront budget of $1,000" in oem.reason.render()
    assert "Your total budget of $1,000" in oem.reason.render()


@PROPERTY
@given(a=answer_space, t=thresholds_space, extra=st.integers(1, 10_000_000))
def test_more_total_budget_never_moves_away_from_oem(a, t, extra):
    start = a.total_budget_usd if a.total_budget_usd is not None else a.upfront_budget_usd
    given = dataclasses.replace(a, total_budget_usd=start)
    more = dataclasses.replace(a, total_budget_usd=min(start + extra, 10_000_000))
    assert rank(more, t) >= rank(given, t)


def test_a_tooling_blocker_says_the_figure_is_a_programme_and_a_quote_replaces_it():
    result = evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY)
    oem_money = next(
        b for b in result.blockers if (b.model, b.factor) == (Model.OEM, "upfront-costs")
    )
    for text in (oem_money.reason.render(), fit(result, "upfront-costs").reason.render()):
        assert "the source's range for a whole development programme" in text
        assert "a factory's quote replaces this figure" in text


def test_the_festival_dates_agree_with_public_calendars():
    from advisor.rules.calendar import festival

    # Public dates: the Year of the Goat began on 2015-02-19, the Monkey on 2016-02-08.
    assert (festival(2015), festival(2016)) == (date(2015, 2, 19), date(2016, 2, 8))
    assert festival(2027) == date(2027, 2, 6)


def test_chinese_new_year_inside_production_is_added_and_named():
    november = date(2026, 11, 26)
    result = evaluate(answers(launch_date=november + timedelta(weeks=30)), DEFAULTS, november)
    tl = result.timeline
    # OEM: 13-22 weeks of production both span 2027-02-06, so 3 weeks more, plus 1 of transit.
    assert (tl.oem_weeks, tl.oem_shutdown_weeks) == ((17, 26), (3, 3))
    # ODM: 4 weeks end before the festival; 13 do not.
    assert (tl.odm_weeks, tl.odm_shutdown_weeks) == ((5, 17), (0, 3))
    assert tl.festival == date(2027, 2, 6)
    assert tl.oem_earliest_launch == november + timedelta(weeks=17)
    reason = fit(result, "lead-time").reason.render()
    assert "Chinese New Year (2027-02-06) falls inside OEM production" in reason
    assert "close for about 3 weeks" in reason


def test_a_launch_inside_the_shutdown_is_a_lead_time_blocker_that_names_it():
    november = date(2026, 11, 26)
    result = evaluate(answers(launch_date=november + timedelta(weeks=15)), DEFAULTS, november)
    blocker = next(b for b in result.blockers if (b.model, b.factor) == (Model.OEM, "lead-time"))
    assert blocker.reason.render() == (
        "Your launch on 2027-03-11 is 15 weeks away. OEM needs at least 17 weeks: lead time 13, "
        "the Chinese New Year shutdown 3 and express transit 1."
    )


def test_without_a_shutdown_figure_the_festival_changes_nothing():
    november = date(2026, 11, 26)
    no_shutdown = dataclasses.replace(DEFAULTS, cny_shutdown_weeks=0)
    tl = evaluate(answers(), no_shutdown, november).timeline
    assert (tl.oem_weeks, tl.festival) == ((14, 23), None)


@pytest.mark.parametrize(
    ("weeks", "oem", "odm"),
    [
        (23, "fits_even_if_slow", "fits_even_if_slow"),
        (22, "fits_only_if_fast", "fits_even_if_slow"),
        (14, "fits_only_if_fast", "fits_even_if_slow"),
        (13, "does_not_fit", "fits_only_if_fast"),
        (10, "does_not_fit", "fits_only_if_fast"),
        (4, "does_not_fit", "does_not_fit"),
    ],
)
def test_each_model_says_whether_it_fits_even_if_the_factory_is_slow(weeks, oem, odm):
    tl = evaluate(answers(launch_date=TODAY + timedelta(weeks=weeks)), DEFAULTS, TODAY).timeline
    assert (tl.oem_schedule, tl.odm_schedule) == (oem, odm)


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
    assert fit(single, "moq-requirements").reason.render().startswith("1 unit a design is below")
    hybrid = evaluate(
        answers(
            positioning="premium", upfront_budget_usd=3_000, launch_date=TODAY + timedelta(weeks=6)
        ),
        DEFAULTS,
        TODAY,
    )
    assert "(upfront costs and lead time)" in hybrid.summary.render()


def test_a_hybrid_gets_a_dated_plan_in_its_own_figures():
    short = answers(
        positioning="premium", upfront_budget_usd=3_000, launch_date=TODAY + timedelta(weeks=6)
    )
    result = evaluate(short, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    now, development, then = (step.render() for step in result.plan)
    assert now.startswith("Now: order 300 units of each of your 3 designs")
    assert "holds only if the factory is fast" in now  # 6 weeks: ODM takes 5 to 14
    assert development.startswith("Next, once you have the money (an upfront budget of $6,140)")
    assert then == (
        "Then: move a design to OEM once it has sold about 500 units through your ODM line, "
        "enough to fill OEM's minimum order."
    )
    summary = result.summary.render()
    assert "OEM needs a launch from 2027-06-07 and an upfront budget of $6,140." in summary
    assert "lifts the" not in summary  # conditions in words, not pasted blocker sentences


def test_a_hybrid_that_can_afford_oem_starts_development_now():
    funded = answers(
        positioning="premium", upfront_budget_usd=30_000, launch_date=TODAY + timedelta(weeks=20)
    )
    result = evaluate(funded, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    now, development, _then = (step.render() for step in result.plan)
    assert "confirm the order by 2027-04-12 for your launch on 2027-07-19" in now
    assert development.startswith("Also now: start OEM development of your hero designs")
    assert "OEM pieces can arrive from 2027-06-07, 14 weeks from today" in development


def test_only_a_hybrid_has_a_plan():
    assert evaluate(ESTABLISHED_PREMIUM, DEFAULTS, TODAY).plan == ()


def test_the_latest_order_day_keeps_clear_of_the_new_year_shutdown():
    from advisor.rules.plan import latest_order_day

    # Ordering on 2026-11-23 (launch minus 13 + 1 weeks) would run into the 2027-02-06
    # festival and arrive three weeks late; the last safe day ends production on the festival.
    day = latest_order_day(date(2027, 3, 1), 13, DEFAULTS, date(2026, 3, 2))
    assert day == date(2026, 11, 7)
    assert latest_order_day(date(2026, 12, 1), 13, DEFAULTS, date(2026, 11, 26)) is None


def test_a_shutdown_already_under_way_counts_its_remaining_weeks():
    from advisor.rules.calendar import production

    # Two days after the 2027 festival, with a 3-week shutdown: 19 days left, so 3 weeks.
    run = production(date(2027, 2, 8), 5, 3)
    assert (run.weeks, run.shutdown_weeks, run.festivals) == (8, 3, (date(2027, 2, 6),))
    assert production(date(2027, 3, 1), 5, 3).shutdown_weeks == 0  # over by then


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
    assert rules.FIGURES["cny_shutdown_weeks"].limits == (0, 8)


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
