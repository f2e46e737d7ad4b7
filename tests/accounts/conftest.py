"""Fixtures for signing in: two factors turned on (the rest of the suite runs with
them off), a location manager with a request to read, and sign-in helpers."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.management.commands.two_factor_code import current_code
from locations.models import ConsultationRequest
from tests.factories import make_user
from tests.locations.conftest import clinics, form_data  # noqa: F401 (fixture)

PASSWORD = "a-test-password"  # tests.factories.make_user's
INBOX = "/admin/consultation-requests/"
LOGIN = "/admin/login/"
VERIFY = "/admin/two-factor/"
SETUP = "/admin/two-factor/setup/"


@pytest.fixture
def two_factor(settings):
    settings.TWO_FACTOR_ENABLED = True
    return settings


@pytest.fixture
def austin_request(clinics, client):  # noqa: F811 (the imported fixture)
    """A request a visitor sent to the Austin clinic (its manager may read it)."""
    client.post(clinics.form_page.url, form_data(clinics.form_page, clinics.austin))
    client.logout()
    return ConsultationRequest.objects.get(location=clinics.austin)


@pytest.fixture
def manager(clinics):  # noqa: F811 (the imported fixture)
    return clinics.austin_manager


@pytest.fixture
def editor(db):
    return make_user("marketer", groups=["Marketing editors"])


def app_device(user):
    """A confirmed authenticator-app device for `user`."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app")


def next_code(device):
    """The code the app shows now, for a device whose last code may have been
    used in this 30-second step (django-otp accepts each step once)."""
    device.refresh_from_db()
    return current_code(device)


def sign_in(client, username, password=PASSWORD, address="203.0.113.7", **extra):
    """Post the admin's sign-in form as a person would, from `address`."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )
