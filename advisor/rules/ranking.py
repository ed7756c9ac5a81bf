"""How supplier quotes rank, and why each is where it is, in a sentence the page shows.

A blank cannot win: a quote missing freight or duty is costed with our estimates (never a
lower figure than a typed one would be likely to be: the report's freight share, the default
duty for the buyer's markets) and ranks below every complete quote. Nor can a lapsed price: a
quote past the day its factory held its price ranks below every current one; nor a price
that does not say what the piece is: a solid gold quote without its grams or gold price, or a
plated piece's without a thickness its markets allow.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from .plating import PlatingCheck
from .quotes import Assessment
from .texts import Msg, Paragraph, gettext_noop, usd
from .types import Model, Schedule, Verdict


class QuoteTable(StrEnum):
    """Which of the quotes page's tables a quote is ranked in, in the order the page shows
    them: quotes are ranked against the others of their table only."""

    LAUNCH = "launch"  # what the advice plans for the launch
    CATALOGUE = "catalogue"  # ODM beside an OEM verdict: the factory's designs, not the buyer's
    LATER = "later"  # OEM beside a hybrid verdict: the buyer's own designs, made after the launch


def quote_table(verdict: str, model: str) -> QuoteTable:
    """A hybrid's OEM quotes are for its own designs after the launch (not ranked by it); an OEM
    verdict's ODM quotes are for a factory's catalogue designs, not the pieces the buyer plans,
    so a cheaper catalogue piece never ranks above the buyer's own design."""
    if verdict == Verdict.HYBRID and model == Model.OEM:
        return QuoteTable.LATER
    if verdict == Verdict.OEM and model == Model.ODM:
        return QuoteTable.CATALOGUE
    return QuoteTable.LAUNCH


def _group(a: Assessment) -> tuple:
    """What puts a quote below another whatever their costs."""
    return (
        a.for_launch and not a.arrives_in_time,  # misses the launch even if fast: last
        _only_if_fast(a),  # a slow factory misses it: a launch at risk is no saving
        a.lapsed_on is not None,  # the factory no longer holds its price
        a.gold_unquoted,  # a solid gold price without its gold: no telling what it buys
        _plating_short(a),  # thinner than the buyer's markets allow, or not said
        not a.complete,  # freight or duty is our estimate, not the factory's
        not a.within_budget,
        a.moq_forced,  # a cheaper piece is no bargain when it forces a far bigger order
    )


def _key(a: Assessment) -> tuple:
    # All in first: a lower unit price is no saving when its tooling costs more than it saves
    # on the first order (a consultant's read: $5,000 tooling a design ranked above $1,000).
    # Among quotes whose minimum forces a larger order, the least cash first: a lower cost a
    # piece over pieces the buyer did not plan is no saving.
    forced_cash = a.cash_to_first_delivery if a.moq_forced else 0
    return (
        *_group(a),
        forced_cash,
        a.ranked_per_piece,
        a.landed_per_piece,
        a.cash_to_first_delivery,
    )


def ranking(assessments: Sequence[Assessment]) -> list[int]:
    """The order to list quotes in (indexes): quotes that miss the launch even with a fast
    factory last; before them, those that fit only if the factory is fast; before those, the
    quotes that fit even if it is slow. Within each, current quotes above those whose price has
    lapsed; then those that give a solid gold piece's grams and gold price, then those that
    state a plating thickness the markets allow; then complete quotes above those whose freight
    or duty we estimated; within those,
    those the buyer's budget covers, then those whose minimum the buyer's quantity meets, then
    the lowest cost a piece all in (the cash to the first delivery over its pieces: tooling
    and samples counted; among quotes whose minimum forces a larger order, the least cash to
    the first delivery first; solid gold with its gold at the report's price), then the lowest
    landed cost a piece, then the least cash to the first delivery."""
    return sorted(range(len(assessments)), key=lambda i: _key(assessments[i]))


def rank_reasons(
    assessments: Sequence[Assessment], order: Sequence[int], launch: date
) -> list[Paragraph]:
    """Why each quote is where it is, in `order` (from `ranking`): the group it falls in, and
    how it compares with the quote just above it in that group."""
    reasons = []
    for position, index in enumerate(order):
        a = assessments[index]
        group = [i for i in order if _group(assessments[i]) == _group(a)]
        above = group[group.index(index) - 1] if group.index(index) else None
        first = position == 0
        sentences = [_schedule_risk(a, launch, first=first), _group_reason(a, launch, first=first)]
        sentences.append(_place(a, assessments, order, above, alone=len(group) == 1))
        if a.gold is not None:
            sentences.append(_GOLD_AT_REPORT_PRICE)
        reasons.append(Paragraph(tuple(s for s in sentences if s is not None)))
    return reasons


