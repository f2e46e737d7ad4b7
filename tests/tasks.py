"""Running queued background tasks inside a test, as `manage.py db_worker` would:
the database backend's own worker loop, in this process, until nothing is ready."""

import datetime
from unittest import mock

from django.db import connection
from django.db.models import F
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from locations.models import ConsultationNotification


def run_queued_tasks(worker_id="test-worker", max_tasks=None):
    """Run every task that is ready (the database backend), then return how many ran.

    Inside a test's transaction the worker must not close the connection between
    tasks (it would roll the test's data back), so that step is skipped there."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    if connection.in_atomic_block:
        with mock.patch(
            "django_tasks_db.management.commands.db_worker.close_old_connections"
        ):
            worker.run()
    else:
        worker.run()
    return worker._run_tasks


def queued_tasks(task=None):
    """The database backend's tasks still waiting (ready now or deferred)."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    if task is not None:
        waiting = waiting.filter(task_path=task.module_path)
    return waiting


def let_time_pass(minutes):
    """Move every deferred task's run time and every notification's due time and
    claim `minutes` into the past, as if that much time had gone by."""
    delta = datetime.timedelta(minutes=minutes)
    queued_tasks().exclude(run_after=get_date_max()).update(
        run_after=F("run_after") - delta
    )
    ConsultationNotification.objects.update(
        next_attempt_at=F("next_attempt_at") - delta,
        claimed_until=F("claimed_until") - delta,
    )
