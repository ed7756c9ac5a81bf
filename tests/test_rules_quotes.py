"""Supplier quotes in the rules, with no database: honest dates (fast and slow, the New Year
closure counted), landed costs that a blank cannot lower, and the ranking with its reasons."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from advisor import rules
from advisor.rules import Incoterm, Model, Quote, Schedule, Thresholds
from advisor.rules.types import FINENESS, TROY_OUNCE_G, Karat
from tests.test_rules import answers

DEFAULTS = Thresholds()
FESTIVAL = date(2027, 2, 6)  # factories stop on 01-30 and are back to full output on 03-06


def quote(**overrides) -> Quote:
    base = {
        "supplier": "A",
        "model": Model.ODM,
        "unit_price_usd": Decimal("10.00"),
        "moq_per_design": 100,
        "tooling_per_design_usd": Decimal(0),
        "sample_fee_usd": Decimal("30"),
        "lead_time_weeks_min": 9,
        "lead_time_weeks_max": 12,
        "incoterm": Incoterm.EXW,
        "deposit_percent": Decimal("30"),
        "designs": 3,
        "freight_per_piece_usd": Decimal("0.50"),
        "duty_percent": Decimal("4"),
    }
    return Quote(**{**base, **overrides})


def buyer(**overrides):
    return answers(
        **{"launch_date": FESTIVAL + timedelta(weeks=3), "target_markets": ("eu",), **overrides}
    )


# Honest dates.


def test_a_9_to_12_week_quote_for_a_launch_three_weeks_after_the_festival_fits_only_if_fast():
    today = date(2026, 11, 15)
    a = rules.assess(quote(), buyer(), DEFAULTS, today)
    # Fast: 9 weeks end on 01-17, before factories stop; a week of express: 01-24.
    assert a.fast_delivery == date(2027, 1, 24)
    # Slow: 12 weeks would end on 02-07, inside the closure: 5 weeks more, then transit.
    assert a.slow_delivery == today + timedelta(weeks=12 + 5 + 1) == date(2027, 3, 21)
    assert (a.schedule, a.shutdown_weeks) == (Schedule.FITS_ONLY_IF_FAST, (0, 5))
    assert a.arrives_in_time


def test_the_same_quote_ordered_later_misses_the_launch_even_if_fast():
    today = date(2026, 12, 2)
    a = rules.assess(quote(), buyer(), DEFAULTS, today)
    # 9 weeks from 12-02 reach the stop day (01-30): the whole closure, then transit.
    assert (a.fast_delivery, a.slow_delivery) == (date(2027, 3, 17), date(2027, 4, 7))
    assert a.schedule == Schedule.DOES_NOT_FIT and not a.arrives_in_time


def test_a_quote_that_fits_even_if_slow_says_so():
    # After the closure: 9 and 12 weeks, a week of transit each.
    a = rules.assess(quote(), buyer(launch_date=date(2027, 6, 15)), DEFAULTS, date(2027, 3, 8))
    assert (a.fast_delivery, a.slow_delivery) == (date(2027, 5, 17), date(2027, 6, 7))
    assert (a.schedule, a.shutdown_weeks) == (Schedule.FITS_EVEN_IF_SLOW, (0, 0))


# Landed cost: a blank is estimated, marked, and never cheaper than 0 % duty.


def test_a_blank_duty_takes_the_highest_default_of_the_buyers_markets_never_zero():
    blank = quote(duty_percent=None)
    eu = rules.landed_cost(blank, buyer(target_markets=("eu",)), DEFAULTS)
    assert (eu.duty_percent, eu.duty_markets, eu.complete) == (4, ("eu",), False)
    assert eu.per_piece == Decimal("10.90")  # 10 + 0.50 freight + 4 % of 10
    both = rules.landed_cost(blank, buyer(target_markets=("eu", "us")), DEFAULTS)
    assert (both.duty_percent, both.duty_markets) == (19, ("us",))
    unknown = rules.landed_cost(blank, buyer(target_markets=()), DEFAULTS)  # made before them
    assert (unknown.duty_percent, unknown.duty_markets) == (19, ("us",))
    for market in ("us", "eu", "uk", "other"):
        assert rules.default_duty((market,), DEFAULTS)[0] > 0


def test_a_typed_zero_duty_is_the_buyers_and_complete():
    landed = rules.landed_cost(quote(duty_percent=Decimal(0)), buyer(), DEFAULTS)
    assert (landed.per_piece, landed.complete) == (Decimal("10.50"), True)


def test_a_blank_freight_is_the_reports_estimate_and_marked():
    landed = rules.landed_cost(quote(freight_per_piece_usd=None), buyer(), DEFAULTS)
    assert landed.freight_estimated and not landed.duty_estimated and not landed.complete
    # 900 pieces of 5 g (no metal given): 4.5 kg, $25 + 4 x $10, and $45 of insurance on
    # $9,000: $110, $0.12 a piece; 4 % duty.
    assert landed.per_piece == Decimal("10.52")


def test_ddp_is_complete_whatever_is_left_blank():
    ddp = quote(incoterm=Incoterm.DDP, freight_per_piece_usd=None, duty_percent=None)
    landed = rules.landed_cost(ddp, buyer(), DEFAULTS)
    assert (landed.per_piece, landed.complete, landed.duty_percent) == (Decimal("10.00"), True, 0)


def test_the_cash_to_the_first_delivery_counts_the_estimated_duty():
    plan, today = buyer(launch_date=date(2027, 9, 1)), date(2027, 3, 8)
    typed = rules.assess(quote(duty_percent=Decimal(0)), plan, DEFAULTS, today)
    blank = rules.assess(quote(duty_percent=None), plan, DEFAULTS, today)
    # 300 pieces of 3 designs at $10, 4 % duty each: $360 more.
    assert blank.cash_to_first_delivery - typed.cash_to_first_delivery == 360


# The ranking cannot be gamed by a blank.


def test_a_blank_freight_exw_quote_ranks_below_a_complete_ddp_one_even_when_cheaper():
    plan, today = buyer(launch_date=date(2027, 9, 1)), date(2027, 3, 8)
    exw = quote(
        supplier="EXW",
        incoterm=Incoterm.EXW,
        unit_price_usd=Decimal("8"),
        freight_per_piece_usd=None,
    )
    ddp = quote(supplier="DDP", incoterm=Incoterm.DDP, unit_price_usd=Decimal("11"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (exw, ddp)]
    assert assessed[0].landed_per_piece < assessed[1].landed_per_piece  # about $8.44 against $11
    assert rules.ranking(assessed) == [1, 0]
    first, second = (r.render() for r in rules.rank_reasons(assessed, [1, 0], plan.launch_date))
    assert first.startswith(
        "First: it can deliver by your launch even if the factory is slow, its figures are complete"
    )
    assert second.startswith(
        "Its freight is our estimate, not the factory's (ask the factory): ranked below every "
        "complete quote."
    )


def test_a_lapsed_price_ranks_below_every_current_quote_even_when_cheaper_and_complete():
    plan, today = buyer(launch_date=date(2027, 9, 1)), date(2027, 3, 8)
    lapsed = quote(supplier="Lapsed", unit_price_usd=Decimal("8"), valid_until=date(2027, 3, 7))
    estimated = quote(
        supplier="Estimated", unit_price_usd=Decimal("11"), freight_per_piece_usd=None
    )
    current = quote(supplier="Current", unit_price_usd=Decimal("12"), valid_until=today)
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (lapsed, estimated, current)]
    assert assessed[0].lapsed_on == date(2027, 3, 7)
    assert assessed[2].lapsed_on is None  # valid through its last day
    order = rules.ranking(assessed)
    assert order == [2, 1, 0]
    reasons = [r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date)]
    assert reasons[2].startswith(
        "Its price held until 2027-03-07 (ask the factory to confirm it before you decide): "
        "ranked below every current quote."
    )


def test_a_quote_that_misses_the_launch_even_fast_ranks_last_and_says_when_it_arrives():
    plan, today = buyer(launch_date=date(2027, 6, 1)), date(2027, 3, 8)
    cheap_and_late = quote(
        supplier="Late", unit_price_usd=Decimal("5"), lead_time_weeks_min=20, lead_time_weeks_max=24
    )
    blank = quote(supplier="Blank", freight_per_piece_usd=None, duty_percent=None)
    dear = quote(supplier="Dear", unit_price_usd=Decimal("12"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (cheap_and_late, blank, dear)]
    order = rules.ranking(assessed)
    assert order == [2, 1, 0]
    reasons = [r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date)]
    assert reasons[2] == (
        "Even a fast factory delivers on 2027-08-02, after your launch on 2027-06-01: ranked "
        "last. All in $6.06 a piece, landed $5.70."
    )
    # Both others fit only if fast (12 weeks from 03-08 and a week of transit pass 06-01).
    assert reasons[0].startswith("Only a fast factory delivers by your launch: a slow one")
    assert "Its freight and duty are our estimates" in reasons[1]


def test_a_cheaper_quote_that_fits_only_if_fast_ranks_below_one_that_fits_even_if_slow():
    """A few cents a piece are no saving against a launch at risk (a consultant's reading of
    the quotes page: the cheap, slow quote was first and said it "can deliver by your
    launch")."""
    plan, today = buyer(), date(2026, 11, 15)
    cheap_but_slow = quote(supplier="Cheap", unit_price_usd=Decimal("9"))  # 9 to 12 weeks
    sure = quote(supplier="Sure", lead_time_weeks_min=4, lead_time_weeks_max=6)
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (cheap_but_slow, sure)]
    assert [a.schedule for a in assessed] == [
        Schedule.FITS_ONLY_IF_FAST,
        Schedule.FITS_EVEN_IF_SLOW,
    ]
    assert assessed[0].landed_per_piece < assessed[1].landed_per_piece
    order = rules.ranking(assessed)
    assert order == [1, 0]
    first, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    assert first.startswith("First: it can deliver by your launch even if the factory is slow")
    assert second.startswith(
        "Only a fast factory delivers by your launch: a slow one delivers on 2027-03-21, after "
        "your launch on 2027-02-27 (get its shortest lead time in writing, with a penalty for "
        "lateness): ranked below any quote that fits even if the factory is slow."
    )

    # When no quote fits a slow factory, the first says what it risks, and promises nothing.
    (alone,) = (r.render() for r in rules.rank_reasons(assessed[:1], [0], plan.launch_date))
    assert alone == (
        "Only a fast factory delivers by your launch: a slow one delivers on 2027-03-21, after "
        "your launch on 2027-02-27 (get its shortest lead time in writing, with a penalty for "
        "lateness). First: its figures are complete, your budget covers it and your quantity "
        "meets its minimum. All in $10.22 a piece, landed $9.86."
    )


