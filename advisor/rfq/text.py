"""A request as plain text for a marketplace message."""

import textwrap

from django.utils.translation import gettext as _

from .items import Request

TEXT_LIMIT = 4_000  # characters: what a marketplace message comfortably takes
TEXT_WIDTH = 72


def as_text(request: Request, full_request_url: str = "") -> str:
    """The request as plain text for a marketplace message, under `TEXT_LIMIT` characters: when
    longer, requirements are said by their limits only, then the last ones by name alone, as
    few as it takes; then the text says so, with the link to the full request
    (`full_request_url`, the link for factories, while it works): a factory must not price a
    test without seeing its limit."""
    shortened = sum(item.short is not None for s in request.sections for item in s.items)
    text = _text(request, named=0, short=False, full_request_url=full_request_url)
    for named in range(shortened + 1):
        if len(text) < TEXT_LIMIT:
            return text
        text = _text(request, named=named, short=True, full_request_url=full_request_url)
    return text if len(text) < TEXT_LIMIT else text[: TEXT_LIMIT - 2].rstrip() + "\n"


def _text(request: Request, *, named: int, short: bool, full_request_url: str) -> str:
    """The text, with each requirement's limit only when `short`, and the last `named` of them
    by name alone."""
    lines = [request.title.upper(), ""]
    lines += textwrap.wrap(request.intro, TEXT_WIDTH)
    shortened = [item for s in request.sections for item in s.items if item.short is not None]
    bare = {id(item) for item in shortened[len(shortened) - named :]} if named else set()
    for section in request.sections:
        lines += ["", section.heading.upper()]
        for item in section.items:
            value = item.value
            if item.short is not None and short:
                value = "" if id(item) in bare else item.short
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
