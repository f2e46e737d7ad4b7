"""Helpers that keep listings of pages cheap: one query for images and their renditions,
however many pages are listed and whatever their types."""

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

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


def specific_pages_in_order(ids, queryset=None):
    """The specific pages with these ids, in this order, with their listing images;
    one query per page type plus one for the images."""
    queryset = Page.objects.all() if queryset is None else queryset
    by_id = queryset.filter(pk__in=ids).specific().defer_streamfields().in_bulk()
    return attach_listing_images([by_id[pk] for pk in ids if pk in by_id])


def requested_page_number(request):
    """The listing page a visitor asked for (?page=N): 1 unless N is a number from 1
    to 9,999, so that odd query strings cannot fill a cache keyed on it."""
    number = request.GET.get("page", "1")
    return int(number) if number.isdigit() and 0 < int(number) < 10_000 else 1