def test_within_a_group_the_reason_compares_with_the_quote_above():
    plan, today = buyer(launch_date=date(2027, 9, 1)), date(2027, 3, 8)
    quotes = [quote(supplier=s, unit_price_usd=Decimal(p)) for s, p in (("B", "11"), ("A", "10"))]
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in quotes]
    order = rules.ranking(assessed)
    assert order == [1, 0]
    first, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    assert first.endswith("The lowest all in of these: $11.26 a piece, landed $10.90.")
    assert second == "All in $12.30 a piece, above #1's $11.26; landed $11.94."


def test_budget_and_minimum_still_break_ties_among_complete_quotes_in_time():
    plan = buyer(launch_date=date(2027, 9, 1), upfront_budget_usd=100, units_per_design=100)
    today = date(2027, 3, 8)
    over = quote(supplier="Over", sample_fee_usd=Decimal("50"))  # 3 samples: $150 > $100
    forced = quote(supplier="Forced", moq_per_design=500, sample_fee_usd=Decimal("10"))
    fine = quote(supplier="Fine", unit_price_usd=Decimal("12"), sample_fee_usd=Decimal("10"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (over, forced, fine)]
    order = rules.ranking(assessed)
    assert order == [2, 1, 0]
    reasons = [r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date)]
    assert reasons[1].startswith("Its minimum is above your quantity a design")
    assert reasons[2].startswith("It needs $")
    assert "before the first order, more than your upfront budget: ranked below" in reasons[2]


