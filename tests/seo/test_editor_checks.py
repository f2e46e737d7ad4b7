"""The editor's "Checks" panel: Wagtail's content checker (axe) gets a rule per SEO
problem, and the preview of the edited page carries the problems it finds."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from seo.editing import EDITOR_PROBLEMS, SeoContentCheckerItem
from tests.factories import ImageFactory, StandardPageFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    return client.get(url)


def markers(response):
    return {
        tag["data-seo-problem"]: tag.get_text()
        for tag in soup(response).select("[data-seo-problem]")
    }


def test_the_checks_panel_runs_a_rule_for_every_seo_problem(
    client, home_page, marketing_editor
):
    page = StandardPageFactory(parent=home_page, title="About our clinics")
    client.force_login(marketing_editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    config = json.loads(
        soup(response).find("script", id="checker-axe-configuration").string
    )
    rules = {rule["id"] for rule in config["spec"]["rules"]}
    for code in EDITOR_PROBLEMS:
        assert f"seo-{code}" in rules and f"seo-{code}" in config["options"]["runOnly"]
        assert config["messages"][f"seo-{code}"]["help_text"]
    assert {"heading-order", "image-alt", "page-has-heading-one", "seo-single-h1"} <= (
        set(config["options"]["runOnly"])
    )
    assert "seo/content-metrics.js" in response.content.decode()


def test_the_preview_of_a_bad_page_carries_its_problems(
    client, home_page, marketing_editor
):
    page = StandardPageFactory(parent=home_page, title="About our clinics")
    client.force_login(marketing_editor)

    response = preview(
        client,
        page,
        nested_form_data(
            {
                "title": "About us and everything we do, in far too many words here",
                "slug": page.slug,
                "intro": "",
                "search_description": "",
                "body": streamfield([("paragraph", rich_text("<p>Hello.</p>"))]),
            }
        ),
    )

    found = markers(response)
    assert found["title-too-long"] == "Title too long (77 characters)"  # with " | site"
    assert "description-missing" in found
    assert "social-image-missing" in found
    assert soup(response).select_one(".seo-findings")["hidden"] == ""


def test_a_well_made_page_and_the_live_site_carry_no_markers(
    client, home_page, marketing_editor
):
    page = StandardPageFactory(
        parent=home_page,
        title="About our clinics and our team",
        search_description="Who we are and how we work together.",
        hero_image=ImageFactory(),
    )
    client.force_login(marketing_editor)

    preview_response = preview(
        client,
        page,
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": page.intro,
                "search_description": page.search_description,
                "hero_image": page.hero_image_id,
                "body": streamfield([]),
            }
        ),
    )
    client.logout()

    assert markers(preview_response) == {}
    assert markers(client.get(page.url)) == {}


def test_the_checker_replaces_wagtails_in_the_userbar(client, home_page, admin_user):
    client.force_login(admin_user)

    from wagtail.admin.userbar import ContentCheckerItem

    from seo.editing import use_seo_checks

    items = [ContentCheckerItem(in_editor=True)]
    use_seo_checks(None, items, home_page)

    assert isinstance(items[0], SeoContentCheckerItem) and items[0].in_editor
