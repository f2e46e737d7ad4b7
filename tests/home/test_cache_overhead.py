"""What a page view costs the cache: one read of the content generation, no rendition
written back once renditions are cached, and no error page when Redis is gone."""

import logging
import shutil
import socket
import subprocess
import time
from collections import Counter

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches

from home.cache import GENERATION_KEY
from tests.factories import LocationIndexPageFactory, make_location
from tests.home.test_query_budget import furnish_home_page

pytestmark = pytest.mark.django_db

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "touch")


@pytest.fixture
def cache_calls(monkeypatch):
    """Every call to the default cache (each one a Redis round trip when the cache is
    Redis), as (method, key or keys)."""
    backend = caches["default"]
    calls = []
    for name in CACHE_METHODS:
        original = getattr(backend, name)

        def counted(key, *args, _name=name, _original=original, **kwargs):
            calls.append((_name, key))
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(backend, name, counted)
    return calls


def generation_reads(calls):
    return [call for call in calls if call == ("get", GENERATION_KEY)]


def rendition_writes(calls):
    writes = []
    for method, key in calls:
        keys = list(key) if method == "set_many" else [key]
        if method in ("set", "set_many", "add"):
            writes += [k for k in keys if "rendition" in str(k)]
    return writes


@pytest.fixture
def furnished_home(home_page):
    furnish_home_page(home_page, featured_count=4)
    return home_page


def test_a_page_view_reads_the_content_generation_once(
    client, furnished_home, cache_calls
):
    client.get("/")  # fragments and renditions are made
    cache_calls.clear()

    response = client.get("/")

    assert response.status_code == 200
    assert len(generation_reads(cache_calls)) == 1
    assert sum(1 for method, key in cache_calls if "template.cache" in str(key)) >= 3


def test_a_cache_hit_reads_the_content_generation_once(
    client, furnished_home, cache_calls, settings
):
    settings.WAGTAIL_CACHE = True
    client.get("/")
    cache_calls.clear()

    response = client.get("/")

    assert response["X-Wagtail-Cache"] == "hit"
    assert len(generation_reads(cache_calls)) == 1
    assert len(cache_calls) == 3  # the generation, the page's headers, the page


def test_cached_renditions_are_not_written_again(client, furnished_home, cache_calls):
    client.get("/")
    cache_calls.clear()
    client.get("/")  # the fragments are cached, the hero image is not
    assert rendition_writes(cache_calls) == []
    assert any("rendition" in str(key) for method, key in cache_calls)


def test_new_renditions_are_cached_once(client, furnished_home, cache_calls):
    client.get("/")
    assert rendition_writes(cache_calls)  # made and cached on the first view


@pytest.fixture
def redis_commands(monkeypatch):
    """Every command sent to Redis, by name and key, when the tests run with Redis
    (REDIS_URL); pipelines count once."""
    if not django_settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (CI runs the tests once with Redis)")
    commands = Counter()
    original = redis.Redis.execute_command
    original_pipeline = redis.client.Pipeline.execute

    def counted(self, *args, **options):
        commands[(args[0], str(args[1]) if len(args) > 1 else "")] += 1
        return original(self, *args, **options)

    def counted_pipeline(self, *args, **kwargs):
        for command_args, _options in self.command_stack:
            commands[("PIPELINE " + command_args[0], str(command_args[1]))] += 1
        return original_pipeline(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    monkeypatch.setattr(redis.client.Pipeline, "execute", counted_pipeline)
    return commands


def test_redis_sees_one_generation_read_and_no_rendition_write_per_view(
    client, furnished_home, redis_commands
):
    client.get("/")
    client.get("/")
    redis_commands.clear()

    client.get("/")

    generation = [k for k in redis_commands if k[1].endswith(":" + GENERATION_KEY)]
    assert [redis_commands[k] for k in generation] == [1]
    writes = [k for k in redis_commands if "SET" in k[0] and "rendition" in k[1]]
    assert writes == []


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache_at(url):
    return {
        **django_settings.CACHES,
        "default": {
            "BACKEND": "home.cache_backends.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "outage-test",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


@pytest.fixture
def location(home_page):
    return make_location(LocationIndexPageFactory(parent=home_page), title="Austin")


def test_pages_are_served_uncached_while_redis_is_unreachable(
    client, location, settings, caplog
):
    settings.WAGTAIL_CACHE = True
    settings.CACHES = redis_cache_at(f"redis://127.0.0.1:{free_port()}/0")

    with caplog.at_level(logging.ERROR, logger="home.cache_backends"):
        responses = [client.get(location.url) for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert all("Austin" in r.content.decode() for r in responses)
    assert "Cache unreachable" in caplog.text


def test_an_outage_is_logged_once_however_many_threads_meet_it(caplog):
    """Django makes a cache object per thread; a threaded server's threads share one
    record of the outage, so it is logged once, not on every request."""
    from home.cache_backends import ResilientRedisCache

    url = f"redis://127.0.0.1:{free_port()}/0"
    options = {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    per_thread = [ResilientRedisCache(url, options) for _ in range(3)]

    with caplog.at_level(logging.ERROR, logger="home.cache_backends"):
        found = [cache.get("anything", "missed") for cache in per_thread]

    assert found == ["missed"] * 3
    assert caplog.text.count("Cache unreachable") == 1
    assert not any(cache.is_reachable() for cache in per_thread)


@pytest.fixture
def own_redis(tmp_path):
    """A throwaway redis-server on a free port, stopped by the test or at the end."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(50):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def test_pages_keep_being_served_when_redis_goes_away(
    client, location, settings, own_redis
):
    process, url = own_redis
    settings.WAGTAIL_CACHE = True
    settings.CACHES = redis_cache_at(url)
    client.get(location.url)
    assert client.get(location.url)["X-Wagtail-Cache"] == "hit"

    process.kill()
    process.wait()
    down = client.get(location.url)

    assert down.status_code == 200
    assert down["X-Wagtail-Cache"] == "miss"
    assert "Austin" in down.content.decode()
