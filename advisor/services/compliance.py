"""The compliance requirements a request for quotation lists, from the staff-edited rows."""

from collections.abc import Sequence

from ..models import ComplianceRequirement
from ..rules.compliance import Requirement, applicable


def requirements_for(
    *, markets: Sequence[str], wearer_age: str | None, plating: str | None
) -> list[Requirement]:
    """The active requirements for these markets, wearers and plating, in the RFQ's order.

    One query; `rules.compliance.applicable` does the choosing and the ordering.
    """
    rows = ComplianceRequirement.objects.filter(active=True, market__in=list(markets))
    return applicable(
        [row.to_rule() for row in rows], markets=markets, wearer_age=wearer_age, plating=plating
    )
