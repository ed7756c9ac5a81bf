"""Supplier quotes: saved against a report, held against its plan, and re-run as new advice."""

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .. import rules, snapshots
from ..models import Quote, Report
from . import reports
from .thresholds import current_rules


@dataclass(frozen=True)
class AssessedQuote:
    quote: Quote
    assessment: rules.Assessment
    rank: int  # 1 for the best
    tooling_total: Decimal  # the quote's tooling per design times the report's designs
    reason: rules.Paragraph  # why it ranks where it does (translated where it is shown)
    table: rules.QuoteTable  # the page's table it is ranked in


MAX_QUOTES = 50  # a report's; the contract (docs/product.md)


def asks_gold(report: Report) -> bool:
    """A solid gold report's quotes give the gold in a piece and the gold price they assume."""
    return report.data["answers"].get("base_metal") == rules.BaseMetal.SOLID_GOLD


@transaction.atomic
def add_quote(*, report: Report, cleaned_data: dict) -> Quote | None:
    """The quote saved against the report, or None when it already holds MAX_QUOTES (counted
    with the report's row locked, so two posts at once cannot make it 51)."""
    Report.objects.select_for_update().get(pk=report.pk)  # the lock; the row is not needed
    if report.quotes.count() >= MAX_QUOTES:
        return None
    return Quote.objects.create(report=report, **cleaned_data)


@transaction.atomic
def remove_quote(*, quote: Quote) -> None:
    """Takes the quote out, and revokes its re-run's link (and the re-run's own re-runs): the
    re-run names the supplier, whose quote the buyer no longer holds."""
    rerun = quote.rerun
    quote.delete()
    if rerun is not None:
        reports.revoke_link(report=rerun)


def _first_of(report: Report) -> Report:
    """The report a chain of re-runs started from (one query a step back)."""
    while report.based_on_id is not None:
        report = report.based_on
    return report


def _plan(report: Report) -> tuple[rules.Answers, rules.Thresholds]:
    """The answers and thresholds the report was computed with, a re-run's quote included."""
    data = report.data
    answers = snapshots.answers_from_json(data["answers"])
    thresholds = snapshots.thresholds_from_json(data["thresholds"])
    origin = data.get("from_quote") or {}
    if "unit_price_usd" in origin:  # re-runs made before kept the price in their answers
        freight, duty = origin.get("freight_per_piece_usd"), origin.get("duty_percent")
        thresholds = dataclasses.replace(
            thresholds,
            quoted_model=rules.Model(origin["model"]),
            quoted_unit_price=Decimal(str(origin["unit_price_usd"])),
            quoted_freight_per_piece=None if freight is None else Decimal(str(freight)),
            quoted_duty_percent=None if duty is None else Decimal(str(duty)),
        )
    return answers, thresholds


def assessed_quotes(report: Report, today: date, quotes: list[Quote] | None = None) -> list:
    """The report's quotes, best first, each with its figures for the buyer's order, table by
    table (`rules.quote_table`): a hybrid's OEM quotes are for its own designs later, ranked
    among themselves and not by the launch; an OEM verdict's ODM quotes are for a factory's
    designs, ranked apart from the buyer's own."""
    quotes = list(report.quotes.select_related("rerun")) if quotes is None else quotes
    if not quotes:
        return []
    answers, thresholds = _plan(report)
    verdict = report.data["recommendation"]
    assessed = []
    for table in rules.QuoteTable:
        in_table = [q for q in quotes if rules.quote_table(verdict, q.model) == table]
        assessed += _ranked(in_table, answers, thresholds, today, table=table)
    return assessed


def _ranked(
    quotes: list[Quote],
    answers: rules.Answers,
    thresholds: rules.Thresholds,
    today: date,
    *,
    table: rules.QuoteTable,
) -> list[AssessedQuote]:
    designs = answers.design_count
    for_launch = table != rules.QuoteTable.LATER
    assessments = [
        rules.assess(q.to_rule(designs=designs), answers, thresholds, today, for_launch=for_launch)
        for q in quotes
    ]
    order = rules.ranking(assessments)
    reasons = rules.rank_reasons(assessments, order, answers.launch_date)
    return [
        AssessedQuote(
            quote=quotes[index],
            assessment=assessments[index],
            rank=rank,
            tooling_total=quotes[index].tooling_per_design_usd * designs,
            reason=reason,
            table=table,
        )
        for rank, (index, reason) in enumerate(zip(order, reasons, strict=True), start=1)
    ]


