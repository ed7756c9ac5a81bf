"""The database work behind the views and the admin, one module per job.

- `thresholds`: the rules new reports use (current thresholds, weights, version)
- `reports`: creating a report's snapshot, and sharing, expiring and revoking its link
- `wizard`: a browser's open wizard, its answers step by step, finishing and forking
- `staff`: the impact preview and the funnel
- `compliance`: the requirements a request for quotation lists
- `quotes`: supplier quotes held against a report, and re-runs of its advice with them
- `caching`: what is drawn once and kept (report pages, QR codes, PDFs, the landing page)

Building the snapshot itself is pure code, in `advisor.snapshots`.
"""

from .caching import Unkept, forget_cached, landing_page, release, report_part
from .compliance import request_for_quotation, requirements_for
from .quotes import (
    AssessedQuote,
    add_quote,
    assessed_quotes,
    quotes_json,
    remove_quote,
    report_json,
    report_json_and_state,
    rerun_with_quote,
)
from .reports import (
    create_report,
    report_by_token,
    reports_of,
    revoke_link,
    set_link_expiry,
    share_again,
)
from .staff import Funnel, FunnelStep, Impact, ImpactExample, funnel, preview_impact
from .thresholds import (
    CurrentRules,
    LandingSources,
    bump_rules_version,
    current_rules,
    factors_with_figures,
    landing_rows,
    save_thresholds,
    thresholds_from_row,
)
from .wizard import (
    answered_open_submission,
    delete_abandoned,
    find_open_submission,
    finish,
    first_invalid_step,
    fork_report,
    open_submission,
    owned_submission_and_answers,
    save_step,
    start_over,
    stored_answers,
)

__all__ = [
    "Unkept",
    "AssessedQuote",
    "add_quote",
    "assessed_quotes",
    "quotes_json",
    "remove_quote",
    "report_json",
    "report_json_and_state",
    "rerun_with_quote",
    "CurrentRules",
    "Funnel",
    "FunnelStep",
    "Impact",
    "ImpactExample",
    "answered_open_submission",
    "bump_rules_version",
    "create_report",
    "current_rules",
    "LandingSources",
    "factors_with_figures",
    "landing_rows",
    "delete_abandoned",
    "find_open_submission",
    "finish",
    "forget_cached",
    "first_invalid_step",
    "fork_report",
    "funnel",
    "landing_page",
    "open_submission",
    "owned_submission_and_answers",
    "preview_impact",
    "release",
    "report_by_token",
    "report_part",
    "reports_of",
    "request_for_quotation",
    "requirements_for",
    "revoke_link",
    "save_step",
    "save_thresholds",
    "set_link_expiry",
    "share_again",
    "start_over",
    "stored_answers",
    "thresholds_from_row",
]
