"""The rules new reports use: the current thresholds and weights, read and saved."""

import hashlib
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


# Read on every visit to the landing page (its cache key is drawn from them): compiled once.
_thresholds_rows = Compiled(lambda: Thresholds.objects.all(), parameters=())
_factor_rows = Compiled(lambda: Factor.objects.all(), parameters=())


@dataclass(frozen=True)
class LandingRows:
    """The thresholds row and the factors' rows as the database gave them (two queries)."""

    thresholds: list[tuple]
    factors: list[tuple]

    def digest(self) -> str:
        """Changes whenever any of the rows does, by whatever path: a key for the page."""
        return hashlib.sha256(repr((self.thresholds, self.factors)).encode()).hexdigest()[:16]

    def sources(self) -> LandingSources:
        """The same rows as models, for drawing the page (no query)."""
        (thresholds,) = _thresholds_rows.instances(self.thresholds)
        return LandingSources(thresholds, _factor_rows.instances(self.factors))


def landing_rows() -> LandingRows:
    return LandingRows(_thresholds_rows.rows(), _factor_rows.rows())


def factors_with_figures(
    sources: LandingSources | None = None,
) -> list[tuple[Factor, dict[str, str]]]:
    """The eight factors and their OEM and ODM texts, figures filled from the thresholds:
    those of `sources`, or the current ones (two queries)."""
    sources = sources or landing_rows().sources()
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
