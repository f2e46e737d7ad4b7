"""Site-wide views that are not pages: health checks, robots.txt and search."""

import hashlib
import logging
import sys
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.cache import cached_site_setting, cached_until_content_changes
from home.listings import cached_cards
from home.models.settings import ClinicSettings
from home.query_params import page_number, search_terms
from home.tasks import oldest_ready_task_age
from home.visibility import public_pages
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


class NotReady(Exception):
    """A readiness check failed for a reason this site words itself, safe to show in
    /readyz/'s body (no host, port or credentials)."""


def _check_cache():
    key = "readyz:probe"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise NotReady("the cache did not return the value just written")


def _check_task_queue():
    """The oldest task ready to run has not waited longer than TASKS_MAX_QUEUE_AGE
    seconds: a stopped or overloaded task worker fails this."""
    age = oldest_ready_task_age()
    limit = settings.TASKS_MAX_QUEUE_AGE
    if age is not None and age.total_seconds() > limit:
        raise NotReady(
            f"the oldest ready task has waited {age.total_seconds():.0f} s (more "
            f"than {limit} s): is the task worker running?"
        )


@never_cache
@require_GET
def readyz(request):
    """Readiness for the load balancer: the database and the cache answer, and the
    task queue is moving.

    {"status": "ok" | "degraded" | "unavailable", "checks": {component: "ok" |
    "unavailable" | "unavailable: <reason>"}}: 503 when the database or the cache
    fails. A queue that is not moving ("tasks" fails) answers 200 with status
    "degraded": this web server can still serve every page, and a load balancer
    must not take the site down because the task worker is behind; the monitoring
    that reads this alerts on it. The body names a failed component, with the
    reason only when this site worded it (NotReady); any other error (which may
    quote host, port or user) goes to the log alone."""
    checks = {
        "database": _check_database,
        "cache": _check_cache,
        "tasks": _check_task_queue,
    }
    results, failed = {}, set()
    for name, check in checks.items():
        try:
            check()
        except Exception as error:  # any failure means not ready; log it
            logger.error("Readiness check %s failed: %s", name, error)
            reason = f": {error}" if isinstance(error, NotReady) else ""
            results[name] = f"unavailable{reason}"
            failed.add(name)
        else:
            results[name] = "ok"
    if failed - {"tasks"}:
        status, code = "unavailable", 503
    else:
        status, code = ("degraded" if failed else "ok"), 200
    return JsonResponse({"status": status, "checks": results}, status=code)


# What a database that is down, hung (connect or statement timeout) or locked raises.
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """handler500: the database could not answer (already logged by django.request)
    is a 503 "try again shortly" with Retry-After; anything else is Django's 500.
    Rendered without a request context: the context processors read the database."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE_ERRORS):
        body = loader.get_template("503.html").render()
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)


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


def search_hits(site, terms, number):
    """Page `number` of the search for `terms` (from search_terms(), not empty) on
    `site`: a SearchResultsPage of generic Page objects, for cached_cards(). Ranks
    every match in the database."""
    # The search backends filter on indexed fields only (not on `expired`).
    pages = Page.objects.filter(pk__in=public_pages(site=site).values("pk"))
    return search_results_page(pages.search(terms), number)


def cached_search_results(request, site, terms, number):
    """Page `number` of the search for `terms` on `site`, as a SearchResultsPage of
    rendered cards (HTML strings), kept until content changes per host, site, words
    and page number: one cache read for a repeated search, however many hits it
    shows.

    The results depend on nothing but published content and the words (search lists
    public pages only, the same for every visitor), so keeping them is safe; the
    first search for some words ranks every match in the database."""

    def compute():
        found = search_hits(site, terms, number)
        cards = [str(card) for card in cached_cards(found.object_list, request)]
        return cards, found.number, found.has_next

    words = hashlib.sha256(terms.encode()).hexdigest()[:32]
    site_id = site.pk if site else 0
    key = f"search-results:{request.get_host()}:{site_id}:{number}:{words}"
    cards, number, has_next = cached_until_content_changes(key, compute)
    return SearchResultsPage(
        object_list=[mark_safe(card) for card in cards],  # noqa: S308 our templates
        number=number,
        has_next=has_next,
    )


@require_GET
def search(request):
    """Search across every live, public page of the current site."""
    query = clean_search_query(request.GET.get("q", ""))
    results = None
    if query:
        site = cached_site_for_request(request)
        terms = search_terms(query)
        number = page_number(request, maximum=SEARCH_MAX_PAGE)
        results = (
            cached_search_results(request, site, terms, number)
            if terms
            else SearchResultsPage(object_list=[], number=1, has_next=False)
        )
    context = {
        "query": query,
        "results": results,
        "query_prefix": urlencode({"q": query}) + "&",
    }
    cached_site_setting(ClinicSettings, request)  # the template's {{ settings }}
    return render(request, "home/search_results.html", context)
