import pytest
from django.core.cache import cache

from tests.factories import make_site


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests flush the database when they finish: run them last."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Share the serialized test data with every connection object.

    Playwright's sync API runs browser tests in another context, where Django opens
    another connection object; without the data that serialized_rollback restores
    from, every browser test after the first would start from an empty database."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    return django_db_setup


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_site()
