"""Sending the notifications of consultation requests, outside any web request.

Each `ConsultationNotification` row is sent by a task (`tasks.py`) on the task
worker: the task claims its row atomically (so that two workers, or a task and its
duplicate, never send the same email twice), sends it and marks it sent. A failed
send is tried again later with exponential backoff, up to
`CONSULTATION_NOTIFICATION_MAX_ATTEMPTS` tries; then the row is marked failed and the
inbox shows it with its reason.

No email carries answers: staff get the location's name and a link to the request in
the admin, visitors a confirmation that the request arrived."""

import dataclasses
import datetime
import logging
import smtplib
import uuid
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from locations.consultations.crypto import InvalidToken, decrypt_text
from locations.consultations.models import (
    ConsultationFormPage,
    ConsultationNotification,
    NotificationKind,
)
from locations.consultations.models.form_page import DEFAULT_CONFIRMATION

logger = logging.getLogger(__name__)

# A claimed notification is left alone by other workers for this long: far longer
# than one send may take (EMAIL_TIMEOUT bounds each step with the mail server).
CLAIM_LEASE = datetime.timedelta(minutes=10)
FIRST_RETRY_DELAY = datetime.timedelta(seconds=30)
LONGEST_RETRY_DELAY = datetime.timedelta(hours=1)
# A pending row whose due time passed this long ago has lost its task (a crash
# between the commit and the enqueue, or a lost queue): the sweep enqueues it again.
SWEEP_GRACE = datetime.timedelta(minutes=5)
# Errors about one message; anything else means the mail server is not answering.
MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    smtplib.SMTPNotSupportedError,
    UnicodeError,
    ValueError,
)


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed try: 30 s, 1 min, 2 min,
    ... up to an hour."""
    exponent = max(attempts - 1, 0)
    if exponent > 16:
        return LONGEST_RETRY_DELAY
    return min(FIRST_RETRY_DELAY * 2**exponent, LONGEST_RETRY_DELAY)


def admin_request_url(request_pk):
    path = reverse("consultation_requests:inspect", args=[request_pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def _local_time(moment, location):
    try:
        zone = zoneinfo.ZoneInfo(location.time_zone) if location else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = None
    return timezone.localtime(moment, zone)


def staff_message(notification, form_page):
    """The email telling staff that a request arrived: no answers, no visitor name
    or contact details; the location's name and a link to the request."""
    request = notification.request
    prefix = (form_page.subject if form_page else "") or "New consultation request"
    received = date_format(
        _local_time(request.submit_time, request.location), r"l, F j, Y \a\t g:i A"
    )
    lines = [
        f"A new consultation request for {request.location_name} arrived on "
        f"{received}.",
        "",
        "Read it in the admin (you will be asked to sign in):",
        admin_request_url(request.pk),
        "",
        "To protect the person's privacy, their answers are never sent by email.",
    ]
    if request.routed_to_fallback:
        lines += [
            "",
            f"You receive this because nobody is set to receive requests for "
            f"{request.location_name}. Please ask an administrator to choose the "
            "location's managers.",
        ]
    return EmailMessage(
        subject=f"{prefix}: {request.location_name}",
        body="\n".join(lines),
        from_email=(form_page.from_address if form_page else "") or None,
        to=[notification.recipient],
    )


def visitor_message(notification, form_page):
    """The visitor's confirmation: that the request arrived, none of its answers."""
    recipient = decrypt_text(notification.recipient_encrypted)
    return EmailMessage(
        subject="We received your consultation request",
        body=(form_page.confirmation_text if form_page else "") or DEFAULT_CONFIRMATION,
        from_email=(form_page.from_address if form_page else "") or None,
        to=[recipient],
    )


def build_message(notification):
    form_page = ConsultationFormPage.objects.filter(
        pk=notification.request.page_id
    ).first()
    if notification.kind == NotificationKind.VISITOR:
        message = visitor_message(notification, form_page)
    else:
        message = staff_message(notification, form_page)
    # Lets mail logs be matched with the notification row; it reveals nothing.
    message.extra_headers["X-Consultation-Notification"] = str(notification.pk)
    return message


