from django.contrib import admin

from . import services
from .models import Factor, Thresholds


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "slug", "weight"]
    list_display_links = ["name"]
    search_fields = ["name", "slug", "oem_summary", "odm_summary"]
    readonly_fields = ["slug"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "weight" in form.changed_data:
            # Weights decide recommendations: new reports must carry a new rules version.
            services.bump_rules_version()


@admin.register(Thresholds)
class ThresholdsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version", "updated_at"]
    readonly_fields = ["version", "updated_at"]

    def save_model(self, request, obj, form, change) -> None:
        services.save_thresholds(thresholds=obj)

    def has_add_permission(self, request) -> bool:
        # One current set of thresholds, created by the seed migration.
        return not Thresholds.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
