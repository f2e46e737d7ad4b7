import gzip
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils.text import compress_string
from wagtail.models import PageViewRestriction

from home.sitemaps import PageSitemap
from tests.factories import StandardPageFactory
from tests.helpers import sitemap_urls

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_public_pages_only(client, home_page):
    live = StandardPageFactory(parent=home_page, title="Live page")
    StandardPageFactory(parent=home_page, title="Draft page", live=False)
    private = StandardPageFactory(parent=home_page, title="Private page")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    urls = sitemap_urls(client)

    assert "http://testserver/" in urls
    assert f"http://testserver{live.url}" in urls
    assert not any("draft-page" in url or "private-page" in url for url in urls)


def test_sitemap_is_an_index_of_parts_of_a_bounded_size(client, home_page, settings):
    for number in range(5):
        StandardPageFactory(parent=home_page, title=f"Page {number}")

    with mock.patch.object(PageSitemap, "limit", 2):
        index = client.get("/sitemap.xml").content.decode()
        parts = [client.get(f"/sitemap-pages.xml?p={n}") for n in (1, 2, 3)]
        past_the_end = client.get("/sitemap-pages.xml?p=4")

    assert "<sitemapindex" in index
    assert "http://testserver/sitemap-pages.xml?p=3</loc>" in index
    assert "?p=4" not in index
    assert [part.content.count(b"<url>") for part in parts] == [2, 2, 2]
    assert past_the_end.status_code == 404
    assert client.get("/sitemap-pages.xml?p=nonsense").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_sitemap_part_is_rendered_once_until_content_changes(
    client, home_page, django_assert_num_queries
):
    client.get("/sitemap-pages.xml")
    with django_assert_num_queries(0):
        again = client.get("/sitemap-pages.xml")
    assert again.status_code == 200
    assert again["Content-Type"] == "application/xml"

    new = StandardPageFactory(parent=home_page, title="Just published", live=False)
    new.save_revision().publish()

    assert f"http://testserver{new.url}" in sitemap_urls(client)


def test_crawlers_that_accept_gzip_get_the_part_compressed_once_per_content_change(
    client, home_page
):
    for number in range(3):
        StandardPageFactory(parent=home_page, title=f"Page {number}")
    plain = client.get("/sitemap-pages.xml")

    with (
        mock.patch("home.sitemaps.compress_string", wraps=compress_string) as ours,
        mock.patch(
            "django.middleware.gzip.compress_string", wraps=compress_string
        ) as mw,
    ):
        answers = [
            client.get("/sitemap-pages.xml", HTTP_ACCEPT_ENCODING="gzip, br")
            for _ in range(3)
        ]

    # Compressed when first rendered (the plain request above), then kept.
    assert ours.call_count == 0
    assert mw.call_count == 0
    for answer in answers:
        assert answer["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer["Vary"]
        assert answer["Content-Type"] == "application/xml"
        assert gzip.decompress(answer.content) == plain.content
    assert "Content-Encoding" not in plain
    assert plain.content.count(b"<url>") == 4


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_healthz_answers_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_readyz_reports_database_and_cache(client):
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
    }


def test_readyz_names_a_dead_database_but_not_where_it_is(client, caplog):
    error = 'connection to server at "db.internal" (10.0.0.5), port 5432 failed'
    with mock.patch(
        "home.views.connection.cursor", side_effect=OperationalError(error)
    ):
        response = client.get("/readyz/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert (body["checks"]["database"], body["checks"]["cache"]) == (
        "unavailable",
        "ok",
    )
    for detail in ("db.internal", "10.0.0.5", "5432"):
        assert detail not in response.content.decode()
    assert error in caplog.text  # for the operator, in the log


def test_readyz_reports_a_dead_cache(client):
    with mock.patch("home.views.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/readyz/")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "ok"
    assert checks["cache"] == "unavailable"  # the error's text is not shown


def test_redirects_made_in_the_admin_are_followed(client, home_page):
    from wagtail.contrib.redirects.models import Redirect

    page = StandardPageFactory(parent=home_page, title="New home of the page")
    Redirect.objects.create(old_path="/old-page", redirect_page=page)

    response = client.get("/old-page/")

    assert response.status_code == 301
    assert response["Location"].endswith(page.url)
