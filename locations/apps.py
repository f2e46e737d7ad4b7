from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Clinic locations and the consultation requests sent to them."""

    name = "locations"

    def ready(self):
        from locations.consultations.signals import connect_signals

        connect_signals()
