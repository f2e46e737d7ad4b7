"""Lockout (django-axes): after 5 failed sign-ins within 15 minutes for an account,
or from one client address, sign-in is refused until the cool-off has passed, with
a clear message; failures are counted in the database, never with the password."""

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import audit
from tests.accounts.conftest import sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db

WRONG = "not-the-password-at-all"


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(client, username, times, address="203.0.113.7", **extra):
    for _ in range(times):
        response = sign_in(client, username, WRONG, address=address, **extra)
    return response


def test_the_sixth_try_is_refused_even_with_the_right_password(client, editor):
    fourth = fail(client, editor.username, 4)
    assert fourth.status_code == 200
    assert "password didn&#x27;t match" in fourth.content.decode()

    fifth = fail(client, editor.username, 1)
    sixth = sign_in(client, editor.username)

    for response in (fifth, sixth):
        assert response.status_code == 429
        text = response.content.decode()
        assert "Too many failed sign-ins" in text
        assert "locked for 15 minutes" in text
    assert not signed_in(sixth)
    assert client.get("/admin/").status_code == 302


def test_the_lockout_expires(client, editor):
    fail(client, editor.username, 5)
    assert sign_in(client, editor.username).status_code == 429

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert signed_in(sign_in(client, editor.username))


def test_failures_older_than_the_window_do_not_count(client, editor):
    fail(client, editor.username, 4)

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        fail(client, editor.username, 1)
        assert signed_in(sign_in(client, editor.username))


def test_other_accounts_from_other_addresses_are_unaffected(client, editor):
    other = make_user("other-editor", groups=["Marketing editors"])
    fail(client, editor.username, 5)

    assert signed_in(sign_in(client, other.username, address="198.51.100.20"))


def test_one_address_trying_many_accounts_is_locked_out(client, editor):
    for number in range(5):
        sign_in(client, f"guess-{number}", WRONG)

    assert sign_in(client, editor.username).status_code == 429
    assert signed_in(sign_in(client, editor.username, address="198.51.100.20"))


def test_the_client_address_behind_a_trusted_proxy_is_the_one_counted(
    client, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # Each try claims another address on the left; the proxy appends the real one.
    for number in range(5):
        sign_in(
            client,
            f"guess-{number}",
            WRONG,
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.7",
        )

    refused = sign_in(
        client, editor.username, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    other_client = sign_in(
        client, editor.username, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20"
    )

    assert refused.status_code == 429
    assert signed_in(other_client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "203.0.113.7"
    }


def test_failed_attempts_never_store_the_password(client, editor):
    fail(client, editor.username, 6)

    stored = [
        *AccessAttempt.objects.values_list("post_data", "get_data"),
        *AccessFailureLog.objects.values_list("username", "user_agent"),
        *ModelLogEntry.objects.values_list("data", flat=True),
    ]
    # django-axes logs the failures that led to the lockout; Wagtail's audit log
    # has every one, those refused during the lockout too.
    assert AccessFailureLog.objects.count() == 5
    assert ModelLogEntry.objects.filter(action=audit.SIGN_IN_FAILED).count() == 6
    assert WRONG not in repr(stored)


def test_failures_and_the_lockout_are_in_the_audit_log(client, editor):
    fail(client, editor.username, 7)

    actions = list(
        ModelLogEntry.objects.for_instance(editor).values_list("action", flat=True)
    )
    assert actions.count(audit.SIGN_IN_FAILED) == 7
    assert actions.count(audit.LOCKED_OUT) == 1


def test_failures_less_than_the_window_apart_add_up(client, editor):
    # django-axes keeps counting while each failure follows the last within the
    # window: at least as strict as "5 in 15 minutes".
    start = timezone.now()
    for number in range(5):
        with time_machine.travel(start + timezone.timedelta(minutes=10 * number)):
            fail(client, editor.username, 1)

    with time_machine.travel(start + timezone.timedelta(minutes=41)):
        assert sign_in(client, editor.username).status_code == 429
    with time_machine.travel(start + timezone.timedelta(minutes=56)):
        assert signed_in(sign_in(client, editor.username))
