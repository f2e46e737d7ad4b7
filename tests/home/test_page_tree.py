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
        "newsroompage",
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


def test_locations_and_providers_live_only_under_their_index(home_page):
    from locations.models import ConsultationFormPage, LocationPage
    from providers.models import ProviderPage

    locations = LocationIndexPageFactory(parent=home_page)
    providers = ProviderIndexPageFactory(parent=home_page)
    about = StandardPageFactory(parent=home_page)

    assert LocationPage.can_create_at(locations)
    assert ProviderPage.can_create_at(providers)
    for parent in (home_page, about, providers):
        assert not LocationPage.can_create_at(parent)
    for parent in (home_page, about, locations):
        assert not ProviderPage.can_create_at(parent)
    # A consultation form under a location is fixed to that location.
    assert LocationPage.allowed_subpage_models() == [ConsultationFormPage]
    assert ProviderPage.allowed_subpage_models() == []
