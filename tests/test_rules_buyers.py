"""The rules at the market's edges: a wholesale tester buying from stock, inspection and
freight that scale with the order, and a re-run that changes only its quote's model. No
database, no request."""

import dataclasses
from datetime import timedelta
from decimal import Decimal

import pytest

from advisor import rules
from advisor.rules import Incoterm, Model, Quote, Verdict, evaluate
from advisor.rules.types import Schedule
from tests.test_rules import DEFAULTS, STARTUP_SIX_WEEKS, TODAY, answers

# The wholesale tester: brass, 5 pieces of each of 40 designs at $2, $800 to spend,
# eight weeks to the launch.
WHOLESALE_TESTER = answers(
    company_stage="startup",
    positioning="budget",
    demand_evidence="untested",
    upfront_budget_usd=800,
    unit_cost_usd=Decimal("2.00"),
    units_per_design=5,
    design_count=40,
    launch_date=TODAY + timedelta(weeks=8),
    design_readiness="none",
    ip_importance="unimportant",
    customization="branding_only",
    qc_capability="none",
    risk_tolerance="low",
    base_metal="brass",
)


def test_a_wholesale_tester_buys_stock_for_the_order_a_courier_parcel_and_duty():
    result = evaluate(WHOLESALE_TESTER, DEFAULTS, TODAY)
    assert result.verdict == Verdict.ODM
    odm = result.costs[Model.ODM]
    assert odm.from_stock
    assert (odm.samples, odm.design_fees, odm.upfront, odm.inspection) == (0, 0, (0, 0), 0)
    assert not odm.moq_forced
    # 200 brass pieces of 6 g: 1.2 kg, two kilograms started ($25 + $10), insured at $5 per
    # $1,000 of the $400 order ($2).
    assert odm.freight == Decimal("37.00")
    # Markets not given: the highest default duty, 19 % of the $400 order.
    assert odm.duty == Decimal("76.00")
    assert odm.cash_to_first_delivery == (Decimal("513.00"),) * 2
    assert result.timeline.odm_schedule == Schedule.FITS_EVEN_IF_SLOW
    assert "Neither" not in result.summary.render()
    assert "$513" in result.summary.render()


def test_one_piece_over_the_stock_quantity_is_a_development_order_at_the_odm_minimum():
    result = evaluate(dataclasses.replace(WHOLESALE_TESTER, units_per_design=6), DEFAULTS, TODAY)
    odm = result.costs[Model.ODM]
    assert not odm.from_stock
    assert (odm.order_units_per_design, odm.moq_forced) == (50, True)
    assert odm.samples == 40 * 50


@pytest.mark.parametrize(
    ("units", "inspection"),
    # $12.50 x 3 designs: 79 units make $2,962.50, 80 make $3,000.
    [(79, 0), (80, 300)],
)
def test_a_paid_inspection_is_counted_from_the_order_value_staff_set(units, inspection):
    costs = evaluate(answers(units_per_design=units), DEFAULTS, TODAY).costs[Model.ODM]
    assert costs.first_order_at_moq >= Decimal("2962.50")
    assert costs.inspection == inspection


def test_the_sample_credit_never_includes_the_courier_of_the_samples():
    thresholds = dataclasses.replace(DEFAULTS, odm_sample_fee_usd=20)
    costs = evaluate(answers(design_count=1), thresholds, TODAY).costs[Model.ODM]
    # $20 paid, of which the parcel's first kilogram ($25) is courier: nothing to credit.
    assert (costs.samples, costs.sample_credit) == (20, 0)


def test_the_buyers_weight_of_a_piece_decides_the_freight():
    light = evaluate(answers(piece_weight_g=Decimal("2")), DEFAULTS, TODAY).costs[Model.ODM]
    heavy = evaluate(answers(piece_weight_g=Decimal("40")), DEFAULTS, TODAY).costs[Model.ODM]
    # 300 x 3 pieces: 1.8 kg or 36 kg; insurance on $11,250 is $56.25 either way.
    assert light.freight == Decimal("35.00") + Decimal("56.25")
    assert heavy.freight == Decimal("375.00") + Decimal("56.25")


