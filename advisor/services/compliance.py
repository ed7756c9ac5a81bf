"""The compliance requirements a request for quotation lists, from the staff-edited rows,
and the request itself."""

from collections.abc import Sequence
from datetime import date

from .. import rfq
from ..models import ComplianceRequirement, Report
from ..rules.compliance import Requirement, applicable


def requirements_for(
    *,
    markets: Sequence[str],
    wearer_age: str | None,
    plating: str | None,
    base_metal: str | None,
) -> list[Requirement]:
    """The active requirements for these markets, wearers, plating and base metal, in the RFQ's
    order.

    One query; `rules.compliance.applicable` does the choosing and the ordering.
    """
    rows = ComplianceRequirement.objects.filter(active=True, market__in=list(markets))
    return applicable(
        [row.to_rule() for row in rows],
        markets=markets,
        wearer_age=wearer_age,
        plating=plating,
        base_metal=base_metal,
    )


def request_for_quotation(*, report: Report, model: str | None, today: date) -> rfq.Request:
    """The report's request for quotation for `model`, with the requirements for its markets,
    wearers and materials as staff keep them today."""
    data = report.data
    answers = data["answers"]
    requirements = requirements_for(
        markets=answers.get("target_markets", []),
        wearer_age=answers.get("wearer_age"),
        plating=answers.get("plating"),
        base_metal=answers.get("base_metal"),
    )
    return rfq.build(data, rfq.chosen_model(data, model), requirements, today)
