"""Background work on Django's Tasks framework: tasks enqueued with the caller's
transaction, and /readyz/ reporting a queue that does not move."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from home.tasks import enqueue_with_transaction, oldest_ready_task_age
from tests.tasks import queued_tasks

pytestmark = pytest.mark.django_db

RAN = []


@task()
def remember(value):
    RAN.append(value)
    return value


def age_queue(minutes):
    DBTaskResult.objects.update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_readyz_reports_a_task_queue_that_does_not_move(client, settings):
    settings.TASKS_MAX_QUEUE_AGE = 300
    remember.enqueue("late")
    age_queue(minutes=4)
    assert client.get("/readyz/").status_code == 200

    age_queue(minutes=6)
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert "is the task worker running?" in response.json()["checks"]["tasks"]


def test_a_task_deferred_to_later_does_not_count_as_waiting():
    soon = timezone.now() + datetime.timedelta(minutes=30)
    remember.using(run_after=soon).enqueue("later")
    age_queue(minutes=60)

    assert oldest_ready_task_age() is None
    overdue = soon + datetime.timedelta(minutes=2)
    assert oldest_ready_task_age(now=overdue) == datetime.timedelta(minutes=2)


def test_a_task_enqueued_in_a_transaction_that_rolls_back_is_gone():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_with_transaction(remember, "never")
        assert queued_tasks(remember).count() == 1
        raise RuntimeError("the request failed")

    assert not queued_tasks(remember).exists()


def test_a_backend_that_cannot_defer_leaves_a_delayed_task_to_the_sweep(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    RAN.clear()
    later = timezone.now() + datetime.timedelta(minutes=5)

    assert enqueue_with_transaction(remember, "later", run_after=later) is None
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_with_transaction(remember, "now")
        assert RAN == []  # not before the commit
    assert RAN == ["now"]
