"""The consultation domain's background tasks, run by the task worker beside
Wagtail's own: one task per notification email, the sweep that catches up rows
whose task was lost, and the daily retention purge.

The rows (`ConsultationNotification`) are the record of what must be sent; a task
is only a reminder to look at one row. So a duplicate task is harmless (the row's
claim lets one send), and a lost one is enqueued again by the sweep."""

import logging

from django_tasks import task

from home.tasks import enqueue_with_transaction
from locations.consultations.notifications import (
    deliver_notification,
    sweep_notifications,
)
from locations.consultations.retention import purge_expired_requests

logger = logging.getLogger(__name__)


def enqueue_notification(pk, run_after=None):
    """Enqueue the task of notification `pk` with the caller's transaction (see
    `home.tasks.enqueue_with_transaction`)."""
    return enqueue_with_transaction(
        send_consultation_notification, pk, run_after=run_after
    )


def enqueue_queued_notifications(sender, notifications, **kwargs):
    """Receiver of `notifications_queued`: one task per new notification row, in the
    transaction that stored the request (connected in LocationsConfig.ready())."""
    for notification in notifications:
        enqueue_notification(notification.pk)


@task()
def send_consultation_notification(notification_id):
    """Send one notification email if it is still pending and due; a failed try
    enqueues the next one after the backoff delay. Returns "sent", "retry",
    "failed" (for good) or "skipped" (sent already, claimed elsewhere, not due)."""
    delivery = deliver_notification(
        notification_id,
        schedule_retry=lambda pk, retry_at: enqueue_notification(pk, retry_at),
    )
    if delivery.sent:
        return "sent"
    if delivery.retry_at is not None:
        return "retry"
    return "failed" if delivery.failed else "skipped"


@task()
def sweep_consultation_notifications():
    """Enqueue again every pending notification whose task was lost (a crash between
    a commit and an RQ enqueue, a flushed queue); the scheduler runs it every minute.
    Returns how many were enqueued."""
    return sweep_notifications(enqueue=enqueue_notification)


@task()
def purge_expired_consultation_requests():
    """The daily retention purge (`manage.py purge_consultation_requests`)."""
    return purge_expired_requests()
