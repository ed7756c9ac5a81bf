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
    path("r/<token:token>/", views.report_page, name="report"),
    path("r/<token:token>.json", views.report_json, name="report_json"),
]
