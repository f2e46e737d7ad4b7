"""Page routing from the cache: which site and page a URL leads to, kept per content
generation so that a page view that is not served from the full-page cache still skips
the walk down the page tree (a query or two per level, about a third of a page's cost).

Only the page found is cached, never the response: view restrictions, previews and
the page's own route() (for RoutablePageMixin sub-pages) still run on every request."""

import contextlib
import hashlib

from django.core.cache import cache
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.cache import content_generation
from home.wagtail_internals import use_route

ROUTE_TIMEOUT = 300


def route_cache_key(request, path):
    digest = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
    return f"route:{content_generation()}:{request.get_host()}:{digest}"


def route_entry(site, page, path_components):
    """(site, page, how many path components lead to the page) for the cache, or None
    when the page was not reached by its own URL path (an alias, a custom route)."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return None
    own = [c for c in page.url_path[len(root_path) :].split("/") if c]
    if path_components[: len(own)] != own:
        return None
    return site, page, len(own)


class RouteCacheMiddleware:
    """Before Wagtail's serve view runs, hand it the route found on an earlier request
    for the same host and path, or find the route and keep it for the next one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [c for c in path.split("/") if c]
        key = route_cache_key(request, path)
        cached = cache.get(key)
        if cached is not None:
            site, page, consumed = cached
            # A sub-page route that no longer resolves (Http404): the usual way.
            with contextlib.suppress(Http404):
                use_route(request, site, page.route(request, components[consumed:]))
            return None
        result = Page.route_for_request(request, path)
        site = Site.find_for_request(request)
        if result is not None and site is not None:
            entry = route_entry(site, result[0], components)
            if entry is not None:
                cache.set(key, entry, ROUTE_TIMEOUT)
        return None
