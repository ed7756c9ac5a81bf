"""Admin for what buyers made, read-only: their wizards, reports and supplier quotes, and the
funnel from started to finished."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import charts, services
from ..models import (
    Quote,
    Report,
    StepAnswer,
    Submission,
)


class StepAnswerInline(admin.TabularInline):
    model = StepAnswer
    fields = ["step", "data", "created_at", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False


class _ReadOnly:
    """What buyers made, shown to staff as it is: nothing added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class _ReadOnlyAdmin(_ReadOnly, admin.ModelAdmin):
    pass


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


class QuoteInline(_ReadOnly, admin.TabularInline):
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
