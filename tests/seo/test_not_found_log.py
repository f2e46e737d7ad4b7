"""The not-found log: public 404s counted by path, bounded under a flood, listed most
visited first, and turned into redirects from the report."""

import logging
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from seo import not_found
from seo.models import NotFoundPath
from tests.factories import StandardPageFactory, make_user
from tests.helpers import soup

pytestmark = pytest.mark.django_db

LOG = reverse("seo_not_found:index")


def test_public_404s_are_counted_by_path_with_times_and_referring_host(
    client, home_page
):
    client.get("/old-clinic/?utm_source=mail", HTTP_REFERER="https://news.example/a")
    client.get("/old-clinic/")
    client.get("/old-clinic/?page=2")
    client.get("/admin/no-such-screen/")
    client.get("/static/missing.css")
    client.get("/")

    entry = NotFoundPath.objects.get()
    assert entry.path == "/old-clinic"
    assert entry.hits == 3
    assert entry.referrer_host == "news.example"
    assert entry.first_seen <= entry.last_seen
    assert entry.site == Site.objects.get()


def test_a_flood_of_random_addresses_stays_within_the_bounds(
    client, home_page, settings, caplog
):
    settings.SEO_NOT_FOUND_FLUSH_SECONDS = 3600
    settings.SEO_NOT_FOUND_BATCH_PATHS = 20
    settings.SEO_NOT_FOUND_MAX_PATHS = 30
    not_found.recorder.write()
    NotFoundPath.objects.create(
        path="/popular", hits=50, first_seen=timezone.now(), last_seen=timezone.now()
    )

    for wave in range(3):
        for number in range(40):
            client.get(f"/random-{wave}-{number}/")
        with caplog.at_level(logging.WARNING, logger="seo.not_found"):
            not_found.recorder.write()

    assert NotFoundPath.objects.count() <= 30
    assert NotFoundPath.objects.filter(path="/popular", hits=50).exists()
    assert "were not counted" in caplog.text


def test_requests_write_in_batches_not_one_by_one(client, home_page, settings):
    settings.SEO_NOT_FOUND_FLUSH_SECONDS = 3600
    not_found.recorder.write()

    with CaptureQueriesContext(connection) as during:
        for number in range(30):
            client.get(f"/nowhere-{number}/")
    with CaptureQueriesContext(connection) as writing:
        not_found.recorder.write()

    assert [q for q in during.captured_queries if "seo_notfoundpath" in q["sql"]] == []
    assert len(writing) <= 6
    assert NotFoundPath.objects.filter(path__startswith="/nowhere").count() == 30


def test_old_addresses_are_pruned(client, home_page):
    long_ago = timezone.now() - timedelta(days=91)
    NotFoundPath.objects.create(
        path="/ancient", hits=9, first_seen=long_ago, last_seen=long_ago
    )

    client.get("/fresh/")

    assert list(NotFoundPath.objects.values_list("path", flat=True)) == ["/fresh"]


def test_a_database_error_never_reaches_the_visitor(
    client, home_page, monkeypatch, caplog
):
    def broken(batch):
        raise DatabaseError("disk full")

    monkeypatch.setattr(not_found, "write_batch", broken)

    response = client.get("/somewhere-missing/")

    assert response.status_code == 404
    assert "could not write 1 addresses" in caplog.text


def test_the_log_lists_the_most_visited_first_and_hides_redirected_paths(
    client, home_page, marketing_editor
):
    now = timezone.now()
    for path, hits in (("/rare", 1), ("/common", 40), ("/moved", 99)):
        NotFoundPath.objects.create(
            site=Site.objects.get(), path=path, hits=hits, first_seen=now, last_seen=now
        )
    Redirect.objects.create(old_path="/moved", redirect_link="https://example.org/")
    client.force_login(marketing_editor)

    response = client.get(LOG)

    table = soup(response).find("table", class_="listing")
    paths = [row.find("td").get_text(strip=True) for row in table.tbody.find_all("tr")]
    assert paths == ["/common", "/rare"]
    assert "Create redirect" in table.get_text()


def test_create_redirect_opens_wagtails_form_prefilled_and_the_path_leaves_the_log(
    client, home_page, marketing_editor
):
    target = StandardPageFactory(parent=home_page, title="Our clinics")
    now = timezone.now()
    site = Site.objects.get()
    NotFoundPath.objects.create(
        site=site, path="/old-clinic", hits=7, first_seen=now, last_seen=now
    )
    client.force_login(marketing_editor)

    link = soup(client.get(LOG)).find("a", string="Create redirect")["href"]
    form = soup(client.get(link))
    assert form.find("input", attrs={"name": "old_path"})["value"] == "/old-clinic"
    assert form.find("select", attrs={"name": "site"}).find("option", selected=True)[
        "value"
    ] == str(site.pk)

    response = client.post(
        link,
        {
            "old_path": "/old-clinic",
            "site": site.pk,
            "is_permanent": "on",
            "redirect_page": target.pk,
            "redirect_page_route_path": "",
            "redirect_link": "",
        },
    )

    assert response.status_code == 302 and response.url == LOG
    assert client.get("/old-clinic/").status_code == 301
    page = soup(client.get(LOG))
    assert "Redirect '/old-clinic' added." in page.get_text()
    assert page.find("table", class_="listing") is None  # the log is empty now


def test_people_without_the_permission_cannot_open_the_log(client, home_page):
    client.force_login(make_user("someone", permissions=["wagtailadmin.access_admin"]))

    assert client.get(LOG).url == reverse("wagtailadmin_home")
