"""Saved answers and thresholds give byte-identical report JSON, whatever the code behind it.

`tests/fixtures/golden_reports.json` holds cases recorded from the rules and report code as
they were: for each, the answers, any thresholds staff had changed, and the exact snapshot
bytes the report stored. A refactoring that changes a single byte of any report fails here.
Regenerate the file only for a deliberate change of the advice, and say so in the commit:

    GOLDEN_RECORD=1 .venv/bin/python -m pytest tests/test_report_golden.py
"""

import json
import os
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from advisor import services
from advisor.models import Thresholds
from advisor.rules import Answers

FIXTURES = Path(__file__).parent / "fixtures" / "golden_reports.json"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
TOKEN = "GOLDEN-TOKEN"

CHOICES = {
    "company_stage": ["startup", "growing", "established"],
    "positioning": ["budget", "mid_market", "premium"],
    "demand_evidence": ["untested", "early_sales", "proven"],
    "design_readiness": ["none", "sketches", "full_specs"],
    "ip_importance": ["essential", "preferred", "unimportant"],
    "customization": ["branding_only", "minor_changes", "full_custom"],
    "qc_capability": ["none", "third_party", "in_house"],
    "risk_tolerance": ["low", "medium", "high"],
}
CUSTOM_THRESHOLDS = {
    "oem_tooling_min_usd": 800,
    "oem_tooling_max_usd": 9_000,
    "oem_moq_min_units": 300,
    "odm_moq_min_units": 100,
    "oem_lead_time_min_weeks": 10,
    "transit_express_weeks": 2,
    "inspection_fee_usd": 350,
    "oem_deposit_percent": 40,
}


def _named_cases() -> list[dict]:
    """One case per kind of report a buyer can get, by hand."""
    base = {
        "project_name": "Spring pendants",
        "company_stage": "growing",
        "positioning": "mid_market",
        "demand_evidence": "early_sales",
        "upfront_budget_usd": 20_000,
        "unit_cost_usd": "12.50",
        "units_per_design": 300,
        "design_count": 3,
        "launch_date": (TODAY + timedelta(weeks=20)).isoformat(),
        "design_readiness": "sketches",
        "ip_importance": "preferred",
        "customization": "minor_changes",
        "qc_capability": "third_party",
        "risk_tolerance": "medium",
    }
    named = {
        "balanced": {},
        "startup-six-weeks": {
            "company_stage": "startup",
            "positioning": "budget",
            "demand_evidence": "untested",
            "upfront_budget_usd": 3_000,
            "units_per_design": 100,
            "launch_date": (TODAY + timedelta(weeks=6)).isoformat(),
            "design_readiness": "none",
            "ip_importance": "unimportant",
            "customization": "branding_only",
            "qc_capability": "none",
            "risk_tolerance": "low",
        },
        "established-premium": {
            "company_stage": "established",
            "positioning": "premium",
            "demand_evidence": "proven",
            "upfront_budget_usd": 250_000,
            "units_per_design": 800,
            "launch_date": (TODAY + timedelta(weeks=26)).isoformat(),
            "design_readiness": "full_specs",
            "ip_importance": "essential",
            "customization": "full_custom",
            "qc_capability": "in_house",
            "risk_tolerance": "high",
        },
        "premium-short-of-money-and-time": {
            "positioning": "premium",
            "ip_importance": "essential",
            "upfront_budget_usd": 3_000,
            "launch_date": (TODAY + timedelta(weeks=6)).isoformat(),
        },
        "neither-possible": {
            "upfront_budget_usd": 10,
            "launch_date": (TODAY + timedelta(days=3)).isoformat(),
            "unit_cost_usd": "0.35",
            "units_per_design": 1,
            "design_count": 1,
        },
        "moq-forced-oem": {
            "company_stage": "established",
            "positioning": "premium",
            "upfront_budget_usd": 60_000,
            "units_per_design": 100,
            "ip_importance": "essential",
            "customization": "full_custom",
            "qc_capability": "in_house",
            "demand_evidence": "proven",
            "risk_tolerance": "high",
        },
        "large-and-exact": {
            "project_name": "  Ünïcode & <b>tags</b> “quoted” ",
            "upfront_budget_usd": 10_000_000,
            "unit_cost_usd": "99999.99",
            "units_per_design": 1_000_000,
            "design_count": 500,
            "launch_date": (TODAY + timedelta(days=5 * 365)).isoformat(),
        },
        "total-budget-short-for-oem": {
            "company_stage": "established",
            "positioning": "premium",
            "ip_importance": "essential",
            "upfront_budget_usd": 60_000,
            "total_budget_usd": 70_000,
            "units_per_design": 600,
        },
        "total-budget-short-for-both": {
            "upfront_budget_usd": 100,
            "total_budget_usd": 100,
        },
        "total-budget-enough": {"total_budget_usd": 2_000_000},
        "one-week-one-piece": {
            "upfront_budget_usd": 0,
            "units_per_design": 1,
            "design_count": 1,
            "launch_date": (TODAY + timedelta(days=1)).isoformat(),
            "design_readiness": "full_specs",
        },
    }
    return [
        {"name": name, "thresholds": {}, "answers": {**base, **changes}}
        for name, changes in named.items()
    ]