OEM_QUOTE = Quote(
    supplier="Ningbo Casting",
    model=Model.OEM,
    unit_price_usd=Decimal("5.00"),
    moq_per_design=300,
    tooling_per_design_usd=Decimal("666.67"),
    designs=3,
    sample_fee_usd=Decimal("100"),
    lead_time_weeks_min=14,
    lead_time_weeks_max=16,
    incoterm=Incoterm.EXW,
    deposit_percent=Decimal("30"),
    freight_per_piece_usd=Decimal("0.80"),
)


def test_a_rerun_changes_only_the_model_its_quote_is_for():
    plan = answers()
    before = evaluate(plan, DEFAULTS, TODAY)
    quoted_answers, quoted = rules.with_quote(plan, DEFAULTS, OEM_QUOTE)
    after = evaluate(quoted_answers, quoted, TODAY)
    assert after.costs[Model.ODM] == before.costs[Model.ODM]
    oem = after.costs[Model.OEM]
    assert oem.first_order_at_moq == Decimal("4500.00")  # 300 x 3 x the quote's $5
    assert oem.freight == Decimal("720.00")  # 900 pieces x the quote's $0.80
    assert quoted_answers.unit_cost_usd == plan.unit_cost_usd


def test_a_range_whose_ends_agree_reads_as_one_figure():
    figures = {name: figure.default for name, figure in rules.FIGURES.items()}
    figures |= {"odm_moq_min_units": 300, "odm_moq_max_units": 300}
    text = "Usually {odm_moq_min_units} to {odm_moq_max_units} pieces; OEM {oem_moq_min_units}-{oem_moq_max_units}."
    assert rules.fill_figures(text, figures) == "Usually 300 pieces; OEM 500-1,000."


# The solid-gold label: 150 pieces of each of 8 designs, 18K, 3 g a piece.
GOLD_LABEL = answers(
    company_stage="established",
    positioning="premium",
    upfront_budget_usd=60_000,
    total_budget_usd=200_000,
    unit_cost_usd=Decimal("200"),
    units_per_design=150,
    design_count=8,
    base_metal="solid_gold",
    karat="18k",
    piece_weight_g=Decimal("3"),
)


def test_a_gold_piece_costs_at_least_its_metal_and_making_at_the_staffs_price():
    gold = rules.gold_piece(GOLD_LABEL, DEFAULTS)
    # 3 g x 750/1000 = 2.25 g of fine gold at $4,000 / 31.1035 g = $289.36; making $10 a gram.
    assert gold.metal == Decimal("289.36")
    assert gold.cost == Decimal("319.36")
    result = evaluate(GOLD_LABEL, DEFAULTS, TODAY)
    assert result.costs[Model.OEM].unit_cost == Decimal("319.36")  # above the $200 expected
    assert "more than the $200 you expected" in result.summary.render()
    assert "(set on 2025-10-08)" in result.summary.render()
    generous = dataclasses.replace(GOLD_LABEL, unit_cost_usd=Decimal("450"))
    assert evaluate(generous, DEFAULTS, TODAY).costs[Model.OEM].unit_cost == Decimal("450")


def test_a_gold_sample_costs_at_least_its_gold_and_making():
    result = evaluate(GOLD_LABEL, DEFAULTS, TODAY)
    # $319.36 a piece, rounded up: above the $50 ODM and $150 OEM base-metal sample fees.
    assert result.costs[Model.ODM].samples == 320 * 8
    assert result.costs[Model.OEM].samples == 320 * 2 * 8
    silver = evaluate(
        dataclasses.replace(GOLD_LABEL, base_metal="sterling_silver"), DEFAULTS, TODAY
    )
    assert silver.costs[Model.ODM].samples == 50 * 8


def test_an_old_gold_price_is_said_to_be_old():
    said = evaluate(GOLD_LABEL, DEFAULTS, TODAY).summary.render()
    # Set on 2025-10-08, 509 days before 2027-03-01.
    assert "That gold price is 509 days old: check today's price" in said
    fresh = dataclasses.replace(DEFAULTS, gold_price_set_on=TODAY - timedelta(days=30))
    assert "days old" not in evaluate(GOLD_LABEL, fresh, TODAY).summary.render()


