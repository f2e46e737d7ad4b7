"""Test runs: fast hashing, in-memory mail, media in a throwaway folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="clinic-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="clinic-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each 404 is written at once, inside the test that caused it.
SEO_NOT_FOUND_FLUSH_SECONDS = 0
# Fixed, test-only keys (not secret): the first encrypts, both decrypt.
CONSULTATION_ENCRYPTION_KEYS = [
    "dGVzdC1vbmx5LWtleS1udW1iZXItb25lLTAxMjM0NTY=",
    "dGVzdC1vbmx5LWtleS1udW1iZXItdHdvLTAxMjM0NTY=",
]
# Local memory unless REDIS_URL names a (throwaway) Redis database: CI runs both.
if not REDIS_URL:  # noqa: F405
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic-test",
    }
# Query budgets measure rendering: tests of the full-page cache turn it on.
WAGTAIL_CACHE = False
