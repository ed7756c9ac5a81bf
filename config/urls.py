from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("advisor.urls")),
]

handler404 = "advisor.views.page_not_found"