def describe_error(error):
    """A short description for the notification row: the error's type and SMTP
    code, never its text (which may quote addresses)."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__}{f' (SMTP {code})' if code else ''}"[:200]


def max_attempts():
    """Tries before a notification is marked failed (setting
    `CONSULTATION_NOTIFICATION_MAX_ATTEMPTS`, default 12: with the backoff above,
    about six hours of trying)."""
    return max(int(settings.CONSULTATION_NOTIFICATION_MAX_ATTEMPTS), 1)


@dataclasses.dataclass
class Delivery:
    """What one delivery attempt did. `retry_at` is set when the notification will
    be tried again; `mail_server_down` when the server, not the message, failed."""

    sent: bool = False
    failed: bool = False
    retry_at: datetime.datetime | None = None
    mail_server_down: bool = False

    @property
    def attempted(self):
        return self.sent or self.failed or self.retry_at is not None


@dataclasses.dataclass
class DeliveryRun:
    sent: int = 0
    failed: int = 0
    mail_server_down: bool = False


def pending_notifications():
    return ConsultationNotification.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True
    )


def claimable(now):
    return (
        pending_notifications()
        .filter(next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
    )


def claim(pk, now):
    """Claim notification `pk` for this worker if it is due and nobody holds it;
    return it (with its request and location), or None.

    The claim is a single conditional UPDATE: of two workers trying for the same row,
    exactly one changes it (SQLite serialises writers; PostgreSQL re-checks the
    condition once the other's update has committed)."""
    claimed = (
        claimable(now)
        .filter(pk=pk)
        .update(
            claimed_until=now + CLAIM_LEASE,
            claim_token=uuid.uuid4(),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return None
    return ConsultationNotification.objects.select_related(
        "request", "request__location"
    ).get(pk=pk)


def claim_next(now):
    """Claim the due notification that has waited longest, or return None."""
    candidates = list(
        claimable(now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:20]
    )
    for pk in candidates:
        if notification := claim(pk, now):
            return notification
    return None


def mark_sent(notification, now):
    updated = ConsultationNotification.objects.filter(
        pk=notification.pk, claim_token=notification.claim_token
    ).update(sent_at=now, claimed_until=None, recipient_encrypted="", last_error="")
    if not updated:
        logger.warning(
            "Consultation notification #%s was sent but its claim had lapsed.",
            notification.pk,
        )


def mark_failed(notification, now, error, schedule_retry=None):
    """Record a failed try: another one after the backoff delay, or, after the last
    allowed try, the row marked failed (its encrypted address is kept: an operator
    may still want to reach the visitor). `schedule_retry(pk, retry_at)` is called in
    the same transaction as the update; returns the retry time or None."""
    mine = ConsultationNotification.objects.filter(
        pk=notification.pk, claim_token=notification.claim_token
    )
    if notification.attempts >= max_attempts():
        mine.update(claimed_until=None, failed_at=now, last_error=error)
        logger.error(
            "Consultation notification #%s (request #%s) failed for good after %s "
            "attempts: %s. The inbox shows it as failed.",
            notification.pk,
            notification.request_id,
            notification.attempts,
            error,
        )
        return None
    retry_at = now + retry_delay(notification.attempts)
    with transaction.atomic():
        updated = mine.update(
            claimed_until=None, next_attempt_at=retry_at, last_error=error
        )
        if updated and schedule_retry is not None:
            schedule_retry(notification.pk, retry_at)
    log = logger.error if notification.attempts >= 5 else logger.warning
    log(
        "Consultation notification #%s (request #%s) not sent on attempt %s of %s: "
        "%s. Next try at %s.",
        notification.pk,
        notification.request_id,
        notification.attempts,
        max_attempts(),
        error,
        retry_at.isoformat(timespec="seconds"),
    )
    return retry_at


def send_claimed(notification, connection, clock=timezone.now, schedule_retry=None):
    """Send a notification this worker has claimed and record the outcome."""
    delivery = Delivery()
    try:
        message = build_message(notification)
        message.connection = connection
        if message.send() != 1:
            raise smtplib.SMTPException("the mail server accepted nothing")
    except (InvalidToken, *MESSAGE_ERRORS) as error:
        delivery.retry_at = mark_failed(
            notification, clock(), describe_error(error), schedule_retry
        )
    except Exception as error:  # the mail server is down or misbehaving
        if not isinstance(error, OSError):
            logger.exception(
                "Unexpected error sending consultation notification #%s.",
                notification.pk,
            )
        delivery.mail_server_down = True
        delivery.retry_at = mark_failed(
            notification, clock(), describe_error(error), schedule_retry
        )
    else:
        delivery.sent = True
        mark_sent(notification, clock())
    delivery.failed = not delivery.sent and delivery.retry_at is None
    return delivery


def close_quietly(connection):
    try:
        connection.close()
    except Exception:
        logger.warning("Closing the mail connection failed.", exc_info=True)


def deliver_notification(pk, clock=timezone.now, schedule_retry=None):
    """Send notification `pk` if it is due and still pending: what its task does.
    Anything else (sent already, failed for good, claimed by another worker, not
    due yet, deleted with its request) is left alone: returns an empty Delivery."""
    notification = claim(pk, clock())
    if notification is None:
        return Delivery()
    connection = get_connection(fail_silently=False)
    try:
        return send_claimed(notification, connection, clock, schedule_retry)
    finally:
        close_quietly(connection)


def deliver_due_notifications(clock=timezone.now, limit=100):
    """Send the notifications that are due, here and now, one claimed at a time,
    on one mail connection; stops early when the mail server does not answer.

    The task worker does this one task per notification; this is the same work for
    a shell or a test that wants the pending emails sent at once. A failure here is
    tried again by the periodic sweep (`sweep_notifications`)."""
    run = DeliveryRun()
    connection = get_connection(fail_silently=False)
    try:
        for _ in range(limit):
            notification = claim_next(clock())
            if notification is None:
                break
            delivery = send_claimed(notification, connection, clock)
            if delivery.sent:
                run.sent += 1
            else:
                run.failed += 1
            if delivery.mail_server_down:
                run.mail_server_down = True
                break
    finally:
        close_quietly(connection)
    return run


def notifications_to_sweep(now):
    """Pending, unclaimed rows whose due time passed more than SWEEP_GRACE ago:
    their task was lost, or never enqueued."""
    return claimable(now - SWEEP_GRACE)


def sweep_notifications(enqueue, clock=timezone.now, limit=1000):
    """Give every pending row that has lost its task a new one: `enqueue(pk)` is
    called in the transaction that moves the row's due time to now (so the next
    sweep leaves it alone for SWEEP_GRACE). Returns how many were enqueued."""
    now = clock()
    count = 0
    for pk in notifications_to_sweep(now).values_list("pk", flat=True)[:limit]:
        with transaction.atomic():
            moved = (
                notifications_to_sweep(now).filter(pk=pk).update(next_attempt_at=now)
            )
            if moved:
                enqueue(pk)
                count += 1
    if count:
        logger.warning(
            "Consultation notifications: %s pending without a task were enqueued "
            "again by the sweep.",
            count,
        )
    return count


def pending_count():
    return pending_notifications().count()