_GOLD_AT_REPORT_PRICE = Msg(
    gettext_noop(
        "All in counts its gold at your report's gold price, not the one it was quoted at: the "
        "gold is priced on the day you order, so quotes compare by their gold and making."
    )
)

_INCOMPLETE = {
    (True, False): gettext_noop(
        "Its freight is our estimate, not the factory's (ask the factory): ranked below every "
        "complete quote."
    ),
    (False, True): gettext_noop(
        "Its duty is our default for your markets, not a figure you typed (ask a customs "
        "broker): ranked below every complete quote."
    ),
    (True, True): gettext_noop(
        "Its freight and duty are our estimates, not the factory's (ask the factory and a "
        "customs broker): ranked below every complete quote."
    ),
}


def _plating_short(a: Assessment) -> bool:
    """Its plating thickness is not said, or too thin to be called gold plated in the US."""
    return a.plating in (PlatingCheck.NOT_QUOTED, PlatingCheck.GOLD_FLASHED)


def _only_if_fast(a: Assessment) -> bool:
    return a.for_launch and a.schedule == Schedule.FITS_ONLY_IF_FAST


def _schedule_risk(a: Assessment, launch: date, *, first: bool) -> Msg | None:
    if not _only_if_fast(a):
        return None
    params = {"date": a.slow_delivery.isoformat(), "launch": launch.isoformat()}
    if first:  # no quote fits even if its factory is slow
        return Msg(
            gettext_noop(
                "Only a fast factory delivers by your launch: a slow one delivers on %(date)s, "
                "after your launch on %(launch)s (get its shortest lead time in writing, with a "
                "penalty for lateness)."
            ),
            params,
        )
    return Msg(
        gettext_noop(
            "Only a fast factory delivers by your launch: a slow one delivers on %(date)s, after "
            "your launch on %(launch)s (get its shortest lead time in writing, with a penalty for "
            "lateness): ranked below any quote that fits even if the factory is slow."
        ),
        params,
    )


def _unsettled(a: Assessment) -> Msg | None:
    """Why the quote's price is not yet one to act on: lapsed, or with our estimates in it."""
    if a.lapsed_on is not None:
        return Msg(
            gettext_noop(
                "Its price held until %(date)s (ask the factory to confirm it before you "
                "decide): ranked below every current quote."
            ),
            {"date": a.lapsed_on.isoformat()},
        )
    if a.gold_unquoted:
        return Msg(
            gettext_noop(
                "Its gold in a piece or the gold price it assumes is not quoted (ask the "
                "factory): ranked below every quote that gives both."
            )
        )
    if a.plating == PlatingCheck.NOT_QUOTED:
        return Msg(
            gettext_noop(
                "Its plating thickness is not quoted (ask the factory): ranked below every "
                "quote that states a thickness your markets allow."
            )
        )
    if a.plating == PlatingCheck.GOLD_FLASHED:
        return Msg(
            gettext_noop(
                "Its plating is under 0.18 µm, too thin to be sold as gold plated in the US "
                "(only “gold flashed”): ranked below every quote that states a thickness your "
                "markets allow."
            )
        )
    if not a.complete:
        return Msg(_INCOMPLETE[(a.landed.freight_estimated, a.landed.duty_estimated)])
    return None


def _group_reason(a: Assessment, launch: date, *, first: bool) -> Msg | None:
    if a.for_launch and not a.arrives_in_time:
        return Msg(
            gettext_noop(
                "Even a fast factory delivers on %(date)s, after your launch on %(launch)s: "
                "ranked last."
            ),
            {"date": a.fast_delivery.isoformat(), "launch": launch.isoformat()},
        )
    if first:  # "ranked below" would be untrue of the first row: what holds it back instead
        return _first_reason(a)
    unsettled = _unsettled(a)
    if unsettled is not None:
        return unsettled
    if not a.within_budget and a.short_upfront:
        return Msg(
            gettext_noop(
                "It needs %(cash)s before the first order, more than your upfront budget: ranked "
                "below any quote your budget covers."
            ),
            {"cash": usd(a.cash_before_first_order)},
        )
    if not a.within_budget:
        return Msg(
            gettext_noop(
                "It needs %(cash)s until the first delivery, more than your total budget: ranked "
                "below any quote your budget covers."
            ),
            {"cash": usd(a.cash_to_first_delivery, whole=True)},
        )
    if a.moq_forced:
        return Msg(
            gettext_noop(
                "Its minimum is above your quantity a design and forces a larger order: ranked "
                "below any quote whose minimum you meet."
            )
        )
    return None


