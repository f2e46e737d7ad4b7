import pytest

from tests.factories import StandardPageFactory
from tests.helpers import meta

pytestmark = pytest.mark.django_db


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
