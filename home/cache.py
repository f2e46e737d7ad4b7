"""Caching that stays correct: every cached fragment's key, and every full-page cache
entry's, carries the site's content generation, which moves on whenever published
content, menus or settings change.

With Redis as the cache, all app servers see the same generation at once; with the local
memory cache (one server, development), fragments also expire after FRAGMENT_TIMEOUT.

Within a request the generation is read from the cache once (request_cache_scope), and
whatever the request renders that depends on the clock (open now, today's hours) says
when it goes out of date (valid_until), so that no cache keeps it longer."""

import contextlib
import contextvars
import datetime
import logging
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from home.wagtail_internals import bind_setting_to_request

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
FRAGMENT_TIMEOUT = 300


@dataclass
class RequestCacheState:
    """What one request has learnt about the cache: the generation it read, the
    earliest moment (aware datetime) at which something it rendered goes stale, and the
    seconds the full-page cache may keep its response."""

    generation: int | None = None
    expires_at: datetime.datetime | None = None
    server_max_age: int | None = None


_request_state = contextvars.ContextVar("request_cache_state", default=None)
# A generation that could not be moved on (cache down): moved on at the next chance.
_pending_bump = False


@contextlib.contextmanager
def request_cache_scope():
    """Around one request: the generation is read once, expiries are collected.
    Yields the RequestCacheState."""
    state = RequestCacheState()
    token = _request_state.set(state)
    try:
        yield state
    finally:
        _request_state.reset(token)


def current_request_state():
    """The RequestCacheState of the request being served, or None outside one."""
    return _request_state.get()


def valid_until(moment):
    """Something being rendered changes by itself at `moment` (an aware datetime):
    no cache may keep the page, or the fragment being rendered, past it."""
    state = _request_state.get()
    if state is not None and (state.expires_at is None or moment < state.expires_at):
        state.expires_at = moment


def seconds_until(moment, now=None):
    """Whole seconds from now until `moment` (0 when it has passed)."""
    return max(0, int((moment - (now or timezone.now())).total_seconds()))


def content_generation():
    """The current generation: part of every fragment and page cache key. Read from
    the cache at most once per request."""
    state = _request_state.get()
    if state is not None and state.generation is not None:
        return state.generation
    if _pending_bump:
        bump_content_generation()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock so a restarted cache never reuses an old generation.
        candidate = time.time_ns()
        if cache.add(GENERATION_KEY, candidate, timeout=None):
            generation = candidate
        else:  # another process started one first
            generation = cache.get(GENERATION_KEY, candidate)
    if state is not None:
        state.generation = generation
    return generation


def cached_until_content_changes(key, compute):
    """compute() once per content generation: for data derived only from published
    content, such as the choices of a filter form."""
    full_key = f"{key}:{content_generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, FRAGMENT_TIMEOUT)
    return value


def cached_site_setting(model, request):
    """A site setting for this request, read from the cache when possible (settings
    are read on every page view but change rarely; saving one moves the generation)."""
    from wagtail.models import Site

    attr_name = model.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)
    site = Site.find_for_request(request)
    if site is None:
        return model.for_request(request)
    key = f"site-setting:{model._meta.label_lower}:{site.pk}:{content_generation()}"
    instance = cache.get(key)
    if instance is None:
        instance = model.for_site(site)
        cache.set(key, instance, FRAGMENT_TIMEOUT)
    return bind_setting_to_request(instance, request)


def bump_content_generation(**kwargs):
    """Signal receiver: something visitors see has changed. Every cached fragment and
    page is left behind at once, on every server sharing the cache."""
    global _pending_bump
    state = _request_state.get()
    if state is not None:
        state.generation = None  # the rest of this request reads the new one
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted): start a new one
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        # The cache is down: when it answers again it may still hold the old
        # generation, so move it on then (content_generation() retries).
        _pending_bump = True
        logger.exception("Could not move the content generation on; will retry")
    else:
        _pending_bump = False


def bump_when_page_deleted(sender, instance, **kwargs):
    """Signal receiver for any model's deletion: pages of every type count."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_generation()


# Wagtail's search index is updated by this background task, after the publish that
# moved the generation on (modelsearch 1.x, the search backend of Wagtail 7.4). It is
# also queued by every other save of an indexed object, a draft's among them.
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"
# An index update queued this soon after the page's last publish is that publish's.
PUBLISH_TO_INDEX = datetime.timedelta(minutes=5)


def bump_when_search_index_changes(sender, task_result, **kwargs):
    """Signal receiver (django-tasks' task_finished): a published page reaches the
    search index only when the worker has run SEARCH_INDEX_TASK, after the publish
    moved the generation on. Search results cached in between would miss it until the
    next change, so the generation moves on again once the index has it. Updates
    that follow a draft save (the page's last publish is older than
    PUBLISH_TO_INDEX) change nothing visitors find and leave the caches alone.

    With the per-process local-memory cache the worker's move stays in the worker:
    the web processes catch up when their entries expire (FRAGMENT_TIMEOUT)."""
    from django.apps import apps
    from wagtail.models import Page

    if (
        task_result.task.module_path != SEARCH_INDEX_TASK
        or task_result.status != TaskResultStatus.SUCCESSFUL
    ):
        return
    app_label, model_name, pk = task_result.args
    if not issubclass(apps.get_model(app_label, model_name), Page):
        return
    published_at = (
        Page.objects.filter(pk=pk, live=True)
        .values_list("last_published_at", flat=True)
        .first()
    )
    queued_at = task_result.enqueued_at or timezone.now()
    if published_at is not None and queued_at - published_at <= PUBLISH_TO_INDEX:
        bump_content_generation()


def invalidate_fragments_on_change(*models):
    """Move the generation on whenever one of these models is saved or deleted."""
    for model in models:
        uid = f"content-generation-{model._meta.label_lower}"
        post_save.connect(bump_content_generation, sender=model, dispatch_uid=uid)
        post_delete.connect(
            bump_content_generation, sender=model, dispatch_uid=f"{uid}-delete"
        )


def connect_fragment_invalidation(*models):
    """Wire the invalidation signals of publishing and of Wagtail's own models, plus
    `models` (the foundation's, passed in by its AppConfig); feature apps add their
    own models with invalidate_fragments_on_change()."""
    from wagtail import signals as wagtail_signals
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem
    from wagtailseo.models import SeoSettings

    for name in (
        "page_published",
        "page_unpublished",
        "post_page_move",
        "published",
        "unpublished",
    ):
        getattr(wagtail_signals, name).connect(
            bump_content_generation, dispatch_uid=f"content-generation-{name}"
        )
    post_delete.connect(bump_when_page_deleted, dispatch_uid="content-generation-pages")
    task_finished.connect(
        bump_when_search_index_changes, dispatch_uid="content-generation-search-index"
    )
    invalidate_fragments_on_change(
        Site,
        PageViewRestriction,
        Redirect,
        get_image_model(),
        MainMenu,
        MainMenuItem,
        FlatMenu,
        FlatMenuItem,
        SeoSettings,
        *models,
    )
