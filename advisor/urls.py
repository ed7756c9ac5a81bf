from django.urls import path

from . import views

app_name = "advisor"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("healthz", views.healthz, name="healthz"),
    path("wizard/", views.wizard_start, name="wizard"),
]