def test_a_re_run_counts_the_quotes_freight_and_duty_and_the_default_where_it_gave_none():
    # As the quotes page does (see docs/rules.md): a blank duty is the buyer's markets' default.
    _, t = rules.with_quote(buyer(), DEFAULTS, dataclasses.replace(quote(), duty_percent=None))
    assert (t.quoted_freight_per_piece, t.quoted_duty_percent) == (Decimal("0.50"), None)
    costs = rules.costs_for(Model.ODM, buyer(), t)
    eu_default = rules.default_duty(buyer().target_markets, DEFAULTS)[0]
    assert costs.duty_percent == eu_default
    assert costs.duty == (costs.first_order_at_moq * eu_default / 100).quantize(Decimal("0.01"))
    ddp = dataclasses.replace(quote(), incoterm=Incoterm.DDP)
    _, t = rules.with_quote(buyer(), DEFAULTS, ddp)
    costs = rules.costs_for(Model.ODM, buyer(), t)
    assert (costs.freight, costs.duty) == (0, 0)


def test_a_re_run_of_a_quote_by_sea_dates_its_model_by_sea_and_the_other_by_express():
    after_the_festival = date(2027, 4, 1)  # a 9-12 week run ends well before the next one
    plan = buyer(launch_date=after_the_festival + timedelta(weeks=40))
    _, t = rules.with_quote(plan, DEFAULTS, quote(incoterm=Incoterm.FOB, by_sea=True))
    assert (
        rules.with_quote(plan, DEFAULTS, quote(incoterm=Incoterm.FOB))[1].quoted_transit_weeks
        is None
    )
    timeline = rules.money.timeline_for(plan, t, after_the_festival)
    assert (timeline.transit(Model.ODM), timeline.transit(Model.OEM)) == (6, 1)
    assert timeline.weeks(Model.ODM) == (9 + 6, 12 + 6)
    assert (
        "lead time 9 and transit by sea 6"
        in rules.blockers.needed_weeks(Model.ODM, timeline).render()
    )
    assert "express transit 1" in rules.blockers.needed_weeks(Model.OEM, timeline).render()
    # A CIF re-run whose freight was left empty counts no courier on top of the voyage.
    cif = quote(incoterm=Incoterm.CIF, freight_per_piece_usd=None)
    _, t = rules.with_quote(plan, DEFAULTS, cif)
    assert rules.costs_for(Model.ODM, plan, t).freight == 0


