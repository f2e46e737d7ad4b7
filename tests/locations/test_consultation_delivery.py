"""Notification emails as background tasks: each request's emails are queued with it,
sent by the task worker once each, retried with backoff, marked failed after the
retry limit, and never let the mail server touch the visitor's request."""

import smtplib
import threading

import pytest
from django.core import mail
from django.db import DatabaseError, connection, connections, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from locations.consultations import tasks as consultation_tasks
from locations.consultations.models.requests import (
    notifications_queued,
    queue_notifications,
)
from locations.consultations.notifications import (
    SWEEP_GRACE,
    deliver_due_notifications,
    deliver_notification,
    retry_delay,
)
from locations.consultations.tasks import (
    send_consultation_notification,
    sweep_consultation_notifications,
)
from locations.models import ConsultationNotification, ConsultationRequest
from tests.locations.conftest import form_data, thank_you
from tests.locations.mail_backends import SlowRecordingBackend, SwitchableBackend
from tests.tasks import let_time_pass, queued_tasks, run_queued_tasks

pytestmark = pytest.mark.slow

REQUESTS = 100


@pytest.fixture
def switchable_mail(settings):
    settings.EMAIL_BACKEND = "tests.locations.mail_backends.SwitchableBackend"
    SwitchableBackend.down, SwitchableBackend.attempts = False, 0
    yield SwitchableBackend
    SwitchableBackend.down = False


@pytest.fixture
def refusing_mail(monkeypatch):
    """The mail server refuses the Austin desk's address, and takes the rest."""
    original = mail.backends.locmem.EmailBackend.send_messages

    def refuse_desk(self, messages):
        if messages[0].to == ["austin-desk@clinic.example"]:
            raise smtplib.SMTPRecipientsRefused(
                {"austin-desk@clinic.example": (550, b"No such user")}
            )
        return original(self, messages)

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", refuse_desk)


