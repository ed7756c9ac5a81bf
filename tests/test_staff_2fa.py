"""Staff's optional second factor (issue 26): with DJANGO_STAFF_2FA=1 the admin asks for the
authenticator's six digits at sign-in; `manage.py staff_totp` enrols the app."""

import pytest

pytestmark = pytest.mark.slow

SIGN_IN = """
import re
from io import StringIO
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

call_command("migrate", verbosity=0)
get_user_model().objects.create_superuser("ana", "ana@example.com", "pw-for-tests-only")
enrolled = StringIO()
call_command("staff_totp", "ana", stdout=enrolled)
print("link" if "otpauth://totp/" in enrolled.getvalue() else "no link")
device = TOTPDevice.objects.get(user__username="ana")

def sign_in(token):
    client = Client()
    data = {"username": "ana", "password": "pw-for-tests-only", "next": "/admin/"}
    if token is not None:
        data["otp_device"] = device.persistent_id
        data["otp_token"] = token
    response = client.post("/admin/login/?next=/admin/", data)
    return response.status_code, client.get("/admin/").status_code

print(*sign_in(None))
totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
right = f"{totp.token():06d}"
print(*sign_in(right))
device.refresh_from_db()
print(*sign_in("000000" if right != "000000" else "111111"))
"""


def test_with_the_second_factor_on_the_admin_needs_the_authenticator(run_django, tmp_path):
    result = run_django(
        SIGN_IN,
        DJANGO_DEBUG="1",
        DJANGO_STAFF_2FA="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    lines = result.stdout.split("\n")
    assert lines[0] == "link", result.stderr[-2000:]
    assert lines[1] == "200 302", "the password alone is not enough"
    assert lines[2] == "302 200", "the password and the app's code let staff in"
    assert lines[3] == "200 302", "a wrong code is not enough"


def test_without_it_the_password_is_enough(client, django_user_model):
    django_user_model.objects.create_superuser("ana", "ana@example.com", "pw-for-tests-only")
    data = {"username": "ana", "password": "pw-for-tests-only"}
    assert client.post("/admin/login/?next=/admin/", data).status_code == 302
    assert client.get("/admin/").status_code == 200
