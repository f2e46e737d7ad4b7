import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem
from wagtailseo.models import SeoSettings

from home.models import ClinicSettings, HomePageFeaturedPage
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

HOME_PAGE_QUERY_BUDGET = 10


def furnish_home_page(home_page, featured_count):
    """A home page as the demo has it: hero image, menus, settings, featured cards."""
    site = home_page.get_site()
    home_page.hero_image = ImageFactory()
    home_page.cta_page = StandardPageFactory(parent=home_page, title="Consultation")
    home_page.save()
    menu = MainMenu.get_for_site(site)
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    for number in range(featured_count):
        page = StandardPageFactory(
            parent=home_page, hero_image=ImageFactory(), show_in_menus=True
        )
        HomePageFeaturedPage.objects.create(
            home_page=home_page, featured_page=page, sort_order=number
        )
        MainMenuItem.objects.create(menu=menu, link_page=page, sort_order=number)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=number)
    clinic = ClinicSettings.for_site(site)
    clinic.group_name, clinic.main_phone = "Test Clinic Group", "+15125550100"
    clinic.save()
    seo = SeoSettings.for_site(site)
    seo.struct_org_type = "MedicalOrganization"
    seo.save()


def count_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("featured_count", [1, 6])
def test_home_page_renders_within_its_query_budget(
    client, home_page, django_assert_max_num_queries, featured_count
):
    furnish_home_page(home_page, featured_count)
    client.get("/")  # renditions and cached fragments are made on the first view

    with django_assert_max_num_queries(HOME_PAGE_QUERY_BUDGET):
        response = client.get("/")

    assert response.content.decode().count('class="card"') == featured_count


def test_home_page_queries_do_not_grow_with_featured_pages_on_a_cold_cache(
    client, home_page
):
    furnish_home_page(home_page, 1)
    client.get("/")
    cache.clear()
    with_one = count_queries(client, "/")

    for _ in range(5):
        page = StandardPageFactory(parent=home_page, hero_image=ImageFactory())
        HomePageFeaturedPage.objects.create(home_page=home_page, featured_page=page)
    client.get("/")
    cache.clear()
    with_six = count_queries(client, "/")

    assert with_six == with_one


def test_cached_menus_and_cards_follow_published_changes(client, home_page):
    furnish_home_page(home_page, 1)
    featured = HomePageFeaturedPage.objects.get().featured_page.specific
    assert featured.title in client.get("/").content.decode()

    featured.title = "Renamed and republished"
    featured.save_revision().publish()
    html = client.get("/").content.decode()

    assert html.count("Renamed and republished") == 3  # main menu, card, footer
