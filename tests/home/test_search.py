from unittest import mock

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
    past_the_end = client.get("/search/", {"q": "insurance", "page": 3})

    assert "Results 1–10." in first and first.count('class="card"') == 10
    assert "Page 1" in first and 'href="?q=insurance&amp;page=2"' in first
    assert "Results 11–13." in second and second.count('class="card"') == 3
    assert 'href="?q=insurance&amp;page=1"' in second and "page=3" not in second
    assert "Results 1–10." in past_the_end.content.decode()


def test_a_last_page_with_one_result_names_it_alone(client, home_page):
    for number in range(11):
        StandardPageFactory(parent=home_page, title=f"Parking question {number}")

    last = client.get("/search/", {"q": "parking", "page": 2}).content.decode()

    assert "Result 11." in last and "11–11" not in last


def test_search_counts_no_hits_it_does_not_show(
    client, home_page, django_assert_max_num_queries
):
    for number in range(25):
        StandardPageFactory(parent=home_page, title=f"Insomnia help {number}")
    client.get("/search/", {"q": "insomnia"})  # settings and routes warm

    with django_assert_max_num_queries(10) as captured:
        response = client.get("/search/", {"q": "insomnia", "page": 2})

    assert "Results 11–20." in response.content.decode()
    sql = " ".join(query["sql"].upper() for query in captured.captured_queries)
    assert "COUNT(" not in sql


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


def test_search_results_follow_a_renamed_page(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Parking behind the clinic")
    assert (
        "Parking behind the clinic"
        in client.get("/search/", {"q": "parking"}).content.decode()
    )

    page.title = "Parking in the garage"
    page.save_revision().publish()

    html = client.get("/search/", {"q": "parking"}).content.decode()
    assert "Parking in the garage" in html and "behind the clinic" not in html


def test_a_repeated_search_neither_searches_nor_loads_pages_again(
    client, home_page, django_assert_max_num_queries
):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Telehealth visit {number}")
    client.get("/")  # makes the site's settings and menus, which moves the generation
    with django_assert_max_num_queries(30) as first_queries:
        first = client.get("/search/", {"q": "telehealth", "page": 2}).content.decode()

    # The repeat reads the rendered cards with the hits: no card is looked up again.
    with (
        django_assert_max_num_queries(30) as again_queries,
        mock.patch("home.views.cached_cards") as card_lookup,
    ):
        again = client.get("/search/", {"q": "telehealth", "page": 2}).content.decode()
    assert card_lookup.call_count == 0

    def searches_or_loads_hits(captured):
        sql = [query["sql"].lower() for query in captured.captured_queries]
        return [q for q in sql if "wagtailsearch" in q or "home_standardpage" in q]

    assert searches_or_loads_hits(first_queries)  # what the cache saves
    assert searches_or_loads_hits(again_queries) == []
    assert again == first and "Results 11–12." in again


def test_a_page_published_or_unpublished_after_a_search_changes_its_results(
    client, home_page
):
    StandardPageFactory(parent=home_page, title="Parking and directions")
    assert (
        "Parking garage"
        not in client.get("/search/", {"q": "parking"}).content.decode()
    )

    garage = StandardPageFactory(parent=home_page, title="Parking garage")
    garage.save_revision().publish()
    assert "Parking garage" in client.get("/search/", {"q": "parking"}).content.decode()

    garage.unpublish()
    html = client.get("/search/", {"q": "parking"}).content.decode()
    assert "Parking garage" not in html and "Parking and directions" in html
