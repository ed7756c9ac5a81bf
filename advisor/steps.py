"""The wizard's steps, declared once and in order: URLs, navigation and progress come from here."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import forms

REVIEW = "review"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str  # a lazy translation, which reads as a str when drawn
    form_class: type[forms.StepForm]
    intro: str = ""


STEPS = (
    Step(
        "business",
        _("About your business"),
        forms.BusinessForm,
        _("Who you are decides how much risk and control make sense."),
    ),
    Step(
        "budget",
        _("Budget"),
        forms.BudgetForm,
        _("What you can spend before the first order, and what each piece should cost."),
    ),
    Step(
        "volume",
        _("Volume"),
        forms.VolumeForm,
        _("How much you will order the first time."),
    ),
    Step(
        "timeline",
        _("Timeline"),
        forms.TimelineForm,
        _("When you need the goods, and how far your designs are."),
    ),
    Step(
        "design",
        _("Design and IP"),
        forms.DesignForm,
        _("Ownership, changes, quality and risk."),
    ),
    Step(
        "market",
        _("Market and materials"),
        forms.MarketForm,
        _("Where the pieces are sold and what they are made of decide the tests to ask for."),
    ),
)
BY_SLUG = {step.slug: step for step in STEPS}
TOTAL = len(STEPS) + 1  # the review is a step too, for the buyer


def number(slug: str) -> int:
    return TOTAL if slug == REVIEW else [step.slug for step in STEPS].index(slug) + 1


def after(slug: str) -> str:
    index = [step.slug for step in STEPS].index(slug)
    return STEPS[index + 1].slug if index + 1 < len(STEPS) else REVIEW


def before(slug: str) -> str | None:
    if slug == REVIEW:
        return STEPS[-1].slug
    index = [step.slug for step in STEPS].index(slug)
    return STEPS[index - 1].slug if index > 0 else None


def first_missing(stored: dict[str, dict]) -> str | None:
    """The first step with no saved answers."""
    return next((step.slug for step in STEPS if step.slug not in stored), None)


def next_after_saving(slug: str, stored: dict[str, dict], *, back_to_review: bool) -> str:
    """Where a saved step leads: on to the next step, or back to the review after a change,
    but never past the first step still unanswered."""
    following = first_missing(stored) or REVIEW
    wanted = following if back_to_review else after(slug)
    return following if number(wanted) > number(following) else wanted


def form_for_display(step: Step, saved: dict | None) -> forms.StepForm:
    """The step's form with its saved answers; bound, with errors, if they no longer pass."""
    if shows_as_saved(step, saved):
        return step.form_class(initial=saved)
    return step.form_class(data=saved)


def shows_as_saved(step: Step, saved: dict | None) -> bool:
    """Whether the step shows its saved answers (or none) as they are, rather than with the
    errors they make today: a launch date passes until the day it is reached."""
    return saved is None or step.form_class(data=saved).is_valid()
