"""Test runs: fast hashing, in-memory mail, files and the SQLite test database in a
throwaway folder per test process, cache keys under a prefix of the run's own."""

import os
import tempfile
import uuid
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each 404 is written at once, inside the test that caused it.
SEO_NOT_FOUND_FLUSH_SECONDS = 0
# Fixed, test-only keys (not secret): the first encrypts, both decrypt.
CONSULTATION_ENCRYPTION_KEYS = [
    "dGVzdC1vbmx5LWtleS1udW1iZXItb25lLTAxMjM0NTY=",
    "dGVzdC1vbmx5LWtleS1udW1iZXItdHdvLTAxMjM0NTY=",
]

# One id per test run, shared by pytest-xdist's workers (they inherit the variable
# from the process that starts them), and one folder per test process under it.
TEST_RUN_ID = os.environ.setdefault("CLINIC_TEST_RUN_ID", uuid.uuid4().hex[:12])
TEST_PROCESS = os.environ.get("PYTEST_XDIST_WORKER", "main")
TEST_RUN_DIR = Path(tempfile.gettempdir()) / f"clinic-test-{TEST_RUN_ID}"
MEDIA_ROOT = str(TEST_RUN_DIR / TEST_PROCESS / "media")
STATIC_ROOT = str(TEST_RUN_DIR / TEST_PROCESS / "static")

# SQLite tests use a database file (copied from a migrated template, see
# tests/database.py), so that threads can share it as the notification worker and the
# web server do. pytest-xdist's workers each add their own suffix to the name.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(TEST_RUN_DIR / "test.sqlite3")
    }
    # A throwaway database needs no durability: never wait for the disk, and keep a
    # test's whole transaction in memory (64 MiB of cache) instead of spilling it.
    DATABASES["default"]["OPTIONS"]["init_command"] += (  # noqa: F405
        " PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
    )

# A throwaway PostgreSQL database needs no durability either: a commit (every
# transactional test makes many) does not wait for the write-ahead log to reach the
# disk. Set per connection; the server's own settings are left alone.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _pg_options = DATABASES["default"]["OPTIONS"]  # noqa: F405
    _pg_options["options"] += " -c synchronous_commit=off"

# Local memory unless REDIS_URL names a Redis database. There, each test process
# keeps its keys under a prefix of its own and clears only those (tests/cache.py):
# whatever else the database holds, a running site's cache included, is left alone.
if REDIS_URL:  # noqa: F405
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "tests.cache.PrefixedRedisCache",
        "LOCATION": REDIS_URL,  # noqa: F405
        "KEY_PREFIX": f"clinic-test:{TEST_RUN_ID}:{TEST_PROCESS}",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
else:
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic-test",
    }
# Query budgets measure rendering: tests of the full-page cache turn it on.
WAGTAIL_CACHE = False

# Tests about signing in turn these on (tests/accounts/): the others log in with
# `force_login` and are not asked for a second factor.
TWO_FACTOR_ENABLED = False
