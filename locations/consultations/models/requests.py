"""Stored consultation requests, their pending notifications, their audit log and
the retention setting."""

import logging

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.dispatch import Signal
from django.utils import timezone
from django.utils.functional import cached_property
from phonenumber_field.phonenumber import PhoneNumber
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from locations.consultations.crypto import InvalidToken, decrypt_json, encrypt_text
from locations.models.pages import LocationPage

logger = logging.getLogger(__name__)

VIEW_ALL_PERMISSION = "locations.view_all_consultation_requests"
DEFAULT_RETENTION_DAYS = 180


def can_view_all_requests(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION))
    )


def phone_display(e164):
    """(512) 555-0142 for US numbers, +44 20 7946 0958 for others."""
    number = PhoneNumber.from_string(e164)
    return number.as_national if number.country_code == 1 else number.as_international


class ConsultationStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    SCHEDULED = "scheduled", "Scheduled"
    CLOSED = "closed", "Closed"


class ConsultationRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The requests `user` may see: all of them with the "view all" permission,
        otherwise those of the locations they manage (or managed, when the location
        has since been deleted)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if can_view_all_requests(user):
            return self
        managed = LocationPage.objects.filter(managers=user).values("pk")
        former = self.model.former_location_managers.through.objects.filter(
            user=user
        ).values("consultationrequest_id")
        return self.filter(models.Q(location__in=managed) | models.Q(pk__in=former))


class ConsultationRequest(AbstractFormSubmission):
    """A visitor's request for a consultation, with its answers encrypted at rest."""

    # Wagtail's plaintext answer column stays empty: answers live in `answers`.
    form_data = models.JSONField(
        default=dict, blank=True, editable=False, encoder=DjangoJSONEncoder
    )
    # A deleted form page must not take its requests with it.
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The form the request was sent from.",
    )
    location = models.ForeignKey(
        "locations.LocationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
        help_text="The clinic the visitor chose.",
    )
    location_name = models.CharField(
        max_length=255,
        help_text="The clinic's name when the request arrived; kept if the clinic's "
        "page is later renamed, unpublished or deleted.",
    )
    status = models.CharField(
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.NEW,
        db_index=True,
        help_text="Where the clinic is with this request: new, contacted, "
        "scheduled or closed.",
    )
    answers = models.TextField(
        editable=False, help_text="The visitor's answers, encrypted."
    )
    routed_to_fallback = models.BooleanField(
        "sent to the form's address",
        default=False,
        help_text="The location had nobody to receive requests, so the form page's "
        "own address was told instead.",
    )
    form_token_digest = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="SHA-256 of the signed form token the request was sent with: the "
        "database stores one request per form shown, however often it is posted.",
    )
    former_location_managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        help_text="The managers of the location when its page was deleted; they "
        "keep seeing this request.",
    )

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "consultation request"
        verbose_name_plural = "consultation requests"
        ordering = ["-submit_time", "-pk"]
        indexes = [models.Index(fields=["submit_time"])]
        permissions = [
            ("view_all_consultation_requests", "Can view all consultation requests")
        ]

    def __str__(self):
        return f"Request #{self.pk} · {self.location_name}"

    @cached_property
    def decrypted_answers(self):
        """[{"name", "label", "value"}, ...], or None when no configured key opens
        them (logged: it means a key was removed too early)."""
        try:
            return decrypt_json(self.answers)["fields"]
        except (InvalidToken, ValueError, KeyError, TypeError):
            logger.error(
                "Consultation request #%s: answers cannot be decrypted with the "
                "configured keys.",
                self.pk,
            )
            return None

    def get_data(self):
        """Wagtail's view of the answers: {field name: value, "submit_time": ...}."""
        answers = self.decrypted_answers or []
        return {
            **{answer["name"]: answer["value"] for answer in answers},
            "submit_time": self.submit_time,
        }

    def answer_rows(self):
        """(label, text) pairs to show staff, in the form's order."""
        rows = []
        for answer in self.decrypted_answers or []:
            value = answer["value"]
            if answer.get("kind") == "phone" and value:
                value = phone_display(value)
            elif isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, bool):
                value = "Yes" if value else "No"
            elif value is None:
                value = ""
            rows.append((answer["label"], str(value)))
        return rows

    @property
    def location_display(self):
        if self.location_id is None:
            return f"{self.location_name} (page deleted)"
        return self.location_name


class NotificationKind(models.TextChoices):
    STAFF = "staff", "Staff notification"
    VISITOR = "visitor", "Visitor confirmation"


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class ConsultationNotification(models.Model):
    """One email to send about a request: the record of what must be sent and what
    was sent (a task sends it; the row, not the queue, decides that it goes once)."""

    request = models.ForeignKey(
        ConsultationRequest, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    recipient = models.EmailField(
        blank=True, help_text="The staff address (empty for visitor confirmations)."
    )
    # The visitor's address is personal data: encrypted, and wiped once sent.
    recipient_encrypted = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the last allowed attempt failed; it is not tried again.",
    )
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "consultation notification"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for request #{self.request_id}"

    @property
    def status(self):
        if self.sent_at:
            return NotificationStatus.SENT
        if self.failed_at:
            return NotificationStatus.FAILED
        return NotificationStatus.PENDING


# Sent with the new rows (`notifications`) inside the transaction that stores a
# request; the notification tasks are enqueued by its receiver (connected in
# LocationsConfig.ready(), so that models never import the task modules).
notifications_queued = Signal()


def queue_notifications(submission, recipients, visitor_email=None):
    """Pending notifications for a stored request, written in the caller's
    transaction so that a request never exists without them; `notifications_queued`
    then enqueues their tasks (with the database backend, in that same
    transaction)."""
    if not recipients:
        logger.error(
            "Consultation request #%s: nobody to notify (the location has no "
            "managers and the form page no address).",
            submission.pk,
        )
    notifications = [
        ConsultationNotification(
            request=submission, kind=NotificationKind.STAFF, recipient=address
        )
        for address in recipients
    ]
    if visitor_email:
        notifications.append(
            ConsultationNotification(
                request=submission,
                kind=NotificationKind.VISITOR,
                recipient_encrypted=encrypt_text(visitor_email),
            )
        )
    created = ConsultationNotification.objects.bulk_create(notifications)
    notifications_queued.send(ConsultationNotification, notifications=created)
    return created


class ConsultationRequestLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        """Site history shows a manager only the entries of requests they may see."""
        if can_view_all_requests(user):
            return self.all()
        visible = (
            ConsultationRequest.objects.visible_to(user)
            .order_by()
            .annotate(key=Cast("pk", models.CharField(max_length=20)))
            .values("key")
        )
        return self.filter(object_id__in=visible)


class ConsultationRequestLogEntry(BaseLogEntry):
    """Audit log of consultation requests: views, exports, status changes and
    deletions. Holds no answers."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = ConsultationRequestLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        verbose_name = "consultation request log entry"
        verbose_name_plural = "consultation request log entries"
        ordering = ["-timestamp", "-id"]

    def __str__(self):
        return f"{self.action} on request #{self.object_id}"


@register_setting(icon="mail")
class ConsultationSettings(BaseSiteSetting):
    """How long consultation requests are kept, edited in Settings."""

    retention_days = models.PositiveIntegerField(
        "keep requests for (days)",
        default=DEFAULT_RETENTION_DAYS,
        validators=[
            MinValueValidator(1, "Keep requests for at least one day."),
            MaxValueValidator(3650, "Keep requests for at most ten years."),
        ],
        help_text="Requests older than this are deleted for good by the daily "
        "clean-up, whatever their status. Export anything you need to keep first.",
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = "consultation requests"
