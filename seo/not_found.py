"""Counting the public addresses that answer 404, within fixed bounds.

A flood of random addresses must cost little and leave a small table, so no request
writes to the database itself:

- each web process adds hits to an in-memory batch (at most SEO_NOT_FOUND_BATCH_PATHS
  distinct paths; further new paths are counted as dropped and logged);
- the batch is written at most once every SEO_NOT_FOUND_FLUSH_SECONDS, in a handful of
  queries (increments with F(), inserts in bulk);
- the table holds at most SEO_NOT_FOUND_MAX_PATHS rows: to make room for new paths the
  least visited, longest unseen rows go first, and rows unseen for
  SEO_NOT_FOUND_RETENTION_DAYS are deleted at every write.

Counts are therefore approximate (a process that dies loses its last few seconds), which
is what a list of addresses to redirect needs."""

import logging
import threading
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from seo.models import NotFoundPath

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEO_NOT_FOUND_FLUSH_SECONDS": 10,
    "SEO_NOT_FOUND_BATCH_PATHS": 500,
    "SEO_NOT_FOUND_MAX_PATHS": 10_000,
    "SEO_NOT_FOUND_RETENTION_DAYS": 90,
}
PATH_MAX_LENGTH = 255
# Addresses that are not pages (and the admin): never redirect candidates.
IGNORED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def normalised_path(request):
    """The request's path as Wagtail stores a redirect's 'from' address (no query
    string, no trailing slash), or None when it is not worth counting."""
    path = request.path
    prefixes = (*IGNORED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)
    if any(path.startswith(prefix) for prefix in prefixes if prefix):
        return None
    path = Redirect.normalise_path(path)
    return path if len(path) <= PATH_MAX_LENGTH else None


def referrer_host(request):
    try:
        host = urlsplit(request.META.get("HTTP_REFERER", "")).hostname or ""
    except ValueError:
        return ""
    return host[:255]


class NotFoundRecorder:
    """The in-memory batch of one process; thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.batch = {}
        self.dropped = 0
        self.last_write = time.monotonic()

    def record(self, site_id, path, came_from, now=None):
        now = now or timezone.now()
        with self.lock:
            entry = self.batch.get((site_id, path))
            if entry is None:
                if len(self.batch) >= setting("SEO_NOT_FOUND_BATCH_PATHS"):
                    self.dropped += 1
                    return
                entry = self.batch[(site_id, path)] = {
                    "hits": 0,
                    "first_seen": now,
                    "last_seen": now,
                    "referrer_host": "",
                }
            entry["hits"] += 1
            entry["last_seen"] = now
            if came_from:
                entry["referrer_host"] = came_from

    def write_if_due(self):
        if self.batch and (
            time.monotonic() - self.last_write >= setting("SEO_NOT_FOUND_FLUSH_SECONDS")
        ):
            self.write()

    def write(self):
        """Write the batch to the database (and prune); a database error is logged
        and the batch dropped, never raised into a visitor's request."""
        with self.lock:
            batch, self.batch = self.batch, {}
            dropped, self.dropped = self.dropped, 0
            self.last_write = time.monotonic()
        if dropped:
            logger.warning(
                "Not-found log: %d new addresses in one batch over the limit of %d "
                "were not counted (a flood of random addresses?)",
                dropped,
                setting("SEO_NOT_FOUND_BATCH_PATHS"),
            )
        if not batch:
            return
        try:
            write_batch(batch)
        except DatabaseError:
            logger.exception("Not-found log: could not write %d addresses", len(batch))


def write_batch(batch, now=None):
    """Add a batch {(site id, path): counts} to the table; five queries at most."""
    now = now or timezone.now()
    with transaction.atomic():
        NotFoundPath.objects.filter(
            last_seen__lt=now - timedelta(days=setting("SEO_NOT_FOUND_RETENTION_DAYS"))
        ).delete()
        existing = NotFoundPath.objects.filter(
            path__in={path for _, path in batch}
        ).only("pk", "site_id", "path")
        changed = []
        for row in existing:
            counts = batch.pop((row.site_id, row.path), None)
            if counts is None:
                continue
            row.hits = F("hits") + counts["hits"]
            row.last_seen = counts["last_seen"]
            row.referrer_host = counts["referrer_host"] or F("referrer_host")
            changed.append(row)
        if changed:
            NotFoundPath.objects.bulk_update(
                changed, ["hits", "last_seen", "referrer_host"]
            )
        if not batch:
            return
        new = sorted(batch.items(), key=lambda item: -item[1]["hits"])
        room = setting("SEO_NOT_FOUND_MAX_PATHS") - NotFoundPath.objects.count()
        if room < len(new):
            evict = NotFoundPath.objects.order_by("hits", "last_seen").values_list(
                "pk", flat=True
            )[: len(new) - room]
            NotFoundPath.objects.filter(pk__in=list(evict)).delete()
        NotFoundPath.objects.bulk_create(
            [
                NotFoundPath(site_id=site_id, path=path, **counts)
                for (site_id, path), counts in new[: setting("SEO_NOT_FOUND_MAX_PATHS")]
            ],
            ignore_conflicts=True,
        )


recorder = NotFoundRecorder()


class NotFoundMiddleware:
    """Counts public GET requests answered 404 (after Wagtail's redirects had their
    chance: list this middleware before RedirectMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if response.status_code == 404 and request.method in ("GET", "HEAD"):
                path = normalised_path(request)
                if path is not None:
                    site = Site.find_for_request(request)
                    recorder.record(
                        site.pk if site else None, path, referrer_host(request)
                    )
            recorder.write_if_due()
        except Exception:
            # Counting must never break the answer the visitor gets.
            logger.exception("Not-found log: could not count %s", request.path)
        return response
