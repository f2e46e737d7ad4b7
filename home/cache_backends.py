"""Cache backends (settings.CACHES) that keep the site up and cheap.

- ResilientRedisCache: Django's RedisCache for which an unreachable Redis is a miss,
  not an error, so pages are served uncached while it is down.
- PageCache: where wagtail-cache keeps whole pages; its entries live in the default
  cache under the content generation, so publishing anything purges them all.
- RenditionCache: where Wagtail keeps image renditions; never writes back a
  rendition it has just read."""

import logging
import time

import redis
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache

from home.wagtail_internals import mark_rendition_from_cache, rendition_from_cache

logger = logging.getLogger(__name__)

# After a failure, how long (seconds) the cache is left alone before it is tried again:
# a Redis that hangs must not cost every cache call its socket timeout.
RETRY_AFTER = 5.0


# Per Redis server (its LOCATION), for the whole process: Django makes a cache object
# per thread, and a threaded server must not try, and log, the outage in each.
_down_until = {}  # LOCATION -> time.monotonic() before which Redis is not tried


class ResilientRedisCache(RedisCache):
    """RedisCache whose reads miss and whose writes do nothing while Redis cannot be
    reached (logged once per outage and process). incr(), decr() and clear() still
    raise: their callers must know that nothing was counted or cleared."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _guarded(self, method, default, *args):
        down_until = _down_until.get(self._location, 0.0)
        if down_until > time.monotonic():
            return default
        try:
            result = method(*args)
        except redis.RedisError as error:
            if not down_until:
                logger.error("Cache unreachable, serving without it: %s", error)
            _down_until[self._location] = time.monotonic() + RETRY_AFTER
            return default
        if down_until:
            logger.warning("Cache reachable again")
            _down_until.pop(self._location, None)
        return result

    def is_reachable(self):
        """False from a failed call until a call succeeds again (calls are retried
        every RETRY_AFTER seconds): for callers that must tell a miss from an
        outage, such as counters."""
        return not _down_until.get(self._location)

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._guarded(super().delete_many, None, keys, version)


class DefaultCacheView(BaseCache):
    """A view on the default cache under a key namespace of its own; subclasses say
    which (namespace()). Shares the default cache's connections and outage handling."""

    def __init__(self, location, params):
        super().__init__(params)

    @property
    def _cache(self):
        return caches["default"]

    def namespace(self):
        raise NotImplementedError

    def _key(self, key):
        return f"{self.namespace()}:{key}"

    def _timeout(self, timeout):
        return self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout

    def get(self, key, default=None, version=None):
        return self._cache.get(self._key(key), default)

    def get_many(self, keys, version=None):
        found = self._cache.get_many([self._key(key) for key in keys])
        prefix = len(self._key(""))
        return {key[prefix:]: value for key, value in found.items()}

    def has_key(self, key, version=None):
        return self._cache.has_key(self._key(key))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.add(self._key(key), value, self._timeout(timeout))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._cache.set(self._key(key), value, self._timeout(timeout))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        data = {self._key(key): value for key, value in data.items()}
        return self._cache.set_many(data, self._timeout(timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.touch(self._key(key), self._timeout(timeout))

    def delete(self, key, version=None):
        return self._cache.delete(self._key(key))

    def delete_many(self, keys, version=None):
        self._cache.delete_many([self._key(key) for key in keys])

    def incr(self, key, delta=1, version=None):
        return self._cache.incr(self._key(key), delta)

    def clear(self):
        raise NotImplementedError(
            f"{type(self).__name__} shares the default cache: it is never flushed"
        )


class PageCache(DefaultCacheView):
    """wagtail-cache's backend (WAGTAIL_CACHE_BACKEND): pages are kept under the
    current content generation, so moving it on purges every page on every server.
    clear() (wagtail-cache's "Clear cache" button and command) moves it on too, rather
    than flushing a cache that other data shares."""

    def namespace(self):
        from home.cache import content_generation

        return f"page:{content_generation()}"

    def clear(self):
        from home.cache import bump_content_generation

        bump_content_generation()


class RenditionCache(DefaultCacheView):
    """Wagtail's rendition cache (the "renditions" alias). Wagtail 7.4.4 writes a
    rendition back to the cache every time it is used: get_rendition() always does,
    and get_renditions() does for renditions it read from the cache (fixed upstream
    after 7.4: wagtail/wagtail#14541). A page whose renditions are all cached would
    rewrite them on every view; this backend marks what it reads and skips writing it
    (home.wagtail_internals)."""

    def namespace(self):
        return "renditions"

    @staticmethod
    def _read(rendition):
        if rendition is not None:
            mark_rendition_from_cache(rendition)
        return rendition

    @staticmethod
    def _is_new(rendition):
        return not rendition_from_cache(rendition)

    def get(self, key, default=None, version=None):
        return self._read(super().get(key, default))

    def get_many(self, keys, version=None):
        return {key: self._read(value) for key, value in super().get_many(keys).items()}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._is_new(value):
            super().set(key, value, timeout)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        data = {key: value for key, value in data.items() if self._is_new(value)}
        return super().set_many(data, timeout) if data else []

    def clear(self):
        # Wagtail purges renditions one by one (delete()); nothing calls this.
        raise NotImplementedError("The rendition cache shares the default cache")
