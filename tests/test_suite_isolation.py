"""`make test` touches no data it did not create: in a shared Redis database it keeps
to its own key prefix, and it refuses a database whose keys under that prefix it did
not write. Runs against REDIS_URL when set, else a private redis-server of its own."""

import os
import shutil
import subprocess
import time
import uuid

import pytest
import redis

from tests.cache import LONGEST_KEY_LIFETIME, PrefixedRedisCache


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """REDIS_URL, or a throwaway redis-server listening on a Unix socket only."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("needs Redis: install redis-server or set REDIS_URL")
    socket = tmp_path_factory.mktemp("redis") / "redis.sock"
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        [server, "--port", "0", "--unixsocket", str(socket), "--save", ""]
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        url = f"unix://{socket}?db=0"
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def raw_redis(redis_url):
    client = redis.Redis.from_url(redis_url, socket_connect_timeout=2)
    written = []
    yield client, written
    if written:
        client.delete(*written)


@pytest.fixture
def prefixed_cache(redis_url):
    def make(prefix):
        return PrefixedRedisCache(redis_url, {"KEY_PREFIX": prefix})

    return make


def test_clearing_the_cache_leaves_keys_the_tests_did_not_write(
    raw_redis, prefixed_cache
):
    client, written = raw_redis
    run = uuid.uuid4().hex
    site_key = f"clinic:1:site-fragment-{run}"
    other_run_key = f"clinic-test:{run}:gw9:1:theirs"
    client.set(site_key, "the running site's cache")
    client.set(other_run_key, "another process's key")
    written += [site_key, other_run_key]
    cache = prefixed_cache(f"clinic-test:{run}:gw0")
    cache.set("ours", "a test's value")
    cache.set("also-ours", "another")

    cache.clear()

    assert cache.get("ours") is None and cache.own_keys() == []
    assert client.get(site_key) == b"the running site's cache"
    assert client.get(other_run_key) == b"another process's key"


def test_no_key_the_tests_write_outlives_a_day(prefixed_cache):
    cache = prefixed_cache(f"clinic-test:{uuid.uuid4().hex}:gw0")
    cache.set("forever", "value", timeout=None)
    cache.set("a-week", "value", timeout=7 * 24 * 3600)
    cache.set("a-minute", "value", timeout=60)
    try:
        ttls = {key.decode(): cache.redis.ttl(key) for key in cache.own_keys()}
    finally:
        cache.clear()

    assert all(0 < ttl <= LONGEST_KEY_LIFETIME for ttl in ttls.values()), ttls
    assert min(ttls.values()) <= 60


def test_a_run_refuses_a_database_with_keys_under_its_prefix_it_did_not_write(
    raw_redis, prefixed_cache
):
    client, written = raw_redis
    run = f"clinic-test:{uuid.uuid4().hex}"
    cache = prefixed_cache(f"{run}:main")
    assert cache.refusal() is None

    client.set(f"{run}:gw1:1:left-by-someone", "x")
    written.append(f"{run}:gw1:1:left-by-someone")

    assert "Refusing to run" in cache.refusal()
    assert run in cache.refusal()


def test_a_prefix_with_pattern_characters_matches_only_itself(
    raw_redis, prefixed_cache
):
    client, written = raw_redis
    run = uuid.uuid4().hex
    lookalike = f"clinic-test:{run}x:main:1:key"
    client.set(lookalike, "x")
    written.append(lookalike)
    cache = prefixed_cache(f"clinic-test:{run}?:main")

    cache.clear()

    assert client.get(lookalike) == b"x"
    assert cache.refusal() is None
