"""Sending the pending notifications of consultation requests, outside any web
request: each notification is claimed atomically (so two workers never send the same
one), sent, and marked sent; a failure is retried later with exponential backoff.

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


@dataclasses.dataclass
class DeliveryRun:
    sent: int = 0
    failed: int = 0
    mail_server_down: bool = False


def claimable(now):
    return ConsultationNotification.objects.filter(
        sent_at__isnull=True, next_attempt_at__lte=now
    ).filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))


def claim_next(now):
    """Claim one due notification for this worker, or return None.

    The claim is a single conditional UPDATE: of two workers trying for the same row,
    exactly one changes it (SQLite serialises writers; PostgreSQL re-checks the
    condition once the other's update has committed)."""
    candidates = list(
        claimable(now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:20]
    )
    for pk in candidates:
        token = uuid.uuid4()
        claimed = (
            claimable(now)
            .filter(pk=pk)
            .update(
                claimed_until=now + CLAIM_LEASE,
                claim_token=token,
                attempts=F("attempts") + 1,
            )
        )
        if claimed:
            return ConsultationNotification.objects.select_related(
                "request", "request__location"
            ).get(pk=pk)
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


def mark_failed(notification, now, error):
    retry_at = now + retry_delay(notification.attempts)
    ConsultationNotification.objects.filter(
        pk=notification.pk, claim_token=notification.claim_token
    ).update(claimed_until=None, next_attempt_at=retry_at, last_error=error)
    log = logger.error if notification.attempts >= 5 else logger.warning
    log(
        "Consultation notification #%s (request #%s) not sent on attempt %s: %s. "
        "Next try at %s.",
        notification.pk,
        notification.request_id,
        notification.attempts,
        error,
        retry_at.isoformat(timespec="seconds"),
    )


def deliver_due_notifications(clock=timezone.now, limit=100):
    """Send the notifications that are due, one claimed at a time. Stops early when
    the mail server does not answer (the rest wait for the next run)."""
    run = DeliveryRun()
    connection = get_connection(fail_silently=False)
    try:
        for _ in range(limit):
            notification = claim_next(clock())
            if notification is None:
                break
            try:
                message = build_message(notification)
                message.connection = connection
                if message.send() != 1:
                    raise smtplib.SMTPException("the mail server accepted nothing")
            except (InvalidToken, *MESSAGE_ERRORS) as error:
                run.failed += 1
                mark_failed(notification, clock(), describe_error(error))
            except Exception as error:  # the mail server is down or misbehaving
                if not isinstance(error, OSError):
                    logger.exception(
                        "Unexpected error sending consultation notification #%s.",
                        notification.pk,
                    )
                run.failed += 1
                run.mail_server_down = True
                mark_failed(notification, clock(), describe_error(error))
                break
            else:
                run.sent += 1
                mark_sent(notification, clock())
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the mail connection failed.", exc_info=True)
    return run


def pending_count():
    return ConsultationNotification.objects.filter(sent_at__isnull=True).count()
