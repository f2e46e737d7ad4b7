"""Clinic locations and, in their own modules, the consultation requests routed to
them."""

from locations.models.consultation_pages import (
    ConsultationFormField,
    ConsultationFormPage,
)
from locations.models.consultation_requests import (
    VIEW_ALL_PERMISSION,
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
