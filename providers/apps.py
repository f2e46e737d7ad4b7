from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    """Provider bios and the provider directory."""

    name = "providers"

    def ready(self):
        from home.cache import invalidate_fragments_on_change
        from providers.models import Condition, Specialty

        invalidate_fragments_on_change(Specialty, Condition)
