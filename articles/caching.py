"""Values computed for a page once per content generation, like the template fragments
of home.cache: any publish, or any change to what they show, moves the generation on."""

from django.core.cache import cache
from wagtail.models import Site

from home.cache import FRAGMENT_TIMEOUT, content_generation


def cached_for_page(page, request, name, build):
    """build(), cached per page, site and content generation. Previews (and calls
    without a request) always build afresh: they show unpublished content."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    site = Site.find_for_request(request)
    key = ":".join(
        [
            "articles",
            name,
            page.cache_key,
            str(site.pk if site else ""),
            str(content_generation()),
        ]
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value
