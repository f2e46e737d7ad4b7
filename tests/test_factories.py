"""Every page type has a factory beside it, which the tests and the demo share."""

import importlib

import factory
import pytest
from wagtail.models import get_page_models

PROJECT_APPS = ("home", "articles", "locations", "providers")


def factories_by_model():
    """{model: factory class} from each app's factories.py."""
    found = {}
    for app in PROJECT_APPS:
        module = importlib.import_module(f"{app}.factories")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, factory.Factory)
                and value._meta.model is not None
                and value.__module__ == module.__name__
            ):
                found[value._meta.model] = value
    return found


PAGE_TYPES = [
    model for model in get_page_models() if model._meta.app_label in PROJECT_APPS
]


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_has_a_factory_in_its_apps_factories_module(page_type):
    page_factory = factories_by_model().get(page_type)

    assert page_factory is not None, (
        f"Add a factory for {page_type.__name__} to "
        f"{page_type._meta.app_label}/factories.py"
    )
    assert page_factory.__module__ == f"{page_type._meta.app_label}.factories"
    assert type(page_factory.build()) is page_type


def test_every_page_type_of_the_project_is_checked():
    assert {model.__name__ for model in PAGE_TYPES} >= {
        "HomePage",
        "StandardPage",
        "ArticleIndexPage",
        "ArticlePage",
        "NewsroomPage",
        "PressReleasePage",
        "LocationIndexPage",
        "LocationPage",
        "ConsultationFormPage",
        "ProviderIndexPage",
        "ProviderPage",
    }
