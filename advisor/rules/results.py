"""What comes out of the rules: verdicts, blockers, costs, timeline and the recommendation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .texts import Msg, Paragraph
from .types import Answers, Fit, Model, Schedule, Verdict


@dataclass(frozen=True)
class FactorVerdict:
    slug: str
    fit: Fit
    reason: Msg | Paragraph
    weight: Decimal


@dataclass(frozen=True)
class Blocker:
    model: Model
    factor: str
    reason: Msg | Paragraph
    lift: Msg  # the smallest change to the answers that removes this blocker
    lifted: Answers  # the answers with that change made


@dataclass(frozen=True)
class Change:
    factor: str
    change: Msg
    answers: Answers  # the buyer's answers with this change made


@dataclass(frozen=True)
class ModelCosts:
    """Cash a model needs, in USD. Ranges are (low, high) where the thresholds give a range."""

    tooling: tuple[int, int]  # the development programme and the molds together
    molds: tuple[int, int]  # the part of tooling that grows with the designs
    samples: int
    sample_rounds: int
    design_fees: int
    upfront: tuple[int, int]
    moq_units: int
    order_units_per_design: int
    moq_forced: bool
    first_order: Decimal
    first_order_at_moq: Decimal
    moq_extra: Decimal
    sample_credit: Decimal  # sample fees the factory takes off the order
    deposit_percent: int
    deposit: Decimal
    balance: Decimal  # the rest of the order, before it ships
    inspection: int
    freight: Decimal  # express, to the buyer
    duty_percent: Decimal  # import duty, of the order's price
    duty: Decimal
    # Upfront costs + the order (deposit and balance) - the credit + inspection, freight, duty.
    cash_to_first_delivery: tuple[Decimal, Decimal]
    from_stock: bool = False  # ODM as a purchase of the factory's wholesale stock
    unit_cost: Decimal = Decimal(0)  # a piece, as the order is costed


@dataclass(frozen=True)
class Timeline:
    launch_date: date
    days_available: int
    weeks_available: int
    transit_weeks: int
    oem_weeks: tuple[int, int]
    odm_weeks: tuple[int, int]
    oem_feasible: bool
    odm_feasible: bool
    oem_earliest_launch: date
    odm_earliest_launch: date
    oem_schedule: Schedule
    odm_schedule: Schedule
    # Chinese New Year inside production: weeks added to the shortest and longest schedules.
    oem_shutdown_weeks: tuple[int, int]
    odm_shutdown_weeks: tuple[int, int]
    festival: date | None  # the first festival inside any production run
    # In a re-run whose quote ships by sea: its model and that transit in weeks (the other
    # model's is express, `transit_weeks`).
    by_sea: tuple[Model, int] | None = None

    def transit(self, model: Model) -> int:
        if self.by_sea is not None and self.by_sea[0] == model:
            return self.by_sea[1]
        return self.transit_weeks

    def weeks(self, model: Model) -> tuple[int, int]:
        return self.oem_weeks if model == Model.OEM else self.odm_weeks

    def feasible(self, model: Model) -> bool:
        return self.oem_feasible if model == Model.OEM else self.odm_feasible

    def earliest_launch(self, model: Model) -> date:
        return self.oem_earliest_launch if model == Model.OEM else self.odm_earliest_launch

    def shutdown_weeks(self, model: Model) -> tuple[int, int]:
        return self.oem_shutdown_weeks if model == Model.OEM else self.odm_shutdown_weeks

    def schedule(self, model: Model) -> Schedule:
        return self.oem_schedule if model == Model.OEM else self.odm_schedule


@dataclass(frozen=True)
class Decision:
    """The recommendation without its texts' what-would-change search: cheap to recompute."""

    verdict: Verdict
    score: float
    factors: list[FactorVerdict]
    blockers: list[Blocker]
    costs: dict[Model, ModelCosts]
    timeline: Timeline

    def blocked(self, model: Model) -> bool:
        return any(blocker.model == model for blocker in self.blockers)

    def blockers_of(self, model: Model) -> list[Blocker]:
        return [blocker for blocker in self.blockers if blocker.model == model]


@dataclass(frozen=True)
class Recommendation:
    verdict: Verdict
    nearest: Model | None  # with "neither": the model the smaller changes make possible
    confidence: float
    score: float
    summary: Paragraph
    factors: list[FactorVerdict]
    blockers: list[Blocker]
    costs: dict[Model, ModelCosts]
    timeline: Timeline
    what_would_change: list[Change]
    plan: tuple[Msg, ...] = ()  # a hybrid's dated steps

    def blocked(self, model: Model) -> bool:
        return any(blocker.model == model for blocker in self.blockers)
