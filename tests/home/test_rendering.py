import pytest

from home.models import HomePageFeaturedPage
from tests.factories import (
    ArticleIndexPageFactory,
    ImageFactory,
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    StandardPageFactory,
)
from tests.helpers import meta

pytestmark = pytest.mark.django_db


def test_home_page_renders_hero_and_featured_pages(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", intro="Who we are.")
    HomePageFeaturedPage.objects.create(home_page=home_page, featured_page=about)
    home_page.cta_page = StandardPageFactory(parent=home_page, title="Consultation")
    home_page.save()

    response = client.get("/")

    assert response.status_code == 200
    assert "home/home_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1" in html and "Care close to home" in html
    assert 'href="/about-us/"' in html
    assert "Who we are." in html
    assert "Request a consultation" in html


def test_unpublished_featured_pages_are_not_shown(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Secret plans", live=False)
    HomePageFeaturedPage.objects.create(home_page=home_page, featured_page=draft)

    html = client.get("/").content.decode()

    assert "Secret plans" not in html


def test_standard_page_renders_body_blocks(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Frequently asked questions",
        body=[
            ("heading", {"text": "Getting started", "level": "h2"}),
            ("paragraph", "<p>Call us to book.</p>"),
            ("quote", {"quote": "Kind and clear.", "attribution": "A patient"}),
            (
                "callout",
                {
                    "tone": "safety",
                    "heading": "Safety first",
                    "text": "<p>Be safe.</p>",
                },
            ),
            (
                "faq",
                {
                    "heading": "Questions",
                    "items": [
                        {"question": "Is parking free?", "answer": "<p>Yes.</p>"}
                    ],
                },
            ),
            (
                "call_to_action",
                {"label": "Read more", "page": None, "url": "https://example.org/"},
            ),
        ],
    )

    response = client.get(page.url)

    assert "home/standard_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    for text in (
        "<h2>Getting started</h2>",
        "Call us to book.",
        "Kind and clear.",
        "Safety first",
        "<summary>Is parking free?</summary>",
        'href="https://example.org/"',
    ):
        assert text in html


def test_figure_block_uses_the_images_own_alt_text_and_webp(client, home_page):
    image = ImageFactory(description="Sunlit waiting room with armchairs")
    page = StandardPageFactory(
        parent=home_page,
        body=[
            (
                "figure",
                {
                    "image": image,
                    "caption": "Our Austin clinic",
                },
            )
        ],
    )

    html = client.get(page.url).content.decode()

    assert 'alt="Sunlit waiting room with armchairs"' in html
    assert 'type="image/webp"' in html
    assert "<figcaption>Our Austin clinic</figcaption>" in html


@pytest.mark.parametrize(
    ("factory", "template"),
    [
        (ArticleIndexPageFactory, "articles/article_index_page.html"),
        (LocationIndexPageFactory, "locations/location_index_page.html"),
        (ProviderIndexPageFactory, "providers/provider_index_page.html"),
    ],
)
def test_index_pages_render_with_their_templates(client, home_page, factory, template):
    page = factory(parent=home_page)

    response = client.get(page.url)

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]


def test_menus_crisis_banner_and_skip_link_are_on_every_page(client, home_page):
    from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

    about = StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    team = StandardPageFactory(parent=about, title="Our team", show_in_menus=True)
    site = home_page.get_site()
    MainMenuItem.objects.create(
        menu=MainMenu.get_for_site(site), link_page=about, allow_subnav=True
    )
    footer = FlatMenu.objects.create(site=site, handle="footer", title="Footer")
    FlatMenuItem.objects.create(menu=footer, link_page=about)

    html = client.get(team.url).content.decode()

    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'aria-label="Crisis support"' in html
    assert 'href="tel:988"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert f'aria-controls="submenu-{about.pk}"' in html
    assert f'<ul class="submenu" id="submenu-{about.pk}">' in html
    assert f'<a href="{team.url}" aria-current="page">Our team</a>' in html
    assert '<nav class="footer-nav" aria-label="Footer">' in html


def test_crisis_banner_can_be_turned_off(client, home_page):
    from home.models import ClinicSettings

    clinic = ClinicSettings.for_site(home_page.get_site())
    clinic.crisis_banner_enabled = False
    clinic.save()

    assert "Crisis support" not in client.get("/").content.decode()


def test_404_page_is_in_the_sites_look(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert 'aria-label="Crisis support"' in html
    assert 'name="robots" content="noindex"' in html
    assert meta(response, "description").startswith("This page of ")


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert 'href="tel:988"' in html
