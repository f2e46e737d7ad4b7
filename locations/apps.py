from django.apps import AppConfig
from django.db.models.signals import pre_delete


class LocationsConfig(AppConfig):
    """Clinic locations and the consultation requests sent to them."""

    name = "locations"

    def ready(self):
        from locations.consultations.models.requests import notifications_queued
        from locations.consultations.signals import (
            remember_managers_of_deleted_location,
        )
        from locations.consultations.tasks import enqueue_queued_notifications
        from locations.models import LocationPage

        pre_delete.connect(
            remember_managers_of_deleted_location,
            sender=LocationPage,
            dispatch_uid="locations-remember-managers-of-deleted-location",
        )
        notifications_queued.connect(
            enqueue_queued_notifications,
            dispatch_uid="locations-enqueue-consultation-notifications",
        )