def test_a_sea_quote_without_freight_costs_at_least_a_small_sea_shipment_never_a_courier_parcel():
    """A few kilograms by sea are billed at least one cubic metre (`sea_freight_min_usd`): the
    courier estimate would make the sea quote look cheapest."""
    small = buyer(units_per_design=100, design_count=3)  # 300 pieces of 5 g: 1.5 kg
    by_sea = quote(freight_per_piece_usd=None, incoterm=Incoterm.FOB, by_sea=True)
    by_courier = dataclasses.replace(by_sea, by_sea=False)
    sea, courier = (rules.landed_cost(q, small, DEFAULTS) for q in (by_sea, by_courier))
    assert sea.freight == Decimal(1500) / 300 > courier.freight
    assert sea.freight_estimated and courier.freight_estimated
    # Its re-run counts the same freight for the quoted model.
    _, t = rules.with_quote(small, DEFAULTS, by_sea)
    assert t.quoted_freight_per_piece == sea.freight
    assert rules.costs_for(Model.ODM, small, t).freight == Decimal("1500.00")
    # A heavy order's courier parcel costs more than the sea minimum: never less than it.
    heavy = buyer(units_per_design=5_000, design_count=3, piece_weight_g=Decimal(20))
    assert rules.landed_cost(by_sea, heavy, DEFAULTS).freight == (
        rules.landed_cost(by_courier, heavy, DEFAULTS).freight
    )
    # A CIF price carries the voyage: nothing on top, by sea or not.
    cif = dataclasses.replace(by_sea, incoterm=Incoterm.CIF)
    assert rules.landed_cost(cif, small, DEFAULTS).freight == 0


def test_a_gold_quote_s_price_splits_into_its_gold_and_a_making_charge_a_gram():
    gold = quote(
        unit_price_usd=Decimal("310"),
        gold_grams=Decimal("2.5"),
        gold_price_usd_per_oz=Decimal(4000),
    )
    split = rules.quoted_gold(gold, "18k")
    # 2.5 g x 750/1000 x $4,000 / 31.1034768 g = $241.13 of gold; (310 - 241.13) / 2.5 a gram.
    assert (split.metal, split.making_per_g) == (Decimal("241.13"), Decimal("27.55"))
    below = dataclasses.replace(gold, unit_price_usd=Decimal("200"))
    assert rules.quoted_gold(below, "18k").making_per_g < 0
    assert rules.quoted_gold(gold, None) is None  # no karat, no fineness
    assert rules.quoted_gold(dataclasses.replace(gold, gold_price_usd_per_oz=None), "18k") is None
    plan = buyer(base_metal="solid_gold", karat="18k", launch_date=date(2027, 9, 1))
    assert rules.assess(gold, plan, DEFAULTS, date(2027, 3, 8)).gold == split
    assert (
        rules.assess(gold, buyer(launch_date=date(2027, 9, 1)), DEFAULTS, date(2027, 3, 8)).gold
        is None
    )


