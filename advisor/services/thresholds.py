"""The rules new reports use: the current thresholds and weights, read and saved."""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from .. import rules
from ..models import Factor, Thresholds


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
class FactorRows:
    """The thresholds row and the factors, as read together (two queries)."""

    thresholds: Thresholds
    factors: list[Factor]

    def digest(self) -> str:
        """Changes with any field of any of these rows, whatever changed it (admin, a history
        revert, a bare update() on another server): a key for what is drawn from them."""
        values = [_fields(row) for row in (self.thresholds, *self.factors)]
        return hashlib.sha256(repr(values).encode()).hexdigest()[:16]

    def texts(self) -> list[tuple[Factor, dict[str, str]]]:
        """The eight factors and their OEM and ODM texts, figures filled in (no query)."""
        figures = self.thresholds.figures()
        return [(factor, factor.texts(figures)) for factor in self.factors]


def _fields(row: Thresholds | Factor) -> list[tuple[str, object]]:
    return sorted((name, value) for name, value in vars(row).items() if not name.startswith("_"))


def factor_rows() -> FactorRows:
    return FactorRows(Thresholds.objects.get(), list(Factor.objects.all()))


def thresholds_from_row(row: Thresholds, weights: dict) -> rules.Thresholds:
    return rules.Thresholds(
        **row.figures(), weights=weights, gold_price_set_on=row.gold_price_set_on
    )


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
