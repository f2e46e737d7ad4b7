"""Test databases copied from a migrated template instead of migrated one by one.

Running the ~220 migrations costs each test process more than a dozen seconds of CPU.
The first process that needs the template builds it by running `manage.py migrate`
in a child process; every process then copies it:

- SQLite: the template is a file in pytest's cache folder, named by the fingerprint
  of the migrations, and is reused by later runs until a migration changes.
- PostgreSQL: the template is the database `test_<NAME>_template_<fingerprint>`, kept
  for later runs in the same way (an older one is dropped when a new one is built);
  each process's test database is made with `CREATE DATABASE ... TEMPLATE`.

Django's own setup then finds every migration applied, runs the post-migrate steps
and serialises the data for `serialized_rollback`, as for a database it had migrated.

The template leaves out what Wagtail's initial migration puts under the root, its
"Welcome" page and the default Site on localhost: almost every test builds its own
site in their place (tests/factories.py `make_site`), and deleting a page costs each
of them tens of milliseconds. `stock_welcome_page()` puts them back for the tests
(the demo loader's) that start from a freshly migrated install.
"""

import contextlib
import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import django
from django.apps import apps
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


# Run in the template after its migrations (see the module's docstring). Part of
# the template's fingerprint: a change here builds a new template.
STRIP_STOCK_SITE = (
    "from wagtail.models import Page, Site\n"
    "Site.objects.all().delete()\n"
    "for page in Page.get_first_root_node().get_children():\n"
    "    page.delete()\n"
)


def migrations_fingerprint():
    """A short hash of every installed app's migration files, Python, Django and the
    template's own step (STRIP_STOCK_SITE)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]} {django.get_version()}".encode())
    digest.update(STRIP_STOCK_SITE.encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        for path in sorted((Path(app.path) / "migrations").glob("*.py")):
            digest.update(f"{app.label}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def migrate(database_url):
    """Run every migration against `database_url` in a child process, with the test
    settings and the local-memory cache, then remove Wagtail's stock site
    (STRIP_STOCK_SITE)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
    }
    for arguments in (
        ["migrate", "--noinput", "--run-syncdb", "-v0"],
        ["shell", "--no-imports", "-c", STRIP_STOCK_SITE],
    ):
        result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode:
            raise RuntimeError(
                f"Preparing the template test database ({arguments[0]}) failed:\n"
                f"{result.stdout}{result.stderr}"
            )


def stock_welcome_page():
    """Wagtail's initial migration's content under the root, as on a freshly migrated
    install: the "Welcome to your new Wagtail site!" page (a plain Page, slug
    "home") and the default Site on localhost:80 pointing at it. Returns the page."""
    from wagtail.models import Page, Site

    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    return welcome


@contextlib.contextmanager
def file_lock(path):
    """Hold an exclusive lock on `path` (created if missing) across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def copy_sqlite(source, target):
    """A consistent copy through SQLite's backup API (safe with write-ahead logs)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def prepare_sqlite(cache_dir):
    """Copy the migrated template to this process's test database file."""
    fingerprint = migrations_fingerprint()
    template = cache_dir / f"migrated-{fingerprint}.sqlite3"
    with file_lock(cache_dir / "lock"):
        if not template.exists():
            for stale in cache_dir.glob("migrated-*.sqlite3"):
                stale.unlink()
            building = cache_dir / f"building-{os.getpid()}.sqlite3"
            building.unlink(missing_ok=True)
            try:
                migrate(f"sqlite:///{building}")
                copy_sqlite(building, template)
            finally:
                building.unlink(missing_ok=True)
                for suffix in ("-wal", "-shm"):
                    Path(f"{building}{suffix}").unlink(missing_ok=True)
    copy_sqlite(template, Path(connection.settings_dict["TEST"]["NAME"]))


def postgres_test_name():
    return connection.settings_dict["TEST"]["NAME"] or (
        f"test_{connection.settings_dict['NAME']}"
    )


def quote_name(name):
    return '"' + name.replace('"', '""') + '"'


@contextlib.contextmanager
def postgres_maintenance_cursor():
    """A cursor on the server's `postgres` database, in autocommit mode."""
    import psycopg

    params = {**connection.get_connection_params(), "dbname": "postgres"}
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with (
        psycopg.connect(**params, autocommit=True) as conn,
        conn.cursor() as cursor,
    ):
        yield cursor


def prepare_postgresql():
    """Create this process's test database as a copy of the migrated template."""
    base = f"test_{connection.settings_dict['NAME']}"[:40]
    template = f"{base}_template_{migrations_fingerprint()}"
    target = postgres_test_name()
    # One lock for every process using this server and name: only one builds.
    lock_key = zlib.crc32(f"clinic-test-template:{base}".encode())
    with postgres_maintenance_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key])
        try:
            pattern = f"{base}_template_".replace("_", r"\_") + "%"
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern]
            )
            templates = {row[0] for row in cursor.fetchall()}
            if template not in templates:
                for stale in templates:
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(stale)}")
                cursor.execute(f"CREATE DATABASE {quote_name(template)}")
                url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{template}")
                try:
                    migrate(url.geturl())
                except BaseException:
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(template)}")
                    raise
            cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(target)}")
            cursor.execute(
                f"CREATE DATABASE {quote_name(target)} TEMPLATE {quote_name(template)}"
            )
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key])


def prepare_test_database(cache_dir):
    """Make the test database of this process hold every migration, ready for
    Django's `setup_databases(keepdb=True)`."""
    if connection.vendor == "sqlite":
        prepare_sqlite(cache_dir)
    elif connection.vendor == "postgresql":
        prepare_postgresql()
    else:
        raise NotImplementedError(f"No template database for {connection.vendor}.")


def remove_tree(path):
    shutil.rmtree(path, ignore_errors=True)
