from django.contrib import admin

from .models import Factor, Thresholds


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "slug", "weight"]
    list_display_links = ["name"]
    search_fields = ["name", "slug", "oem_summary", "odm_summary"]
    readonly_fields = ["slug"]


@admin.register(Thresholds)
class ThresholdsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version", "updated_at"]
    readonly_fields = ["version", "updated_at"]

    def has_add_permission(self, request) -> bool:
        # One current set of thresholds, created by the seed migration.
        return not Thresholds.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
