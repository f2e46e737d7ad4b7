"""Production: refuses to start without its secrets; HTTPS only; compressed statics."""

import base64
import binascii

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set in production (comma-separated host names)."
    )

if not TWO_FACTOR_ENABLED:  # noqa: F405
    raise ImproperlyConfigured(
        "TWO_FACTOR_ENABLED must not be false in production: people who read "
        "consultation requests sign in with two factors."
    )

if not CONSULTATION_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured(
        "CONSULTATION_ENCRYPTION_KEYS must be set in production (comma-separated "
        "Fernet keys; see README, 'Consultation requests')."
    )
for _key in CONSULTATION_ENCRYPTION_KEYS:  # noqa: F405
    try:
        _valid = len(base64.urlsafe_b64decode(_key.encode())) == 32
    except (binascii.Error, ValueError):
        _valid = False
    if not _valid:
        raise ImproperlyConfigured(
            "CONSULTATION_ENCRYPTION_KEYS holds a value that is not a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        )
CONSULTATION_DERIVE_DEVELOPMENT_KEY = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The health checks answer the load balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
