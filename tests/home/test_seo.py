import pytest
from wagtailseo.models import SeoSettings

from tests.factories import ImageFactory, StandardPageFactory
from tests.helpers import json_ld, json_ld_of_type, meta, soup

pytestmark = pytest.mark.django_db


def test_page_has_title_description_canonical_and_open_graph(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="About us", intro="Who we are and how we work."
    )

    response = client.get(page.url)
    html = soup(response)

    assert html.title.string == "About us | Test Clinic Group"
    assert meta(response, "description") == "Who we are and how we work."
    assert html.find("link", rel="canonical")["href"] == "http://testserver/about-us/"
    assert meta(response, "og:title") == "About us | Test Clinic Group"
    assert meta(response, "og:url") == "http://testserver/about-us/"


def test_search_description_wins_over_intro(client, home_page):
    page = StandardPageFactory(
        parent=home_page, intro="Intro text.", search_description="Written for Google."
    )

    assert meta(client.get(page.url), "description") == "Written for Google."


def test_og_image_is_present_only_when_the_page_has_an_image(client, home_page):
    with_image = StandardPageFactory(parent=home_page, hero_image=ImageFactory())
    without_image = StandardPageFactory(parent=home_page)

    image_url = meta(client.get(with_image.url), "og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert "fill-1200x630" in image_url
    assert meta(client.get(without_image.url), "og:image") is None


def test_default_preview_image_from_seo_settings_is_used(client, home_page):
    seo = SeoSettings.for_site(home_page.get_site())
    seo.og_image_default = ImageFactory()
    seo.save()
    page = StandardPageFactory(parent=home_page)

    assert meta(client.get(page.url), "og:image")


def test_organisation_json_ld_renders_from_seo_settings(client, home_page):
    seo = SeoSettings.for_site(home_page.get_site())
    seo.struct_org_type = "MedicalOrganization"
    seo.struct_org_name = "Test Clinic Group"
    seo.struct_org_phone = "+1-512-555-0100"
    seo.save()

    org = json_ld_of_type(client.get("/"), "MedicalOrganization")

    assert org["name"] == "Test Clinic Group"
    assert org["url"] == "http://testserver/"
    assert org["@id"] == "http://testserver/#organization"
    assert org["telephone"] == "+1-512-555-0100"


def test_json_ld_cannot_break_out_of_its_script_element(client, home_page):
    seo = SeoSettings.for_site(home_page.get_site())
    seo.struct_org_type = "MedicalOrganization"
    seo.struct_org_name = "Evil </script><script>alert(1)</script> & Co"
    seo.save()

    response = client.get("/")

    assert "</script><script>alert(1)" not in response.content.decode()
    org = json_ld_of_type(response, "MedicalOrganization")
    assert org["name"] == "Evil </script><script>alert(1)</script> & Co"


def test_broken_extra_organisation_json_does_not_break_the_site(client, home_page):
    seo = SeoSettings.for_site(home_page.get_site())
    seo.struct_org_type = "MedicalOrganization"
    seo.struct_org_extra_json = "{not json"
    seo.save()

    response = client.get("/")

    assert response.status_code == 200
    assert json_ld_of_type(response, "MedicalOrganization")


def test_faq_blocks_emit_faqpage_json_ld(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        body=[
            (
                "faq",
                {
                    "heading": "",
                    "items": [
                        {"question": "Is parking free?", "answer": "<p>Yes.</p>"},
                        {"question": "Do you take walk-ins?", "answer": "<p>No.</p>"},
                    ],
                },
            )
        ],
    )

    faq = json_ld_of_type(client.get(page.url), "FAQPage")

    assert [q["name"] for q in faq["mainEntity"]] == [
        "Is parking free?",
        "Do you take walk-ins?",
    ]
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>Yes.</p>"


def test_pages_without_faq_have_no_faqpage(client, home_page):
    page = StandardPageFactory(parent=home_page)

    assert all(d.get("@type") != "FAQPage" for d in json_ld(client.get(page.url)))
