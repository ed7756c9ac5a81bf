"""The layout a newcomer can read: short modules and functions, and pages that build on the
rules rather than on each other's forms and views."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

MODULE_MAX_LINES = 400
FUNCTION_MAX_LINES = 50


def _modules() -> list[Path]:
    paths = [p for d in ("advisor", "config", "scripts") for p in (ROOT / d).rglob("*.py")]
    return [p for p in paths if "migrations" not in p.parts]


def _imported(path: Path) -> set[str]:
    """The modules `path` imports, as dotted names relative to the project (`advisor.forms`)."""
    package = ".".join(path.relative_to(ROOT).parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
            if node.level == 0:
                module = node.module or ""
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def test_no_module_outside_the_migrations_is_longer_than_four_hundred_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if (n := len(p.read_text().splitlines())) > MODULE_MAX_LINES
    }
    assert long == {}


def test_no_function_in_the_app_is_longer_than_fifty_lines():
    for path in (p for p in _modules() if p.is_relative_to(ROOT / "advisor")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno
                assert length < FUNCTION_MAX_LINES, f"{path.name}: {node.name}"


@pytest.mark.parametrize(
    ("importer", "forbidden"),
    [
        ("advisor/middleware.py", "advisor.views"),
        ("advisor/presenters", "advisor.forms"),
        ("advisor/rfq", "advisor.forms"),
        ("advisor/rules", "advisor.models"),
    ],
)
def test_a_layer_does_not_reach_into_another(importer: str, forbidden: str):
    target = ROOT / importer
    paths = list(target.rglob("*.py")) if target.is_dir() else [target]
    assert paths
    reaching = [
        str(p.relative_to(ROOT))
        for p in paths
        if any(name == forbidden or name.startswith(forbidden + ".") for name in _imported(p))
    ]
    assert reaching == []
