"""A request as plain text for a marketplace message."""

import textwrap
from functools import partial

from django.utils.translation import gettext as _

from .items import Request

TEXT_LIMIT = 4_000  # characters: what a marketplace message comfortably takes
TEXT_WIDTH = 72


def as_text(request: Request, full_request_url: str = "") -> str:
    """The request as plain text for a marketplace message, under `TEXT_LIMIT` characters: when
    longer, requirements are said by their limits only (no test method), then explanations are
    cut (each item's `brief`), then the last requirements are named alone, as few as it takes,
    each pointing to the full request (`full_request_url`, the link for factories, while it
    works): a factory must not price a test without seeing its limit, nor read a bare label as
    nothing asked."""
    url = full_request_url
    limits = sum(item.short is not None for s in request.sections for item in s.items)
    attempts = [
        partial(_text, request, full_request_url=url),
        partial(_text, request, short=True, full_request_url=url),
        *(
            partial(_text, request, short=True, brief=True, named=named, full_request_url=url)
            for named in range(limits + 1)
        ),
    ]
    for attempt in attempts:
        text = attempt()
        if len(text) < TEXT_LIMIT:
            return text
    return text[: TEXT_LIMIT - 2].rstrip() + "\n"


def _text(
    request: Request,
    *,
    brief: bool = False,
    short: bool = False,
    named: int = 0,
    full_request_url: str,
) -> str:
    """The text, with explanations cut when `brief`, each requirement's limit only when
    `short`, and the last `named` of them by name alone, pointing to the full request."""
    lines = [request.title.upper(), ""]
    lines += textwrap.wrap(request.intro, TEXT_WIDTH)
    limits = [item for s in request.sections for item in s.items if item.short is not None]
    bare = {id(item) for item in limits[len(limits) - named :]} if named else set()
    at_link = (
        _("details at the link below") if full_request_url else _("details: we will send them")
    )
    for section in request.sections:
        lines += ["", section.heading.upper()]
        for item in section.items:
            value = item.value
            if brief and item.brief is not None:
                value = item.brief
            if short and item.short is not None:
                value = at_link if id(item) in bare else item.short or at_link
            colon = "" if item.label.endswith("?") else ":"
            text = f"- {item.label}{colon} {value}".rstrip() + (" ____" if item.blank else "")
            lines += textwrap.wrap(text, TEXT_WIDTH, subsequent_indent="  ")
    if bare:
        if full_request_url:
            full = _("Limits left out above for length: %(url)s") % {"url": full_request_url}
        else:
            full = _("Limits left out above for length: we will send them.")
        lines += [""] + textwrap.wrap(full, TEXT_WIDTH, break_on_hyphens=False)
    lines += [""] + textwrap.wrap(request.closing, TEXT_WIDTH)
    return "\n".join(lines) + "\n"