def test_the_first_row_never_says_it_ranks_below_a_quote_it_stands_above():
    """A consultant's read: row #1 said "ranked below any quote whose minimum you meet" above a
    quote whose minimum the buyer met (that one's freight was our estimate)."""
    plan, today = buyer(launch_date=date(2027, 9, 1), units_per_design=50), date(2027, 3, 8)
    forced = quote(supplier="Forced", moq_per_design=100)
    estimated = quote(supplier="Estimated", moq_per_design=30, freight_per_piece_usd=None)
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (forced, estimated)]
    order = rules.ranking(assessed)
    assert order == [0, 1]
    first, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    assert first.startswith(
        "First, though its minimum is above your quantity a design: no quote below it does better."
    )
    assert "ranked below" not in first
    assert second.startswith("Its freight is our estimate")


def test_a_lower_price_with_dearer_tooling_ranks_by_what_the_first_order_costs_all_in():
    """A consultant's read: an OEM quote at $5,000 tooling a design ranked above one at $1,000
    for a few cents off the landed cost, though its first order cost $17,792 more."""
    plan, today = buyer(launch_date=date(2027, 12, 1), upfront_budget_usd=100_000), date(2027, 3, 8)
    dear_tooling = quote(
        supplier="Dear tooling", model=Model.OEM, tooling_per_design_usd=Decimal("5000")
    )
    cheap_tooling = quote(
        supplier="Cheap tooling",
        model=Model.OEM,
        unit_price_usd=Decimal("10.20"),
        tooling_per_design_usd=Decimal("1000"),
    )
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (dear_tooling, cheap_tooling)]
    assert assessed[0].landed_per_piece < assessed[1].landed_per_piece
    assert assessed[0].all_in_per_piece > assessed[1].all_in_per_piece
    order = rules.ranking(assessed)
    assert order == [1, 0]
    _, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    all_in = rules.usd(assessed[0].all_in_per_piece, cents=True)
    assert second.startswith(f"All in {all_in} a piece, above #1's")


def test_among_quotes_forcing_a_larger_order_the_least_cash_ranks_first():
    plan, today = buyer(launch_date=date(2027, 12, 1), units_per_design=100), date(2027, 3, 8)
    bigger = quote(supplier="Bigger", moq_per_design=800, unit_price_usd=Decimal("9"))
    smaller = quote(supplier="Smaller", moq_per_design=300)
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (bigger, smaller)]
    assert all(a.moq_forced for a in assessed)
    assert assessed[0].all_in_per_piece < assessed[1].all_in_per_piece
    order = rules.ranking(assessed)
    assert order == [1, 0]
    _, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    assert "Its larger order needs $" in second
    assert "more than #1's" in second


def test_gold_quotes_rank_with_their_gold_at_the_report_s_price_not_the_day_they_were_quoted():
    """A consultant's read: a quote made when gold stood at $3,800 an ounce ranked above one at
    $4,200 for its lower price, though both are re-priced on the day of the order and its
    making charge was higher ($24 a gram against $20): $10 a piece more once ordered."""
    plan = buyer(base_metal="solid_gold", karat="14k", launch_date=date(2027, 9, 1))
    today = date(2027, 3, 8)
    fineness = Decimal(FINENESS[Karat("14k")]) / 1000

    def gold_quote(supplier: str, price_per_oz: int, making_per_g: int) -> Quote:
        metal = Decimal("2.5") * fineness * price_per_oz / TROY_OUNCE_G
        price = (metal + Decimal("2.5") * making_per_g).quantize(Decimal("0.01"))
        return quote(
            supplier=supplier,
            unit_price_usd=price,
            gold_grams=Decimal("2.5"),
            gold_price_usd_per_oz=Decimal(price_per_oz),
        )

    last_month = gold_quote("Last month", 3_800, 24)
    today_s = gold_quote("Today", 4_200, 20)
    assert last_month.unit_price_usd < today_s.unit_price_usd
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (last_month, today_s)]
    order = rules.ranking(assessed)
    assert order == [1, 0]
    # At the report's gold price the two differ by their making alone: $4 a gram x 2.5 g,
    # with duty on it.
    gap = assessed[0].ranked_per_piece - assessed[1].ranked_per_piece
    assert gap == (Decimal(10) * (1 + assessed[0].landed.duty_percent / 100)).quantize(
        Decimal("0.01")
    )
    first, second = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    assert "counts its gold at your report's gold price" in first
    # Without its gold, a gold quote ranks below every one that gives it, however cheap.
    blind = quote(supplier="Blind", unit_price_usd=Decimal("100"))
    assessed.append(rules.assess(blind, plan, DEFAULTS, today))
    assert assessed[2].gold_unquoted
    order = rules.ranking(assessed)
    assert order[-1] == 2
    reasons = [r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date)]
    assert reasons[2].startswith("Its gold in a piece or the gold price it assumes is not quoted")
    # An older report without the karat: a quote that gives both is no less complete for it
    # (nothing to re-price it with).
    no_karat = rules.assess(last_month, dataclasses.replace(plan, karat=None), DEFAULTS, today)
    assert not no_karat.gold_unquoted and no_karat.gold_repricing == 0


