from django.urls import path, register_converter

from . import converters, views

register_converter(converters.TokenConverter, "token")

app_name = "advisor"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("wizard/", views.wizard_start, name="wizard"),
    path("wizard/<token:public_id>/review/", views.wizard_review, name="review"),
    path("wizard/<token:public_id>/restart/", views.wizard_restart, name="restart"),
    path("wizard/<token:public_id>/<slug:slug>/", views.wizard_step, name="step"),
    path("reports/", views.my_reports, name="my_reports"),
    path("robots.txt", views.robots_txt),
    path("r/<token:token>/", views.report_page, name="report"),
    path("r/<token:token>.json", views.report_json, name="report_json"),
    path("r/<token:token>.pdf", views.report_pdf, name="report_pdf"),
    path("r/<token:token>/rfq/", views.report_rfq, name="report_rfq"),
    path("r/<token:token>/rfq.txt", views.report_rfq_text, name="report_rfq_text"),
    path("r/<token:token>/quotes/", views.report_quotes, name="report_quotes"),
    path(
        "r/<token:token>/quotes/<int:quote_id>/rerun",
        views.report_quote_rerun,
        name="report_quote_rerun",
    ),
    path(
        "r/<token:token>/quotes/<int:quote_id>/remove",
        views.report_quote_remove,
        name="report_quote_remove",
    ),
    path("r/<token:token>/revoke", views.report_revoke, name="report_revoke"),
    path("r/<token:token>/expiry", views.report_expiry, name="report_expiry"),
    path("r/<token:token>/share-again", views.report_share_again, name="report_share_again"),
    path("r/<token:token>/fork", views.report_fork, name="report_fork"),
]
