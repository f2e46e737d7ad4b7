"""Builders of providers and their vocabularies, shared by the tests and the demo
content."""

import factory
import wagtail_factories

from providers.models import (
    Condition,
    ProviderEducation,
    ProviderIndexPage,
    ProviderPage,
    Specialty,
)


class ProviderIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our providers"
    slug = "providers"

    class Meta:
        model = ProviderIndexPage


class ProviderPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Provider {n}")
    credentials = "MD"
    job_title = "Psychiatrist"
    summary = "Cares for adults with depression and anxiety."

    class Meta:
        model = ProviderPage


class SpecialtyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Specialty {n}")

    class Meta:
        model = Specialty


class ConditionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Condition {n}")

    class Meta:
        model = Condition


def education_rows(rows):
    """Unsaved education rows for a provider page, from (kind, title, institution,
    year) tuples in display order."""
    return [
        ProviderEducation(
            kind=kind, title=title, institution=institution, year=year, sort_order=i
        )
        for i, (kind, title, institution, year) in enumerate(rows)
    ]
