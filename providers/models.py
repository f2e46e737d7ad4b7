"""Provider bios and the provider directory."""

from home.models import BaseIndexPage


class ProviderIndexPage(BaseIndexPage):
    """The provider directory visitors search and filter."""

    subpage_types = []

    class Meta:
        verbose_name = "provider index page"
