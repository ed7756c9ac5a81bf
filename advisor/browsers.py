"""What a browser is, roughly, from its User-Agent: "Chrome Mobile on Android", enough for an
owner to tell their browsers apart in the list of those that share their reports."""

from django.utils.translation import gettext as _

# ua-parser's name for what none of its rules matched.
_UNKNOWN = "Other"
LABEL_MAX_LENGTH = 100


def describe(user_agent: str) -> str:
    """A label such as "Chrome on Windows" or "Firefox", or "" when the User-Agent names
    nothing known.

    The first call loads ua-parser's rules (about 0.2 s), hence here and not at import: only
    the requests that write a browser's row need them (ua-parser keeps recent answers)."""
    from ua_parser import parse

    found = parse(user_agent[:1000])
    browser = found.user_agent.family if found.user_agent else _UNKNOWN
    system = found.os.family if found.os else _UNKNOWN
    if browser == _UNKNOWN:
        return ""
    if system == _UNKNOWN:
        return browser[:LABEL_MAX_LENGTH]
    label = _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return label[:LABEL_MAX_LENGTH]
