from django.urls import path, register_converter

from . import converters
from .views import owners, quotes, reports, rfq, sharing, site, wizard

register_converter(converters.TokenConverter, "token")

app_name = "advisor"

urlpatterns = [
    path("", site.landing, name="landing"),
    path("healthz", site.healthz, name="healthz"),
    path("favicon.ico", site.favicon),
    path("robots.txt", site.robots_txt),
    path("csp-report", site.csp_report, name="csp_report"),
    path("wizard/", wizard.wizard_start, name="wizard"),
    path("wizard/<token:public_id>/review/", wizard.wizard_review, name="review"),
    path("wizard/<token:public_id>/restart/", wizard.wizard_restart, name="restart"),
    path("wizard/<token:public_id>/<slug:slug>/", wizard.wizard_step, name="step"),
    path("reports/", owners.my_reports, name="my_reports"),
    path("reports/owner-link/replace", owners.owner_link_replace, name="owner_link_replace"),
    path("reports/owner-link/email", owners.owner_link_email, name="owner_link_email"),
    path(
        "reports/browsers/<int:browser_id>/remove",
        owners.owner_browser_remove,
        name="owner_browser_remove",
    ),
    path("r/<token:token>/", reports.report_page, name="report"),
    path("r/<token:token>.json", reports.report_json, name="report_json"),
    path("r/<token:token>.pdf", reports.report_pdf, name="report_pdf"),
    path("r/<token:token>/rfq/", rfq.report_rfq, name="report_rfq"),
    path("r/<token:token>/rfq.txt", rfq.report_rfq_text, name="report_rfq_text"),
    path("r/<token:token>/quotes/", quotes.report_quotes, name="report_quotes"),
    path(
        "r/<token:token>/quotes/<int:quote_id>/rerun",
        quotes.report_quote_rerun,
        name="report_quote_rerun",
    ),
    path(
        "r/<token:token>/quotes/<int:quote_id>/remove",
        quotes.report_quote_remove,
        name="report_quote_remove",
    ),
    path("r/<token:token>/revoke", sharing.report_revoke, name="report_revoke"),
    path("r/<token:token>/expiry", sharing.report_expiry, name="report_expiry"),
    path("r/<token:token>/share-again", sharing.report_share_again, name="report_share_again"),
    path("r/<token:token>/fork", sharing.report_fork, name="report_fork"),
    # The link for factories: the request for quotation, and nothing else of the report.
    path("q/<token:rfq_token>/", rfq.rfq_page, name="rfq"),
    path("q/<token:rfq_token>.txt", rfq.rfq_text, name="rfq_text"),
    # The owner's link: another browser becomes an owner of the same reports.
    path("o/<token:link_token>/", owners.owner_link, name="owner_link"),
]
