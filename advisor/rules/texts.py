"""User-facing words: sentences as `Msg` (translated later, by the caller), answers and factors
as phrases, and the one way money is written.

No Django here: `gettext_noop` marks a string for `makemessages`, and `advisor.snapshots`
translates the finished sentences with Django's gettext when it saves a report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .types import (
    CompanyStage,
    Customization,
    DemandEvidence,
    DesignReadiness,
    IpImportance,
    Positioning,
    QcCapability,
    RiskTolerance,
    Verdict,
)

Translate = Callable[[str], str]
NTranslate = Callable[[str, str, int], str]


def gettext_noop(message: str) -> str:
    """Marks a message for `makemessages`; it is translated where it is shown."""
    return message


class Term(str):
    """A word or phrase (marked with `gettext_noop`) that is translated when its sentence is."""


@dataclass(frozen=True)
class Msg:
    """A user-facing sentence: an English template with %(name)s placeholders, and their values.

    A value may itself be a `Msg` or a `Term` (translated with the sentence), a tuple of them
    (phrases, joined with commas) or a list of them (sentences, joined with spaces).
    """

    template: str
    params: Mapping[str, object] = field(default_factory=dict)
    # For a sentence with a number in it: its plural template and the parameter that counts.
    plural: str | None = None
    count: str | None = None

    def render(self, translate: Translate = str, ntranslate: NTranslate | None = None) -> str:
        if self.plural and self.count:
            # A count may come formatted for reading ("1,000").
            number = int(str(self.params[self.count]).replace(",", ""))
            if ntranslate is None:
                template = self.template if number == 1 else self.plural
            else:
                template = ntranslate(self.template, self.plural, number)
        else:
            template = translate(self.template)
        if not self.params:
            return template
        values = {
            name: _render_value(value, translate, ntranslate) for name, value in self.params.items()
        }
        return (template % values).strip()


@dataclass(frozen=True)
class Paragraph:
    """Sentences read one after the other; each is translated on its own."""

    sentences: tuple[Msg | Paragraph, ...]

    def render(self, translate: Translate = str, ntranslate: NTranslate | None = None) -> str:
        return " ".join(sentence.render(translate, ntranslate) for sentence in self.sentences)


def _render_value(value: object, translate: Translate, ntranslate: NTranslate | None) -> object:
    if isinstance(value, Msg):
        return value.render(translate, ntranslate)
    if isinstance(value, Term):
        return translate(str(value))
    if isinstance(value, tuple):  # phrases, read as prose: "a, b and c"
        items = [str(_render_value(item, translate, ntranslate)) for item in value]
        if len(items) < 2:
            return "".join(items)
        return translate("%(items)s and %(last)s") % {
            "items": ", ".join(items[:-1]),
            "last": items[-1],
        }
    if isinstance(value, list):  # sentences
        return " ".join(str(_render_value(item, translate, ntranslate)) for item in value)
    return value


def usd(amount: int | float | Decimal | str, *, cents: bool = False, whole: bool = False) -> str:
    """Dollars as buyers read them: "$12,000", "$12.50". With `cents`, always two decimals;
    with `whole`, rounded to the dollar (for chart labels)."""
    amount = Decimal(str(amount))
    if whole:
        return f"${amount:,.0f}"
    if cents or amount != amount.to_integral_value():
        return f"${amount:,.2f}"
    return f"${int(amount):,}"


def time_left(days: int) -> Msg:
    """Time until a date as buyers say it: whole weeks, or days when less than one."""
    return weeks(days // 7) if days >= 7 else day_count(days)


def weeks(number: int) -> Msg:
    return Msg(
        gettext_noop("%(weeks)s week"), {"weeks": number}, gettext_noop("%(weeks)s weeks"), "weeks"
    )


def day_count(number: int) -> Msg:
    return Msg(
        gettext_noop("%(days)s day"), {"days": number}, gettext_noop("%(days)s days"), "days"
    )


def units(number: int) -> Msg:
    """A quantity of pieces: "1 unit", "1,000 units"."""
    return Msg(
        gettext_noop("%(units)s unit"),
        {"units": count(number)},
        gettext_noop("%(units)s units"),
        "units",
    )


def unit_range(low: int, high: int) -> Msg:
    """A range of pieces: "2 to 5 units", or one figure when both ends agree."""
    if low == high:
        return units(low)
    return Msg(gettext_noop("%(low)s to %(high)s"), {"low": count(low), "high": units(high)})


def week_range(low: int, high: int) -> Msg:
    """A range of weeks: "5 to 17 weeks", or one figure when both ends agree."""
    if low == high:
        return weeks(low)
    return Msg(gettext_noop("%(low)s to %(high)s"), {"low": count(low), "high": weeks(high)})


def count(number: int) -> str:
    """A whole number with thousands separators: "1,000"."""
    return f"{number:,}"


# How each answer reads inside a sentence ("as a start-up, ..."), per question: different
# questions share values ("none"), so one flat table would mix them up.
CHOICE_WORDS: dict[type[StrEnum], dict[str, str]] = {
    CompanyStage: {
        CompanyStage.STARTUP: gettext_noop("a start-up"),
        CompanyStage.GROWING: gettext_noop("a growing brand"),
        CompanyStage.ESTABLISHED: gettext_noop("an established brand"),
    },
    Positioning: {
        Positioning.BUDGET: gettext_noop("budget"),
        Positioning.MID_MARKET: gettext_noop("mid-market"),
        Positioning.PREMIUM: gettext_noop("premium"),
    },
    DemandEvidence: {
        DemandEvidence.UNTESTED: gettext_noop("untested demand"),
        DemandEvidence.EARLY_SALES: gettext_noop("early sales"),
        DemandEvidence.PROVEN: gettext_noop("proven demand"),
    },
    DesignReadiness: {
        DesignReadiness.NONE: gettext_noop("no designs yet"),
        DesignReadiness.SKETCHES: gettext_noop("sketches"),
        DesignReadiness.FULL_SPECS: gettext_noop("full specifications"),
    },
    IpImportance: {
        IpImportance.UNIMPORTANT: gettext_noop("unimportant"),
        IpImportance.PREFERRED: gettext_noop("preferred"),
        IpImportance.ESSENTIAL: gettext_noop("essential"),
    },
    Customization: {
        Customization.BRANDING_ONLY: gettext_noop("branding only"),
        Customization.MINOR_CHANGES: gettext_noop("minor changes"),
        Customization.FULL_CUSTOM: gettext_noop("full customization"),
    },
    QcCapability: {
        QcCapability.NONE: gettext_noop("no QC of your own"),
        QcCapability.THIRD_PARTY: gettext_noop("a third-party inspector"),
        QcCapability.IN_HOUSE: gettext_noop("in-house QC"),
    },
    RiskTolerance: {
        RiskTolerance.LOW: gettext_noop("low"),
        RiskTolerance.MEDIUM: gettext_noop("medium"),
        RiskTolerance.HIGH: gettext_noop("high"),
    },
}


def word(question: type[StrEnum], value: str) -> Term:
    """An answer as it reads inside a sentence."""
    return Term(CHOICE_WORDS[question][value])


# How a recommendation reads inside a sentence ("would make the advice OEM").
VERDICT_WORDS = {
    Verdict.NEITHER: Term(gettext_noop("neither (both models ruled out)")),
    Verdict.OEM: Term(gettext_noop("OEM")),
    Verdict.ODM: Term(gettext_noop("ODM")),
    Verdict.HYBRID: Term(gettext_noop("hybrid (ODM now, OEM later)")),
}

# How a factor reads inside a sentence ("ruled out by lead time").
FACTOR_PHRASES = {
    "design-ownership": Term(gettext_noop("design ownership")),
    "customization-level": Term(gettext_noop("customization")),
    "moq-requirements": Term(gettext_noop("minimum order quantity")),
    "lead-time": Term(gettext_noop("lead time")),
    "upfront-costs": Term(gettext_noop("upfront costs")),
    "quality-control": Term(gettext_noop("quality control")),
    "brand-differentiation": Term(gettext_noop("brand differentiation")),
    "risk-level": Term(gettext_noop("risk")),
}


# Said wherever OEM tooling decides something: the source's figure is for a whole development
# programme, and a buyer must not take it for a jewelry mold's price.
# Said beside a blocker or verdict that rests on the staff's tooling range; not when a
# supplier's quote gave the tooling (a re-run).
TOOLING_CAVEAT = Msg(
    gettext_noop(
        "OEM tooling here is the source's range for a whole development programme; jewelry molds "
        "alone often cost far less, and a factory's quote replaces this figure."
    )
)


def factor_phrases(slugs: list[str]) -> tuple[Term, ...]:
    """Factors as a list of phrases, for "led by design ownership, lead time"."""
    return tuple(FACTOR_PHRASES[slug] for slug in slugs)
