"""The full-page cache: anonymous visitors get pages from the cache, and never a page
that is out of date, that belongs to someone else, or that an editor is working on."""

import gzip

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtailmenus.models import FlatMenu, FlatMenuItem

from home.models import ClinicSettings
from tests.factories import (
    ImageFactory,
    LocationIndexPageFactory,
    StandardPageFactory,
    TreatmentFactory,
    make_consultation_page,
    make_location,
    make_user,
)

pytestmark = pytest.mark.django_db

CACHE_STATUS = "X-Wagtail-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The full-page cache as production runs it (the test settings turn it off)."""
    settings.WAGTAIL_CACHE = True


@pytest.fixture
def about(home_page):
    return StandardPageFactory(
        parent=home_page, title="About us", slug="about", intro="We listen first."
    )


def visit(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status
    return response


def text(response):
    return response.content.decode()


def test_second_visit_is_served_from_the_cache_without_queries(
    client, about, django_assert_num_queries
):
    assert visit(client, about.url)[CACHE_STATUS] == "miss"

    with django_assert_num_queries(0):
        response = visit(client, about.url)

    assert response[CACHE_STATUS] == "hit"
    assert "We listen first." in text(response)


def test_browsers_are_told_to_check_back_rather_than_keep_a_cached_page(client, about):
    for _ in range(2):  # the miss that stores it, and the hit
        response = visit(client, about.url)
        assert response["Cache-Control"] == "no-cache"
        assert not response.has_header("Expires")


def test_cached_pages_set_no_cookie_and_do_not_vary_on_cookies(about):
    first, second = Client(), Client()
    first.cookies["_ga"] = "GA1.1.tracker"  # analytics cookies do not split the cache

    assert visit(first, about.url)[CACHE_STATUS] == "miss"
    response = visit(second, about.url)

    assert response[CACHE_STATUS] == "hit"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_html_is_compressed_for_browsers_that_accept_it(client, about):
    for _ in range(2):
        response = client.get(about.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip"
        assert "We listen first." in gzip.decompress(response.content).decode()
    plain = visit(client, about.url)
    assert "Content-Encoding" not in plain
    assert "We listen first." in text(plain)


def test_publishing_a_change_shows_it_at_once(client, about):
    visit(client, about.url)
    about.intro = "We listen first, and we call back the same day."
    about.save_revision().publish()

    response = visit(client, about.url)

    assert response[CACHE_STATUS] == "miss"
    assert "we call back the same day" in text(response)


def test_a_marketing_editor_publishing_in_the_admin_reaches_visitors_at_once(
    client, about, home_page
):
    editor = make_user("marketing", groups=["Marketing editors"])
    GroupPagePermission.objects.get_or_create(
        group=editor.groups.get(),
        page=home_page,
        permission=Permission.objects.get(codename="publish_page"),
    )
    editor_client = Client()
    editor_client.force_login(editor)
    assert "We listen first." in text(visit(client, about.url))
    data = nested_form_data(
        {
            "title": "About the clinics",
            "slug": "about",
            "intro": "Renamed by marketing.",
            "body": streamfield([("paragraph", rich_text("<p>Hello.</p>"))]),
            "action-publish": "action-publish",
        }
    )

    response = editor_client.post(f"/admin/pages/{about.pk}/edit/", data)

    assert response.status_code == 302
    assert "Renamed by marketing." in text(visit(client, about.url))


def test_unpublished_and_deleted_pages_leave_the_cache(client, about, home_page):
    other = StandardPageFactory(parent=home_page, title="Team", slug="team")
    visit(client, about.url)
    visit(client, other.url)

    about.unpublish()
    other.delete()

    visit(client, "/about/", status=404)
    visit(client, "/team/", status=404)


def test_a_moved_page_is_no_longer_served_at_its_old_address(client, about, home_page):
    section = StandardPageFactory(parent=home_page, title="Clinic", slug="clinic")
    visit(client, "/about/")

    about.move(section, pos="last-child")

    # Wagtail leaves a redirect behind for a moved page.
    assert visit(client, "/about/", status=301)["Location"] == "/clinic/about/"
    assert "We listen first." in text(visit(client, "/clinic/about/"))


def test_menus_settings_snippets_images_and_redirects_purge_every_page(
    client, about, home_page
):
    footer = FlatMenu.objects.create(site=about.get_site(), handle="footer", title="F")
    team = StandardPageFactory(parent=home_page, title="Team", show_in_menus=True)
    visit(client, about.url)

    FlatMenuItem.objects.create(menu=footer, link_page=team, link_text="Our team")
    assert ">Our team<" in text(visit(client, about.url))

    clinic = ClinicSettings.for_site(about.get_site())
    clinic.group_name = "Riverside Minds"
    clinic.save()
    assert "Riverside Minds" in text(visit(client, about.url))

    image = ImageFactory(title="Reception", description="The reception desk")
    about.hero_image = image
    about.save_revision().publish()
    visit(client, about.url)
    image.description = "Our bright reception desk"
    image.save()
    assert "Our bright reception desk" in text(visit(client, about.url))

    visit(client, "/old-about/", status=404)
    Redirect.objects.create(old_path="/old-about", redirect_page=about)
    assert visit(client, "/old-about/", status=301)["Location"].endswith("/about/")


def test_a_renamed_treatment_reaches_the_location_pages(client, home_page):
    treatment = TreatmentFactory(name="Ketamine therapy")
    location = make_location(LocationIndexPageFactory(parent=home_page))
    location.services.add(treatment)
    location.save_revision().publish()
    assert "Ketamine therapy" in text(visit(client, location.url))

    treatment.name = "Ketamine-assisted psychotherapy"
    treatment.save()

    assert "Ketamine-assisted psychotherapy" in text(visit(client, location.url))


def test_signed_in_editors_are_never_served_from_nor_stored_in_the_cache(
    client, admin_client, about
):
    visit(client, about.url)  # cached for visitors

    response = visit(admin_client, about.url)

    assert response[CACHE_STATUS] == "skip"
    assert "wagtail-userbar" in text(response)  # the editor's own page
    assert "wagtail-userbar" not in text(visit(client, about.url))


def test_previews_never_reach_the_cache(client, admin_client, about):
    visit(client, about.url)
    data = nested_form_data(
        {
            "title": "About us",
            "slug": "about",
            "intro": "An unpublished draft intro.",
            "body": streamfield([]),
        }
    )
    url = f"/admin/pages/{about.pk}/edit/preview/"
    assert admin_client.post(url, data).json()["is_valid"]

    assert "An unpublished draft intro." in text(admin_client.get(url))
    assert "An unpublished draft intro." not in text(visit(client, about.url))


def test_the_consultation_form_is_never_cached_nor_shares_its_token(home_page):
    page = make_consultation_page(home_page)
    first, second = Client(), Client()

    one, two = visit(first, page.url), visit(second, page.url)

    for response in (one, two):
        assert response[CACHE_STATUS] == "skip"
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


@pytest.mark.immediate_tasks  # the page must be in the search index at once
def test_search_results_for_a_query_are_not_cached(client, about):
    for _ in range(2):
        response = client.get("/search/", {"q": "listen"})
        assert response[CACHE_STATUS] == "skip"
        assert "About us" in text(response)
    visit(client, "/search/")
    assert visit(client, "/search/")[CACHE_STATUS] == "hit"  # the empty search form


def test_health_checks_and_the_admin_never_touch_the_page_cache(client):
    assert client.get("/healthz/")[CACHE_STATUS] == "skip"
    assert client.get("/admin/login/")[CACHE_STATUS] == "skip"


def test_the_admin_clear_cache_button_purges_pages_without_flushing_the_cache(
    client, about
):
    from django.core.cache import cache

    cache.set("someone-elses-key", "kept")
    visit(client, about.url)

    from wagtailcache.cache import clear_cache

    clear_cache()

    assert visit(client, about.url)[CACHE_STATUS] == "miss"
    assert cache.get("someone-elses-key") == "kept"


def test_pages_behind_a_password_are_never_cached(client, about):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    form = visit(client, about.url)
    assert form[CACHE_STATUS] == "skip"  # the password form, with a CSRF token
    action = f"/_util/authenticate_with_password/{about.get_view_restrictions()[0].pk}"
    client.post(
        f"{action}/{about.pk}/", {"password": "s3cret", "return_url": about.url}
    )

    unlocked = visit(client, about.url)

    assert "We listen first." in text(unlocked)
    assert unlocked[CACHE_STATUS] == "skip"
    assert "We listen first." not in text(visit(Client(), about.url))
