"""Admin for what staff edit: the factors, their figures (the thresholds) and the compliance
requirements, each change kept in its history with who made it."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.functional import keep_lazy_text
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .. import answers, presenters, rules, services
from ..answers import display_value
from ..models import (
    ComplianceRequirement,
    Factor,
    Thresholds,
)


class ImpactPreviewAdmin(SimpleHistoryAdmin):
    """A "Preview impact" button on the change form: what the edited values would do to the
    most recent reports, before anything is saved."""

    change_form_template = "admin/advisor/preview_change_form.html"
    preview_title = ""

    def impact(self, proposed: Model) -> services.staff.Impact:
        raise NotImplementedError

    def get_urls(self) -> list[URLPattern]:
        preview = self.admin_site.admin_view(self.preview_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [path("<path:object_id>/preview/", preview, name=name), *super().get_urls()]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        current = self.get_object(request, object_id)  # None for an unknown or malformed id
        if current is None:
            raise Http404
        if not self.has_change_permission(request, current):
            raise PermissionDenied
        proposed = copy.copy(current)
        form = self.get_form(request, proposed, change=True)(request.POST, instance=proposed)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": current,
            "title": self.preview_title,
            "form": form,
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[current.pk]
            ),
        }
        if form.is_valid():
            form.save(commit=False)  # fills `proposed` in memory; nothing is written
            context["changes"] = [
                (form.fields[name].label, getattr(current, name), getattr(proposed, name))
                for name in form.changed_data
            ]
            impact = self.impact(proposed)
            context |= {"impact": impact, "examples": _impact_rows(impact.examples)}
            context |= self.preview_context(proposed)
        return render(request, "admin/advisor/preview.html", context)

    def preview_context(self, proposed: Model) -> dict:
        return {}


@admin.register(Factor)
class FactorAdmin(ImpactPreviewAdmin):
    list_display = ["order", "name", "slug", "weight"]
    list_display_links = ["name"]
    list_filter = ["weight"]
    search_fields = ["name", "slug", "oem_summary", "odm_summary", "oem_suits", "odm_suits"]
    readonly_fields = ["slug"]
    fields = [
        "slug",
        "name",
        "order",
        "weight",
        "oem_summary",
        "odm_summary",
        "oem_suits",
        "odm_suits",
    ]

    def save_model(
        self, request: HttpRequest, obj: Factor, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if change and "weight" in form.changed_data:
            # Weights decide recommendations: new reports must carry a new rules version.
            services.thresholds.bump_rules_version()

    preview_title = _("Impact of the proposed factor")

    def impact(self, proposed: Factor) -> services.staff.Impact:
        return services.staff.preview_impact(weights={proposed.slug: proposed.weight})

    def preview_context(self, proposed: Factor) -> dict:
        # Texts change no verdict, but staff see them as buyers will, figures filled in.
        return {"texts": proposed.texts(Thresholds.objects.get().figures())}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the eight factors are fixed; their texts and weights are not

    def has_delete_permission(self, request: HttpRequest, obj: Factor | None = None) -> bool:
        return False


class ComplianceRequirementForm(forms.ModelForm):
    # The model keeps a JSON list; staff tick metals, in the wizard's words and order.
    base_metals = forms.MultipleChoiceField(
        label=_("Base metals"),
        choices=answers.BASE_METALS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=ComplianceRequirement._meta.get_field("base_metals").help_text,
    )

    class Meta:
        model = ComplianceRequirement
        fields = [
            "market",
            "wearers",
            "plating",
            "base_metals",
            "order",
            "active",
            "substance",
            "limit",
            "test_method",
            "regulation",
            "text",
            "source",
        ]

    def clean_base_metals(self) -> list[str]:
        ticked = set(self.cleaned_data["base_metals"])
        return [metal for metal, _label in answers.BASE_METALS if metal in ticked]


@admin.register(ComplianceRequirement)
class ComplianceRequirementAdmin(SimpleHistoryAdmin):
    form = ComplianceRequirementForm
    list_display = [
        "substance",
        "market",
        "wearers",
        "plating",
        "metals",
        "limit",
        "test_method",
        "active",
    ]
    list_filter = ["market", "wearers", "plating", "active"]
    search_fields = ["substance", "limit", "test_method", "regulation", "text", "source"]
    ordering = ["market", "order", "id"]
    fieldsets = [
        (None, {"fields": [("market", "wearers", "plating"), "base_metals", ("order", "active")]}),
        (
            _("Requirement"),
            {"fields": ["substance", "limit", "test_method", "regulation", "text"]},
        ),
        (_("Where the figures come from"), {"fields": ["source"]}),
    ]

    @admin.display(description=_("base metals"))
    def metals(self, row: ComplianceRequirement) -> str:
        return display_value("base_metal", row.base_metals) if row.base_metals else str(_("any"))


def figure_fieldsets() -> list[tuple[str, dict]]:
    """The threshold figures grouped by the factor that reads them, each range on one line."""
    factors = dict.fromkeys(figure.factor for figure in rules.FIGURES.values())
    fieldsets = []
    for slug in factors:
        rows: list[str | tuple[str, str]] = []
        for name in rules.FACTOR_FIGURES[slug]:
            low = rules.FIGURES[name].at_least
            if low is not None and rows and rows[-1] == low:
                rows[-1] = (low, name)
            elif name == "gold_price_usd_per_oz":  # the price with the day it was taken
                rows.append((name, "gold_price_set_on"))
            else:
                rows.append(name)
        fieldsets.append((_capitalized(_(rules.FACTOR_PHRASES[slug])), {"fields": rows}))
    return fieldsets


@keep_lazy_text  # a lazy translation stays lazy: drawn in the language of each request
def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


@admin.register(Thresholds)
class ThresholdsAdmin(ImpactPreviewAdmin):
    list_display = ["__str__", "version", "updated_at", "oem_tooling_min_usd", "oem_moq_min_units"]
    readonly_fields = ["version", "updated_at"]
    preview_title = _("Impact of the proposed thresholds")
    fieldsets = [(_("Version"), {"fields": ["version", "updated_at"]}), *figure_fieldsets()]

    def impact(self, proposed: Thresholds) -> services.staff.Impact:
        return services.staff.preview_impact(proposed=proposed)

    def save_model(
        self, request: HttpRequest, obj: Thresholds, form: forms.ModelForm, change: bool
    ) -> None:
        services.thresholds.save_thresholds(thresholds=obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One current set of thresholds, created by the seed migration.
        return not Thresholds.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Thresholds | None = None) -> bool:
        return False


def _impact_rows(examples: list[services.staff.ImpactExample]) -> list[dict]:
    """The examples in words: recommendation labels and factor names, not internal values."""
    models = presenters.model_labels()
    names = dict(Factor.objects.values_list("slug", "name"))

    def blockers(pairs: list[tuple[str, str]]) -> list[str]:
        return [f"{models[model]}: {names.get(factor, factor)}" for model, factor in pairs]

    return [
        {
            "token": example.token,
            "title": example.title,
            "before": models[example.before],
            "after": models[example.after],
            "added": blockers(example.blockers_added),
            "removed": blockers(example.blockers_removed),
        }
        for example in examples
    ]
