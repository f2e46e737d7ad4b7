"""The notification worker: sends each pending notification once, retries failures
with backoff, and never lets the mail server touch the visitor's request."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from locations.consultations.notifications import (
    deliver_due_notifications,
    retry_delay,
)
from locations.models import ConsultationNotification, ConsultationRequest
from tests.locations.conftest import thank_you
from tests.locations.mail_backends import SlowRecordingBackend, SwitchableBackend


@pytest.fixture
def switchable_mail(settings):
    settings.EMAIL_BACKEND = "tests.locations.mail_backends.SwitchableBackend"
    SwitchableBackend.down, SwitchableBackend.attempts = False, 0
    yield SwitchableBackend
    SwitchableBackend.down = False


def later(minutes):
    moment = timezone.now() + datetime.timedelta(minutes=minutes)
    return lambda: moment


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("atomic_requests", [False, True], ids=["autocommit", "atomic"])
def test_mail_server_down_keeps_the_request_and_delivers_it_exactly_once_later(
    clinics, post_request, switchable_mail, monkeypatch, atomic_requests
):
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", atomic_requests)
    switchable_mail.down = True

    response = post_request(clinics.form_page, clinics.round_rock)

    assert response.status_code == 200 and thank_you(response)
    assert switchable_mail.attempts == 0  # nothing is sent while the visitor waits
    assert ConsultationRequest.objects.count() == 1
    note = ConsultationNotification.objects.get(recipient="rr-manager@clinic.example")
    assert note.sent_at is None

    run = deliver_due_notifications()
    assert run.sent == 0 and run.mail_server_down
    note.refresh_from_db()
    assert note.sent_at is None and note.attempts == 1
    assert note.last_error == "ConnectionRefusedError"
    assert note.next_attempt_at > timezone.now()
    assert deliver_due_notifications().sent == 0  # backing off: not due yet

    switchable_mail.down = False
    assert deliver_due_notifications(clock=later(5)).sent == 2
    assert deliver_due_notifications(clock=later(120)).sent == 0

    staff = [m for m in mail.outbox if m.to == ["rr-manager@clinic.example"]]
    assert len(staff) == 1
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()


@pytest.mark.django_db
def test_failures_back_off_exponentially_up_to_an_hour():
    delays = [retry_delay(n).total_seconds() for n in range(1, 12)]

    assert delays[:4] == [30, 60, 120, 240]
    assert delays == sorted(delays) and delays[-1] == 3600
    assert retry_delay(10_000).total_seconds() == 3600


@pytest.mark.django_db
def test_a_sent_notification_is_never_sent_again(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)

    first = deliver_due_notifications()
    ConsultationNotification.objects.update(next_attempt_at=timezone.now())
    second = deliver_due_notifications(clock=later(600))

    assert first.sent == 3 and second.sent == 0
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_claimed_notification_is_left_to_its_worker_until_the_claim_lapses(
    clinics, post_request
):
    from locations.consultations.notifications import claim_next

    post_request(clinics.form_page, clinics.round_rock)
    now = timezone.now()
    claimed = [claim_next(now), claim_next(now)]
    assert all(claimed) and claim_next(now) is None  # staff + visitor, both taken

    # A worker that died mid-send: its claims lapse and another worker sends them.
    assert deliver_due_notifications(clock=later(11)).sent == 2


@pytest.mark.django_db
def test_one_refused_recipient_does_not_hold_up_the_others(
    clinics, post_request, settings, monkeypatch
):
    import smtplib

    post_request(clinics.form_page, clinics.austin)
    original = mail.backends.locmem.EmailBackend.send_messages

    def refuse_desk(self, messages):
        if messages[0].to == ["austin-desk@clinic.example"]:
            raise smtplib.SMTPRecipientsRefused(
                {"austin-desk@clinic.example": (550, b"")}
            )
        return original(self, messages)

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", refuse_desk)

    run = deliver_due_notifications()

    assert run.sent == 2 and run.failed == 1 and not run.mail_server_down
    refused = ConsultationNotification.objects.get(
        recipient="austin-desk@clinic.example"
    )
    assert refused.sent_at is None and refused.last_error == "SMTPRecipientsRefused"


@pytest.mark.django_db
def test_the_worker_command_sends_what_is_due_once(clinics, post_request, capsys):
    post_request(clinics.form_page, clinics.austin)

    call_command("send_consultation_notifications", "--once")
    call_command("send_consultation_notifications", "--once")

    assert len(mail.outbox) == 3
    assert "3 sent, 0 failed" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_each_notification_once(
    clinics, post_request, settings
):
    """Four threads, each with its own database connection, as separate worker
    processes would have: PostgreSQL's row locks or SQLite's single writer must
    give each notification to one of them only."""
    settings.EMAIL_BACKEND = "tests.locations.mail_backends.SlowRecordingBackend"
    settings.CONSULTATION_RATE_LIMIT = 100
    SlowRecordingBackend.sent = []
    for _ in range(15):
        post_request(clinics.form_page, clinics.austin)
    expected = ConsultationNotification.objects.count()
    assert expected == 45

    start = threading.Barrier(4)
    errors = []

    def worker():
        try:
            start.wait()
            while deliver_due_notifications(limit=5).sent:
                pass
        except Exception as error:  # reported below; a thread cannot fail the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    sent = SlowRecordingBackend.sent
    assert len(sent) == expected
    assert len(set(sent)) == expected  # every notification exactly once
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()
