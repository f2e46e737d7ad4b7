import pytest

from tests.factories import ImageFactory, StandardPageFactory
from tests.helpers import meta, soup

# Wagtail updates its search index in a background task: at once here.
pytestmark = [pytest.mark.django_db, pytest.mark.immediate_tasks]


def test_search_finds_live_pages_and_is_not_indexed(client, home_page):
    StandardPageFactory(parent=home_page, title="Parking and directions")
    StandardPageFactory(parent=home_page, title="Parking secrets", live=False)

    response = client.get("/search/", {"q": "parking"})

    html = response.content.decode()
    assert "Parking and directions" in html
    assert "Parking secrets" not in html
    assert meta(response, "robots") == "noindex, follow"


def test_search_results_are_paginated(client, home_page):
    for number in range(13):
        StandardPageFactory(parent=home_page, title=f"Insurance question {number}")

    first = client.get("/search/", {"q": "insurance"}).content.decode()
    second = client.get("/search/", {"q": "insurance", "page": 2}).content.decode()

    assert "13 results" in first
    assert "Page 1 of 2" in first and 'href="?q=insurance&amp;page=2"' in first
    assert "Page 2 of 2" in second
    assert second.count('class="card"') == 3


@pytest.mark.parametrize(
    "query", ["\x00", "a\x00b", "<script>alert(1)</script>", "x" * 5000]
)
def test_hostile_search_queries_get_a_page_not_an_error(client, home_page, query):
    response = client.get("/search/", {"q": query, "page": "not-a-number"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_forms_have_distinct_names_and_the_page_a_description(client, home_page):
    for number in range(3):
        StandardPageFactory(
            parent=home_page, title=f"Sleep advice {number}", hero_image=ImageFactory()
        )

    response = client.get("/search/", {"q": "sleep"})

    page = soup(response)
    names = [form["aria-label"] for form in page.find_all(role="search")]
    assert len(names) == 2 and len(set(names)) == 2
    assert meta(response, "description").startswith("Search the articles")
    loading = [img["loading"] for img in page.select(".search-results img")]
    assert loading == ["eager", "lazy", "lazy"]
