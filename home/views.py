"""Site-wide views that are not pages: health checks, robots.txt and search."""

import logging
import sys
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.listings import specific_pages_in_order
from home.tasks import oldest_ready_task_age

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


@require_GET
def search(request):
    """Search across every live, public page of the current site."""
    query = clean_search_query(request.GET.get("q", ""))
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        results.object_list = specific_pages_in_order(
            [page.pk for page in results.object_list]
        )
    context = {
        "query": query,
        "results": results,
        "query_prefix": urlencode({"q": query}) + "&",
    }
    return render(request, "home/search_results.html", context)
