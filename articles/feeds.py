"""Atom feeds of the newest articles and press releases, for feed readers and
newsrooms. Only live, public pages appear: an embargoed release joins the feed when
`publish_scheduled` publishes it."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site


class SectionFeed(Feed):
    """The newest items of one index page. Built per request by the index's feed
    route, so it may keep the request."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def site_name(self):
        site = Site.find_for_request(self.request)
        return site.site_name if site and site.site_name else ""

    def title(self, obj):
        return " | ".join(part for part in (obj.title, self.site_name()) if part)

    def subtitle(self, obj):
        return obj.intro

    def link(self, obj):
        return obj.get_full_url(self.request)

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def author_name(self, obj):
        return self.site_name()

    def items(self, obj):
        return obj.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ArticleFeed(SectionFeed):
    """The newest health articles, with their authors and topics."""

    def item_author_name(self, item):
        return "; ".join(provider.display_name for provider in item.author_providers)

    def item_categories(self, item):
        return [topic.name for topic in item.topic_list]


class PressReleaseFeed(SectionFeed):
    """The newest press releases, newest release date first."""
