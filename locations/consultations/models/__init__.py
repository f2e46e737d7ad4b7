"""The consultation domain's models: the form page editors build and the requests it
stores. `locations.models` re-exports them, so Django finds them in the app."""

from locations.consultations.models.form_page import (
    ConsultationFormField,
    ConsultationFormPage,
)
from locations.consultations.models.requests import (
    VIEW_ALL_PERMISSION,
    ConsultationNotification,
    ConsultationRequest,
    ConsultationRequestLogEntry,
    ConsultationSettings,
    ConsultationStatus,
    NotificationKind,
    NotificationStatus,
    can_view_all_requests,
)

__all__ = [
    "VIEW_ALL_PERMISSION",
    "ConsultationFormField",
    "ConsultationFormPage",
    "ConsultationNotification",
    "ConsultationRequest",
    "ConsultationRequestLogEntry",
    "ConsultationSettings",
    "ConsultationStatus",
    "NotificationKind",
    "NotificationStatus",
    "can_view_all_requests",
]
