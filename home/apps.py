from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The shared foundation: base page, blocks, site settings, SEO helpers."""

    name = "home"
    verbose_name = "Site foundation"

    def ready(self):
        from home.cache import connect_fragment_invalidation
        from home.models import ClinicSettings, Treatment
        from home.wagtail_internals import use_known_parents_for_menus

        connect_fragment_invalidation(ClinicSettings, Treatment)
        use_known_parents_for_menus()
