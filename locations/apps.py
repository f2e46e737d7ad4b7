from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Clinic locations and the consultation requests sent to them."""

    name = "locations"
