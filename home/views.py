"""Site-wide views that are not pages: health checks, robots.txt and search."""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.cache import cached_site_setting, cached_until_content_changes
from home.listings import cached_cards
from home.models.settings import ClinicSettings
from home.wagtail_internals import use_site

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200
# Deeper result pages than this are answered with the first: nobody reads result 1,000,
# and the database would rank every hit above it again for each such page.
SEARCH_MAX_PAGE = 100


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. Touches no database (the benchmark baseline)."""
    return HttpResponse("ok\n", content_type="text/plain")


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    key = "readyz:probe"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return the value just written")


@never_cache
@require_GET
def readyz(request):
    """Readiness: the database and the cache both answer; 503 with the reason if not."""
    checks = {"database": _check_database, "cache": _check_cache}
    results, ready = {}, True
    for name, check in checks.items():
        try:
            check()
        except Exception as error:  # any failure means not ready; report it
            logger.error("Readiness check %s failed: %s", name, error)
            results[name] = f"error: {error.__class__.__name__}: {error}"
            ready = False
        else:
            results[name] = "ok"
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )


@require_GET
def robots_txt(request):
    """Crawlers may read the public site, not the admin or search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def clean_search_query(raw):
    """The visitor's words, trimmed, without control characters (NUL breaks SQL)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH]


@dataclass
class SearchResultsPage:
    """One page of search results, found without counting every hit: one result more
    than shown is fetched to know whether a next page exists. Quacks like Django's
    Page for templates/includes/pagination.html (which then omits "of N")."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous or self.has_next

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        """The 1-based position of the first result shown (0 when none)."""
        if not self.object_list:
            return 0
        return (self.number - 1) * SEARCH_RESULTS_PER_PAGE + 1

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1


def requested_search_page(raw):
    """The result page asked for: 1 unless `raw` is a number up to SEARCH_MAX_PAGE."""
    return int(raw) if raw.isdigit() and 0 < int(raw) <= SEARCH_MAX_PAGE else 1


def search_results_page(results, number):
    """Page `number` of `results` (a search queryset, sliced by the backend with LIMIT
    and OFFSET): a SearchResultsPage; past the last page, the first."""
    start = (number - 1) * SEARCH_RESULTS_PER_PAGE
    found = list(results[start : start + SEARCH_RESULTS_PER_PAGE + 1])
    if not found and number > 1:
        return search_results_page(results, 1)
    return SearchResultsPage(
        object_list=found[:SEARCH_RESULTS_PER_PAGE],
        number=number,
        has_next=len(found) > SEARCH_RESULTS_PER_PAGE,
    )


def cached_site_for_request(request):
    """Site.find_for_request(), read from the cache once per content generation and
    host; None when no site matches."""
    site = cached_until_content_changes(
        f"site-for-host:{request.get_host()}", lambda: Site.find_for_request(request)
    )
    if site is not None:
        use_site(request, site)
    return site


@require_GET
def search(request):
    """Search across every live, public page of the current site."""
    query = clean_search_query(request.GET.get("q", ""))
    results = None
    if query:
        site = cached_site_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = search_results_page(
            pages.search(query), requested_search_page(request.GET.get("page", ""))
        )
        results.object_list = cached_cards(results.object_list, request)
    context = {
        "query": query,
        "results": results,
        "query_prefix": urlencode({"q": query}) + "&",
    }
    cached_site_setting(ClinicSettings, request)  # the template's {{ settings }}
    return render(request, "home/search_results.html", context)
