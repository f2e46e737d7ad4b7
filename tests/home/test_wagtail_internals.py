"""The private Wagtail behaviour that home/wagtail_internals.py relies on. A failure
here after an upgrade means: re-check that module against the new version."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from home.models import ClinicSettings
from home.wagtail_internals import bind_setting_to_request, remember_parent
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_remembered_parent_costs_no_query(home_page, django_assert_num_queries):
    child = StandardPageFactory(parent=home_page)
    fresh_child = Page.objects.get(pk=child.pk)

    remember_parent(fresh_child, home_page)

    with django_assert_num_queries(0):
        assert fresh_child.get_parent() is home_page


def test_wagtail_routing_still_remembers_the_parent_the_same_way(home_page):
    child = StandardPageFactory(parent=home_page)
    request = RequestFactory().get(child.url)

    routed = home_page.route(request, [child.slug]).page

    assert vars(routed).get("_cached_parent_obj") == home_page


def test_a_bound_setting_is_what_for_request_returns(
    home_page, django_assert_num_queries
):
    request = RequestFactory().get("/")
    setting = ClinicSettings.for_site(home_page.get_site())

    bind_setting_to_request(setting, request)

    with django_assert_num_queries(0):
        assert ClinicSettings.for_request(request) is setting


def test_for_request_still_keeps_the_request_where_the_wrapper_puts_it(home_page):
    request = RequestFactory().get("/")

    setting = ClinicSettings.for_request(request)

    assert vars(setting).get("_request") is request
    assert getattr(request, ClinicSettings.get_cache_attr_name()) is setting


def test_wagtail_uses_a_handed_route_without_queries(
    home_page, django_assert_num_queries
):
    from wagtail.models import Site

    from home.wagtail_internals import use_route

    child = StandardPageFactory(parent=home_page)
    site = Site.objects.get()
    route = home_page.route(RequestFactory().get(child.url), [child.slug])
    request = RequestFactory().get(child.url)

    use_route(request, site, route)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
        assert Page.route_for_request(request, child.url) is route


def test_wagtail_does_not_write_back_renditions_marked_as_from_the_cache(monkeypatch):
    from wagtail.images import get_image_model

    from home.factories import ImageFactory
    from home.wagtail_internals import mark_rendition_from_cache

    image = ImageFactory()
    image.get_renditions("fill-20x20")  # made and cached
    Rendition = get_image_model().get_rendition_model()
    written = []
    monkeypatch.setattr(
        Rendition.cache_backend, "set_many", lambda data, *a, **k: written.append(data)
    )
    fresh = get_image_model().objects.get(pk=image.pk)
    monkeypatch.setattr(
        Rendition.cache_backend,
        "get_many",
        lambda keys, *a, **k: {
            key: mark_rendition_from_cache(r)
            for key, r in zip(keys, fresh.renditions.all(), strict=False)
        },
    )

    fresh.get_renditions("fill-20x20")

    assert written == []


def test_menus_find_the_section_root_of_a_routed_page_without_queries(
    home_page, django_assert_num_queries
):
    from wagtailmenus import wagtail_hooks as menus_hooks
    from wagtailmenus.utils.misc import derive_section_root

    from tests.factories import LocationIndexPageFactory, make_location

    index = LocationIndexPageFactory(parent=home_page)
    location = make_location(index)
    root = Page.objects.get(depth=1)
    request = RequestFactory().get(location.url)
    routed = root.specific.route(
        request, [home_page.slug, index.slug, location.slug]
    ).page
    expected = derive_section_root(Page.objects.get(pk=location.pk))

    with django_assert_num_queries(0):
        found = menus_hooks.derive_section_root(routed)

    assert found == expected == index
    assert menus_hooks.derive_section_root(Page.objects.get(pk=location.pk)) == index
