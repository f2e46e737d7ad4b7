"""What articles and press releases share through SectionChildMixin."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import ArticlePage, PressReleasePage
from tests.factories import (
    ArticlePageFactory,
    PressReleasePageFactory,
    make_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["article", "press release"])
def unsaved_child(request, learn, newsroom, elena):
    """An article or a press release, built in its section but not saved."""
    if request.param == "article":
        page, section = ArticlePageFactory.build(medical_reviewer=elena), learn
    else:
        page, section = PressReleasePageFactory.build(), newsroom
    page.path, page.depth = f"{section.path}0001", section.depth + 1
    return page


def test_a_child_cannot_take_the_address_of_its_sections_feed(unsaved_child):
    unsaved_child.slug = "feed"

    with pytest.raises(ValidationError) as error:
        unsaved_child.full_clean()

    assert "section's feed" in error.value.message_dict["slug"][0]


def test_the_feed_slug_and_the_pages_own_mistakes_are_reported_together(newsroom):
    release = PressReleasePageFactory.build(slug="feed", newswire_is_canonical=True)
    release.path, release.depth = f"{newsroom.path}0001", newsroom.depth + 1

    with pytest.raises(ValidationError) as error:
        release.full_clean()

    assert {"slug", "newswire_url"} <= set(error.value.message_dict)


@pytest.mark.parametrize("page_class", [ArticlePage, PressReleasePage])
def test_the_summary_describes_the_page_to_search_engines_and_in_lists(page_class):
    page = page_class(title="A title", summary="What the page says, briefly.")

    assert page.seo_description == "What the page says, briefly."
    assert page.listing_summary == "What the page says, briefly."
    assert page_class.allowed_subpage_models() == []


def test_a_child_names_its_section_and_feed_and_has_a_breadcrumb_trail(
    client, learn, elena
):
    article = make_article(learn, elena, authors=[elena], title="Sleep and mood")

    response = client.get(article.url)

    assert response.context["section"].pk == learn.pk
    assert response.context["feed_url"] == learn.url + "feed/"
    assert '"BreadcrumbList"' in response.content.decode()
    assert '"MedicalWebPage"' in response.content.decode()
