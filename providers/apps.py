from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    """Provider bios and the provider directory."""

    name = "providers"
