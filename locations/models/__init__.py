"""Clinic locations, and the consultation models (defined in
`locations.consultations.models`) that Django finds through this module."""

from locations.consultations.models import (
    VIEW_ALL_PERMISSION,
    ConsultationFormField,
    ConsultationFormPage,
    ConsultationNotification,
    ConsultationRequest,
    ConsultationRequestLogEntry,
    ConsultationSettings,
    ConsultationStatus,
    NotificationKind,
    can_view_all_requests,
)
from locations.models.pages import (
    LocationHolidayClosure,
    LocationIndexPage,
    LocationOpeningHours,
    LocationPage,
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
    "LocationHolidayClosure",
    "LocationIndexPage",
    "LocationOpeningHours",
    "LocationPage",
    "NotificationKind",
    "can_view_all_requests",
]
