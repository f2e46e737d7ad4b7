import pytest
from django.contrib.auth.models import Group

from tests.factories import (
    ArticleIndexPageFactory,
    ProviderIndexPageFactory,
    make_provider,
    make_user,
)

MARKETING_EDITORS = "Marketing editors"


@pytest.fixture
def marketing_editor(db):
    """A marketing editor (not a superuser), in the group the migrations set up."""
    Group.objects.get_or_create(name=MARKETING_EDITORS)
    return make_user("marketer", groups=[MARKETING_EDITORS])


@pytest.fixture
def learn(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def reviewer(home_page):
    index = ProviderIndexPageFactory(parent=home_page)
    return make_provider(index, title="Elena Marquez", credentials="MD")
