"""The tests' Redis cache: the site's ResilientRedisCache confined to its KEY_PREFIX.

Django's RedisCache.clear() empties the whole Redis database (FLUSHDB): pointed at the
database a running site uses, `make test` would wipe the site's cache, or another test
run's keys. Here clear() deletes only the keys under this cache's prefix, which
cms/settings/test.py makes `clinic-test:<run id>:<process>`, and no key outlives a day,
so that a run killed before it could clean up leaves nothing behind for long."""

import re

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property

from home.cache_backends import ResilientRedisCache

LONGEST_KEY_LIFETIME = 24 * 60 * 60  # seconds


def keys_under(prefix):
    """A SCAN pattern for every key under `prefix` (as Django makes them:
    `<prefix>:<version>:<key>`), with the pattern's special characters escaped."""
    return re.sub(r"([\\*?\[\]])", r"\\\1", prefix) + ":*"


class PrefixedRedisCache(ResilientRedisCache):
    """ResilientRedisCache whose clear() and keys stay within `KEY_PREFIX`."""

    def __init__(self, server, params):
        super().__init__(server, params)
        if not self.key_prefix:
            raise ImproperlyConfigured("PrefixedRedisCache needs a KEY_PREFIX.")
        # Django writes to the first server listed; so do we.
        self.url = re.split("[;,]", server)[0] if isinstance(server, str) else server[0]

    @cached_property
    def redis(self):
        """A client of our own (Django's is internal to its backend)."""
        return redis.Redis.from_url(
            self.url, socket_connect_timeout=2, socket_timeout=2
        )

    @property
    def run_prefix(self):
        """The part of the prefix shared by every process of this test run."""
        return self.key_prefix.rsplit(":", 1)[0]

    def own_keys(self):
        return list(self.redis.scan_iter(match=keys_under(self.key_prefix), count=1000))

    def clear(self):
        """Delete this cache's keys, and only those."""
        keys = self.own_keys()
        for start in range(0, len(keys), 500):
            self.redis.delete(*keys[start : start + 500])
        return True

    def refusal(self):
        """Why this run must not start, or None. Checked before the first test: any
        key under the run's prefix then was written by someone else, and the tests
        would delete it. Raises redis.RedisError when Redis does not answer."""
        pattern = keys_under(self.run_prefix)
        found = sum(1 for _ in self.redis.scan_iter(match=pattern, count=1000))
        if not found:
            return None
        return (
            f"Refusing to run: the Redis database {self.url} already holds {found} "
            f"key(s) under this test run's prefix {self.run_prefix!r}, which this "
            "run did not write. The tests delete the keys under their prefix; point "
            "REDIS_URL at another database."
        )

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        timeout = super().get_backend_timeout(timeout)
        if timeout is None:
            return LONGEST_KEY_LIFETIME
        return min(timeout, LONGEST_KEY_LIFETIME)
