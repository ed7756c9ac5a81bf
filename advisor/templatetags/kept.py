"""What templates draw once and keep.

`{{ form|crispy_kept }}`: crispy-forms' `|crispy`, drawn once per form, language and values.

A wizard step's form, before the buyer posts it, is the same HTML for everyone who has the same
saved answers (most often none), and drawing it takes crispy-forms several milliseconds: more
than the rest of the request. Its key names all it is drawn from (the form's class, the
language, the values shown; the choices and labels are code), so a kept copy is never stale.
A bound form (errors to show) is drawn each time.

`{% code_release %}`: the digest of this release's code, templates and translations, for the
keys of fragments kept with Django's `{% cache %}` tag, so that a deploy never serves HTML an
older release drew.
"""

import json
from functools import lru_cache

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms, template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from ..services.caching import release

register = template.Library()


@register.filter
def crispy_kept(form: forms.Form) -> SafeString:
    if form.is_bound or form.prefix:
        return as_crispy_form(form)
    values = json.dumps(form.initial, sort_keys=True, default=str)
    return _drawn(type(form), translation.get_language(), values)


# Each step's empty form, and the few combinations of choices that buyers share; a project name
# typed makes a form of its own, so the bound keeps memory small.
@lru_cache(maxsize=256)
def _drawn(form_class: type[forms.Form], language: str, values: str) -> SafeString:
    with translation.override(language):
        return mark_safe(as_crispy_form(form_class(initial=json.loads(values))))


@register.simple_tag
def code_release() -> str:
    return release()
