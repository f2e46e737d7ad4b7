import pytest
from django.core.cache import cache

from tests.factories import make_site


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests flush the database when they finish: run them last."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))


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
    """Wagtail caches site root paths; every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_site()
