"""Counts agree with their nouns (issue 25): a sentence that puts a number before a noun says
it through ngettext, `{% blocktranslate count %}`, or a `Msg` with a plural, so "1 designs"
cannot be written. Scans the app's Python and templates; no database."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOUNS = r"(?:designs|weeks|days|units|pieces|quotes|reports|factors|rounds|browsers|items)"
# A count before a plural noun; "2 to %(slow)s weeks" and "%(low)s–%(high)s weeks" are ranges.
_PY_COUNT = re.compile(rf"(?<!to )(?<!–)%\((\w+)\)s {NOUNS}\b")
_TEMPLATE_COUNT = re.compile(rf"\{{\{{ *([\w.]+) *\}}\}} {NOUNS}\b")
# Counts that are never one: the contract's limits.
NEVER_ONE = {"max"}
_TRANSLATING = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext"}


def _name(node: ast.expr) -> str:
    return getattr(node, "id", None) or getattr(node, "attr", "")


def _strings(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _with_plural(tree: ast.AST) -> set[str]:
    """The strings said with a plural beside them: in ngettext, or in a Msg given `plural`."""
    said = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        has_plural = any(k.arg == "plural" for k in node.keywords) or len(node.args) > 2
        if name in {"ngettext", "ngettext_lazy"} or (name == "Msg" and has_plural):
            said |= _strings(node)
    return said


def _translated(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in _TRANSLATING and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def test_no_python_sentence_puts_a_count_before_a_noun_without_its_plural():
    found = []
    for path in sorted((ROOT / "advisor").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        plural = _with_plural(tree)
        for line, text in _translated(tree):
            if text in plural:
                continue
            for match in _PY_COUNT.finditer(text):
                if match.group(1) not in NEVER_ONE:
                    found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r}")
    assert not found, "\n".join(found)


def test_no_template_puts_a_count_before_a_noun_without_its_plural():
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for block in re.finditer(
            r"\{% blocktranslate(?P<args>[^%]*)%\}(?P<body>.*?)\{% endblocktranslate %\}",
            path.read_text(),
            re.S,
        ):
            if " count " in f" {block['args']} ":
                continue
            for match in _TEMPLATE_COUNT.finditer(block["body"]):
                found.append(f"{path.relative_to(ROOT)}: {match.group(0)!r}")
    assert not found, "\n".join(found)
