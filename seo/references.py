"""The pages and images a page's content points at, read from the page object itself
(unsaved edits included) with the extraction Wagtail's reference index uses."""

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

# Relations of every page that are not links a visitor follows.
NOT_LINKS = {"alias_of"}


def extracted_references(obj):
    """(content_type_id, object_id, model_path) of each reference in `obj`.

    Wagtail has no public API that extracts references without writing them to the
    index; this wraps ReferenceIndex._extract_references_from_object, checked against
    Wagtail 7.4."""
    for (
        content_type_id,
        object_id,
        model_path,
        _,
    ) in ReferenceIndex._extract_references_from_object(obj):
        yield content_type_id, object_id, model_path


def linked_ids(obj):
    """The ids of the pages and of the images `obj` refers to: (page_ids, image_ids),
    two sets of ints. Runs no query beyond content types (cached by Django)."""
    page_type = ContentType.objects.get_for_model(Page).pk
    image_type = ContentType.objects.get_for_model(get_image_model()).pk
    pages, images = set(), set()
    for content_type_id, object_id, model_path in extracted_references(obj):
        if model_path.split(".")[0] in NOT_LINKS or not str(object_id).isdigit():
            continue
        if content_type_id == page_type:
            pages.add(int(object_id))
        elif content_type_id == image_type:
            images.add(int(object_id))
    if getattr(obj, "pk", None) is not None:
        pages.discard(obj.pk)
    return pages, images
