"""The rules' money: cash to the first delivery, sample credits, and the budgets it is held
against. No database, no request."""

from decimal import Decimal

from advisor import rules
from advisor.rules import Model, evaluate
from tests.test_rules import DEFAULTS, STARTUP_SIX_WEEKS, TODAY, answers, blockers, fit


def test_cash_to_first_delivery_counts_the_order_inspection_freight_duty_and_the_sample_credit():
    # 600 units x 3 designs x $12.50 = $22,500 (meets both minimums).
    result = evaluate(answers(units_per_design=600), DEFAULTS, TODAY)
    odm = result.costs[Model.ODM]
    assert odm.first_order_at_moq == Decimal("22500.00")
    assert (odm.deposit, odm.balance) == (Decimal("11250.00"), Decimal("11250.00"))
    # 1,800 pieces of 5 g (no metal given): 9 kg by courier, $25 + 8 x $10, and insurance of
    # $5 per $1,000: $112.50.
    assert odm.freight == Decimal("217.50")
    # 3 catalogue samples less the courier of their parcel (one kilogram, $25).
    assert odm.sample_credit == Decimal("125.00")
    # Markets not given: the highest default duty of all, the US's 19 % of the order's price.
    assert (odm.duty_percent, odm.duty) == (19, Decimal("4275.00"))
    # 150 samples + 22,500 order - 125 credit + 300 inspection + 217.50 freight + 4,275 duty
    assert odm.cash_to_first_delivery == (Decimal("27317.50"),) * 2
    oem = result.costs[Model.OEM]
    assert oem.sample_credit == 0  # OEM development samples are not credited
    # 6,140 + 22,500 + 300 + 217.50 + 4,275
    assert oem.cash_to_first_delivery[0] == Decimal("33432.50")


def test_the_duty_is_the_highest_default_of_the_buyers_markets():
    eu_only = evaluate(answers(units_per_design=600, target_markets=("eu",)), DEFAULTS, TODAY)
    odm = eu_only.costs[Model.ODM]
    assert (odm.duty_percent, odm.duty) == (4, Decimal("900.00"))  # 4 % of $22,500
    both = evaluate(answers(units_per_design=600, target_markets=("eu", "us")), DEFAULTS, TODAY)
    assert both.costs[Model.ODM].duty_percent == 19


def test_silver_and_solid_gold_pay_the_precious_metal_duty_other_pieces_the_base_metal_one():
    def duty(metal: str | None, *markets: str) -> int:
        plan = answers(units_per_design=600, base_metal=metal, target_markets=markets)
        return evaluate(plan, DEFAULTS, TODAY).costs[Model.ODM].duty_percent

    for metal in ("sterling_silver", "solid_gold"):
        assert (duty(metal, "us"), duty(metal, "eu"), duty(metal, "uk")) == (13, 3, 3)
        assert duty(metal, "eu", "other") == 12  # other markets: one figure for both
    for metal in ("brass", "stainless_steel", "zinc_alloy", "other", None):
        assert (duty(metal, "us"), duty(metal, "eu"), duty(metal, "uk")) == (19, 4, 4)
    # Markets not known: the highest of all four, at the metal's rates.
    assert (duty("solid_gold"), duty("brass")) == (13, 19)


def test_a_credit_never_exceeds_the_order():
    tiny = evaluate(
        answers(unit_cost_usd=Decimal("0.01"), units_per_design=50, design_count=1),
        DEFAULTS,
        TODAY,
    )
    assert tiny.costs[Model.ODM].sample_credit == Decimal("0.50")


def test_a_total_budget_below_the_cash_to_first_delivery_blocks_the_model():
    # ODM needs $27,317.50 until the first delivery; OEM needs $33,432.50.
    result = evaluate(answers(units_per_design=600, total_budget_usd=30_000), DEFAULTS, TODAY)
    assert blockers(result, Model.OEM) == {"upfront-costs"}
    assert not blockers(result, Model.ODM)
    oem = next(b for b in result.blockers if b.model == Model.OEM)
    assert oem.reason.render().startswith(
        "Your total budget of $30,000 is below the $33,432.50 that OEM needs until the first "
        "delivery arrives: $6,140 before the order, $22,500 for the order (600 units a design), "
        "$300 for inspection, $217.50 for freight and $4,275 for import duty, less $0 of sample "
        "fees credited."
    )
    assert oem.lift.render() == "A total budget of at least $33,433 lifts the OEM cash blocker."
    assert oem.lifted.total_budget_usd == 33_433
    assert not rules.decide(oem.lifted, DEFAULTS, TODAY).blocked(Model.OEM)


def test_without_a_total_budget_no_cash_blocker_is_guessed():
    assert not evaluate(answers(), DEFAULTS, TODAY).blockers


def test_short_on_both_budgets_is_one_blocker_with_both_changes():
    short = answers(units_per_design=600, upfront_budget_usd=1_000, total_budget_usd=1_000)
    result = evaluate(short, DEFAULTS, TODAY)
    oem = next(b for b in result.blockers if b.model == Model.OEM)
    assert oem.lift.render() == (
        "An upfront budget of at least $6,140 and a total budget of at least $33,433 lift the "
        "OEM money blockers."
    )
    assert [b.factor for b in result.blockers if b.model == Model.OEM] == ["upfront-costs"]
    assert "Your upfront budget of $1,000" in oem.reason.render()
    assert "Your total budget of $1,000" in oem.reason.render()


def test_a_tooling_blocker_says_the_figure_is_a_programme_and_a_quote_replaces_it():
    result = evaluate(STARTUP_SIX_WEEKS, DEFAULTS, TODAY)
    oem_money = next(
        b for b in result.blockers if (b.model, b.factor) == (Model.OEM, "upfront-costs")
    )
    for text in (oem_money.reason.render(), fit(result, "upfront-costs").reason.render()):
        assert "the source's range for a whole development programme" in text
        assert "a factory's quote replaces this figure" in text


def test_a_forced_minimum_for_gold_or_silver_is_said_to_be_the_source_s_for_every_metal():
    """An 18K piece costs many times a brass one: the cash blocker a forced minimum makes says
    the minimum is the source's, one for every metal, for the buyer to ask factories theirs."""

    def reason(metal: str, **extra) -> str:
        plan = answers(units_per_design=60, total_budget_usd=10_000, base_metal=metal, **extra)
        result = evaluate(plan, DEFAULTS, TODAY)
        (oem,) = [
            b for b in result.blockers if b.model == Model.OEM and b.factor == "upfront-costs"
        ]
        return oem.reason.render()

    gold = reason("solid_gold", karat="18k", piece_weight_g=Decimal("2.5"))
    assert "OEM's minimum of 500 units a design is the source's figure, the same for every " in gold
    assert "ask factories for their minimum in solid gold" in gold
    assert "their minimum in sterling silver" in reason("sterling_silver")
    assert "the source's figure" not in reason("brass")
