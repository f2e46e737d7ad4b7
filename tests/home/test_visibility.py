"""What is public is one query (issue 9, kind 5): live, not expired, not private, not
in a private subtree, on the current site. Menus, listings, search, the sitemap,
featured cards and the consultation form's locations all follow it."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from home.models import HomePageFeaturedPage
from home.visibility import public_pages
from locations.models import ConsultationRequest
from tests.factories import (
    HomePageFactory,
    LocationIndexPageFactory,
    StandardPageFactory,
    make_consultation_page,
    make_location,
    root_page,
)
from tests.helpers import soup
from tests.locations.conftest import FORM_PATH, field_errors, form_data

pytestmark = pytest.mark.django_db


def protect_with_password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def in_menus(home_page, *pages):
    """Put `pages` in the site's main menu and footer menu."""
    site = home_page.get_site()
    main = MainMenu.get_for_site(site)
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    for number, page in enumerate(pages):
        MainMenuItem.objects.create(menu=main, link_page=page, sort_order=number)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=number)


def menu_titles(response):
    page = soup(response)
    header = page.find("header").get_text(" ")
    footer = page.find("footer").get_text(" ")
    return header, footer


def test_a_password_protected_page_leaves_the_main_and_footer_menus(client, home_page):
    open_page = StandardPageFactory(
        parent=home_page, title="Visiting hours", show_in_menus=True
    )
    protected = StandardPageFactory(
        parent=home_page, title="Staff rota", show_in_menus=True
    )
    in_menus(home_page, open_page, protected)
    client.get("/")  # menus are cached: protecting the page must clear them

    protect_with_password(protected)
    header, footer = menu_titles(client.get("/"))

    assert "Visiting hours" in header and "Visiting hours" in footer
    assert "Staff rota" not in header
    assert "Staff rota" not in footer


def test_a_page_in_a_protected_section_leaves_the_menus(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Team", show_in_menus=True)
    StandardPageFactory(parent=section, title="Rota for March", show_in_menus=True)
    in_menus(home_page, section)
    protect_with_password(section)

    header, footer = menu_titles(client.get("/"))

    assert "Team" not in header and "Rota for March" not in header
    assert "Team" not in footer


def test_private_and_expired_pages_are_in_no_listing_search_or_sitemap(
    client, home_page
):
    shown = StandardPageFactory(parent=home_page, title="Parking help")
    protected = StandardPageFactory(parent=home_page, title="Parking staff only")
    protect_with_password(protected)
    below = StandardPageFactory(parent=protected, title="Parking rota")
    # Expired a minute ago; the scheduler has not unpublished it yet.
    expired = StandardPageFactory(
        parent=home_page,
        title="Parking offer",
        expire_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    public_ids = set(public_pages().values_list("pk", flat=True))
    search = client.get("/search/", {"q": "parking"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert shown.pk in public_ids
    for page in (protected, below, expired):
        assert page.pk not in public_ids
        assert page.title not in search
        assert page.url not in sitemap
    assert "Parking help" in search
    assert "http://testserver" + shown.url in sitemap


def test_featured_cards_show_only_public_pages_of_this_site(client, home_page):
    shown = StandardPageFactory(parent=home_page, title="First visit guide")
    protected = StandardPageFactory(parent=home_page, title="Board minutes")
    protect_with_password(protected)
    other_home = HomePageFactory(parent=root_page(), title="Other group", slug="b")
    Site.objects.create(hostname="other.example", root_page=other_home)
    elsewhere = StandardPageFactory(parent=other_home, title="Other group news")
    for number, page in enumerate((shown, protected, elsewhere)):
        HomePageFeaturedPage.objects.create(
            home_page=home_page, featured_page=page, sort_order=number
        )

    html = client.get("/").content.decode()

    assert "First visit guide" in html
    assert "Board minutes" not in html
    assert "Other group news" not in html


@pytest.fixture
def two_sites(home_page):
    """Site A (testserver) with a clinic and the form; site B with its own clinic."""
    index_a = LocationIndexPageFactory(parent=home_page)
    austin = make_location(index_a, title="Austin Clinic", slug="austin")
    form_page = make_consultation_page(home_page)
    home_b = HomePageFactory(parent=root_page(), title="Site B", slug="site-b")
    Site.objects.create(hostname="b.example", root_page=home_b)
    index_b = LocationIndexPageFactory(parent=home_b)
    denver = make_location(index_b, title="Denver Clinic", slug="denver")
    return austin, denver, form_page


def test_a_form_offers_only_its_own_sites_locations(client, two_sites):
    austin, denver, _ = two_sites

    page = soup(client.get(FORM_PATH))

    options = [
        option.text
        for option in page.find("select", attrs={"name": "location"})("option")
    ]
    assert options == ["Choose a location", "Austin Clinic"]
    preselect = soup(client.get(FORM_PATH, {"location": "denver"}))
    assert not preselect.select(
        "select[name=location] option[selected][value]:not([value=''])"
    )


def test_a_form_refuses_another_sites_location(client, two_sites):
    austin, denver, form_page = two_sites

    response = client.post(FORM_PATH, form_data(form_page, denver))

    assert response.status_code == 200
    assert field_errors(response, "location") == [
        "Choose one of the locations in the list."
    ]
    assert ConsultationRequest.objects.count() == 0
    assert client.post(FORM_PATH, form_data(form_page, austin)).status_code == 303
    assert ConsultationRequest.objects.get().location_id == austin.pk


def test_public_pages_can_be_limited_to_one_site(two_sites):
    austin, denver, _ = two_sites
    site_a = Site.objects.get(hostname="testserver")

    on_a = public_pages(Page.objects.all(), site_a)

    assert on_a.filter(pk=austin.pk).exists()
    assert not on_a.filter(pk=denver.pk).exists()
