"""Clinic locations and their index."""

from home.models import BaseIndexPage


class LocationIndexPage(BaseIndexPage):
    """The list of clinic locations visitors choose from."""

    subpage_types = []

    class Meta:
        verbose_name = "location index page"
