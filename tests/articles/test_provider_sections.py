"""Provider pages list the articles each provider wrote and reviewed."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.provider_sections import ARTICLES_PER_SECTION
from tests.factories import ImageFactory, make_article

pytestmark = pytest.mark.django_db

PROVIDER_PAGE_QUERY_BUDGET = 12


def section_links(client, provider, heading_id):
    from tests.helpers import soup

    section = soup(client.get(provider.url)).find(
        "section", attrs={"aria-labelledby": heading_id}
    )
    if section is None:
        return None
    return section.h2.get_text(), [a.get_text() for a in section.find_all("a")]


def test_provider_page_lists_articles_written_and_reviewed(
    client, learn, elena, hannah, james
):
    written = make_article(learn, title="On sleep", reviewer=james, authors=[elena])
    co_written = make_article(
        learn, title="On PTSD", reviewer=james, authors=[hannah, elena]
    )
    reviewed = make_article(learn, title="On safety", reviewer=elena, authors=[hannah])
    draft = make_article(learn, title="Unfinished", reviewer=elena, authors=[elena])
    draft.unpublish()

    assert section_links(client, elena, "articles-by-heading") == (
        "Articles by Elena Marquez",
        [co_written.title, written.title],
    )
    assert section_links(client, elena, "articles-reviewed-heading") == (
        "Articles reviewed by Elena Marquez",
        [reviewed.title],
    )
    assert section_links(client, james, "articles-by-heading") is None
    assert section_links(client, james, "articles-reviewed-heading")[1] == [
        co_written.title,
        written.title,
    ]


def test_provider_without_articles_shows_no_article_sections(client, elena):
    assert section_links(client, elena, "articles-by-heading") is None
    assert section_links(client, elena, "articles-reviewed-heading") is None


def test_sections_follow_a_new_article(client, learn, elena):
    assert section_links(client, elena, "articles-by-heading") is None

    make_article(learn, title="Fresh article", reviewer=elena, authors=[elena])

    assert section_links(client, elena, "articles-by-heading")[1] == ["Fresh article"]


def queries_for(client, url, cold):
    client.get(url)
    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_provider_who_wrote_and_reviewed_several_articles_stays_within_budget(
    client, learn, elena, james, hannah, django_assert_max_num_queries
):
    for number in range(4):
        make_article(
            learn,
            title=f"Written {number}",
            reviewer=james,
            authors=[elena, hannah],
            hero_image=ImageFactory(),
        )
        make_article(learn, title=f"Reviewed {number}", reviewer=elena, authors=[james])
    client.get(elena.url)
    client.get(elena.url)

    with django_assert_max_num_queries(PROVIDER_PAGE_QUERY_BUDGET):
        response = client.get(elena.url)

    html = response.content.decode()
    assert "Articles by Elena Marquez" in html
    assert html.count("Written ") == 4
    assert html.count("Reviewed ") == 4


def test_article_sections_cost_the_provider_page_no_queries_when_warm_and_do_not_grow(
    client, learn, provider_index, elena, james, monkeypatch
):
    """The provider page's own queries are the providers app's budget; this app's
    sections add none on a usual (warm) visit and a fixed three on a cold one (the
    articles written, those reviewed, their images), however many articles the
    provider wrote."""
    elena.headshot = ImageFactory()
    elena.save_revision().publish()
    with monkeypatch.context() as patched:
        patched.setattr(
            "articles.wagtail_hooks.provider_articles_section", lambda *args: ""
        )
        without = {cold: queries_for(client, elena.url, cold) for cold in (False, True)}

    for _ in range(2):
        make_article(learn, reviewer=james, authors=[elena], hero_image=ImageFactory())
        make_article(learn, reviewer=elena, authors=[james])
    with_some = {cold: queries_for(client, elena.url, cold) for cold in (False, True)}

    for _ in range(6):
        make_article(learn, reviewer=james, authors=[elena], hero_image=ImageFactory())
        make_article(learn, reviewer=elena, authors=[james])
    with_many = {cold: queries_for(client, elena.url, cold) for cold in (False, True)}

    assert with_some[False] == without[False]
    assert with_some[True] == without[True] + 3
    assert with_many == with_some
    assert client.get(elena.url).content.decode().count("/learn/") >= 16


def test_prolific_provider_page_reads_only_the_articles_it_shows(
    client, learn, elena, james
):
    for number in range(ARTICLES_PER_SECTION + 2):
        make_article(
            learn, title=f"Written {number:02d}", reviewer=james, authors=[elena]
        )
    cache.clear()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(elena.url)

    assert response.content.decode().count("Written ") == ARTICLES_PER_SECTION
    article_reads = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "articles_articlepage"' in query["sql"] and "ORDER BY" in query["sql"]
    ]
    assert article_reads
    assert all(f"LIMIT {ARTICLES_PER_SECTION}" in sql for sql in article_reads)
