"""The RQ task backend of this site: django-tasks-rq's, enqueuing when the database
transaction commits (TASKS_BACKEND=rq)."""

import logging

import django_rq
from django.db import connection, transaction
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq.backend import (
    Job,
    RQBackend,
    failed_callback,
    success_callback,
)
from rq.job import Callback, JobStatus

logger = logging.getLogger(__name__)


class OnCommitRQBackend(RQBackend):
    """django-tasks-rq's backend, but a task enqueued inside a transaction reaches
    Redis only once that transaction commits, as with the database backend.

    Wagtail enqueues its reference-index update while the editor's publish is still
    in its transaction: sent to Redis at once, a worker could run it before the
    page's new revision is committed (and index the old one), or for a transaction
    that then rolled back. The returned TaskResult has the job's id from the start.
    An enqueue that fails at commit time is logged, not raised: the request has
    committed by then. Job creation follows RQBackend.enqueue of django-tasks-rq
    0.12.0."""

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        task_result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        if connection.in_atomic_block:
            transaction.on_commit(lambda: self.enqueue_after_commit(task_result))
        else:
            self.send_to_redis(task_result)
        return task_result

    def enqueue_after_commit(self, task_result):
        try:
            self.send_to_redis(task_result)
        except Exception:
            logger.exception(
                "Could not enqueue task %s (%s) on RQ after the commit.",
                task_result.id,
                task_result.task.name,
            )

    def send_to_redis(self, task_result):
        task = task_result.task
        queue = django_rq.get_queue(task.queue_name, job_class=Job)
        job = queue.create_job(
            task.module_path,
            args=task_result.args,
            kwargs=task_result.kwargs,
            job_id=task_result.id,
            status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
            on_failure=Callback(failed_callback),
            on_success=Callback(success_callback),
            meta={"backend_name": self.alias},
        )
        if task.run_after is None:
            job = queue.enqueue_job(job, at_front=task.priority == TASK_MAX_PRIORITY)
        else:
            job = queue.schedule_job(job, task.run_after)
        object.__setattr__(task_result, "enqueued_at", job.enqueued_at)
        task_enqueued.send(type(self), task_result=task_result)
