"""The "Consultation requests" inbox in the Wagtail admin, built on ModelViewSet.

Every view reads requests through `ConsultationRequest.objects.visible_to(user)`: a
location manager sees their own locations' requests, a user with the "view all"
permission sees all, anybody else sees none (and a guessed URL answers 404)."""

import re

import django_filters
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from locations.consultations import audit
from locations.consultations.access import (
    ConsultationRequestPermissionPolicy,
    ConsultationRequestURLFinder,
)
from locations.consultations.models import (
    ConsultationNotification,
    ConsultationRequest,
    ConsultationStatus,
    NotificationKind,
)
from locations.models.pages import LocationPage

# Spreadsheet cells starting like a formula are shown as text (CSV injection).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"^[+-]?[\d\s().-]+$")


def locations_for_filter(request):
    visible = ConsultationRequest.objects.visible_to(request.user)
    return LocationPage.objects.filter(
        pk__in=visible.exclude(location=None).values("location")
    ).order_by("title")


class ConsultationRequestFilterSet(WagtailFilterSet):
    location = django_filters.ModelChoiceFilter(
        queryset=locations_for_filter, empty_label="All locations"
    )
    status = django_filters.ChoiceFilter(
        choices=ConsultationStatus.choices, empty_label="Any status"
    )
    submit_time = django_filters.DateFromToRangeFilter(
        label="Received", widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsultationRequest
        fields = ["location", "status", "submit_time"]


class VisibleRequestsMixin:
    """Loads requests only from those the signed-in user may see."""

    def visible_requests(self):
        return ConsultationRequest.objects.visible_to(self.request.user)


def received_display(submission):
    return date_format(timezone.localtime(submission.submit_time), "j M Y, P")


class IndexView(VisibleRequestsMixin, generic.IndexView):
    def get_base_queryset(self):
        failed_email = ConsultationNotification.objects.filter(
            request=OuterRef("pk"), failed_at__isnull=False
        )
        return (
            self.visible_requests()
            .select_related("location")
            .annotate(has_failed_email=Exists(failed_email))
        )

    @cached_property
    def header_buttons(self):
        # Managers export every week: labelled buttons beside the title (with the
        # filters shown), not items of the "..." menu.
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(
                    "Export CSV", url=self.csv_export_url, icon_name="download"
                ),
                HeaderButton(
                    "Export Excel", url=self.xlsx_export_url, icon_name="download"
                ),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        exports = {self.csv_export_url, self.xlsx_export_url}
        return [
            button
            for button in super().header_more_buttons
            if button.url not in exports
        ]

    def get_edit_url(self, instance):
        # The title opens the request itself (inspect); the status form is beside it.
        return None

    def get_list_more_buttons(self, instance):
        buttons = []
        if inspect_url := self.get_inspect_url(instance):
            buttons.append(
                MenuItem("Open", url=inspect_url, icon_name="view", priority=10)
            )
        if self.edit_url_name and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    "Change status",
                    url=reverse(self.edit_url_name, args=(quote(instance.pk),)),
                    icon_name="edit",
                    priority=20,
                )
            )
        if delete_url := self.get_delete_url(instance):
            buttons.append(
                MenuItem("Delete", url=delete_url, icon_name="bin", priority=30)
            )
        return buttons

    def render_to_response(self, context, **response_kwargs):
        if not self.is_export:
            return super().render_to_response(context, **response_kwargs)
        export_format = self.request.GET.get("export")
        requests = list(context["object_list"])
        self.prepare_answer_columns(requests)
        with transaction.atomic():
            for submission in requests:
                audit.log_request_action(
                    submission,
                    audit.EXPORT,
                    user=self.request.user,
                    format=export_format,
                )
        return self.as_spreadsheet(requests, export_format)

    def prepare_answer_columns(self, requests):
        """One column per question found in the exported requests, in order."""
        columns = {}
        for submission in requests:
            for answer in submission.decrypted_answers or []:
                columns.setdefault(f"answer:{answer['name']}", answer["label"])
        self.list_export = [*self.list_export, *columns]
        self.export_headings = {**self.export_headings, **columns}

    def to_row_dict(self, item):
        answers = {
            f"answer:{answer['name']}": answer["value"]
            for answer in item.decrypted_answers or []
        }
        # Local time (TIME_ZONE) to the minute, as the inbox shows it; Wagtail's
        # export would write UTC, with microseconds in CSV. A naive datetime is a
        # date cell in Excel.
        received = timezone.localtime(item.submit_time).replace(
            tzinfo=None, second=0, microsecond=0
        )
        row = {
            "id": item.pk,
            "submit_time": received,
            "location_name": item.location_display,
            "status": item.get_status_display(),
            "routed_to_fallback": "Yes" if item.routed_to_fallback else "No",
        }
        if item.decrypted_answers is None:
            row["routed_to_fallback"] += " (answers cannot be decrypted)"
        return {field: row.get(field, answers.get(field)) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if (
            export_format == self.FORMAT_CSV
            and isinstance(value, str)
            and FORMULA_START.match(value)
            and not PLAIN_NUMBER.match(value)
        ):
            return f"'{value}"
        return value


class InspectView(VisibleRequestsMixin, generic.InspectView):
    template_name = "locations/consultations/inspect.html"

    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(
            self.visible_requests().select_related("location"), pk=self.pk
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.log_request_action(self.object, audit.VIEW, user=request.user)
        return response

    @property
    def header_more_buttons(self):
        buttons = []
        if delete_url := self.get_delete_url():
            buttons.append(
                Button("Delete", url=delete_url, icon_name="bin", priority=20)
            )
        return buttons

    def notification_summary(self):
        lines = []
        for note in self.object.notifications.all():
            who = (
                "The visitor (confirmation)"
                if note.kind == NotificationKind.VISITOR
                else note.recipient
            )
            if note.sent_at:
                state = (
                    f"sent {date_format(timezone.localtime(note.sent_at), 'j M, P')}"
                )
            elif note.failed_at:
                failed = date_format(timezone.localtime(note.failed_at), "j M, P")
                state = (
                    f"FAILED, not sent after {note.attempts} tries (last "
                    f"{failed}: {note.last_error or 'unknown error'}). Please contact "
                    "the person another way."
                )
            else:
                state = f"waiting to be sent ({note.attempts} tries so far)"
                if note.last_error:
                    state += f"; last error: {note.last_error}"
            lines.append(f"{who}: {state}")
        return "\n".join(lines) or "Nobody (no recipient was set)"

    def get_fields_context(self):
        submission = self.object
        routing = (
            "The location had nobody to receive requests, so the form's fallback "
            "address was told. Choose managers on the location page."
            if submission.routed_to_fallback
            else "The location's managers and extra addresses."
        )
        fields = [
            {"label": "Received", "value": received_display(submission)},
            {"label": "Location", "value": submission.location_display},
            {"label": "Status", "value": submission.get_status_display()},
            {"label": "Who was told", "value": routing},
            {
                "label": "Emails",
                "value": linebreaksbr(self.notification_summary(), autoescape=True),
            },
        ]
        answers = submission.decrypted_answers
        if answers is None:
            fields.append(
                {
                    "label": "Answers",
                    "value": "These answers cannot be decrypted with the configured "
                    "keys. Ask the site's administrator.",
                }
            )
        for label, value in submission.answer_rows():
            fields.append(
                {"label": label, "value": linebreaksbr(value, autoescape=True) or "–"}
            )
        return [{"component": None, **field} for field in fields]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.user_has_permission("change") and self.edit_url_name
        context["status_form_url"] = (
            reverse(self.edit_url_name, args=(quote(self.object.pk),))
            if can_change
            else None
        )
        context["status_choices"] = ConsultationStatus.choices
        return context


class EditView(VisibleRequestsMixin, generic.EditView):
    """Changes a request's status (the only thing staff may change)."""

    success_message = "%(object)s: status changed."

    def get_queryset(self):
        return self.visible_requests()

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.status_before = obj.status
        return obj

    def save_instance(self):
        instance = self.form.save()
        self.has_content_changes = instance.status != self.status_before
        if self.has_content_changes:
            audit.log_request_action(
                instance,
                audit.STATUS,
                user=self.request.user,
                to=instance.status,
                to_label=instance.get_status_display(),
                from_label=ConsultationStatus(self.status_before).label,
                **{"from": self.status_before},
            )
        return instance

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_success_buttons(self):
        return []


class DeleteView(VisibleRequestsMixin, generic.DeleteView):
    def get_queryset(self):
        return self.visible_requests()

    def delete_action(self):
        with transaction.atomic():
            audit.log_request_action(self.object, audit.DELETE, user=self.request.user)
            self.object.delete()


class RequestHistoryView(VisibleRequestsMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.visible_requests()


class RequestUsageView(VisibleRequestsMixin, UsageView):
    def get_base_object_queryset(self):
        return self.visible_requests()


class ConsultationRequestViewSet(ModelViewSet):
    """The inbox: list, filter, open, change status, export and delete requests."""

    model = ConsultationRequest
    name = "consultation_requests"
    url_prefix = "consultation-requests"
    icon = "mail"
    menu_label = "Consultation requests"
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True

    index_view_class = IndexView
    inspect_view_class = InspectView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = RequestHistoryView
    usage_view_class = RequestUsageView

    list_per_page = 50
    ordering = "-submit_time"
    filterset_class = ConsultationRequestFilterSet
    list_display = [
        "__str__",
        Column("location_display", label="Location", sort_key="location_name"),
        DateColumn("submit_time", label="Received", sort_key="submit_time"),
        StatusTagColumn(
            "get_status_display",
            label="Status",
            sort_key="status",
            primary=lambda r: r.status == ConsultationStatus.NEW,
        ),
        Column(
            "routing_flag",
            label="Routing",
            accessor=lambda r: (
                "Sent to fallback address" if r.routed_to_fallback else ""
            ),
        ),
        Column(
            "email_flag",
            label="Emails",
            accessor=lambda r: (
                "An email failed: open the request"
                if getattr(r, "has_failed_email", False)
                else ""
            ),
        ),
    ]
    list_export = ["id", "submit_time", "location_name", "status", "routed_to_fallback"]
    export_headings = {
        "id": "Request",
        "submit_time": "Received",
        "location_name": "Location",
        "status": "Status",
        "routed_to_fallback": "Sent to fallback address",
    }
    export_filename = "consultation-requests"
    panels = [FieldPanel("status")]

    @property
    def permission_policy(self):
        return ConsultationRequestPermissionPolicy(self.model)

    @property
    def url_finder_class(self):
        # Links from the site history open the request itself, not its status form.
        return type(
            "ConsultationRequestURLFinder",
            (ConsultationRequestURLFinder,),
            {
                "permission_policy": self.permission_policy,
                "edit_url_name": self.get_url_name("inspect"),
            },
        )
