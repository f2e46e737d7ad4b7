"""Every sign-in event is in Wagtail's audit log, which an administrator reads in
Reports > Site history."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import audit
from tests.accounts.conftest import sign_in
from tests.factories import make_user
from tests.helpers import force_login_with_second_factor, visible_text

pytestmark = pytest.mark.django_db


def test_sign_in_failure_and_sign_out_are_recorded_with_the_address(client, editor):
    sign_in(client, editor.username, "a-wrong-password-here", address="192.0.2.44")
    sign_in(client, editor.username, address="192.0.2.44")
    client.post(reverse("wagtailadmin_logout"), REMOTE_ADDR="192.0.2.44")

    entries = ModelLogEntry.objects.for_instance(editor).order_by("pk")
    assert [entry.action for entry in entries] == [
        audit.SIGN_IN_FAILED,
        audit.SIGN_IN,
        audit.SIGN_OUT,
    ]
    assert {entry.data["client_address"] for entry in entries} == {"192.0.2.44"}
    assert all(entry.user_id == editor.pk for entry in entries)


def test_an_unknown_username_is_logged_without_an_entry(client, caplog):
    sign_in(client, "nobody-by-this-name", "a-wrong-password-here")

    assert "Failed sign-in for unknown username 'nobody-by-this-name'" in caplog.text
    assert "a-wrong-password-here" not in caplog.text
    assert not ModelLogEntry.objects.filter(action=audit.SIGN_IN_FAILED).exists()


def test_an_administrator_reads_sign_in_events_in_site_history(client, editor):
    sign_in(client, editor.username, "a-wrong-password-here", address="192.0.2.44")
    admin = make_user("root", is_superuser=True, is_staff=True)
    force_login_with_second_factor(client, admin)

    response = client.get(
        reverse("wagtailadmin_reports:site_history"),
        {"action": audit.SIGN_IN_FAILED},
    )

    assert response.status_code == 200
    text = visible_text(response)
    assert "Failed sign-in from 192.0.2.44" in text
    assert "marketer" in text
