"""What a request for quotation is made of: sections of items, each a statement or a blank
for the factory to fill."""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from .. import rules
from ..rules.compliance import Requirement

MARKET_NAMES = {"us": "US", "eu": "EU", "uk": "UK"}


@dataclass(frozen=True)
class Item:
    """One line of the request: a statement, or a question with a blank for the factory."""

    label: str
    value: str = ""
    blank: bool = False  # the factory fills it
    short: str | None = None  # a requirement's limit alone, when the text is too long
    brief: str | None = None  # the value without its explanation, when the text is too long


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    model: str  # "oem" or "odm"
    title: str
    intro: str
    sections: list[Section]
    closing: str
    requirements: list[Requirement]


def pieces(number: int) -> str:
    return ngettext("%(count)s piece", "%(count)s pieces", number) % {"count": rules.count(number)}
