"""The rules' properties over the whole answer space (Hypothesis): more money, time or volume
never moves the advice away from OEM, the result is well formed, every suggested change does
what it says. Examples per test: the Hypothesis profile's (tests/conftest.py)."""

import dataclasses
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from advisor import rules
from advisor.rules import Answers, Model, Thresholds, Verdict, evaluate
from tests.test_rules import DEFAULTS, TODAY


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
    base_metal=st.none() | _choice(rules.BaseMetal),
    piece_weight_g=st.none() | st.decimals(Decimal("0.1"), Decimal("1000"), places=1),
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
        courier_first_kg_usd=draw(st.integers(0, 200)),
        courier_extra_kg_usd=draw(st.integers(0, 100)),
        courier_insurance_per_1000_usd=draw(st.integers(0, 100)),
        inspection_min_order_usd=draw(st.integers(0, 100_000)),
        stock_order_max_units=draw(st.integers(1, max(odm_moq[0] - 1, 1))),
        stock_dispatch_weeks=draw(st.integers(0, odm_lead[0])),
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
    # Past the stock quantity, ODM stops being a purchase from stock and becomes a development
    # order with samples and a minimum: a real step, which may rule ODM out (docs/rules.md).
    assume(
        (a.units_per_design <= t.stock_order_max_units)
        == (more.units_per_design <= t.stock_order_max_units)
    )
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


@PROPERTY
@given(a=answer_space, t=thresholds_space, extra=st.integers(1, 10_000_000))
def test_more_total_budget_never_moves_away_from_oem(a, t, extra):
    start = a.total_budget_usd if a.total_budget_usd is not None else a.upfront_budget_usd
    given = dataclasses.replace(a, total_budget_usd=start)
    more = dataclasses.replace(a, total_budget_usd=min(start + extra, 10_000_000))
    assert rank(more, t) >= rank(given, t)
