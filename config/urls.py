from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("advisor.urls")),
]

handler500 = "advisor.errors.server_error"
