"""Builders for test data: small factories, one per model, with sane defaults."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage
from home.models import HomePage, StandardPage
from locations.models import LocationIndexPage
from providers.models import ProviderIndexPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Test image {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Care close to home"
    intro = "A welcoming introduction for the home page."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short lead paragraph for this page."

    class Meta:
        model = StandardPage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Learn"
    slug = "learn"

    class Meta:
        model = ArticleIndexPage


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = LocationIndexPage


class ProviderIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our providers"
    slug = "providers"

    class Meta:
        model = ProviderIndexPage


def root_page():
    """The tree's root, recreated when a transactional test has flushed it."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def make_site(**home_kwargs):
    """A default site for http://testserver whose root is a fresh HomePage."""
    root = root_page()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Test Clinic Group",
    )
    return home
