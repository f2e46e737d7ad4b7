import dataclasses
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import setup_databases, teardown_databases

from tests.cache import PrefixedRedisCache
from tests.database import prepare_test_database, remove_tree, stock_welcome_page
from tests.factories import SECOND_SITE_HOST, make_second_site, make_site

NEEDS_POSTGRESQL = (
    "needs PostgreSQL, and this run uses {}: set DATABASE_URL=postgres://... to run it"
)


def is_xdist_worker(config):
    return hasattr(config, "workerinput")


def pytest_sessionstart(session):
    """Make this process's folders; refuse to run against a Redis database that
    holds keys under this run's prefix which the run did not write (checked once,
    before any test)."""
    for folder in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        Path(folder).mkdir(parents=True, exist_ok=True)
    backend = caches["default"]
    if is_xdist_worker(session.config) or not isinstance(backend, PrefixedRedisCache):
        return
    try:
        refusal = backend.refusal()
    except redis.RedisError as error:
        pytest.exit(
            f"REDIS_URL names {backend.url}, which does not answer ({error}). Start "
            "Redis, or unset REDIS_URL to test with the local-memory cache.",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )
    if refusal:
        pytest.exit(refusal, returncode=pytest.ExitCode.USAGE_ERROR)


def pytest_sessionfinish(session):
    """Leave nothing behind: this process's cache keys and files, and once the
    whole run is over (not in a pytest-xdist worker) the run's folder."""
    backend = caches["default"]
    if isinstance(backend, PrefixedRedisCache):
        try:
            backend.clear()
        except redis.RedisError as error:
            reporter = session.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.write_line(
                    f"Could not delete this run's keys from {backend.url} ({error}); "
                    "they expire within a day.",
                    yellow=True,
                )
    run_dir = Path(settings.TEST_RUN_DIR)
    remove_tree(run_dir / settings.TEST_PROCESS)
    if not is_xdist_worker(session.config):
        remove_tree(run_dir)


def transactional(item):
    """Whether a test commits and flushes the database (pytest-django's test, which
    orders these after the others: they leave the database empty behind them)."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (
            marker
            and (
                marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
            )
        )
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Skip tests marked `postgresql` unless the run uses PostgreSQL, saying why;
    run the modules marked `slow` first, whole (pytest-xdist hands out tests in this
    order, so the long ones do not end up alone on one worker at the end), though
    never before a test that needs the database as migrations left it: transactional
    tests stay after those, and the browser tests (all transactional) last."""
    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(reason=NEEDS_POSTGRESQL.format(connection.vendor))
        for item in items:
            if item.get_closest_marker("postgresql"):
                item.add_marker(skip)

    def order(item):
        module = item.getparent(pytest.Module)
        slow_module = module is not None and module.get_closest_marker("slow")
        return (
            "tests/browser/" in str(item.path),
            transactional(item),
            not slow_module,
        )

    items.sort(key=order)


def pytest_terminal_summary(terminalreporter):
    """Say plainly, last, when tests that need PostgreSQL did not run."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "needs PostgreSQL" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} test(s) need PostgreSQL and were skipped: run `make "
            "test` with DATABASE_URL=postgres://... to include them.",
            yellow=True,
        )


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_modify_db_settings,
):
    """pytest-django's test databases, copied from a migrated template
    (tests/database.py) rather than migrated from scratch by every process."""
    if not django_db_use_migrations:
        raise pytest.UsageError(
            "These tests need migrations (they create groups, workflows and the "
            "root page): drop --nomigrations."
        )
    # pytest's cache folder keeps the template for later runs (-p no:cacheprovider:
    # this run only).
    pytest_cache = getattr(request.config, "cache", None)
    cache_dir = (
        pytest_cache.mkdir("clinic-test-db")
        if pytest_cache is not None
        else Path(settings.TEST_RUN_DIR) / "template"
    )
    with django_db_blocker.unblock():
        prepare_test_database(Path(cache_dir))
        databases = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            keepdb=True,
            aliases={"default"},
            serialized_aliases={"default"},
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session", autouse=True)
def start_playwright_before_the_test_database(request):
    """Playwright's sync API gives the thread a new context when it starts, and
    Django keeps a connection per context: started in the middle of the run, a
    browser test would get a connection that cannot restore the data earlier
    transactional tests flushed. When browser tests will run, start it first."""
    if any("tests/browser/" in str(item.path) for item in request.session.items):
        request.getfixturevalue("playwright")


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; every test starts from an empty cache (this
    test process's keys only: see tests/cache.py)."""
    cache.clear()
    yield
    cache.clear()


IMMEDIATE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
}


@pytest.fixture(autouse=True)
def immediate_tasks_when_marked(request):
    """Tests run with the database task backend, as the site does: what a request
    enqueues waits for the worker (tests/tasks.py runs it). A test marked
    `immediate_tasks` needs Wagtail's own tasks (search index, reference index) done
    at once instead: it gets the immediate backend."""
    if request.node.get_closest_marker("immediate_tasks") is None:
        yield
        return
    settings = request.getfixturevalue("settings")
    settings.TASKS = IMMEDIATE_TASKS
    yield


@pytest.fixture
def home_page(db):
    return make_site()


@dataclasses.dataclass
class TwoSites:
    """The default site (http://testserver) and a second one on its own host."""

    home: object
    site: object
    sister_home: object
    sister_site: object
    sister_host: str = SECOND_SITE_HOST


@pytest.fixture
def two_sites(home_page, settings):
    """Two sites side by side, for behaviour that must stay on its own site. Request
    the second with `client.get(path, HTTP_HOST=two_sites.sister_host)`."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SECOND_SITE_HOST]
    sister_home = make_second_site(title="Sister home")
    return TwoSites(
        home=home_page,
        site=home_page.get_site(),
        sister_home=sister_home,
        sister_site=sister_home.get_site(),
    )


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content (`manage.py load_demo_content`), loaded as on a freshly
    migrated install (over Wagtail's stock welcome page and site) once per test module
    inside a transaction that is rolled back after the module's last test. Each test
    runs in a savepoint within it (pytest-django's `db`), so what one test changes
    never reaches the next. Not for transactional tests: they commit and flush."""
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            stock_welcome_page()
            call_command("load_demo_content", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)
