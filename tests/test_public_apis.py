"""Nothing of the site's code stands on Django's internals (issue 23): every Django module it
imports is one whose contents Django documents, from `django.utils` (which Django says is
mostly internal) only the names it documents, and no code reads an attribute marked private
(a leading underscore) that is not its own, so an upgrade within Django's deprecation policy
cannot break it silently. A new import fails here: check that what it gives is in Django's
documentation, then add it below.

Blind spots, left to review: an undocumented attribute without an underscore
(`CookieStorage.cookie_name`), and the tests' own imports (the migration tests run Django's
MigrationExecutor, as Django's own tests do)."""

import ast
import functools
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
# django.utils: "most of the modules are designed for internal use"; ref/utils lists the rest.
DOCUMENTED_UTILS = {
    "django.utils": {"timezone", "translation"},
    "django.utils.cache": {"patch_cache_control"},
    "django.utils.functional": {"cached_property", "keep_lazy_text", "lazy"},
    "django.utils.html": {"format_html", "escape"},
    "django.utils.safestring": {"SafeString", "mark_safe"},
    "django.utils.text": {"format_lazy", "slugify"},
    # Documented whole ("*"):
    "django.utils.timezone": {"*"},
    "django.utils.translation": {"*"},
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


@functools.cache
def _trees() -> dict[Path, ast.AST]:
    return {path: ast.parse(path.read_text(), str(path)) for path in _sources()}


def _django_imports(tree: ast.AST) -> set[tuple[str, str]]:
    """(module, name) for each name taken from a Django module; (module, "") for a module."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {(node.module, alias.name) for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {(alias.name, "") for alias in node.names}
    return {(module, name) for module, name in found if module.split(".")[0] == "django"}


def _undocumented(module: str, name: str) -> bool:
    if module not in DOCUMENTED or name.startswith("_"):
        return True
    documented = DOCUMENTED_UTILS.get(module, {"*"})
    return "*" not in documented and name not in documented


def test_every_django_module_and_utility_the_code_imports_is_documented():
    undocumented = set()
    for path, tree in _trees().items():
        for module, name in _django_imports(tree):
            if _undocumented(module, name):
                undocumented.add((str(path.relative_to(ROOT)), module, name))
    assert undocumented == set()


def _names_of_our_own(trees: list[ast.AST]) -> set[str]:
    """Every name our code defines: functions, classes, and attributes it assigns."""
    own = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                own.add(node.id)
    return own


def test_no_code_reads_a_private_attribute_that_is_not_its_own():
    """`x._name` or `getattr(x, "_name")`, where no code of ours defines `_name`: a library's
    internal, even through `self` in a subclass of one of its classes."""
    trees = _trees()
    own = _names_of_our_own(list(trees.values()))
    read = set()
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                name = node.attr
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr", "setattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                name = node.args[1].value
            else:
                continue
            if name.startswith("_") and not name.startswith("__") and name not in own:
                read.add((str(path.relative_to(ROOT)), name))
    allowed = {(path, name) for path, name in THIRD_PARTY_INTERNALS}
    allowed |= {
        (str(path.relative_to(ROOT)), name) for path in trees for name in DOCUMENTED_PRIVATE_NAMES
    }
    assert read - allowed == set()
