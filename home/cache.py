"""Fragment caching that stays correct: every cached fragment's key carries the site's
content generation, which moves on whenever published content, menus or settings change.

With Redis as the cache, all app servers see the same generation at once; with the local
memory cache (one server, development), fragments also expire after FRAGMENT_TIMEOUT."""

import logging
import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from home.wagtail_internals import bind_setting_to_request

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
FRAGMENT_TIMEOUT = 300


def content_generation():
    """The current generation: part of every fragment cache key."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock so a restarted cache never reuses an old generation.
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
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
    """Signal receiver: something visitors see has changed."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted): start a new one
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def bump_when_page_deleted(sender, instance, **kwargs):
    """Signal receiver for any model's deletion: pages of every type count."""
    from wagtail.models import Page

    if isinstance(instance, Page):
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
    from wagtail.models import Site
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
    invalidate_fragments_on_change(
        Site,
        Redirect,
        get_image_model(),
        MainMenu,
        MainMenuItem,
        FlatMenu,
        FlatMenuItem,
        SeoSettings,
        *models,
    )
