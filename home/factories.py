"""Builders of the foundation's models with sane defaults, shared by the tests and the
demo content (`Factory.build(...)` gives an unsaved page to place in the tree)."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage, Treatment


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


class TreatmentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Treatment {n}")

    class Meta:
        model = Treatment
