"""Site-wide views that are not pages: health checks, robots.txt and search."""

import logging
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.listings import specific_pages_in_order
from home.query_params import page_number, search_terms
from home.visibility import public_pages

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


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


@require_GET
def search(request):
    """Search across every live, public page of the current site."""
    query = clean_search_query(request.GET.get("q", ""))
    results = None
    if query:
        terms = search_terms(query)
        public = public_pages(site=Site.find_for_request(request)).values("pk")
        # The search backend filters on indexed fields only (not on `expired`).
        pages = Page.objects.filter(pk__in=public)
        paginator = Paginator(
            pages.search(terms) if terms else pages.none(), SEARCH_RESULTS_PER_PAGE
        )
        results = paginator.get_page(page_number(request))
        results.object_list = specific_pages_in_order(
            [page.pk for page in results.object_list]
        )
    context = {
        "query": query,
        "results": results,
        "query_prefix": urlencode({"q": query}) + "&",
    }
    return render(request, "home/search_results.html", context)
