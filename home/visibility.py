"""What visitors may see, as one query (issue 9, kind 5; DESIGN.md "Nothing takes a
page down"). Menus, listings, search, the sitemap, feeds, related items, the home
page's featured cards and the consultation form's locations all ask here."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def public_pages(queryset=None, site=None):
    """The pages of `queryset` (default: every page, any type) that an anonymous
    visitor may open: live, not expired (Wagtail's flag, or an expiry time already
    past that the scheduler has not acted on yet), under no view restriction on the
    page or an ancestor (password, login or group: Wagtail's `public()`), and, when
    `site` is given, in that site's tree. A PageQuerySet, lazy."""
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = (
        queryset.live()
        .public()
        .filter(expired=False)
        .exclude(Q(expire_at__isnull=False) & Q(expire_at__lte=timezone.now()))
    )
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset
