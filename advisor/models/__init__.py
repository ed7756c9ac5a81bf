"""What the site stores: `factors` (the factors, the compliance requirements and the
thresholds staff edit), `reports` (saved reports and the owner's supplier quotes), `owners`
(the browsers that share reports, and the owner's link) and `wizard` (a buyer's walk through
the wizard, step by step)."""

from .factors import FIGURE_NAMES_HELP, ComplianceRequirement, Factor, Thresholds, figure_field
from .owners import Owner, OwnerBrowser
from .reports import QUOTE_MODELS, Quote, Recommendation, Report, new_report_token
from .wizard import StepAnswer, Submission, new_public_id

__all__ = [
    "FIGURE_NAMES_HELP",
    "QUOTE_MODELS",
    "ComplianceRequirement",
    "Factor",
    "Owner",
    "OwnerBrowser",
    "Quote",
    "Recommendation",
    "Report",
    "StepAnswer",
    "Submission",
    "Thresholds",
    "figure_field",
    "new_public_id",
    "new_report_token",
]
