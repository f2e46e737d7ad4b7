"""A location manager signs in with a password and a code from their authenticator
app, reads the inbox, is signed out after the idle time, and signs in again."""

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import (
    LocationIndexPageFactory,
    make_location,
    make_location_manager,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-manager-password"


@pytest.fixture
def manager_with_app(settings):
    settings.TWO_FACTOR_ENABLED = True
    home = make_site()
    austin = make_location(
        LocationIndexPageFactory(parent=home), title="Austin Clinic", slug="austin"
    )
    manager = make_location_manager(austin, "austin-manager", password=PASSWORD)
    TOTPDevice.objects.create(user=manager, name="Authenticator app")
    return manager


def test_a_manager_signs_in_with_a_code_idles_out_and_signs_in_again(
    page, live_server, manager_with_app
):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("austin-manager")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # The code step comes before anything else; a wrong code is refused.
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    page.goto(f"{live_server.url}/admin/consultation-requests/")
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status")).to_contain_text("That code is not right")

    # After a wrong code django-otp makes the next try wait a moment.
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=30)):
        from tests.browser.conftest import enter_sign_in_code

        enter_sign_in_code(page, "austin-manager")
        page.wait_for_url(f"{live_server.url}/admin/consultation-requests/")
        expect(
            page.get_by_role("heading", name="Consultation requests", level=1)
        ).to_be_visible()

    # Half an hour later with nothing done, the next click signs them out.
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=40)):
        page.goto(f"{live_server.url}/admin/consultation-requests/")
        expect(page.get_by_text("signed out after 30 minutes")).to_be_visible()
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()

        log_in(page, live_server.url, "austin-manager", PASSWORD)
        page.goto(f"{live_server.url}/admin/consultation-requests/")
        expect(
            page.get_by_role("heading", name="Consultation requests", level=1)
        ).to_be_visible()
