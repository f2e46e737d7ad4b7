from unittest import mock

import pytest
from django.db import OperationalError
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_public_pages_only(client, home_page):
    live = StandardPageFactory(parent=home_page, title="Live page")
    StandardPageFactory(parent=home_page, title="Draft page", live=False)
    private = StandardPageFactory(parent=home_page, title="Private page")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert f"<loc>http://testserver{live.url}</loc>" in xml
    assert "draft-page" not in xml
    assert "private-page" not in xml


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
