"""Enrols a staff member's authenticator app for the admin's second factor (DJANGO_STAFF_2FA)."""

import io
from typing import Any

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Gives a staff account a new authenticator (TOTP) device, replacing any it had, and "
        "prints the QR code and link to add it to an authenticator app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account named {username!r}.")
        # One device a person: enrolling again (a lost phone) retires the old one.
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        drawing = io.StringIO()
        segno.make(device.config_url, error="m").terminal(out=drawing, compact=True)
        self.stdout.write(drawing.getvalue())
        self.stdout.write(
            f"Scan the code with an authenticator app, or add this link to it:\n"
            f"{device.config_url}\n"
            "The admin then asks for the app's six digits at each sign-in."
        )
