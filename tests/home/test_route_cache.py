"""Routes from the cache: a page view after the first finds its page without walking
the page tree, and still answers exactly as Wagtail's own routing would."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    return StandardPageFactory(parent=about, title="Our team", slug="team")


def page_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    tables = [q["sql"] for q in context.captured_queries]
    return response, tables


def test_a_second_view_finds_its_page_without_walking_the_tree(client, team):
    client.get("/")  # the first view of a new site creates its settings rows
    _first, walked = page_queries(client, "/about/team/")
    response, tables = page_queries(client, "/about/team/")

    assert response.status_code == 200
    assert "Our team" in response.content.decode()
    assert any("wagtailcore_site" in sql for sql in walked)
    assert not any('FROM "wagtailcore_site"' in sql for sql in tables)
    assert len(tables) < len(walked)


def test_a_renamed_page_moves_to_its_new_address(client, team):
    client.get("/about/team/")
    team.slug = "people"
    team.save_revision().publish()

    assert client.get("/about/people/").status_code == 200
    assert client.get("/about/team/").status_code in (301, 404)


def test_an_unpublished_page_is_not_found_again(client, team):
    client.get("/about/team/")

    team.unpublish()

    assert client.get("/about/team/").status_code == 404


def test_view_restrictions_are_checked_on_every_view(client, team):
    client.get("/about/team/")
    # Created without signals, so nothing is purged: the route stays cached.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=team, restriction_type=PageViewRestriction.LOGIN)]
    )

    response = client.get("/about/team/")

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_routable_sub_pages_resolve_from_a_cached_route(client, home_page):
    from tests.factories import ArticleIndexPageFactory

    learn = ArticleIndexPageFactory(parent=home_page, slug="learn")
    for _ in range(2):
        assert client.get(learn.url).status_code == 200
        feed = client.get(f"{learn.url}feed/")
        assert feed.status_code == 200
        assert "atom" in feed["Content-Type"]
    assert client.get(f"{learn.url}no-such-view/").status_code == 404
