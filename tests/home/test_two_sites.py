"""Two sites in one installation: what is per site stays on its own site (settings,
menus, sitemap, robots.txt, canonical URLs, search), through every cache."""

import pytest
from wagtail.models import Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem
from wagtailseo.models import SeoSettings

from home.models import ClinicSettings
from tests.factories import StandardPageFactory
from tests.helpers import json_ld_of_type, sitemap_urls, soup, visible_text

pytestmark = pytest.mark.django_db


def get(client, two_sites, path, sister=False):
    host = two_sites.sister_host if sister else "testserver"
    return client.get(path, HTTP_HOST=host)


def set_clinic_settings(site, **values):
    setting = ClinicSettings.for_site(site)
    for name, value in values.items():
        setattr(setting, name, value)
    setting.save()


def test_each_site_serves_its_own_home_page_at_the_same_path(client, two_sites):
    two_sites.sister_home.hero_heading = "The sister clinic's welcome"
    two_sites.sister_home.save_revision().publish()

    # Twice each: the second answers come from the route and full-page caches.
    for _ in range(2):
        main = visible_text(get(client, two_sites, "/"))
        sister = visible_text(get(client, two_sites, "/", sister=True))
        assert "Care close to home" in main
        assert "The sister clinic's welcome" not in main
        assert "The sister clinic's welcome" in sister


def test_a_page_is_found_only_on_its_own_site(client, two_sites):
    StandardPageFactory(parent=two_sites.sister_home, title="Sister only", slug="only")

    assert get(client, two_sites, "/only/", sister=True).status_code == 200
    assert get(client, two_sites, "/only/").status_code == 404


def test_clinic_settings_are_per_site(client, two_sites):
    set_clinic_settings(two_sites.site, group_name="Riverbend Mind Health")
    set_clinic_settings(
        two_sites.sister_site,
        group_name="Lakeside Ketamine Center",
        crisis_banner_enabled=False,
    )
    StandardPageFactory(parent=two_sites.home, title="About", slug="about")
    StandardPageFactory(parent=two_sites.sister_home, title="About", slug="about")

    for _ in range(2):  # the second time from the settings and fragment caches
        main = get(client, two_sites, "/about/")
        sister = get(client, two_sites, "/about/", sister=True)
        assert soup(main).find(class_="brand").string == "Riverbend Mind Health"
        assert soup(sister).find(class_="brand").string == "Lakeside Ketamine Center"
        assert soup(main).title.string == "About | Test Clinic Group"
        assert soup(sister).title.string == "About | Sister Clinic"
        assert soup(main).find(class_="crisis-banner")
        assert not soup(sister).find(class_="crisis-banner")
        assert "Riverbend" not in sister.content.decode()


def test_seo_settings_are_per_site(client, two_sites):
    for site, name in (
        (two_sites.site, "Riverbend Mind Health"),
        (two_sites.sister_site, "Lakeside Ketamine Center"),
    ):
        seo = SeoSettings.for_site(site)
        seo.struct_org_type = "MedicalOrganization"
        seo.struct_org_name = name
        seo.save()

    main = json_ld_of_type(get(client, two_sites, "/"), "MedicalOrganization")
    sister = json_ld_of_type(
        get(client, two_sites, "/", sister=True), "MedicalOrganization"
    )

    assert main["name"] == "Riverbend Mind Health"
    assert sister["name"] == "Lakeside Ketamine Center"


def test_main_and_footer_menus_are_per_site(client, two_sites):
    for home, site, title in (
        (two_sites.home, two_sites.site, "Main services"),
        (two_sites.sister_home, two_sites.sister_site, "Sister services"),
    ):
        page = StandardPageFactory(parent=home, title=title, show_in_menus=True)
        MainMenuItem.objects.create(
            menu=MainMenu.get_for_site(site), link_page=page, sort_order=1
        )
        footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
        FlatMenuItem.objects.create(
            menu=footer, link_page=page, link_text=f"{title} (footer)", sort_order=1
        )

    for _ in range(2):  # menus are kept in fragment caches
        main = soup(get(client, two_sites, "/"))
        sister = soup(get(client, two_sites, "/", sister=True))
        assert main.find("nav", class_="main-nav").get_text().split() == [
            "Menu",
            "Main",
            "services",
        ]
        assert "Sister services" in sister.find("nav", class_="main-nav").get_text()
        assert "Main services" not in sister.find("nav", class_="main-nav").get_text()
        assert "Main services (footer)" in main.find("footer").get_text()
        assert "Sister services (footer)" in sister.find("footer").get_text()
        assert "Main services" not in sister.find("footer").get_text()


