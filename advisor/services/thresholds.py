"""The rules new reports use: the current thresholds and weights, read and saved."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from .. import rules
from ..models import Factor, Thresholds
from .compiled import Compiled


@dataclass(frozen=True)
class CurrentRules:
    thresholds: rules.Thresholds  # the figures, with the factors' weights
    version: int
    factors: list[Factor]  # their names and texts, for the report


def current_rules() -> CurrentRules:
    """The thresholds and weights new reports use, their version, and the factors' texts.

    Two queries: the thresholds row and the eight factors.
    """
    row = Thresholds.objects.get()
    factors = list(Factor.objects.all())
    weights = {factor.slug: factor.weight for factor in factors}
    return CurrentRules(thresholds_from_row(row, weights), row.version, factors)


@dataclass(frozen=True)
class LandingSources:
    """All the landing page is drawn from: the thresholds row and the factors."""

    thresholds: Thresholds
    factors: list[Factor]

    @property
    def rows(self) -> list[Thresholds | Factor]:
        return [self.thresholds, *self.factors]


# Read on every visit to the landing page (its cache key is drawn from them): compiled once.
_thresholds_rows = Compiled(lambda: Thresholds.objects.all(), parameters=())
_factor_rows = Compiled(lambda: Factor.objects.all(), parameters=())


def landing_sources() -> LandingSources:
    """The current thresholds and factors (two queries)."""
    (thresholds,) = _thresholds_rows()
    return LandingSources(thresholds, _factor_rows())


def factors_with_figures(
    sources: LandingSources | None = None,
) -> list[tuple[Factor, dict[str, str]]]:
    """The eight factors and their OEM and ODM texts, figures filled from the thresholds:
    those of `sources`, or the current ones (two queries)."""
    sources = sources or landing_sources()
    figures = sources.thresholds.figures()
    return [(factor, factor.texts(figures)) for factor in sources.factors]


def thresholds_from_row(row: Thresholds, weights: dict) -> rules.Thresholds:
    return rules.Thresholds(**row.figures(), weights=weights)


def bump_rules_version() -> None:
    """Marks the rules as changed: reports created from now on carry the next version."""
    Thresholds.objects.update(version=F("version") + 1)


@transaction.atomic
def save_thresholds(*, thresholds: Thresholds) -> Thresholds:
    """Saves edited thresholds; the version goes up only when a figure really changed."""
    stored = Thresholds.objects.select_for_update().get(pk=thresholds.pk)
    changed = stored.figures() != thresholds.figures()
    thresholds.version = stored.version + 1 if changed else stored.version
    thresholds.save()
    return thresholds
