"""Local development: DEBUG on, mail printed to the console, an insecure local key."""

import warnings

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-local-development-only"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# Without CONSULTATION_ENCRYPTION_KEYS, consultation answers are encrypted with a key
# derived from SECRET_KEY (a warning is logged); never in production.
CONSULTATION_DERIVE_DEVELOPMENT_KEY = True

# Serve static files straight from their sources while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

warnings.filterwarnings("ignore", message=".*GuessedAtParserWarning.*")
