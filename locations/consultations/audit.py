"""The audit log actions of consultation requests. Entries name the request (its
number and location) and what was done; never an answer."""

from wagtail.log_actions import LogFormatter, log

from locations.consultations.models import (
    ConsultationRequest,
    ConsultationRequestLogEntry,
)

VIEW = "locations.consultation_request.view"
EXPORT = "locations.consultation_request.export"
STATUS = "locations.consultation_request.status"
DELETE = "locations.consultation_request.delete"
EXPIRE = "locations.consultation_request.expire"


class StatusChangeFormatter(LogFormatter):
    label = "Change consultation request status"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return (
            f"Changed status from {data.get('from_label', '?')} to "
            f"{data.get('to_label', '?')}"
        )


class ExportFormatter(LogFormatter):
    label = "Export consultation requests"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return f"Exported as {str(data.get('format', '')).upper() or 'a spreadsheet'}"


def register_consultation_log_actions(actions):
    actions.register_model(ConsultationRequest, ConsultationRequestLogEntry)
    actions.register_action(
        VIEW, "View consultation request", "Viewed the request and its answers"
    )
    actions.register_action(EXPORT)(ExportFormatter)
    actions.register_action(STATUS)(StatusChangeFormatter)
    actions.register_action(
        DELETE, "Delete consultation request", "Deleted the request"
    )
    actions.register_action(
        EXPIRE,
        "Delete expired consultation request",
        "Deleted after the retention period",
    )


def log_request_action(request_obj, action, user=None, **data):
    """Write one audit entry for a consultation request."""
    return log(instance=request_obj, action=action, user=user, data=data)
