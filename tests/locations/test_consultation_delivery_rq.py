"""Notification emails on the RQ backend (django-tasks-rq), against a real Redis:
tasks enqueued once the request's transaction commits, run by RQ's worker, each
email sent once with two workers at once, retries scheduled with backoff, and a
crash between commit and enqueue healed by the sweep.

Needs Redis: TASKS_TEST_REDIS_URL, or else REDIS_URL, names the database. The tests
take a lock so that one test process at a time uses its "default" queue, refuse a
queue that holds jobs they did not enqueue, and delete every key they created."""

import os
import threading

import pytest
import redis
from django.core import mail
from django.db import connection, connections

from locations.consultations.tasks import (
    send_consultation_notification,
    sweep_consultation_notifications,
)
from locations.models import ConsultationNotification, ConsultationRequest
from tests.locations.conftest import form_data, thank_you
from tests.locations.mail_backends import SlowRecordingBackend
from tests.tasks import (
    queued_tasks,
    release_scheduled_rq_jobs,
    rq_queue,
    run_rq_jobs,
)

REQUESTS = 100
REDIS_FOR_TASKS = os.environ.get("TASKS_TEST_REDIS_URL") or os.environ.get("REDIS_URL")

pytestmark = pytest.mark.skipif(
    not REDIS_FOR_TASKS,
    reason="needs Redis: set REDIS_URL (or TASKS_TEST_REDIS_URL) to redis://...",
)


def rq_keys(client):
    return set(client.scan_iter(match="rq:*", count=1000))


@pytest.fixture
def rq_backend(settings):
    """The RQ task backend on REDIS_FOR_TASKS, for one test at a time; leaves the
    Redis database as it found it."""
    settings.TASKS = {
        "default": {
            "BACKEND": "home.task_backends.OnCommitRQBackend",
            "QUEUES": ["default"],
        }
    }
    settings.RQ_QUEUES = {"default": {"URL": REDIS_FOR_TASKS, "DEFAULT_TIMEOUT": 60}}
    client = redis.Redis.from_url(REDIS_FOR_TASKS)
    with client.lock("clinic-test:rq-default-queue", timeout=900, blocking_timeout=900):
        queue = rq_queue()
        others = queue.count + queue.scheduled_job_registry.count
        if others:
            pytest.fail(
                f"The RQ queue 'default' of {REDIS_FOR_TASKS} holds {others} jobs "
                "these tests did not enqueue: point TASKS_TEST_REDIS_URL at a Redis "
                "database of the tests' own."
            )
        before = rq_keys(client)
        queues_listed = client.smembers("rq:queues")
        try:
            yield queue
        finally:
            created = rq_keys(client) - before
            if created:
                client.delete(*created)
            for name in client.smembers("rq:queues") - queues_listed:
                client.srem("rq:queues", name)


def post_request(client, page, location):
    """Post the form and follow the redirect to the thank-you page."""
    return client.post(
        page.url, form_data(page, location), REMOTE_ADDR="203.0.113.9", follow=True
    )


def run_two_rq_workers_at_once():
    start = threading.Barrier(2)
    errors = []

    def worker(name):
        try:
            start.wait()
            run_rq_jobs(name)
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
def test_a_hundred_requests_with_the_mail_server_down_are_all_sent_once_later_on_rq(
    clinics, client, settings, monkeypatch, rq_backend, atomic_requests
):
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", atomic_requests)
    settings.EMAIL_BACKEND = "tests.locations.mail_backends.SlowRecordingBackend"
    settings.CONSULTATION_RATE_LIMIT = REQUESTS + 1
    SlowRecordingBackend.sent, SlowRecordingBackend.down = [], True

    pages = [
        post_request(client, clinics.form_page, clinics.round_rock)
        for _ in range(REQUESTS)
    ]

    assert [page.status_code for page in pages] == [200] * REQUESTS
    assert sum(thank_you(page) for page in pages) == REQUESTS
    assert ConsultationRequest.objects.count() == REQUESTS
    expected = ConsultationNotification.objects.count()
    assert expected == 2 * REQUESTS
    assert not queued_tasks(send_consultation_notification).exists()  # not the DB
    assert rq_backend.count >= expected  # (with Wagtail's own tasks)

    assert not run_two_rq_workers_at_once()
    assert SlowRecordingBackend.sent == []
    assert rq_backend.scheduled_job_registry.count == expected  # the retries

    SlowRecordingBackend.down = False
    release_scheduled_rq_jobs(minutes=1)
    assert not run_two_rq_workers_at_once()

    sent = SlowRecordingBackend.sent
    assert len(sent) == expected
    assert len(set(sent)) == expected  # every email exactly once
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()


@pytest.mark.django_db
def test_rq_tasks_are_enqueued_only_when_the_request_commits(
    clinics, client, rq_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_request(client, clinics.form_page, clinics.austin)
        assert rq_backend.count == 0  # nothing a worker could run too early

    for callback in callbacks:
        callback()
    assert rq_backend.count >= 3

    run_rq_jobs()
    assert len(mail.outbox) == 3
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()


@pytest.mark.django_db
def test_a_crash_between_commit_and_enqueue_is_healed_by_the_sweep_on_rq(
    clinics, client, rq_backend, django_capture_on_commit_callbacks
):
    """The request commits, and the process dies before its on-commit enqueue (the
    callbacks are dropped). The rows stay pending; the periodic sweep enqueues them
    once overdue, and RQ's worker sends each once."""
    with django_capture_on_commit_callbacks(execute=False):
        post_request(client, clinics.form_page, clinics.austin)
    assert rq_backend.count == 0
    assert ConsultationNotification.objects.filter(sent_at=None).count() == 3

    sweep = sweep_consultation_notifications.call  # as the scheduler's task does
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep() == 0  # not overdue yet: the task may still be on its way
    release_scheduled_rq_jobs(minutes=6)
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep() == 3
    run_rq_jobs()

    assert len(mail.outbox) == 3
    assert not ConsultationNotification.objects.filter(sent_at=None).exists()
