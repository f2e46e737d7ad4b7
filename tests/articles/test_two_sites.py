"""Articles with two sites: listings, related articles and feeds show the site's own
articles only, even where both sites use the same topics."""

import pytest

from tests.factories import ArticleIndexPageFactory, TopicFactory, make_article
from tests.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def ptsd(db):
    return TopicFactory(name="PTSD")


@pytest.fixture
def sister_learn(two_sites):
    return ArticleIndexPageFactory(parent=two_sites.sister_home, slug="learn")


def card_titles(response, selector):
    return [h.get_text(strip=True) for h in soup(response).select(selector)]


def test_related_articles_come_from_the_same_site(
    client, two_sites, learn, sister_learn, elena, ptsd
):
    article = make_article(
        learn, reviewer=elena, topics=[ptsd], title="Trauma and the body"
    )
    make_article(learn, reviewer=elena, topics=[ptsd], title="Grounding exercises")
    sister_article = make_article(
        sister_learn, reviewer=elena, topics=[ptsd], title="Trauma therapy at Lakeside"
    )

    main = client.get(article.url)
    sister = client.get(sister_article.get_url(), HTTP_HOST=two_sites.sister_host)

    assert card_titles(main, ".related-articles .card__title") == [
        "Grounding exercises"
    ]
    assert card_titles(sister, ".related-articles .card__title") == []


def test_each_sites_article_index_and_feed_list_its_own_articles(
    client, two_sites, learn, sister_learn, elena
):
    make_article(learn, reviewer=elena, title="Main site article")
    make_article(sister_learn, reviewer=elena, title="Sister site article")

    main = client.get("/learn/")
    sister = client.get("/learn/", HTTP_HOST=two_sites.sister_host)
    main_feed = client.get("/learn/feed/").content.decode()
    sister_feed = client.get(
        "/learn/feed/", HTTP_HOST=two_sites.sister_host
    ).content.decode()

    assert "Main site article" in main.content.decode()
    assert "Sister site article" not in main.content.decode()
    assert "Sister site article" in sister.content.decode()
    assert "Main site article" not in sister.content.decode()
    assert "Main site article" in main_feed and "Sister site article" not in main_feed
    assert "Sister site article" in sister_feed and "Main site" not in sister_feed
    assert f"http://{two_sites.sister_host}/learn/" in sister_feed