def _first_reason(a: Assessment) -> Msg:
    """Why the first row is first: all it has going for it, or what holds it back that every
    quote below it shares or makes up for with worse."""
    caveat = _caveat(a)
    if caveat is not None:
        return Msg(
            gettext_noop("First, though %(caveat)s: no quote below it does better."),
            {"caveat": caveat},
        )
    if _only_if_fast(a) or not a.for_launch:  # its risk said before, or no launch to meet
        return Msg(
            gettext_noop(
                "First: its figures are complete, your budget covers it and your quantity meets "
                "its minimum."
            )
        )
    return Msg(
        gettext_noop(
            "First: it can deliver by your launch even if the factory is slow, its figures "
            "are complete, your budget covers it and your quantity meets its minimum."
        )
    )


def _caveat(a: Assessment) -> Msg | None:
    if a.lapsed_on is not None:
        return Msg(
            gettext_noop("its price held until %(date)s (ask the factory to confirm it)"),
            {"date": a.lapsed_on.isoformat()},
        )
    if a.gold_unquoted:
        return Msg(
            gettext_noop("its gold in a piece or gold price is not quoted (ask the factory)")
        )
    if a.plating == PlatingCheck.NOT_QUOTED:
        return Msg(gettext_noop("its plating thickness is not quoted (ask the factory)"))
    if a.plating == PlatingCheck.GOLD_FLASHED:
        return Msg(
            gettext_noop(
                "its plating is under 0.18 µm, only “gold flashed” in the US (ask for more)"
            )
        )
    if not a.complete:
        return Msg(gettext_noop("its freight or duty is our estimate (ask the factory)"))
    if not a.within_budget and a.short_upfront:
        return Msg(
            gettext_noop("it needs %(cash)s before the first order, more than your upfront budget"),
            {"cash": usd(a.cash_before_first_order)},
        )
    if not a.within_budget:
        return Msg(
            gettext_noop("it needs %(cash)s until the first delivery, more than your total budget"),
            {"cash": usd(a.cash_to_first_delivery, whole=True)},
        )
    if a.moq_forced:
        return Msg(gettext_noop("its minimum is above your quantity a design"))
    return None


def _place(
    a: Assessment,
    assessments: Sequence[Assessment],
    order: Sequence[int],
    above: int | None,
    *,
    alone: bool,
) -> Msg:
    params = {
        "landed": usd(a.landed_per_piece, cents=True),
        "all_in": usd(a.ranked_per_piece, cents=True),
    }
    if alone:
        return Msg(gettext_noop("All in %(all_in)s a piece, landed %(landed)s."), params)
    if above is None and a.moq_forced:  # its group ranks by cash, not by the piece
        params["cash"] = usd(a.cash_to_first_delivery, whole=True)
        return Msg(
            gettext_noop(
                "The least cash to the first delivery of these: %(cash)s (all in %(all_in)s a "
                "piece, landed %(landed)s)."
            ),
            params,
        )
    if above is None:
        return Msg(
            gettext_noop("The lowest all in of these: %(all_in)s a piece, landed %(landed)s."),
            params,
        )
    params["rank"] = order.index(above) + 1
    return _beside(a, assessments[above], params)


def _beside(a: Assessment, other: Assessment, params: dict) -> Msg:
    """How the quote compares with `other`, the one just above it in its group."""
    if a.moq_forced and a.cash_to_first_delivery > other.cash_to_first_delivery:
        params |= {
            "cash": usd(a.cash_to_first_delivery, whole=True),
            "other": usd(other.cash_to_first_delivery, whole=True),
        }
        return Msg(
            gettext_noop(
                "Its larger order needs %(cash)s to the first delivery, more than #%(rank)s's "
                "%(other)s (all in %(all_in)s a piece, landed %(landed)s)."
            ),
            params,
        )
    if a.ranked_per_piece > other.ranked_per_piece:
        params["other"] = usd(other.ranked_per_piece, cents=True)
        return Msg(
            gettext_noop(
                "All in %(all_in)s a piece, above #%(rank)s's %(other)s; landed %(landed)s."
            ),
            params,
        )
    if a.landed_per_piece > other.landed_per_piece:
        params["other"] = usd(other.landed_per_piece, cents=True)
        return Msg(
            gettext_noop(
                "The same all in as #%(rank)s (%(all_in)s a piece); landed %(landed)s a piece, "
                "above its %(other)s."
            ),
            params,
        )
    params["cash"] = usd(a.cash_to_first_delivery, whole=True)
    return Msg(
        gettext_noop(
            "The same costs as #%(rank)s (all in %(all_in)s a piece, landed %(landed)s), with "
            "as much or more cash to the first delivery: %(cash)s."
        ),
        params,
    )
