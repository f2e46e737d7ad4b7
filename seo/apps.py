from django.apps import AppConfig


class SeoConfig(AppConfig):
    """Search engine optimisation for marketing staff: checks while editing, the
    site's SEO report, and the log of pages visitors could not find."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "seo"
    verbose_name = "SEO"

    def ready(self):
        from seo.redirect_loops import refuse_redirect_loops

        refuse_redirect_loops()