def test_the_sitemap_lists_only_this_sites_pages_under_its_own_host(client, two_sites):
    StandardPageFactory(parent=two_sites.home, title="Main page", slug="main-page")
    StandardPageFactory(
        parent=two_sites.sister_home, title="Sister page", slug="sister-page"
    )

    main = sitemap_urls(client, HTTP_HOST="testserver")
    sister = sitemap_urls(client, HTTP_HOST=two_sites.sister_host)

    assert "http://testserver/main-page/" in main
    assert not any("sister-page" in url for url in main)
    assert f"http://{two_sites.sister_host}/sister-page/" in sister
    assert not any("main-page" in url or "testserver" in url for url in sister)


def test_robots_txt_names_this_sites_sitemap(client, two_sites):
    main = get(client, two_sites, "/robots.txt").content.decode()
    sister = get(client, two_sites, "/robots.txt", sister=True).content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in main.splitlines()
    assert f"Sitemap: http://{two_sites.sister_host}/sitemap.xml" in sister.splitlines()


def test_canonical_urls_name_the_pages_own_site(client, two_sites):
    StandardPageFactory(parent=two_sites.home, title="About", slug="about")
    StandardPageFactory(parent=two_sites.sister_home, title="About", slug="about")

    for _ in range(2):
        main = soup(get(client, two_sites, "/about/"))
        sister = soup(get(client, two_sites, "/about/", sister=True))
        assert main.find("link", rel="canonical")["href"] == "http://testserver/about/"
        assert (
            sister.find("link", rel="canonical")["href"]
            == f"http://{two_sites.sister_host}/about/"
        )


def test_one_tree_under_two_hostnames_shows_each_hosts_settings(client, two_sites):
    """A site that answers on a second hostname (a second Site record for the same
    pages) with settings of its own: what is cached for one host is not shown on the
    other."""
    alias = Site.objects.get(pk=two_sites.sister_site.pk)
    alias.root_page = two_sites.home
    alias.save()
    set_clinic_settings(two_sites.site, group_name="Riverbend Mind Health")
    set_clinic_settings(alias, group_name="Riverbend Ketamine")
    for site, name in (
        (two_sites.site, "Riverbend Mind Health"),
        (alias, "Riverbend Ketamine"),
    ):
        seo = SeoSettings.for_site(site)
        seo.struct_org_type = "MedicalOrganization"
        seo.struct_org_name = name
        seo.save()
    StandardPageFactory(parent=two_sites.home, title="About", slug="about")

    for _ in range(2):
        main = get(client, two_sites, "/about/")
        other = get(client, two_sites, "/about/", sister=True)
        assert json_ld_of_type(main, "MedicalOrganization")["name"] == (
            "Riverbend Mind Health"
        )

    assert soup(other).find(class_="brand").string == "Riverbend Ketamine"
    assert soup(other).title.string == "About | Sister Clinic"
    assert json_ld_of_type(other, "MedicalOrganization")["name"] == (
        "Riverbend Ketamine"
    )
    assert soup(main).title.string == "About | Test Clinic Group"


@pytest.mark.immediate_tasks  # Wagtail updates its search index in a task
def test_search_finds_only_this_sites_pages(client, two_sites):
    StandardPageFactory(parent=two_sites.home, title="Ketamine at the main clinic")
    StandardPageFactory(
        parent=two_sites.sister_home, title="Ketamine at the sister clinic"
    )

    main = visible_text(get(client, two_sites, "/search/?q=ketamine"))
    sister = visible_text(get(client, two_sites, "/search/?q=ketamine", sister=True))

    assert "Ketamine at the main clinic" in main
    assert "Ketamine at the sister clinic" not in main
    assert "Ketamine at the sister clinic" in sister
    assert "Ketamine at the main clinic" not in sister
