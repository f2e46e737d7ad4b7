"""Background work on Django's Tasks framework (the `django-tasks` backport that
Wagtail 7.4 uses): how this site enqueues so that a task never runs for a transaction
that did not commit, how long the queue's oldest ready task has waited (/readyz/),
and the site-wide periodic tasks that `manage.py run_scheduler` enqueues.

The backend is chosen by the TASKS_BACKEND setting (cms/settings/base.py)."""

import datetime
import logging

import django_rq
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_rq.backend import RQBackend

from home.task_backends import OnCommitRQBackend

logger = logging.getLogger(__name__)

# Finished tasks stay in the database backend's table this long (the daily prune).
FINISHED_TASK_RETENTION_DAYS = 7


def enqueues_in_transaction(backend):
    """True when a task that `backend` is given inside a transaction goes with that
    transaction: the database backend writes it in it, the site's RQ backend sends
    it to Redis once it commits (home.task_backends.OnCommitRQBackend)."""
    return isinstance(backend, (DatabaseBackend, OnCommitRQBackend))


def _enqueue_logging_errors(task_to_enqueue, args, kwargs):
    try:
        return task_to_enqueue.enqueue(*args, **kwargs)
    except Exception:
        logger.exception(
            "Could not enqueue %s%r; a periodic sweep must catch it up.",
            task_to_enqueue.name,
            args,
        )
        return None


def enqueue_with_transaction(task_to_enqueue, *args, run_after=None, **kwargs):
    """Enqueue `task_to_enqueue(*args, **kwargs)`, to run no sooner than `run_after`
    (an aware datetime, or None for at once), only if the caller's transaction
    commits.

    With the database backend the task row is written in that transaction: both
    commit or neither does. With RQ (and any other backend) the task is enqueued
    once the transaction has committed, so a worker never reads rows that are not
    there yet; an error then is logged, and a crash in between loses the task:
    callers keep a record (a pending row) that a periodic sweep can enqueue again.
    A backend that cannot defer (the immediate one) is not given a delayed task:
    the sweep runs it when due. Returns the TaskResult, or None when the enqueue
    waits for the commit here or was left to the sweep."""
    backend = task_to_enqueue.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            logger.info(
                "%s cannot defer %s: the periodic sweep will run it after %s.",
                type(backend).__name__,
                task_to_enqueue.name,
                run_after.isoformat(timespec="seconds"),
            )
            return None
        task_to_enqueue = task_to_enqueue.using(run_after=run_after)
    if enqueues_in_transaction(backend):
        return task_to_enqueue.enqueue(*args, **kwargs)
    if connection.in_atomic_block:
        transaction.on_commit(
            lambda: _enqueue_logging_errors(task_to_enqueue, args, kwargs)
        )
        return None
    return _enqueue_logging_errors(task_to_enqueue, args, kwargs)


def _oldest_ready_in_database(backend, now):
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, backend_name=backend.alias
    )
    first_queued = (
        waiting.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    first_due = (
        waiting.filter(run_after__lte=now)
        .order_by("run_after")
        .values_list("run_after", "enqueued_at")
        .first()
    )
    waiting_since = [first_queued] if first_queued else []
    if first_due:
        waiting_since.append(max(first_due))
    return min(waiting_since) if waiting_since else None


def _oldest_ready_in_rq(backend):
    waiting_since = []
    for queue_name in backend.queues:
        queue = django_rq.get_queue(queue_name)
        job_ids = queue.get_job_ids(0, 0)
        job = queue.fetch_job(job_ids[0]) if job_ids else None
        if job is not None and job.enqueued_at is not None:
            enqueued_at = job.enqueued_at
            if timezone.is_naive(enqueued_at):
                enqueued_at = enqueued_at.replace(tzinfo=datetime.UTC)
            waiting_since.append(enqueued_at)
    return min(waiting_since) if waiting_since else None


def oldest_ready_task_age(backend=None, now=None):
    """How long the oldest task that is ready to run has waited (a timedelta), or
    None when no task waits (or the backend keeps no queue, as the immediate one).
    A task deferred with `run_after` counts from that time. Supports the database
    and RQ backends; raises what their storage raises when it does not answer."""
    backend = backend or task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    now = now or timezone.now()
    if isinstance(backend, DatabaseBackend):
        since = _oldest_ready_in_database(backend, now)
    elif isinstance(backend, RQBackend):
        since = _oldest_ready_in_rq(backend)
    else:
        since = None
    return max(now - since, datetime.timedelta(0)) if since else None


@task()
def publish_scheduled_pages():
    """Wagtail's `publish_scheduled`: publish pages whose go-live time has come and
    unpublish expired ones (enqueued every minute by the scheduler)."""
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_finished_tasks():
    """Delete the database backend's finished tasks older than a week (daily); does
    nothing with another backend."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return 0
    call_command(
        "prune_db_task_results",
        min_age_days=FINISHED_TASK_RETENTION_DAYS,
        failed_min_age_days=FINISHED_TASK_RETENTION_DAYS,
        verbosity=0,
    )
    return None
