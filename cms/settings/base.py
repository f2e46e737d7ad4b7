"""Settings shared by every environment, read from the environment; safe defaults."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "accounts",
    "articles",
    "locations",
    "providers",
    "seo",
    "wagtailseo",
    "wagtailmenus",
    "wagtailcache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

# The full-page cache (home/page_cache.py) wraps everything: wagtail-cache stores the
# compressed page on the way out, and serves it from the innermost position on the way
# in, once sessions and authentication have said that the visitor is anonymous.
MIDDLEWARE = [
    "home.page_cache.PageCacheMiddleware",
    "wagtailcache.cache.UpdateCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "home.page_cache.PageCacheRulesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin sign-in (accounts/): idle logoff, then the second factor (django-otp).
    "accounts.middleware.IdleSignOutMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sees the answer after Wagtail's redirects had their chance, cached or not.
    "seo.not_found.NotFoundMiddleware",
    # Before the redirects: a cached "not found" is served without looking them up
    # (a new redirect purges the page cache like any other change).
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.route_cache.RouteCacheMiddleware",
    # django-axes: turns a locked-out sign-in into its lockout page; last by design.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "wagtailmenus.context_processors.wagtailmenus",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = env_bool("DATABASE_ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets the notification worker write while pages are read,
    # and commits without waiting for the disk (a crash of the app loses nothing;
    # a power cut may lose the last commits). IMMEDIATE transactions wait for
    # another writer instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    DEFAULT_CACHE = {
        # An unreachable Redis is a cache miss (logged), never an error page.
        "BACKEND": "home.cache_backends.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "clinic"),
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
else:
    DEFAULT_CACHE = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic",
        # Pages, fragments and renditions share it.
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
CACHES = {
    "default": DEFAULT_CACHE,
    # Both keep their entries in the default cache, under names of their own.
    "pages": {
        "BACKEND": "home.cache_backends.PageCache",
        # Seconds a page stays cached when nothing changes. Purges do not wait for it;
        # with the per-process local-memory cache it bounds what another process shows.
        "TIMEOUT": env_int("PAGE_CACHE_TIMEOUT", 3600 if REDIS_URL else 300),
    },
    "renditions": {
        "BACKEND": "home.cache_backends.RenditionCache",
        "TIMEOUT": 24 * 60 * 60,  # Wagtail deletes an image's renditions' entries
    },
}

# wagtail-cache: anonymous GET requests for public pages (home/page_cache.py).
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True)
WAGTAIL_CACHE_BACKEND = "pages"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "America/Chicago")
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(BASE_DIR / "media")
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A dead mail server must never hold a worker for long.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 5)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# One handler, on the root logger, in one format: time, level, logger name, message.
# Django's defaults give "django" and "django.server" (runserver's request lines)
# handlers of their own, which printed events twice or in another format; here they
# only propagate to the root. (Django's "mail_admins" handler goes too: no ADMINS.)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "INFO"},
        # Routine page events and background-task chatter; warnings still show.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes reports every sign-in at INFO; accounts.audit says it once.
        "axes": {"level": "WARNING"},
    },
}

# Complex page editors can exceed Django's default of 1000 POST fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# wagtailmenus 4.2 still defines content_panels on its menu snippets, which Wagtail
# warns about on every check (jazzband/wagtailmenus#501); the menus edit correctly.
SILENCED_SYSTEM_CHECKS = ["wagtailadmin.W002"]

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Clinic CMS")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEO_SEP = "|"
WAGTAILMENUS_MAIN_MENU_MAX_LEVELS = 2
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Consultation requests. Answers are encrypted at rest with these Fernet keys: the
# first encrypts, every one decrypts, so a new key goes first and old ones retire after
# `manage.py reencrypt_consultation_requests`.
CONSULTATION_ENCRYPTION_KEYS = env_list("CONSULTATION_ENCRYPTION_KEYS")
# Only dev.py turns this on: a key derived from SECRET_KEY, with a warning.
CONSULTATION_DERIVE_DEVELOPMENT_KEY = False
# Requests one client may send per window (seconds), counted in the shared cache.
CONSULTATION_RATE_LIMIT = env_int("CONSULTATION_RATE_LIMIT", 5)
CONSULTATION_RATE_LIMIT_WINDOW = env_int("CONSULTATION_RATE_LIMIT_WINDOW", 3600)
# A form sent sooner than this after it was shown was filled in by a machine.
CONSULTATION_MIN_FILL_SECONDS = env_int("CONSULTATION_MIN_FILL_SECONDS", 3)
# Proxies in front of the app that append to X-Forwarded-For (0: none, use the peer).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# The not-found log (seo.not_found): each process writes its batch of 404 hits at most
# this often (seconds), keeps at most this many addresses per batch and in the table,
# and forgets addresses not seen for this many days.
SEO_NOT_FOUND_FLUSH_SECONDS = env_int("SEO_NOT_FOUND_FLUSH_SECONDS", 10)
SEO_NOT_FOUND_BATCH_PATHS = env_int("SEO_NOT_FOUND_BATCH_PATHS", 500)
SEO_NOT_FOUND_MAX_PATHS = env_int("SEO_NOT_FOUND_MAX_PATHS", 10_000)
SEO_NOT_FOUND_RETENTION_DAYS = env_int("SEO_NOT_FOUND_RETENTION_DAYS", 90)

# Admin sign-in for health information (accounts/, docs/operations.md "Sign-in").
# django-axes refuses further sign-ins for an account, or from a client address, after
# SIGN_IN_FAILURE_LIMIT failures each less than SIGN_IN_LOCKOUT_MINUTES after the one
# before (so at least as strict as "5 in 15 minutes"), until that long after the
# failure that locked it; attempts are counted in the database, so every app server
# sees them. The standalone backend goes first: it refuses before a password is
# checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "home.client.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Every failure, for unknown usernames too (Wagtail's audit log needs an account).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Two factors (django-otp: TOTP apps and single-use recovery codes). Required for
# superusers and every holder of these permissions (they read health information);
# optional for other editors. Only development and tests may turn it off.
TWO_FACTOR_ENABLED = env_bool("TWO_FACTOR_ENABLED", True)
TWO_FACTOR_REQUIRED_PERMISSIONS = [
    "locations.view_consultationrequest",
    "locations.view_all_consultation_requests",
]
OTP_TOTP_ISSUER = env_str("WAGTAIL_SITE_NAME", "Clinic CMS")
# Idle logoff: a signed-in session ends after this many idle minutes, and this many
# hours after signing in, whatever the activity (HIPAA 164.312(a)(2)(iii)).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_AGE_HOURS = env_int("SESSION_MAX_AGE_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_MAX_AGE_HOURS * 60 * 60
