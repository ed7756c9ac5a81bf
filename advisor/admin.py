import copy
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.functional import keep_lazy_text
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import answers, charts, presenters, rules, services
from .answers import display_value
from .models import (
    ComplianceRequirement,
    Factor,
    Quote,
    Report,
    StepAnswer,
    Submission,
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


class StepAnswerInline(admin.TabularInline):
    model = StepAnswer
    fields = ["step", "data", "created_at", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(_ReadOnlyAdmin):
    list_display = [
        "__str__",
        "created_at",
        "updated_at",
        "steps_answered",
        "report",
        "abandoned_at",
    ]
    list_filter = ["created_at", ("report", admin.EmptyFieldListFilter), "abandoned_at"]
    search_fields = ["public_id", "report__project_name"]
    list_select_related = ["report"]
    inlines = [StepAnswerInline]
    fields = [
        "public_id",
        "browser_key",
        "created_at",
        "updated_at",
        "abandoned_at",
        "report",
        "forked_from",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        return super().get_queryset(request).annotate(answered=Count("step_answers"))

    @admin.display(description=_("steps answered"), ordering="answered")
    def steps_answered(self, obj: Submission) -> int:
        return obj.answered


class FunnelPeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start must not be after the end."))
        if end and end >= date.max - timedelta(days=1):
            self.add_error("end", _("Choose an end date before the year 9999."))
        return cleaned


class QuoteInline(admin.TabularInline):
    """The owner's supplier quotes, read-only: what factories quoted for this report."""

    model = Quote
    fk_name = "report"
    extra = 0
    can_delete = False
    fields = [
        "supplier",
        "model",
        "unit_price_usd",
        "moq_per_design",
        "tooling_per_design_usd",
        "lead_time_weeks_min",
        "lead_time_weeks_max",
        "incoterm",
        "rerun",
        "created_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(_ReadOnlyAdmin):
    list_display = [
        "__str__",
        "recommendation",
        "created_at",
        "rules_version",
        "link_status",
        "public_link",
    ]
    list_filter = ["recommendation", "rules_version", "created_at"]
    # A link for factories names the report only by its own token.
    search_fields = ["project_name", "token", "rfq_token"]
    date_hierarchy = "created_at"
    change_list_template = "admin/advisor/report/change_list.html"
    fields = [
        "token",
        "rfq_token",
        "project_name",
        "recommendation",
        "created_at",
        "rules_version",
        "revoked_at",
        "expires_at",
        "owner_key",
        "based_on",
        "public_link",
        "snapshot",
    ]
    readonly_fields = ["public_link"]
    inlines = [QuoteInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Report]:
        queryset = super().get_queryset(request)
        # The list never shows the snapshot; it is the bulk of each row.
        return (
            queryset.defer("snapshot")
            if request.resolver_match.url_name.endswith("changelist")
            else queryset
        )

    @admin.display(description=_("link"))
    def link_status(self, obj: Report) -> str:
        return obj.status(timezone.now())

    @admin.display(description=_("public page"))
    def public_link(self, obj: Report) -> str:
        return format_html(
            '<a href="{}" target="_blank" rel="noreferrer">{}</a>',
            obj.get_absolute_url(),
            _("Open"),
        )

    def get_urls(self) -> list[URLPattern]:
        funnel = self.admin_site.admin_view(self.funnel_view)
        return [path("funnel/", funnel, name="advisor_report_funnel"), *super().get_urls()]

    def funnel_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        form = FunnelPeriodForm(request.GET or {"start": today - timedelta(days=29), "end": today})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Funnel insights"),
            "form": form,
        }
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            result = services.staff.funnel(
                start=_day_start(start), end=_day_start(end + timedelta(days=1))
            )
            context |= {"funnel": result, "chart": charts.funnel_chart(result, _("Started"))}
        return render(request, "admin/advisor/funnel.html", context)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
