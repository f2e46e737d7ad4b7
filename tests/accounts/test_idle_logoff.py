"""Idle logoff: a signed-in session ends after 30 idle minutes and 12 hours after
signing in, and the person is told why on the sign-in page."""

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import audit
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def later(**delta):
    return time_machine.travel(timezone.now() + timezone.timedelta(**delta))


def test_an_idle_session_is_signed_out_and_told_why(client, editor):
    sign_in(client, editor.username)
    assert client.get("/admin/").status_code == 200

    with later(minutes=31):
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
        login_page = client.get(response["Location"])
    assert "signed out after 30 minutes without activity" in login_page.content.decode()
    assert client.get("/admin/").status_code == 302
    entry = ModelLogEntry.objects.for_instance(editor).get(action=audit.SIGN_OUT)
    assert entry.data["reason"] == audit.SIGN_OUT_REASONS["idle"]


def test_activity_keeps_the_session_until_its_maximum_age(client, editor):
    sign_in(client, editor.username)

    for minutes in range(20, 12 * 60, 20):
        with later(minutes=minutes):
            assert client.get("/admin/").status_code == 200, minutes

    with later(hours=12, minutes=5):
        response = client.get("/admin/")
        assert response.status_code == 302
        login_page = client.get(response["Location"])
    assert "12 hours after signing in" in login_page.content.decode()


def test_the_idle_time_is_configurable(client, editor, settings):
    settings.SESSION_IDLE_MINUTES = 5
    sign_in(client, editor.username)

    with later(minutes=4):
        assert client.get("/admin/").status_code == 200
    with later(minutes=10):
        assert client.get("/admin/").status_code == 302


def test_the_admins_background_pings_do_not_count_as_activity(client, editor):
    sign_in(client, editor.username)
    client.get("/admin/")

    with later(minutes=20):
        client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    with later(minutes=31):
        assert client.get("/admin/").status_code == 302