def _random_cases(count: int, seed: int) -> list[dict]:
    """Answers spread over the whole space, from a fixed seed."""
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        answers = {name: rng.choice(values) for name, values in CHOICES.items()}
        answers |= {
            "project_name": rng.choice(["", f"Line {index}"]),
            "upfront_budget_usd": rng.choice([0, 150, 999, 5_600, 20_000, 55_000, 400_000]),
            "unit_cost_usd": rng.choice(["0.80", "4", "12.50", "37.25", "420"]),
            "units_per_design": rng.choice([1, 30, 50, 120, 499, 500, 1_500]),
            "design_count": rng.choice([1, 2, 5, 12, 40]),
            "launch_date": (
                TODAY + timedelta(days=rng.choice([2, 30, 60, 100, 150, 400]))
            ).isoformat(),
            "total_budget_usd": rng.choice([None, None, 30_000, 90_000, 2_000_000]),
        }
        thresholds = CUSTOM_THRESHOLDS if index % 3 == 2 else {}
        cases.append({"name": f"random-{index}", "thresholds": thresholds, "answers": answers})
    return cases


def _answers(data: dict) -> Answers:
    if data.get("total_budget_usd") is not None:  # as the form insists: it includes the upfront
        total = max(data["total_budget_usd"], data["upfront_budget_usd"])
        data = {**data, "total_budget_usd": total}
    return Answers(
        **{
            **data,
            "unit_cost_usd": Decimal(data["unit_cost_usd"]),
            "launch_date": date.fromisoformat(data["launch_date"]),
        }
    )


def _snapshot(case: dict) -> str:
    if case["thresholds"]:
        Thresholds.objects.update(**case["thresholds"])
    report = services.reports.create_report(
        answers=_answers(case["answers"]), owner_key="golden", now=NOW
    )
    return report.snapshot.replace(report.token, TOKEN)


def _cases() -> list[dict]:
    return json.loads(FIXTURES.read_text())


@pytest.mark.skipif(not os.environ.get("GOLDEN_RECORD"), reason="records the fixtures")
def test_record_golden_reports(db, django_db_blocker):
    cases = _named_cases() + _random_cases(40, seed=13)
    for case in cases:
        with django_db_blocker.unblock():
            original = {
                name: getattr(Thresholds.objects.get(), name) for name in case["thresholds"]
            }
            case["snapshot"] = _snapshot(case)
            if original:
                Thresholds.objects.update(**original)
    FIXTURES.parent.mkdir(exist_ok=True)
    FIXTURES.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("case", _cases() if FIXTURES.exists() else [], ids=lambda c: c["name"])
def test_the_same_answers_and_thresholds_give_the_same_bytes(db, case):
    assert _snapshot(case) == case["snapshot"]


def test_the_cases_cover_every_kind_of_report():
    kinds = {json.loads(case["snapshot"])["recommendation"] for case in _cases()}
    blocked_both = [
        case
        for case in _cases()
        if {b["model"] for b in json.loads(case["snapshot"])["blockers"]} == {"oem", "odm"}
    ]
    assert kinds == {"oem", "odm", "hybrid", "neither"}
    assert blocked_both
    assert any(case["thresholds"] for case in _cases())
