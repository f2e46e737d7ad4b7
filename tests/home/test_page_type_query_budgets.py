"""Issue 10: at most 10 queries on a steady (warm) view of every public page type, and
the same number whether its listing shows 5 items or 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, NewsroomPage
from home.cache import bump_content_generation
from locations.models import ConsultationFormPage, LocationIndexPage
from providers.models import ProviderIndexPage, ProviderPage
from tests.factories import (
    make_article,
    make_location,
    make_press_release,
    make_provider,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

STEADY_QUERY_BUDGET = 10


def steady_queries(client, path):
    """Queries of the third view of `path` (the first two fill fragments, routes and
    renditions, as visitors between two publishes find them)."""
    client.get(path)
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context)


def grow_to(count, site):
    """Add pages until each listing (and the pages that list many things) has at
    least `count` items."""
    learn, newsroom = site["learn"], site["newsroom"]
    providers, locations = site["providers"], site["locations"]
    reviewer = site["reviewer"]
    clinic = site["clinic"]
    for number in range(learn.get_children().live().count(), count):
        make_article(
            learn, reviewer=reviewer, authors=[reviewer], title=f"Sleep notes {number}"
        )
    for number in range(newsroom.get_children().live().count(), count):
        make_press_release(newsroom, title=f"Sleep clinic news {number}")
    for number in range(providers.get_children().live().count(), count):
        make_provider(providers, [clinic], title=f"Dana Sleep {number}")
    for number in range(locations.get_children().live().count(), count):
        make_location(locations, title=f"Sleep Street clinic {number}")
    bump_content_generation()  # as publishing the factories' pages would


@pytest.fixture
def site(client, demo_site):
    client.defaults["HTTP_HOST"] = "127.0.0.1:8000"
    reviewer = ProviderPage.objects.live().first()
    return {
        "learn": ArticleIndexPage.objects.get(),
        "newsroom": NewsroomPage.objects.get(),
        "providers": ProviderIndexPage.objects.get(),
        "locations": LocationIndexPage.objects.get(),
        "reviewer": reviewer,
        "clinic": reviewer.locations.first(),
    }


def public_paths(site):
    from wagtail.models import Page

    reviewer, clinic = site["reviewer"], site["clinic"]
    paths = {"search": "/search/?q=sleep", "sitemap": "/sitemap-pages.xml"}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        paths.setdefault(type(page).__name__, page.url)
    paths["ProviderPage"] = reviewer.url  # writes and reviews the added articles
    paths["LocationPage"] = clinic.url  # where the added providers practise
    paths["ProviderIndexPage filtered"] = f"{site['providers'].url}?telehealth=on"
    paths["ConsultationFormPage"] = ConsultationFormPage.objects.live().first().url
    return paths


def test_every_public_page_type_stays_within_the_budget_with_5_and_50_items(
    client, site
):
    grow_to(5, site)
    paths = public_paths(site)
    with_5 = {name: steady_queries(client, path) for name, path in paths.items()}

    grow_to(50, site)
    with_50 = {name: steady_queries(client, path) for name, path in paths.items()}

    assert len(paths) >= 14
    over = {name: n for name, n in with_50.items() if n > STEADY_QUERY_BUDGET}
    assert not over, f"over {STEADY_QUERY_BUDGET} queries: {over}"
    assert with_50 == with_5
