"""The admin dashboard's "Consultation requests" panel, first on a location manager's
dashboard: their locations' open requests (new, contacted, scheduled) counted per
location and status, and the newest of them, each linking to the request."""

from django.db.models import Count
from wagtail.admin.ui.components import Component

from locations.consultations.access import ConsultationRequestPermissionPolicy
from locations.consultations.models import ConsultationRequest, ConsultationStatus

OPEN_STATUSES = [
    ConsultationStatus.NEW,
    ConsultationStatus.CONTACTED,
    ConsultationStatus.SCHEDULED,
]
NEWEST_SHOWN = 10


def open_request_counts(requests):
    """[{"location_id", "location_name", "counts": [(status, label, count), ...],
    "total"}, ...] for `requests` that are open, locations by name."""
    rows = {}
    for row in (
        requests.filter(status__in=OPEN_STATUSES)
        .values("location_id", "location_name", "status")
        .annotate(count=Count("pk"))
        .order_by("location_name")
    ):
        location = rows.setdefault(
            row["location_id"],
            {
                "location_id": row["location_id"],
                "location_name": row["location_name"],
                "by_status": {},
            },
        )
        location["by_status"][row["status"]] = row["count"]
    for location in rows.values():
        by_status = location.pop("by_status")
        location["counts"] = [
            (status.value, status.label, by_status.get(status.value, 0))
            for status in OPEN_STATUSES
        ]
        location["total"] = sum(by_status.values())
    return list(rows.values())


class ConsultationRequestsPanel(Component):
    """Shown to users who may see consultation requests (location managers)."""

    name = "consultation_requests"
    template_name = "locations/consultations/dashboard_panel.html"
    order = 50  # before Wagtail's own panels: the manager's first job

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        requests = ConsultationRequest.objects.visible_to(self.request.user)
        newest = (
            requests.filter(status__in=OPEN_STATUSES)
            .select_related("location")
            .order_by("-submit_time", "-pk")[:NEWEST_SHOWN]
        )
        return {
            "locations": open_request_counts(requests),
            "newest": list(newest),
            "statuses": [status.label for status in OPEN_STATUSES],
        }


def add_consultation_requests_panel(request, panels):
    """Hook `construct_homepage_panels`."""
    policy = ConsultationRequestPermissionPolicy(ConsultationRequest)
    if policy.user_has_permission(request.user, "view"):
        panels.append(ConsultationRequestsPanel(request))
