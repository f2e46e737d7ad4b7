"""Feeds list only what visitors may read; an embargoed press release stays out of
sight everywhere until `publish_scheduled` runs after its go-live time."""

import datetime
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    PressReleasePageFactory,
    TopicFactory,
    make_article,
    make_press_release,
)
from tests.helpers import sitemap_urls, visible_text

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def feed_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 our own feed
    return feed, [
        {
            "title": entry.findtext("atom:title", namespaces=ATOM),
            "link": entry.find("atom:link", ATOM).get("href"),
            "authors": [
                name.text for name in entry.findall("atom:author/atom:name", ATOM)
            ],
            "categories": [
                category.get("term")
                for category in entry.findall("atom:category", ATOM)
            ],
        }
        for entry in feed.findall("atom:entry", ATOM)
    ]


def test_article_feed_lists_live_public_articles_with_authors_and_topics(
    client, learn, elena, hannah
):
    topic = TopicFactory(name="Ketamine therapy")
    live = make_article(learn, reviewer=elena, authors=[elena, hannah], topics=[topic])
    draft = make_article(learn, reviewer=elena, authors=[elena])
    draft.unpublish()
    private = make_article(learn, reviewer=elena, authors=[elena])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    feed, entries = feed_entries(client, f"{learn.url}feed/")

    assert feed.findtext("atom:title", namespaces=ATOM) == "Learn | Test Clinic Group"
    assert entries == [
        {
            "title": live.title,
            "link": live.full_url,
            "authors": ["Elena Marquez, MD; Hannah Cho, LPC"],
            "categories": ["Ketamine therapy"],
        }
    ]


def test_newsroom_feed_lists_releases_newest_release_date_first(client, newsroom):
    older = make_press_release(
        newsroom, release_date=datetime.date(2026, 1, 5), title="Older news"
    )
    newer = make_press_release(
        newsroom, release_date=datetime.date(2026, 3, 9), title="Newer news"
    )

    _, entries = feed_entries(client, f"{newsroom.url}feed/")

    assert [entry["title"] for entry in entries] == [newer.title, older.title]
    assert entries[0]["link"] == newer.full_url


def test_embargoed_press_release_appears_only_once_publish_scheduled_runs(
    client, newsroom
):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    release = PressReleasePageFactory.build(
        title="Embargoed clinic opening", slug="embargoed", live=False
    )
    newsroom.add_child(instance=release)
    release.go_live_at = go_live
    release.save_revision().publish()
    release.refresh_from_db()
    url = f"{newsroom.url}embargoed/"

    def is_visible():
        return {
            "page": client.get(url).status_code == 200,
            "newsroom": release.title in visible_text(client.get(newsroom.url)),
            "feed": release.title
            in [e["title"] for e in feed_entries(client, f"{newsroom.url}feed/")[1]],
            "sitemap": f"http://testserver{url}" in sitemap_urls(client),
        }

    hidden = dict.fromkeys(["page", "newsroom", "feed", "sitemap"], False)
    assert not release.live
    assert is_visible() == hidden

    call_command("publish_scheduled")  # before the go-live time: nothing happens
    assert is_visible() == hidden

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    assert is_visible() == dict.fromkeys(["page", "newsroom", "feed", "sitemap"], True)
