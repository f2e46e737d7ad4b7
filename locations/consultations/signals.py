"""Keeps a deleted location's requests visible to the people who could see them.
`LocationsConfig.ready()` connects the receiver."""

from locations.consultations.models import ConsultationRequest


def remember_managers_of_deleted_location(sender, instance, **kwargs):
    """Before a location page goes, its managers are noted on its requests (whose
    location then becomes empty but whose name snapshot stays)."""
    manager_ids = list(instance.managers.values_list("pk", flat=True))
    if not manager_ids:
        return
    through = ConsultationRequest.former_location_managers.through
    request_ids = ConsultationRequest.objects.filter(location=instance).values_list(
        "pk", flat=True
    )
    through.objects.bulk_create(
        [
            through(consultationrequest_id=request_id, user_id=user_id)
            for request_id in request_ids
            for user_id in manager_ids
        ],
        ignore_conflicts=True,
    )
