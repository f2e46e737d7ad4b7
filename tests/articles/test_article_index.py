import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from articles.models.sections import ITEMS_PER_PAGE
from tests.factories import TopicFactory, make_article
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db


def publish_articles(learn, reviewer, count, **kwargs):
    """`count` articles first published a day apart, the last one newest."""
    articles = []
    start = timezone.now() - datetime.timedelta(days=count)
    for number in range(count):
        article = make_article(learn, reviewer=reviewer, authors=[reviewer], **kwargs)
        Page.objects.filter(pk=article.pk).update(
            first_published_at=start + datetime.timedelta(days=number)
        )
        articles.append(article)
    return articles


def card_titles(response, selector=".card-grid .card__title"):
    return [h.get_text(strip=True) for h in soup(response).select(selector)]


def featured_title(response):
    featured = soup(response).select_one(".featured-article .card__title")
    return featured.get_text(strip=True) if featured else None


def test_index_features_the_newest_article_and_lists_the_rest_newest_first(
    client, learn, elena
):
    oldest, middle, newest = publish_articles(learn, elena, 3)

    response = client.get(learn.url)

    assert featured_title(response) == newest.title
    assert card_titles(response) == [middle.title, oldest.title]


def test_editor_chosen_featured_article_comes_first_and_is_not_listed_twice(
    client, learn, elena
):
    oldest, middle, newest = publish_articles(learn, elena, 3)
    learn.featured_article = oldest
    learn.save_revision().publish()

    response = client.get(learn.url)

    assert featured_title(response) == oldest.title
    assert card_titles(response) == [newest.title, middle.title]


def test_an_unpublished_featured_article_is_replaced_by_the_newest(
    client, learn, elena
):
    chosen, newest = publish_articles(learn, elena, 2)
    learn.featured_article = chosen
    learn.save_revision().publish()
    chosen.unpublish()

    response = client.get(learn.url)

    assert featured_title(response) == newest.title
    assert chosen.title not in visible_text(response)


def test_topic_filter_works_as_a_plain_link_and_keeps_the_topic_across_pages(
    client, learn, elena
):
    ptsd = TopicFactory(name="PTSD and trauma")
    other = publish_articles(learn, elena, 2)
    about_ptsd = publish_articles(learn, elena, ITEMS_PER_PAGE + 2, topics=[ptsd])

    index = soup(client.get(learn.url))
    link = index.select_one(".topic-filter a[href$='?topic=ptsd-and-trauma']")
    assert link.get_text() == "PTSD and trauma"

    first = client.get(f"{learn.url}?topic=ptsd-and-trauma")
    assert featured_title(first) is None
    assert (
        card_titles(first) == [a.title for a in reversed(about_ptsd)][:ITEMS_PER_PAGE]
    )
    assert not {a.title for a in other} & set(card_titles(first))
    assert soup(first).select_one(".topic-filter [aria-current]").get_text() == (
        "PTSD and trauma"
    )
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?topic=ptsd-and-trauma&page=2"

    second = client.get(f"{learn.url}{next_link}")
    assert (
        card_titles(second) == [a.title for a in reversed(about_ptsd)][ITEMS_PER_PAGE:]
    )


def test_unknown_topic_says_so_and_offers_every_article(client, learn, elena):
    publish_articles(learn, elena, 2)

    for value in ("no-such-topic", "<script>"):
        response = client.get(learn.url, {"topic": value})
        assert response.status_code == 200
        assert "We have no articles on that topic." in visible_text(response)
        assert card_titles(response) == []
        assert "<script>" not in response.content.decode()


def test_pagination_never_shows_the_featured_article_again(client, learn, elena):
    articles = publish_articles(learn, elena, ITEMS_PER_PAGE + 3)

    first = client.get(learn.url)
    second = client.get(learn.url, {"page": "2"})
    beyond = client.get(learn.url, {"page": "99"})

    newest_first = [a.title for a in reversed(articles)]
    assert featured_title(first) == newest_first[0]
    assert card_titles(first) + card_titles(second) == newest_first[1:]
    assert featured_title(second) is None
    assert card_titles(beyond) == card_titles(second)


def test_index_advertises_its_feed(client, learn):
    link = soup(client.get(learn.url)).find(
        "link", rel="alternate", type="application/atom+xml"
    )
    assert link["href"] == f"{learn.url}feed/"


def test_empty_index_says_nothing_is_published_yet(client, learn):
    assert "No articles have been published yet." in visible_text(client.get(learn.url))