def test_gold_ships_as_a_light_insured_parcel_not_a_share_of_its_value():
    odm = evaluate(GOLD_LABEL, DEFAULTS, TODAY).costs[Model.ODM]
    # 1,200 pieces of 3 g: 3.6 kg ($25 + 3 x $10) and $5 per $1,000 of insurance.
    assert odm.freight == Decimal("55") + (odm.first_order_at_moq * 5 / 1000).quantize(
        Decimal("0.01")
    )
    assert odm.freight < odm.first_order_at_moq / 100


def test_a_hybrids_stock_order_is_dated_by_stock_not_by_a_development_lead_time():
    premium_tester = dataclasses.replace(
        WHOLESALE_TESTER,
        positioning="premium",
        ip_importance="essential",
        upfront_budget_usd=3_000,
        launch_date=TODAY + timedelta(weeks=10),
    )
    result = evaluate(premium_tester, DEFAULTS, TODAY)
    assert result.verdict == Verdict.HYBRID
    first_step = result.plan[0].render()
    assert "from a factory's stock" in first_step
    assert "stock comes without your brand" in first_step and "under your brand" not in first_step
    # A week to ship, a week in transit, and what is left of the New Year closure on 2027-03-01.
    assert "It takes 3 weeks, so confirm the order by" in first_step
    assert "only if the factory is fast" not in first_step


def test_a_re_runs_quoted_price_is_not_contradicted_by_the_gold_sentence():
    quote = dataclasses.replace(OEM_QUOTE, unit_price_usd=Decimal("260"))
    oem_label = dataclasses.replace(
        GOLD_LABEL, karat="14k", unit_cost_usd=Decimal("100"), total_budget_usd=2_000_000
    )
    _, quoted = rules.with_quote(oem_label, DEFAULTS, quote)
    result = evaluate(oem_label, quoted, TODAY)
    assert result.verdict == Verdict.OEM
    assert result.costs[Model.OEM].unit_cost == Decimal("260")
    assert "so the costs use" not in result.summary.render()
    # The quote's price moves with gold as much as ours: the contract still fixes the day.
    assert (
        "agree in the contract which day's gold price the order is made at, and the price an ounce the quote assumes"
        in result.summary.render()
    )
    # Without the quote, the same buyer is told what the gold costs.
    assert "so the costs use $255.70" in evaluate(oem_label, DEFAULTS, TODAY).summary.render()


def test_a_buyer_who_wants_the_design_is_told_to_file_in_china_before_sending_it():
    for ip in ("essential", "preferred"):
        result = evaluate(dataclasses.replace(GOLD_LABEL, ip_importance=ip), DEFAULTS, TODAY)
        reason = next(f for f in result.factors if f.slug == "design-ownership").reason.render()
        assert "To own your brand and designs in China, file there first: your trademark" in reason
    result = evaluate(dataclasses.replace(GOLD_LABEL, ip_importance="unimportant"), DEFAULTS, TODAY)
    reason = next(f for f in result.factors if f.slug == "design-ownership").reason.render()
    assert "China" not in reason


def test_a_gold_sample_fee_a_supplier_quoted_stands_as_quoted():
    quoted = dataclasses.replace(
        OEM_QUOTE, unit_price_usd=Decimal("450"), sample_fee_usd=Decimal("60")
    )
    _, t = rules.with_quote(GOLD_LABEL, DEFAULTS, quoted)
    costs = rules.costs_for(Model.OEM, GOLD_LABEL, t)
    assert costs.samples == 60 * t.oem_sampling_rounds * GOLD_LABEL.design_count


def test_an_odm_launch_that_fits_only_if_fast_says_to_ask_for_the_samples_by_a_day():
    tight = dataclasses.replace(STARTUP_SIX_WEEKS, launch_date=TODAY + timedelta(weeks=8))
    result = evaluate(tight, DEFAULTS, TODAY)
    assert result.verdict == Verdict.ODM
    said = result.summary.render()
    assert (
        "ODM meets your launch only if the factory is fast (6 weeks, choosing and sampling" in said
    )
    assert "ask for the samples by" in said
