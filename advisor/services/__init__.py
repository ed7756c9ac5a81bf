"""The database work behind the views and the admin, one module per job; callers name the
module (`reports.create_report`), never a function re-exported here.

- `thresholds`: the rules new reports use (current thresholds, weights, version)
- `reports`: creating a report's snapshot, and sharing, expiring and revoking its link
- `owners`: the browsers that share reports, the owner's link, e-mailing it
- `wizard`: a browser's open wizard, its answers step by step, finishing and forking
- `quotes`: supplier quotes held against a report, and re-runs of its advice with them
- `compliance`: the requirements a request for quotation lists
- `staff`: the impact preview and the funnel

Building the snapshot itself is pure code, in `advisor.snapshots`.
"""

from . import compliance, owners, quotes, reports, staff, thresholds, wizard

__all__ = ["compliance", "owners", "quotes", "reports", "staff", "thresholds", "wizard"]
