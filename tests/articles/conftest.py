import pytest
from django.contrib.auth.models import Group

from articles.workflow import MARKETING_EDITORS, MEDICAL_REVIEWERS
from tests.factories import (
    ArticleIndexPageFactory,
    ImageFactory,
    NewsroomPageFactory,
    ProviderIndexPageFactory,
    make_provider,
)


@pytest.fixture
def learn(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def newsroom(home_page):
    return NewsroomPageFactory(parent=home_page)


@pytest.fixture
def provider_index(home_page):
    return ProviderIndexPageFactory(parent=home_page)


@pytest.fixture
def elena(provider_index):
    return make_provider(
        provider_index,
        title="Elena Marquez",
        slug="elena-marquez",
        credentials="MD",
        job_title="Psychiatrist and medical director",
        headshot=ImageFactory(),
    )


@pytest.fixture
def hannah(provider_index):
    return make_provider(
        provider_index,
        title="Hannah Cho",
        slug="hannah-cho",
        credentials="LPC",
        job_title="Licensed professional counselor",
        headshot=ImageFactory(),
    )


@pytest.fixture
def james(provider_index):
    return make_provider(
        provider_index,
        title="James Whitfield",
        slug="james-whitfield",
        credentials="DO",
        job_title="Psychiatrist",
        headshot=ImageFactory(),
    )


@pytest.fixture
def marketing_editor(django_user_model):
    user = django_user_model.objects.create_user("marketing", password="secret-1")
    user.groups.add(Group.objects.get(name=MARKETING_EDITORS))
    return user


@pytest.fixture
def medical_reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="secret-2")
    user.groups.add(Group.objects.get(name=MEDICAL_REVIEWERS))
    return user
