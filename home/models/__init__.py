"""The foundation's models: abstract pages, the home and standard pages, site settings
and the vocabularies shared by several apps."""

from home.models.base import OG_IMAGE_SPEC, BaseIndexPage, BasePage, optional_image
from home.models.pages import HomePage, HomePageFeaturedPage, StandardPage
from home.models.settings import ClinicSettings
from home.models.taxonomy import Treatment

__all__ = [
    "OG_IMAGE_SPEC",
    "BaseIndexPage",
    "BasePage",
    "ClinicSettings",
    "HomePage",
    "HomePageFeaturedPage",
    "StandardPage",
    "Treatment",
    "optional_image",
]
