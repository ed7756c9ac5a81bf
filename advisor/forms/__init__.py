"""The site's forms: `wizard` (one per step), `reports` (a link's expiry, a supplier's quote),
and the `fields` they share."""

from .reports import ExpiryForm, QuoteForm
from .wizard import (
    ANSWER_FORMS,
    BudgetForm,
    BusinessForm,
    DesignForm,
    MarketForm,
    StepForm,
    TimelineForm,
    VolumeForm,
    latest_launch,
)

__all__ = [
    "ANSWER_FORMS",
    "BudgetForm",
    "BusinessForm",
    "DesignForm",
    "ExpiryForm",
    "MarketForm",
    "QuoteForm",
    "StepForm",
    "TimelineForm",
    "VolumeForm",
    "latest_launch",
]
