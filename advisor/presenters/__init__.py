"""Turn a report snapshot into what its pages show: labels, rows and chart geometry."""

from .quotes import quotes_context
from .report import (
    answer_rows,
    key_facts,
    model_labels,
    pdf_filename,
    qr_svg,
    report_context,
    report_title,
)

__all__ = [
    "answer_rows",
    "key_facts",
    "model_labels",
    "pdf_filename",
    "qr_svg",
    "quotes_context",
    "report_context",
    "report_title",
]
