"""The full-page cache: wagtail-cache serves anonymous visitors' GET requests for public
pages from the cache, purged whenever anything visitors see changes (its keys carry the
content generation: home.cache_backends.PageCache).

wagtail-cache decides what is cached from the request (GET or HEAD, no signed-in user,
no preview) and the response (not private or no-cache, no cookie set). This module adds
the rules of this site:

- is_request_cacheable: never the admin, documents, health checks or search results
  for a query (visitors' words would fill the cache, and results pages are cheap);
- PageCacheRulesMiddleware: a response that carries a CSRF token or sets a cookie is
  the visitor's own (the consultation form), so it is private; an entry never outlives
  what it shows (open now, today's hours, the date);
- PageCacheMiddleware: reads the content generation once per request, and tells
  browsers and proxies to check back with the server, which alone knows when a page
  was purged."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from home.cache import current_request_state, request_cache_scope, seconds_until

# Path prefixes never looked up in, nor stored to, the page cache.
EXCLUDED_PATH_PREFIXES = ("/admin/", "/documents/", "/healthz/", "/readyz/", "/_util/")
SEARCH_PATH = "/search/"
CACHE_STATUS_HEADER = "X-Wagtail-Cache"


def is_request_cacheable(request, is_cacheable):
    """wagtail-cache hook: False for requests this site never serves from the cache;
    otherwise wagtail-cache's own answer stands (None)."""
    path = request.path_info
    if path.startswith(EXCLUDED_PATH_PREFIXES):
        return False
    if path == SEARCH_PATH and request.GET.get("q", "").strip():
        return False
    return None


def next_local_midnight(now=None):
    """The next midnight in the site's time zone (settings.TIME_ZONE), aware."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = (now or timezone.now()).astimezone(zone)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=zone)


class PageCacheRulesMiddleware:
    """Sits inside wagtail-cache's UpdateCacheMiddleware: marks responses that must not
    be shared as private, and gives the others a max-age (which wagtail-cache uses as
    the entry's timeout) that ends when the page changes by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # A CSRF token in the page, a session or message cookie: this visitor's.
            patch_cache_control(response, private=True, no_store=True)
            return response
        if response.has_header("Cache-Control"):
            return response
        state = current_request_state()
        expires_at = next_local_midnight()  # the footer's year, "today" in JSON-LD
        if state is not None and state.expires_at and state.expires_at < expires_at:
            expires_at = state.expires_at
        max_age = seconds_until(expires_at)
        if max_age == 0:
            patch_cache_control(response, no_cache=True)
        else:
            patch_cache_control(response, max_age=max_age)
            if state is not None:
                state.server_max_age = max_age
        return response


class PageCacheMiddleware:
    """Outermost: one cache scope per request (the content generation is read once),
    and browser-facing cache headers on pages the server caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_cache_scope() as state:
            response = self.get_response(request)
        if state.server_max_age or response.get(CACHE_STATUS_HEADER) in ("hit", "miss"):
            # max-age (and wagtail-cache's Expires) is the server's cache timeout.
            # Shared and browser caches would keep the page after it is purged: they
            # revalidate instead.
            del response["Expires"]
            response["Cache-Control"] = "no-cache"
        return response
