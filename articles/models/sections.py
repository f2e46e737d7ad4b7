"""What the Learn index and the newsroom share: one page per site listing its children
newest first, page by page, with an Atom feed; and what their children (articles,
press releases) share."""

import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.jsonld import breadcrumb_json_ld
from home.models import BaseIndexPage
from home.query_params import page_number
from home.visibility import public_pages

ITEMS_PER_PAGE = 12
FEED_LENGTH = 20
# Sub-addresses the index answers itself (before its children): no child page may
# take these slugs.
RESERVED_SLUGS = {"feed"}
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")


class SectionIndexPage(RoutablePageMixin, BaseIndexPage):
    """Abstract index of one kind of child page, with an Atom feed at feed/."""

    # The page type listed, its feed, and the relations each listed child shows.
    child_page_type = None
    feed_class = None
    child_select_related = ()
    newest_first = ("-first_published_at", "-pk")

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin previews only its index view; other preview modes (the
        # SEO preview) are the page's own.
        if mode_name == self.default_preview_mode:
            return super().serve_preview(request, mode_name)
        return BaseIndexPage.serve_preview(self, request, mode_name)

    @path("feed/", name="feed")
    def feed(self, request):
        """The newest live items as an Atom feed."""
        return self.feed_class(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_url"] = self.feed_url(request)
        return context

    def listing_context(self, request):
        # Computed only when the template's cached fragment is missing.
        return {
            "listing": SimpleLazyObject(lambda: self.listing(request)),
            "listing_cache_key": self.listing_cache_key(request),
        }

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def child_pages(self):
        """Every child of the listed type, live or not, in no particular order."""
        return self.child_page_type.objects.child_of(self)

    def live_children(self):
        """What visitors may see, newest first, without bodies."""
        return (
            public_pages(self.child_pages())
            .defer_streamfields()
            .select_related(*self.child_select_related)
            .order_by(*self.newest_first)
        )

    def feed_items(self):
        return self.live_children()[:FEED_LENGTH]

    def requested_page_number(self, request):
        return page_number(request)

    def requested_filters(self, request):
        """The GET filters this index understands, as (name, value) pairs."""
        return []

    def listing_cache_key(self, request):
        """What the listing fragment varies on: filters and page number, normalised
        so that odd query strings cannot fill the cache."""
        filters = ",".join(
            f"{name}={value}" for name, value in self.requested_filters(request)
        )
        return f"{filters}|{self.requested_page_number(request)}"

    def paginate(self, items, request):
        return Paginator(items, ITEMS_PER_PAGE).get_page(
            self.requested_page_number(request)
        )

    def listing(self, request):
        """The listing's context: a page of items, and whatever the index adds."""
        raise NotImplementedError


class SectionChildMixin:
    """The listing and SEO plumbing of a page listed by a SectionIndexPage. Put it
    before BasePage: `class ArticlePage(SectionChildMixin, BasePage)`.

    The page describes itself by its `summary` (a field it must have) in lists and to
    search engines, may not take a slug its index answers itself (the feed), knows
    its section and feed in its template, and adds a breadcrumb trail to its JSON-LD.
    """

    subpage_types = []
    seo_description_sources = ["search_description", "summary"]

    def clean(self):
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)

    def validation_errors(self):
        """{field name: message} for what the editor must fix before saving. You can
        override this method to add checks; call super() and extend its dict."""
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                f"'{self.slug}' is the address of the section's feed; choose another."
            )
        return errors

    @property
    def listing_summary(self):
        return self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(section_context(self, request))
        return context

    def json_ld_objects(self, request):
        return [
            *self.main_json_ld(request),
            breadcrumb_json_ld(self, request),
            *super().json_ld_objects(request),
        ]

    def main_json_ld(self, request):
        """The JSON-LD dicts that describe the page itself, a list (e.g. one
        NewsArticle). You must override this method."""
        raise NotImplementedError


def slug_from_query(request, name):
    """A slug-like value from the query string: '' when absent, '!' (which matches
    nothing) when it could not be a slug."""
    raw = request.GET.get(name, "")
    if not raw:
        return ""
    return raw if _SLUG.match(raw) else "!"


def section_context(page, request):
    """For a page listed by a SectionIndexPage: its index and the index's feed."""
    parent = page.get_parent()
    section = parent.specific if parent is not None else None
    if not isinstance(section, SectionIndexPage):
        return {"section": section, "feed_url": ""}
    return {"section": section, "feed_url": section.feed_url(request)}
