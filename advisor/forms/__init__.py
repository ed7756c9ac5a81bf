"""The site's forms: `wizard` (one per step), `reports` (a link's expiry, a supplier's quote),
`owners` (the address to e-mail the owner's link to), and the `fields` they share."""

from .owners import OwnerLinkEmailForm
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
    "OwnerLinkEmailForm",
    "QuoteForm",
    "StepForm",
    "TimelineForm",
    "VolumeForm",
    "latest_launch",
]
