"""Every threshold figure is declared once, in `rules.FIGURES`; everything else follows it."""

import ast
import dataclasses
import re
from decimal import Decimal
from pathlib import Path

from django.core.validators import MaxValueValidator, MinValueValidator

from advisor import rules
from advisor.admin.figures import ThresholdsAdmin
from advisor.models import Thresholds
from advisor.rules.figures import DEFAULT_WEIGHTS, FIGURES, Unit
from advisor.rules.types import Answers
from tests.conftest import ROOT

RULES_DIR = Path(rules.__file__).parent


def _figure_fields() -> list:
    return [
        f
        for f in Thresholds._meta.get_fields()
        if f.name not in {"id", "version", "updated_at", "gold_price_set_on"}
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
    assert sorted(shown) == sorted([*rules.FIGURES, "version", "updated_at", "gold_price_set_on"])


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


# docs/rules.md states each figure's default, unit and limits in one table, and the factors'
# default weights in another; these hold both to `FIGURES` and `DEFAULT_WEIGHTS`.
RULES_DOC = ROOT / "docs" / "rules.md"
UNIT_WORDS = {
    Unit.USD: "USD",
    Unit.UNITS: "units a design",
    Unit.WEEKS: "weeks",
    Unit.PERCENT: "%",
    Unit.ROUNDS: "rounds",
    Unit.GRAMS: "g",
    Unit.DAYS: "days",
}


def _doc_table(header: str) -> list[list[str]]:
    """The cells of each row of the docs/rules.md table whose header row starts so."""
    lines = RULES_DOC.read_text().splitlines()
    (start,) = [number for number, line in enumerate(lines) if line.startswith(header)]
    rows = []
    for line in lines[start + 2 :]:  # after the header and its |---| line
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_rules_doc_states_each_figure_as_figures_declares_it():
    rows = _doc_table("| figure | default |")
    assert [row[0].strip("`") for row in rows] == list(FIGURES), "every figure once, in order"
    for name, default, unit, limits, assumption, factor, label in rows:
        figure = FIGURES[name.strip("`")]
        assert _number(default) == figure.default, f"{name}: docs/rules.md says {default}"
        assert unit == UNIT_WORDS[figure.unit], name
        assert tuple(_number(end) for end in limits.split("–")) == figure.limits, name
        assert (assumption == "A") == figure.assumption, name
        assert factor.strip("`") == figure.factor, name
        assert label == figure.label, name


def test_the_rules_doc_states_the_default_weights():
    rows = _doc_table("| factor | default weight |")
    assert {slug.strip("`"): Decimal(weight) for slug, weight in rows} == DEFAULT_WEIGHTS
    assert len(rows) == len(DEFAULT_WEIGHTS)


def test_every_figure_the_rules_doc_names_is_one():
    named = set(
        re.findall(
            r"`([a-z][a-z_]*_(?:usd|units|weeks|percent|rounds|days|g))`", RULES_DOC.read_text()
        )
    )
    answers = {field.name for field in dataclasses.fields(Answers)}
    assert named - answers - set(FIGURES) == set()


def test_every_public_source_behind_a_figure_is_named_in_the_rules_doc():
    doc = RULES_DOC.read_text()
    sourced = [figure for figure in FIGURES.values() if figure.source]
    assert {f.name for f in sourced} >= {"cny_stop_before_days", "duty_eu_percent"}
    for figure in sourced:
        addresses = re.findall(r"https?://\S+?(?=[;,)]?(?:\s|$))", figure.source)
        assert addresses, figure.name
        for address in addresses:
            assert address in doc, f"{figure.name}: {address}"
        assert "checked 2026-12-02" in figure.source, figure.name


def test_a_default_duty_is_never_zero():
    for market in ("us", "eu", "uk", "other"):
        figure = FIGURES[f"duty_{market}_percent"]
        assert figure.default > 0 and figure.limits[0] >= 1, market
