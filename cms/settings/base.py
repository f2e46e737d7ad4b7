"""Settings shared by every environment, read from the environment; safe defaults."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str, origin_of

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
    "django_tasks",
    "django_tasks_db",
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
    "home.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
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
# A database that hangs must cost a request seconds, not the worker's whole timeout:
# it then answers 503 (home.views.server_error). Seconds to connect; milliseconds one
# statement may run (0: no limit, e.g. for a long migration).
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 5)
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 20_000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    _options["options"] = " ".join(
        filter(
            None,
            [
                _options.get("options", ""),
                f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}",
            ],
        )
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets the notification worker write while pages are read,
    # and commits without waiting for the disk (a crash of the app loses nothing;
    # a power cut may lose the last commits). IMMEDIATE transactions wait for
    # another writer instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # Seconds a writer waits for another before "database is locked".
            "timeout": 20,
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

# Background work: Django's Tasks framework (the `django-tasks` backport Wagtail 7.4
# uses), for our tasks and Wagtail's (reference index, focal points, file deletion,
# cache purges), run by one worker (docs/operations.md#background-work).
# - "database" (default): django-tasks-db. A task is a row written in the request's
#   own transaction; `manage.py db_worker` runs them.
# - "rq": django-tasks-rq on Redis (TASKS_REDIS_URL, else REDIS_URL), for several
#   worker machines; tasks reach Redis when the transaction commits; `manage.py
#   rqworker --with-scheduler --job-class django_tasks_rq.Job default` runs them.
# - "immediate": inside the request that enqueues (tests that need it).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
TASKS_REDIS_URL = env_str("TASKS_REDIS_URL") or REDIS_URL
TASK_BACKEND_CLASSES = {
    "database": "django_tasks_db.DatabaseBackend",
    # django-tasks-rq's backend, enqueuing on commit (home/task_backends.py).
    "rq": "home.task_backends.OnCommitRQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in TASK_BACKEND_CLASSES:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKEND_CLASSES)}, "
        f"not {TASKS_BACKEND!r}."
    )
if TASKS_BACKEND == "rq":
    if not TASKS_REDIS_URL:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs TASKS_REDIS_URL or REDIS_URL."
        )
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
TASKS = {
    "default": {
        "BACKEND": TASK_BACKEND_CLASSES[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}
# django-rq's queues (used only with TASKS_BACKEND=rq). Jobs keep their result a day.
RQ_QUEUES = {
    "default": {
        "URL": TASKS_REDIS_URL or "redis://127.0.0.1:6379/0",
        "DEFAULT_TIMEOUT": 300,
        "DEFAULT_RESULT_TTL": 24 * 60 * 60,
    }
}
# Periodic tasks `manage.py run_scheduler` enqueues: task path -> seconds between runs
# (each also runs once when the scheduler starts). Cron can instead run their
# management commands: publish_scheduled, purge_consultation_requests.
PERIODIC_TASKS = {
    "home.tasks.publish_scheduled_pages": 60,
    "locations.consultations.tasks.sweep_consultation_notifications": 60,
    "locations.consultations.tasks.purge_expired_consultation_requests": 24 * 3600,
    "home.tasks.prune_finished_tasks": 24 * 3600,
}
# /readyz/ reports "degraded" when the oldest ready task has waited longer (seconds).
TASKS_MAX_QUEUE_AGE = env_int("TASKS_MAX_QUEUE_AGE", 300)

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
# Django's file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend)
# writes each message to a file in this folder: mail to read without a mail server.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or str(BASE_DIR / "sent-emails")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (home/security.py): no inline script and no nonce on public
# pages (they are served from the page cache). CSP_IMG_SRC / CSP_FRAME_SRC add
# comma-separated origins (a CDN, another video site); an absolute MEDIA_URL's origin
# is added to img-src. CSP_REPORT_URI, when set, receives violation reports.
_MEDIA_ORIGIN = [_origin] if (_origin := origin_of(MEDIA_URL)) else []
_CSP_FRAME_SRC = env_list(
    "CSP_FRAME_SRC",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
_CSP_REPORT = {"report-uri": [_uri]} if (_uri := env_str("CSP_REPORT_URI")) else {}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGIN, *env_list("CSP_IMG_SRC")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_CSP_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],  # as X_FRAME_OPTIONS = "DENY"
        **_CSP_REPORT,
    }
}
# Wagtail's admin (and page previews in it) still uses inline scripts and styles.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Image and video previews of embeds come from their providers.
        "img-src": ["'self'", "data:", "blob:", "https:"],
        # Page previews are shown in a frame of the admin.
        "frame-ancestors": ["'self'"],
    }
}
# Features no page of this site uses, refused to it and to anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

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
# Damaged or incomplete uploads are a form error (home.uploads).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEO_SEP = "|"
WAGTAILMENUS_MAIN_MENU_MAX_LEVELS = 2
# Menu editors that keep the editor's order and check permissions (home/menus.py).
WAGTAILMENUS_MAIN_MENUS_ADMIN_CLASS = "home.menus.MainMenuAdmin"
WAGTAILMENUS_FLAT_MENUS_ADMIN_CLASS = "home.menus.FlatMenuAdmin"
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
# Tries of one notification email before it is marked failed in the inbox (the delays
# between tries double from 30 s up to an hour: 12 tries span about six hours).
CONSULTATION_NOTIFICATION_MAX_ATTEMPTS = env_int(
    "CONSULTATION_NOTIFICATION_MAX_ATTEMPTS", 12
)
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