def run_two_workers_at_once():
    """Two task workers, each a thread with its own database connection as separate
    processes would have, running every ready task; returns the errors they met."""
    start = threading.Barrier(2)
    errors = []

    def worker(name):
        try:
            start.wait()
            run_queued_tasks(worker_id=name)
        except Exception as error:  # reported by the caller; a thread cannot fail
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(f"worker-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("atomic_requests", [False, True], ids=["autocommit", "atomic"])
def test_a_hundred_requests_with_the_mail_server_down_are_all_sent_once_later(
    clinics, client, settings, monkeypatch, atomic_requests
):
    """With SMTP down: 100 requests give 100 stored requests, 100 thank-you pages and
    no error. Once SMTP is back, two workers running at once send exactly the
    expected emails, none twice."""
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", atomic_requests)
    settings.EMAIL_BACKEND = "tests.locations.mail_backends.SlowRecordingBackend"
    settings.CONSULTATION_RATE_LIMIT = REQUESTS + 1
    SlowRecordingBackend.sent, SlowRecordingBackend.down = [], True

    pages = [
        client.post(
            clinics.form_page.url,
            form_data(clinics.form_page, clinics.round_rock),
            REMOTE_ADDR="203.0.113.9",
            follow=True,  # to the thank-you page, as a browser does
        )
        for _ in range(REQUESTS)
    ]

    # Each sent on (303) to the thank-you page, which answers 200.
    assert [page.redirect_chain[0][1] for page in pages] == [303] * REQUESTS
    assert [page.status_code for page in pages] == [200] * REQUESTS
    assert sum(thank_you(page) for page in pages) == REQUESTS
    assert ConsultationRequest.objects.count() == REQUESTS
    expected = ConsultationNotification.objects.count()
    assert expected == 2 * REQUESTS  # the manager and the visitor, per request
    assert queued_tasks(send_consultation_notification).count() == expected
    assert SlowRecordingBackend.sent == []  # nothing is sent while visitors wait

    assert not run_two_workers_at_once()
    assert SlowRecordingBackend.sent == []
    assert not ConsultationNotification.objects.filter(attempts=0).exists()
    assert queued_tasks(send_consultation_notification).count() == expected  # retries

    SlowRecordingBackend.down = False
    # Past every backoff delay: on a slow machine the first pass outlasts 30 s and
    # already retried some emails, which then wait a minute or more.
    let_time_pass(minutes=120)
    assert not run_two_workers_at_once()

    sent = SlowRecordingBackend.sent
    assert len(sent) == expected
    assert len(set(sent)) == expected  # every email exactly once
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()
    let_time_pass(minutes=240)
    run_queued_tasks()
    assert len(SlowRecordingBackend.sent) == expected


@pytest.mark.django_db
def test_a_request_queues_one_task_per_email_in_its_own_transaction(
    clinics, post_request
):
    post_request(clinics.form_page, clinics.austin)

    notes = set(ConsultationNotification.objects.values_list("pk", flat=True))
    queued = queued_tasks(send_consultation_notification)
    assert len(notes) == 3  # two staff addresses and the visitor
    assert {task.task_result.args[0] for task in queued} == notes
    assert mail.outbox == []  # nothing is sent in the visitor's request

    run_queued_tasks()
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_request_that_rolls_back_leaves_no_task_behind(clinics):
    """The database backend writes the tasks in the request's transaction: a request
    that is not stored leaves no task to send emails about it."""
    with pytest.raises(DatabaseError), transaction.atomic():
        submission = ConsultationRequest.objects.create(
            page=clinics.form_page,
            location=clinics.austin,
            location_name="Austin Clinic",
            answers="x",
        )
        queue_notifications(submission, ["austin-manager@clinic.example"])
        assert queued_tasks().count() == 1
        raise DatabaseError("the database went away mid-request")

    assert not queued_tasks().exists()
    assert not ConsultationNotification.objects.exists()


@pytest.mark.django_db
def test_failures_back_off_exponentially_up_to_an_hour():
    delays = [retry_delay(n).total_seconds() for n in range(1, 12)]

    assert delays[:4] == [30, 60, 120, 240]
    assert delays == sorted(delays) and delays[-1] == 3600
    assert retry_delay(10_000).total_seconds() == 3600


@pytest.mark.django_db
def test_a_failed_send_enqueues_its_next_try_after_the_backoff(
    clinics, post_request, switchable_mail
):
    post_request(clinics.form_page, clinics.round_rock)
    switchable_mail.down = True

    run_queued_tasks()

    note = ConsultationNotification.objects.get(recipient="rr-manager@clinic.example")
    assert note.sent_at is None and note.attempts == 1
    assert note.last_error == "ConnectionRefusedError"
    retry = queued_tasks(send_consultation_notification).get(
        args_kwargs__args=[note.pk]
    )
    assert retry.run_after == note.next_attempt_at > timezone.now()
    run_queued_tasks()
    assert mail.outbox == [] and note.attempts == 1  # backing off: not due yet

    switchable_mail.down = False
    let_time_pass(minutes=1)
    run_queued_tasks()
    assert len(mail.outbox) == 2
    assert [m.to for m in mail.outbox].count(["rr-manager@clinic.example"]) == 1


@pytest.mark.django_db
def test_a_failing_address_ends_failed_after_the_retry_limit_and_shows_in_the_inbox(
    clinics, post_request, refusing_mail, settings, client
):
    settings.CONSULTATION_NOTIFICATION_MAX_ATTEMPTS = 3
    post_request(clinics.form_page, clinics.austin)

    for _ in range(5):
        run_queued_tasks()
        let_time_pass(minutes=120)

    refused = ConsultationNotification.objects.get(
        recipient="austin-desk@clinic.example"
    )
    assert refused.attempts == 3 and refused.failed_at is not None
    assert refused.sent_at is None and refused.last_error == "SMTPRecipientsRefused"
    assert not queued_tasks().exists()  # no further try
    assert len(mail.outbox) == 2  # the manager and the visitor got theirs, once

    client.force_login(clinics.austin_manager)
    page = client.get(
        reverse("consultation_requests:inspect", args=[refused.request_id])
    ).content.decode()
    assert "austin-desk@clinic.example: FAILED, not sent after 3 tries" in page
    assert "SMTPRecipientsRefused" in page
    inbox = client.get(reverse("consultation_requests:index")).content.decode()
    assert "An email failed: open the request" in inbox


@pytest.mark.django_db
def test_a_sent_notification_is_never_sent_again(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)
    run_queued_tasks()
    notes = list(ConsultationNotification.objects.all())

    # Duplicate tasks (a sweep racing a slow queue) find the rows already sent.
    for note in notes:
        send_consultation_notification.enqueue(note.pk)
    ConsultationNotification.objects.update(next_attempt_at=timezone.now())

    run_queued_tasks()
    assert len(mail.outbox) == 3
    outcomes = DBTaskResult.objects.filter(
        task_path=send_consultation_notification.module_path
    ).values_list("return_value", flat=True)
    assert sorted(outcomes) == ["sent"] * 3 + ["skipped"] * 3


@pytest.mark.django_db
def test_a_claimed_notification_is_left_to_its_worker_until_the_claim_lapses(
    clinics, post_request
):
    post_request(clinics.form_page, clinics.round_rock)
    note = ConsultationNotification.objects.first()
    now = timezone.now()

    # Another worker holds the claim (mid-send): this task leaves the row alone.
    from locations.consultations.notifications import claim

    assert claim(note.pk, now) is not None
    assert not deliver_notification(note.pk).attempted
    # That worker died: its claim lapses and the sweep gives the row a new task.
    let_time_pass(minutes=11)
    sweep_consultation_notifications.enqueue()
    run_queued_tasks()

    note.refresh_from_db()
    assert note.sent_at is not None
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_crash_between_commit_and_enqueue_is_healed_by_the_sweep(
    clinics, post_request
):
    """As with RQ, where the task is enqueued after the commit: the process dies
    in between (simulated: the enqueue never happens). The row stays pending, and
    the periodic sweep enqueues it once it is overdue."""
    notifications_queued.disconnect(
        dispatch_uid="locations-enqueue-consultation-notifications"
    )
    try:
        post_request(clinics.form_page, clinics.austin)
    finally:
        notifications_queued.connect(
            consultation_tasks.enqueue_queued_notifications,
            dispatch_uid="locations-enqueue-consultation-notifications",
        )
    assert ConsultationNotification.objects.count() == 3
    assert not queued_tasks(send_consultation_notification).exists()

    sweep_consultation_notifications.enqueue()
    run_queued_tasks()
    assert mail.outbox == []  # not overdue yet: its task may still be on its way

    let_time_pass(minutes=SWEEP_GRACE.total_seconds() / 60 + 1)
    sweep_consultation_notifications.enqueue()
    run_queued_tasks()
    assert len(mail.outbox) == 3

    let_time_pass(minutes=60)
    sweep_consultation_notifications.enqueue()
    run_queued_tasks()
    assert len(mail.outbox) == 3  # sent rows are never swept again


@pytest.mark.django_db
def test_one_refused_recipient_does_not_hold_up_the_others(
    clinics, post_request, refusing_mail
):
    post_request(clinics.form_page, clinics.austin)

    run_queued_tasks()

    assert len(mail.outbox) == 2
    refused = ConsultationNotification.objects.get(
        recipient="austin-desk@clinic.example"
    )
    assert refused.sent_at is None and refused.last_error == "SMTPRecipientsRefused"
    assert refused.failed_at is None  # tried again later, up to the limit


@pytest.mark.django_db
def test_pending_notifications_can_be_sent_at_once_in_this_process(
    clinics, post_request
):
    """deliver_due_notifications(): the same work as the tasks, for a shell or a
    test; the tasks still queued then find nothing to do."""
    post_request(clinics.form_page, clinics.austin)

    run = deliver_due_notifications()

    assert run.sent == 3 and len(mail.outbox) == 3
    run_queued_tasks()
    assert len(mail.outbox) == 3
