"""Security headers: a Content-Security-Policy with no inline script on every public
page (cached or not, error pages included), a policy of its own for Wagtail's
admin, a Permissions-Policy, and `Cache-Control: private, no-store` on the
consultation form and every answer to it."""

import pytest
from django.test import Client

from locations.models import ConsultationFormPage, LocationPage
from tests.factories import make_user
from tests.helpers import DEMO_HOST, DEMO_PAGE_OF_EACH_TYPE, soup
from tests.locations.conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HOST = DEMO_HOST
PUBLIC_PAGES = [*DEMO_PAGE_OF_EACH_TYPE, "/search/?q=ketamine", "/no-such-page/"]
FORM_PATH = "/request-a-consultation/"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part)
    }


def test_every_public_page_forbids_inline_script(client, demo_site):
    for path in PUBLIC_PAGES:
        response = client.get(path, HTTP_HOST=HOST)
        policy = directives(response)

        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["frame-ancestors"] == ["'none'"], path
        assert "nonce" not in response["Content-Security-Policy"], path


def test_public_pages_carry_nothing_the_policy_would_block(client, demo_site):
    """What the policy forbids is not in the pages: every script is a file of this
    site or JSON-LD (data, not run), no inline style or event handler."""
    for path in PUBLIC_PAGES:
        page = soup(client.get(path, HTTP_HOST=HOST))

        for script in page.find_all("script"):
            is_file = script.get("src", "").startswith("/static/")
            assert is_file or script.get("type") == "application/ld+json", path
        assert page.find_all("style") == [], path
        for element in page.find_all(True):
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert handlers == [] and "style" not in element.attrs, (path, element)


def test_pages_from_the_page_cache_carry_the_same_policy(client, demo_site, settings):
    settings.WAGTAIL_CACHE = True
    first = client.get("/learn/", HTTP_HOST=HOST)
    hit = client.get("/learn/", HTTP_HOST=HOST)

    assert hit["X-Wagtail-Cache"] == "hit"
    assert hit["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_error_pages_carry_the_policy(home_page):
    from unittest import mock

    from django.db import OperationalError

    client = Client(raise_request_exception=False)
    with mock.patch(
        "home.views.Site.find_for_request", side_effect=OperationalError("gone")
    ):
        response = client.get("/search/?q=x")

    assert response.status_code == 503
    assert directives(response)["script-src"] == ["'self'"]


def test_permissions_policy_refuses_what_the_site_never_uses(client, home_page):
    response = client.get("/")

    policy = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()"


def test_the_admin_has_its_own_policy(client, home_page):
    client.force_login(make_user("marketer", groups=["Marketing editors"]))

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_a_page_preview_may_be_shown_in_the_admin_s_frame(client, home_page):
    """Wagtail renders previews with a stand-in request for the page's public
    address; its answer is shown in a frame of the editor, so it carries the
    admin's policy, not the public one (frame-ancestors 'none')."""
    client.force_login(make_user("marketer", groups=["Marketing editors"]))

    response = client.get(f"/admin/pages/{home_page.pk}/view_draft/")

    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'self'"]


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_the_consultation_form_and_its_answers_are_never_stored(client, demo_site):
    page = ConsultationFormPage.objects.get(slug="request-a-consultation")
    location = LocationPage.objects.get(slug="round-rock")

    shown = client.get(FORM_PATH, HTTP_HOST=HOST)
    invalid = client.post(
        FORM_PATH, form_data(page, location, email="no"), HTTP_HOST=HOST
    )
    sent = client.post(FORM_PATH, form_data(page, location), HTTP_HOST=HOST)

    for response in (shown, invalid, sent):
        assert {"private", "no-store"} <= cache_control(response), response
    assert invalid.status_code == 200
    assert sent.status_code in (200, 303)
