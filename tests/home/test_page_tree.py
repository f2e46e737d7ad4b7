import pytest
from wagtail.models import Page

from articles.models import ArticleIndexPage
from home.models import HomePage, StandardPage
from locations.models import LocationIndexPage
from providers.models import ProviderIndexPage
from tests.factories import (
    ArticleIndexPageFactory,
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

INDEX_PAGES = [
    (ArticleIndexPage, ArticleIndexPageFactory),
    (LocationIndexPage, LocationIndexPageFactory),
    (ProviderIndexPage, ProviderIndexPageFactory),
]


def test_only_one_home_page_can_exist(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_cannot_be_nested(home_page):
    assert HomePage not in home_page.specific_class.allowed_subpage_models()


def test_standard_pages_go_under_home_or_other_standard_pages(home_page):
    about = StandardPageFactory(parent=home_page)
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(about)


@pytest.mark.parametrize(("model", "factory"), INDEX_PAGES)
def test_each_index_page_is_a_singleton_under_the_home_page(home_page, model, factory):
    assert model.can_create_at(home_page)
    index = factory(parent=home_page)
    assert not model.can_create_at(home_page)
    about = StandardPageFactory(parent=home_page)
    assert not model.can_create_at(about)
    assert not StandardPage.can_create_at(index)


def test_admin_offers_only_allowed_page_types_under_the_home_page(
    admin_client, home_page
):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/add_subpage/")
    offered = {model_name for _, _, model_name, _ in response.context["page_types"]}
    assert offered == {
        "standardpage",
        "articleindexpage",
        "locationindexpage",
        "providerindexpage",
        "consultationformpage",
    }


def test_admin_refuses_a_second_home_page(admin_client, home_page):
    root = Page.get_first_root_node()
    response = admin_client.get(
        f"/admin/pages/add/home/homepage/{root.pk}/", follow=True
    )
    assert "do not have permission" in response.content.decode()
    assert HomePage.objects.count() == 1
