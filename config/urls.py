from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

if settings.STAFF_2FA:
    # django-otp's documented switch: the admin asks for a one-time password at sign-in and lets
    # in only staff who gave one.
    admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("advisor.urls")),
]

handler500 = "advisor.errors.server_error"
