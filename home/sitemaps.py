"""The sitemap: an index (/sitemap.xml) of paginated parts (/sitemap-pages.xml?p=N),
built with Django's sitemap index and section views around Wagtail's Sitemap.

Each part lists at most SITEMAP_URLS_PER_PART pages, so its cost does not grow with the
site, and each document (index or part) is rendered once per content generation
(home.cache) and host: a crawler reading every part costs one render per part between
two publishes. A document is also kept gzipped, as GZipMiddleware would send it: a
part of 2,000 addresses (about 300 KB) costs milliseconds of CPU to compress, more
than the rest of a cached answer."""

import re

from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from home.cache import cached_until_content_changes
from home.visibility import public_pages

# Google accepts 50,000 URLs per sitemap; a few thousand keep each part's one-off
# render short (about a second of CPU per 5,000 pages, measured with make bench-scale).
SITEMAP_URLS_PER_PART = 2000
SITEMAP_PART_URL_NAME = "sitemap-part"
# Response headers kept with a cached document.
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")
_PART_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the request's site (live, public pages; a page's own
    get_sitemap_urls() may leave it out), in parts of SITEMAP_URLS_PER_PART pages."""

    limit = SITEMAP_URLS_PER_PART

    def _public_pages(self):
        site = self.get_wagtail_site()
        return public_pages(site.root_page.get_descendants(inclusive=True))

    def items(self):
        """The pages visitors find in menus, listings and search (public_pages())."""
        return self._public_pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        # Django's default reads every page of every part; one aggregate does.
        return self._public_pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]


SITEMAPS = {"pages": PageSitemap}


def cached_document(request, name, render):
    """The response of render() (a sitemap view), rendered and gzipped once per
    content generation, scheme, host and `name`, and sent gzipped to clients that
    accept it (a sitemap holds nothing secret, so BREACH's padding is not needed).
    An Http404 it raises is not kept."""
    key = f"sitemap:v2:{request.scheme}:{request.get_host()}:{name}"

    def compute():
        response = render()
        response.render()
        headers = {h: response[h] for h in KEPT_HEADERS if h in response}
        content = response.content
        return response.status_code, content, compress_string(content), headers

    status, content, gzipped, headers = cached_until_content_changes(key, compute)
    accepts_gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    if accepts_gzip and len(gzipped) < len(content):
        response = HttpResponse(gzipped, status=status)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(content, status=status)
    patch_vary_headers(response, ("Accept-Encoding",))
    for header, value in headers.items():
        response[header] = value
    return response


def sitemap_index(request):
    """/sitemap.xml: the sitemap index, one entry per part of each section."""
    return cached_document(
        request,
        "index",
        lambda: wagtail_sitemap_views.index(
            request, SITEMAPS, sitemap_url_name=SITEMAP_PART_URL_NAME
        ),
    )


def sitemap_part(request, section):
    """/sitemap-<section>.xml?p=N: one part of a section (404 past the last)."""
    number = request.GET.get("p", "1")

    def render():
        return wagtail_sitemap_views.sitemap(request, SITEMAPS, section=section)

    if section not in SITEMAPS or not _PART_NUMBER.fullmatch(number):
        return render()  # Django's own 404 with its message
    return cached_document(request, f"{section}:{number}", render)
