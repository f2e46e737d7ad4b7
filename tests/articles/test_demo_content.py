import pytest
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Revision, WorkflowPage
from wagtailmenus.models import MainMenuItem

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageAuthor,
    ArticleReference,
    Boilerplate,
    MediaContact,
    NewsroomPage,
    PressReleasePage,
    Topic,
)
from articles.workflow import MARKETING_EDITORS, MEDICAL_REVIEW
from tests.helpers import json_ld_of_type, soup

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1:8000"}


def articles_snapshot():
    return {
        "pages": sorted(
            ArticlePage.objects.values_list("pk", "title", "live", "last_reviewed")
        ),
        "releases": sorted(PressReleasePage.objects.values_list("pk", "title")),
        "authors": sorted(ArticlePageAuthor.objects.values_list("pk", "provider")),
        "references": ArticleReference.objects.count(),
        "topics": sorted(Topic.objects.values_list("pk", "name")),
        "boilerplates": list(Boilerplate.objects.values()),
        "contacts": list(MediaContact.objects.values()),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page", "workflow")),
        "page_permissions": GroupPagePermission.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_demo_has_five_reviewed_articles_by_the_demo_providers(client, demo_site):
    articles = ArticlePage.objects.live().order_by("title")

    assert articles.count() == 5
    for article in articles:
        assert article.author_providers, article.title
        assert article.medical_reviewer.slug in {
            "elena-marquez",
            "james-whitfield",
        }
        assert article.last_reviewed and article.review_due
        assert len(article.reference_list) >= 2
        assert all(ref.url.startswith("https://") for ref in article.reference_list)
        assert article.topic_list
        assert any(block.block_type == "expert_quote" for block in article.body)

        response = client.get(article.url, **HOST)
        assert response.status_code == 200
        assert soup(response).select(".expert-quote .expert-quote__name")
        assert "Medically reviewed by" in soup(response).select_one(".byline").text
        assert json_ld_of_type(response, "MedicalWebPage")["reviewedBy"]


def test_demo_has_two_press_releases_a_media_contact_and_a_default_boilerplate(
    client, demo_site
):
    releases = {release.slug: release for release in PressReleasePage.objects.live()}

    assert len(releases) == 2
    opening = releases["san-antonio-clinic-opens-in-alamo-heights"]
    assert opening.dateline_place == "SAN ANTONIO, Texas"
    assert "Bell" in releases["marcus-bell-joins-live-oak-mind-health"].title
    assert Boilerplate.default() is not None
    assert MediaContact.objects.count() == 1
    newsroom = NewsroomPage.objects.get()
    assert MainMenuItem.objects.filter(link_page=newsroom).exists()
    for release in releases.values():
        response = client.get(release.url, **HOST)
        assert response.status_code == 200
        assert soup(response).select_one(".press-release__about")
        assert soup(response).select_one(".press-release__contact")


def test_demo_sections_are_wired_to_the_editorial_roles(demo_site):
    index = ArticleIndexPage.objects.get()
    newsroom = NewsroomPage.objects.get()

    assert index.get_workflow().name == MEDICAL_REVIEW
    assert GroupPagePermission.objects.filter(
        group__name=MARKETING_EDITORS,
        page=newsroom,
        permission__codename="publish_page",
    ).exists()
    assert index.featured_article.slug == "how-ketamine-therapy-works"


def test_loading_the_demo_twice_changes_no_article_content(demo_site):
    first = articles_snapshot()

    call_command("load_demo_content", verbosity=0)

    assert articles_snapshot() == first
