"""Every threshold figure is declared once, in `rules.FIGURES`; everything else follows it."""

import ast
from pathlib import Path

from django.core.validators import MaxValueValidator, MinValueValidator

from advisor import rules
from advisor.admin import ThresholdsAdmin
from advisor.models import Thresholds

RULES_DIR = Path(rules.__file__).parent


def _figure_fields() -> list:
    return [
        f for f in Thresholds._meta.get_fields() if f.name not in {"id", "version", "updated_at"}
    ]


def test_the_model_has_exactly_one_field_per_figure_in_the_table_order():
    assert [field.name for field in _figure_fields()] == list(rules.FIGURES)


def test_each_field_says_what_the_table_says():
    for field in _figure_fields():
        figure = rules.FIGURES[field.name]
        limits = {type(v): v.limit_value for v in field.validators}
        assert str(field.verbose_name) == figure.label
        assert str(field.help_text) == figure.help_text
        assert field.default == figure.default
        assert (limits[MinValueValidator], limits[MaxValueValidator]) == figure.limits


def test_the_rules_defaults_are_the_seeded_thresholds(db):
    assert Thresholds.objects.get().figures() == {
        name: figure.default for name, figure in rules.FIGURES.items()
    }
    assert rules.Thresholds() == rules.Thresholds(
        **{name: figure.default for name, figure in rules.FIGURES.items()}
    )


def test_the_admin_shows_every_figure_once():
    shown = []
    for _title, options in ThresholdsAdmin.fieldsets:
        for row in options["fields"]:
            shown.extend(row if isinstance(row, tuple) else [row])
    assert sorted(shown) == sorted([*rules.FIGURES, "version", "updated_at"])


def test_ranges_sit_on_one_admin_line():
    rows = [row for _title, options in ThresholdsAdmin.fieldsets for row in options["fields"]]
    for figure in rules.FIGURES.values():
        if figure.at_least:
            assert (figure.at_least, figure.name) in rows


def test_every_figure_belongs_to_one_of_the_eight_factors():
    assert {figure.factor for figure in rules.FIGURES.values()} <= set(rules.FACTOR_SLUGS)
    grouped = [name for names in rules.FACTOR_FIGURES.values() for name in names]
    assert sorted(grouped) == sorted(rules.FIGURES)


def test_the_rules_package_imports_no_django():
    for path in RULES_DIR.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), path.name


def test_no_function_in_the_app_is_longer_than_fifty_lines():
    for path in RULES_DIR.parent.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno < 50, f"{path.name}: {node.name}"
