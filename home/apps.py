from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The shared foundation: base page, blocks, site settings, SEO helpers."""

    name = "home"
    verbose_name = "Site foundation"

    def ready(self):
        from home.cache import connect_fragment_invalidation
        from home.models import ClinicSettings, Treatment

        connect_fragment_invalidation(ClinicSettings, Treatment)
