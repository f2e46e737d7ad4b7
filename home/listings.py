"""Helpers that keep listings of pages cheap: one query for images and their renditions,
however many pages are listed and whatever their types."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, Site

from home.cache import FRAGMENT_TIMEOUT, content_generation

CARD_TEMPLATE = "includes/card.html"
# Must match the filters of the {% picture %} tag in templates/includes/card.html.
CARD_IMAGE_FILTERS = "fill-{480x270,960x540}|format-{webp,jpeg}"


def attach_listing_images(pages, filters=CARD_IMAGE_FILTERS):
    """Give each page its listing image with the card renditions already loaded."""
    image_ids = {page.listing_image_id for page in pages if page.listing_image_id}
    if not image_ids:
        return pages
    images = (
        get_image_model()
        .objects.filter(id__in=image_ids)
        .prefetch_renditions(*Filter.expand_spec(filters))
        .in_bulk()
    )
    for page in pages:
        page.listing_image = images.get(page.listing_image_id)
    return pages


def specific_versions_in_order(pages):
    """The specific versions of `pages` (generic Page objects, e.g. search hits), in
    the same order, with their listing images; one query per page type plus one for
    the images (the page types are known from the pages, so none to look them up)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class, []).append(page.pk)
    by_id = {}
    for model, ids in by_model.items():
        if model is None:  # its page type's code is gone: shown as a plain page
            continue
        by_id.update(model.objects.filter(pk__in=ids).defer_streamfields().in_bulk())
    return attach_listing_images([by_id.get(page.pk, page) for page in pages])


def specific_pages_in_order(ids, queryset=None):
    """The specific pages with these ids, in this order, with their listing images;
    one query per page type plus one for the images."""
    queryset = Page.objects.all() if queryset is None else queryset
    by_id = queryset.filter(pk__in=ids).specific().defer_streamfields().in_bulk()
    return attach_listing_images([by_id[pk] for pk in ids if pk in by_id])


def cached_cards(pages, request):
    """The HTML card (includes/card.html) of each of `pages` (generic Page objects, in
    order; the first card's image loads at once), each rendered once per content
    generation and read in one cache round trip. Only the pages whose card is not
    cached are loaded as their specific type."""
    generation = content_generation()
    keys = [
        f"card:{generation}:{request.get_host()}:{page.pk}:{index == 0:d}"
        for index, page in enumerate(pages)
    ]
    found = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in found]
    if missing:
        specific = specific_versions_in_order([pages[i] for i in missing])
        rendered = {
            keys[i]: render_to_string(
                CARD_TEMPLATE, {"item": item, "eager": i == 0}, request=request
            )
            for i, item in zip(missing, specific, strict=True)
        }
        cache.set_many(rendered, FRAGMENT_TIMEOUT)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 our own templates


def site_root_path(page):
    """The url_path of the root of the site `page` is on (the innermost, when sites
    nest), or "" when it is on none. Read from Wagtail's cached list of site roots:
    no query once that is cached, as it is after routing a request."""
    roots = [
        root.root_path
        for root in Site.get_site_root_paths()
        if page.url_path.startswith(root.root_path)
    ]
    return max(roots, key=len, default="")


def on_same_site(pages, page):
    """`pages` (a page queryset) limited to those on the same site as `page`, for
    lists the code fills by itself (related articles, filter choices): another
    site's pages are never offered."""
    return pages.filter(url_path__startswith=site_root_path(page))