def test_plating_too_thin_to_be_called_gold_plated_in_the_us_ranks_below_plating_that_is():
    """A consultant's read: a quote at 0.05 µm ranked first ("its figures are complete") though
    in the US it may only be called gold flashed (FTC Guides, 16 CFR 23.3), and wears off."""
    plan = buyer(plating="gold", target_markets=("us",), launch_date=date(2027, 9, 1))
    today = date(2027, 3, 8)
    flash = quote(supplier="Flash", unit_price_usd=Decimal("8"), plating_microns=Decimal("0.05"))
    plated = quote(supplier="Plated", plating_microns=Decimal("0.5"))
    unsaid = quote(supplier="Unsaid", unit_price_usd=Decimal("7"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (flash, plated, unsaid)]
    order = rules.ranking(assessed)
    assert order[0] == 1
    reasons = dict(
        zip(
            (assessed[i] for i in order),
            (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date)),
            strict=True,
        )
    )
    flashed, unsaid_reason = reasons[assessed[0]], reasons[assessed[2]]
    assert "too thin to be sold as gold plated in the US" in flashed
    assert "Its plating thickness is not quoted" in unsaid_reason
    # Each names what it falls short of, true whichever of the two ranks above the other.
    for reason in (flashed, unsaid_reason):
        assert "ranked below every quote that states a thickness your markets allow" in reason
    # Sold in the EU alone, 0.05 µm breaks no rule: it ranks by its cost.
    eu = buyer(plating="gold", target_markets=("eu",), launch_date=date(2027, 9, 1))
    assessed = [rules.assess(q, eu, DEFAULTS, today) for q in (flash, plated)]
    assert rules.ranking(assessed) == [0, 1]


def test_the_first_of_quotes_forcing_a_larger_order_is_first_for_its_cash_and_says_so():
    """A reviewer's read: it said "the lowest all in of these" above a quote cheaper all in."""
    plan, today = buyer(launch_date=date(2027, 12, 1), units_per_design=100), date(2027, 3, 8)
    smaller = quote(supplier="Smaller", moq_per_design=300)
    bigger = quote(supplier="Bigger", moq_per_design=800, unit_price_usd=Decimal("9"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (smaller, bigger)]
    order = rules.ranking(assessed)
    first, _ = (r.render() for r in rules.rank_reasons(assessed, order, plan.launch_date))
    cash = rules.usd(assessed[0].cash_to_first_delivery, whole=True)
    assert f"The least cash to the first delivery of these: {cash}" in first
    assert "lowest all in" not in first


def test_quotes_equal_all_in_and_landed_rank_by_the_least_cash():
    """A reviewer's read: rounded to the cent, $1,001 and $1,000 of tooling over 1,200 pieces
    cost the same a piece, and the dearer one ranked first "with as much or more cash"."""
    plan = buyer(launch_date=date(2027, 12, 1), upfront_budget_usd=100_000, units_per_design=400)
    today = date(2027, 3, 8)
    dearer = quote(supplier="Dearer", model=Model.OEM, tooling_per_design_usd=Decimal("1001"))
    cheaper = quote(supplier="Cheaper", model=Model.OEM, tooling_per_design_usd=Decimal("1000"))
    assessed = [rules.assess(q, plan, DEFAULTS, today) for q in (dearer, cheaper)]
    assert assessed[0].all_in_per_piece == assessed[1].all_in_per_piece
    assert assessed[0].cash_to_first_delivery > assessed[1].cash_to_first_delivery
    assert rules.ranking(assessed) == [1, 0]
