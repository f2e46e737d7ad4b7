"""Running queued background tasks inside a test, as the workers would: the database
backend's own worker loop, or RQ's worker, in this process until nothing is ready."""

import datetime
from unittest import mock
from uuid import uuid4

import django_rq
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_rq.backend import Job as RQJob
from rq.timeouts import TimerDeathPenalty
from rq.worker import SimpleWorker

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


class ThreadWorker(SimpleWorker):
    """RQ's worker without forking and without signals (which only the main thread
    may use: a timer stands in for SIGALRM), so that tests can run two at once in
    threads."""

    death_penalty_class = TimerDeathPenalty

    def _install_signal_handlers(self):
        pass


def rq_queue(name=DEFAULT_TASK_QUEUE_NAME):
    return django_rq.get_queue(name, job_class=RQJob)


def run_rq_jobs(name="test-rq-worker"):
    """Run every job waiting in the RQ queue, as `manage.py rqworker` would, in this
    thread; returns whether any ran."""
    queue = rq_queue()
    worker = ThreadWorker(
        [queue], connection=queue.connection, job_class=RQJob, name=f"{name}-{uuid4()}"
    )
    return worker.work(burst=True, logging_level="WARNING")


def release_scheduled_rq_jobs(minutes):
    """Move the RQ jobs scheduled within the next `minutes` into the queue, as RQ's
    scheduler does when their time comes, and let the notifications' due times
    pass likewise."""
    queue = rq_queue()
    registry = queue.scheduled_job_registry
    moment = timezone.now() + datetime.timedelta(minutes=minutes)
    for job_id in registry.get_jobs_to_schedule(int(moment.timestamp())):
        job = RQJob.fetch(job_id, connection=queue.connection)
        registry.remove(job)
        queue.enqueue_job(job)
    let_time_pass(minutes)
