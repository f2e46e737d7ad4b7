import pytest
from django.core.cache import cache

from tests.factories import make_site


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests flush the database when they finish: run them last."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_site()
