"""Deletes abandoned wizards and expired sessions; run it daily (cron, a scheduled job)."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from advisor import services


class Command(BaseCommand):
    help = (
        "Deletes wizards that ended in no report and had no answer for "
        "DJANGO_WIZARD_RETENTION_DAYS days, with their answers, and expired sessions. "
        "Reports are never deleted."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.WIZARD_RETENTION_DAYS
        deleted = services.wizard.delete_abandoned(
            inactive_since=timezone.now() - timedelta(days=days)
        )
        call_command("clearsessions")
        self.stdout.write(
            f"Wizards with no report and no answer in {days} days, deleted: {deleted}. "
            "Expired sessions cleared."
        )
