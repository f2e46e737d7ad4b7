"""Images that fail to render (a file missing from storage, unreadable, corrupt or too
large to decode) are left out of the page with a logged warning, never an error page.
Used by the clinic_images template tags and the SEO image URLs (og:image, logo)."""

import logging

from PIL import Image as PILImage

logger = logging.getLogger(__name__)

# What Wagtail, Willow and Pillow raise for an image file that cannot be read or
# decoded: OSError (Wagtail's SourceImageIOError for a file missing from storage;
# unreadable, truncated, unrecognised format), DecompressionBombError (Pillow's size
# guard, not an OSError).
IMAGE_FILE_ERRORS = (OSError, PILImage.DecompressionBombError)


def log_unrenderable(image, error):
    logger.warning(
        "Image #%s (%s) could not be rendered and is left out of the page: %s: %s",
        image.pk,
        image.file.name,
        type(error).__name__,
        error,
    )


def renditions_or_none(image, filters):
    """Wagtail's image.get_renditions(*filters) ({spec: Rendition}), or None (logged)
    when the image's file cannot be read."""
    try:
        return image.get_renditions(*filters)
    except IMAGE_FILE_ERRORS as error:
        log_unrenderable(image, error)
        return None


def rendition_url_or_empty(image, spec):
    """The URL of one rendition of `image` (a filter spec such as "original"), or ""
    (logged) when the image's file cannot be read."""
    try:
        return image.get_rendition(spec).url
    except IMAGE_FILE_ERRORS as error:
        log_unrenderable(image, error)
        return ""


# wagtail-seo's organisation images (SeoSettings fields) and the renditions it makes
# of each (wagtailseo 3.1: seo_logo_url, utils.get_struct_data_images).
SEO_ORGANIZATION_IMAGES = {
    "struct_org_logo": ["original"],
    "struct_org_image": ["fill-10000x10000", "fill-40000x30000", "fill-16000x9000"],
}


class SettingsWithout:
    """Read-only view of a settings object with some image fields set to None."""

    def __init__(self, settings, hidden):
        self._settings = settings
        self._hidden = frozenset(hidden)

    def __getattr__(self, name):
        if name in self._hidden:
            return None
        return getattr(self._settings, name)


def settings_with_readable_images(seo_settings):
    """`seo_settings` (wagtail-seo's SeoSettings), or a view of it without the
    organisation images whose files cannot be read (logged)."""
    unreadable = [
        name
        for name, specs in SEO_ORGANIZATION_IMAGES.items()
        if getattr(seo_settings, name) is not None
        and renditions_or_none(getattr(seo_settings, name), specs) is None
    ]
    return SettingsWithout(seo_settings, unreadable) if unreadable else seo_settings