def quotes_json(assessed: list[AssessedQuote]) -> list[dict]:
    """The quotes as the report's JSON lists them: as typed, then what they come to."""
    return [_quote_json(item) for item in sorted(assessed, key=lambda item: item.quote.created_at)]


def _quote_json(item: AssessedQuote) -> dict:
    quote, figures = item.quote, item.assessment
    number = snapshots.number_or_none
    return {
        "supplier": quote.supplier,
        "model": quote.model,
        "unit_price_usd": number(quote.unit_price_usd),
        "moq_per_design": quote.moq_per_design,
        "tooling_per_design_usd": number(quote.tooling_per_design_usd),
        "sample_fee_usd": number(quote.sample_fee_usd),
        "lead_time_weeks_min": quote.lead_time_weeks_min,
        "lead_time_weeks_max": quote.lead_time_weeks_max,
        "incoterm": quote.incoterm,
        "shipping": quote.shipping,
        "freight_per_piece_usd": number(quote.freight_per_piece_usd),
        "duty_percent": number(quote.duty_percent),
        "deposit_percent": number(quote.deposit_percent),
        "plating_microns": number(quote.plating_microns),
        "currency_note": quote.currency_note,
        "valid_until": quote.valid_until.isoformat() if quote.valid_until else None,
        "gold_grams": number(quote.gold_grams),
        "gold_price_usd_per_oz": number(quote.gold_price_usd_per_oz),
        "gold_making_per_g_usd": number(figures.gold.making_per_g) if figures.gold else None,
        "lapsed": figures.lapsed_on is not None,
        "tooling_usd": number(item.tooling_total),
        "landed_cost_per_piece_usd": number(figures.landed_per_piece),
        "all_in_per_piece_usd": number(figures.all_in_per_piece),
        "gold_repricing_usd": number(figures.gold_repricing),
        "freight_assumed": figures.freight_assumed,
        "duty_assumed": figures.landed.duty_estimated,
        "duty_percent_applied": number(figures.landed.duty_percent),
        "complete": figures.complete,
        "cash_before_first_order_usd": figures.cash_before_first_order,
        "cash_to_first_delivery_usd": number(figures.cash_to_first_delivery),
        "earliest_delivery": figures.fast_delivery.isoformat(),
        "latest_delivery": figures.slow_delivery.isoformat(),
        "schedule": figures.schedule.value,
        "for_launch": figures.for_launch,
        "table": item.table.value,
        "arrives_in_time": figures.arrives_in_time,
        "margin_percent": number(figures.margin_percent),
        "rank": item.rank,
        "rank_reason": item.reason.render(gettext, ngettext),
        "rerun": quote.rerun.token if quote.rerun_id else None,
    }


def owner_json(report: Report, today: date) -> str:
    """The report's JSON as its owner reads it: the snapshot, unchanged, with the supplier
    quotes as they stand today (nobody else sees them)."""
    quotes = list(report.quotes.select_related("rerun"))
    data = report.data | {"quotes": quotes_json(assessed_quotes(report, today, quotes))}
    return json.dumps(data, ensure_ascii=False, indent=1)


@transaction.atomic
def rerun_with_quote(*, quote: Quote) -> Report:
    """A new report with the quote's figures in place of the assumptions, linked both ways
    with the original (which never changes). Asking twice returns the first re-run."""
    locked = Quote.objects.select_for_update().select_related("report").get(pk=quote.pk)
    if locked.rerun is not None:
        return locked.rerun
    original = locked.report
    # From the first report's plan: a re-run of a re-run would otherwise keep the first
    # quote's figures for its model beside the second quote's, unlabelled.
    answers, thresholds = _plan(_first_of(original))
    rule = locked.to_rule(designs=answers.design_count)
    quoted_answers, quoted = rules.with_quote(answers, thresholds, rule)
    rerun = reports.save_report(
        answers=quoted_answers,
        thresholds=quoted,
        version=original.rules_version,
        factors=current_rules().factors,  # the texts as staff wrote them now
        owner_key=original.owner_key,
        now=timezone.now(),
        based_on=original,
        origin=snapshots.quote_origin(original.token, rule, thresholds),
    )
    locked.rerun = rerun
    locked.save(update_fields=["rerun"])
    return rerun
