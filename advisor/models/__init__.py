"""What the site stores: `factors` (the factors, the compliance requirements and the
thresholds staff edit), `reports` (saved reports and the owner's supplier quotes) and
`wizard` (a buyer's walk through the wizard, step by step)."""

from .factors import FIGURE_NAMES_HELP, ComplianceRequirement, Factor, Thresholds, figure_field
from .reports import QUOTE_MODELS, Quote, Recommendation, Report, new_report_token
from .wizard import StepAnswer, Submission, new_public_id

__all__ = [
    "FIGURE_NAMES_HELP",
    "QUOTE_MODELS",
    "ComplianceRequirement",
    "Factor",
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
