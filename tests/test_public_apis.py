"""Nothing of ours stands on Django's internals (issue 23): every Django module the code imports
is one whose contents Django documents, and no code reads an attribute Django marks private
(a leading underscore), so an upgrade within Django's deprecation policy cannot break it
silently. A new import of another module fails here: check that what it gives is in Django's
documentation, then add the module below."""

import ast
from pathlib import Path

from tests.conftest import ROOT

# Each module, and the documentation page that describes what we take from it.
DOCUMENTED = {
    "django": "ref/forms (django.forms), ref/applications (django.setup)",
    "django.apps": "ref/applications",
    "django.apps.registry": "ref/migration-operations, RunPython: `apps` is a registry.Apps",
    "django.conf": "topics/settings",
    "django.contrib": "ref/contrib/admin, ref/contrib/messages",
    "django.contrib.auth": "topics/auth/default",
    "django.contrib.auth.signals": "ref/contrib/auth, Signals",
    "django.contrib.messages": "ref/contrib/messages, Message tags (constants)",
    "django.contrib.messages.storage.cookie": "ref/contrib/messages, Storage backends",
    "django.contrib.staticfiles": "ref/contrib/staticfiles, Finders module",
    "django.contrib.staticfiles.finders": "ref/contrib/staticfiles, Finders module",
    "django.contrib.staticfiles.storage": "ref/contrib/staticfiles, Storages",
    "django.core": "topics/signing",
    "django.core.cache": "topics/cache, Accessing the cache",
    "django.core.checks": "topics/checks",
    "django.core.exceptions": "ref/exceptions",
    "django.core.files.storage": "ref/files/storage",
    "django.core.mail": "topics/email",
    "django.core.management": "ref/django-admin, Running management commands from your code",
    "django.core.management.base": "howto/custom-management-commands",
    "django.core.serializers.json": "topics/serialization, DjangoJSONEncoder",
    "django.core.validators": "ref/validators",
    "django.core.wsgi": "howto/deployment/wsgi",
    "django.db": "topics/db/transactions, topics/db/sql (connection)",
    "django.db.models": "ref/models",
    "django.db.models.deletion": "written by makemigrations (on_delete in migrations)",
    "django.dispatch": "topics/signals",
    "django.http": "ref/request-response",
    "django.middleware.csrf": "ref/csrf, get_token",
    "django.shortcuts": "topics/http/shortcuts",
    "django.template.loader": "topics/templates, Usage",
    "django.templatetags.static": "ref/templates/builtins, static",
    "django.test": "topics/testing/tools",
    "django.urls": "ref/urlresolvers",
    "django.utils": "ref/utils (timezone)",
    "django.utils.cache": "ref/utils",
    "django.utils.functional": "ref/utils (cached_property)",
    "django.utils.html": "ref/utils (format_html)",
    "django.utils.safestring": "ref/utils",
    "django.utils.text": "ref/utils (format_lazy, slugify); capfirst is its template filter",
    "django.utils.timezone": "ref/utils",
    "django.utils.translation": "ref/utils, topics/i18n/translation",
    "django.views.decorators.cache": "topics/http/decorators",
    "django.views.decorators.csrf": "ref/csrf",
    "django.views.decorators.http": "topics/http/decorators",
}
# Attributes with a leading underscore that Django documents as public.
DOCUMENTED_PRIVATE_NAMES = {"_meta"}  # ref/models/meta: the Model _meta API
# Where a third-party library's own internal is read, said so beside it (not Django's).
THIRD_PARTY_INTERNALS = {("advisor/pdf.py", "_page_box")}  # WeasyPrint's page layout


def _sources() -> list[Path]:
    files = [ROOT / "manage.py"]
    for folder in ("advisor", "config", "scripts"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _django_imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name for name in names if name.split(".")[0] == "django"}
    return found


def test_every_django_module_the_code_imports_is_documented():
    imported = {}
    for path in _sources():
        for module in _django_imports(ast.parse(path.read_text(), str(path))):
            imported.setdefault(module, str(path.relative_to(ROOT)))
    undocumented = {module: path for module, path in imported.items() if module not in DOCUMENTED}
    assert undocumented == {}


def test_no_code_reads_a_private_attribute():
    """`x._name` for someone else's `x`. `self._name` and `cls._name` are taken as the class's
    own (a name a subclass inherits from Django's would pass: review catches those)."""
    read = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Attribute) and node.attr.startswith("_")):
                continue
            if node.attr.startswith("__") or node.attr in DOCUMENTED_PRIVATE_NAMES:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            read.add((str(path.relative_to(ROOT)), node.attr))
    assert read - THIRD_PARTY_INTERNALS == set()
