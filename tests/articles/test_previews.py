"""Previews show the editor's unsaved changes, never a cached copy of the live page."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.factories import make_article, make_press_release
from tests.helpers import json_ld_of_type, soup

pytestmark = pytest.mark.django_db


def preview(admin_client, page, data, mode=""):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(url, data).json()["is_valid"]
    return admin_client.get(url, {"mode": mode} if mode else {})


def test_article_preview_shows_unsaved_changes_while_visitors_see_the_live_page(
    admin_client, client, learn, elena, james
):
    article = make_article(
        learn, title="Live title", reviewer=elena, authors=[elena], summary="Live."
    )
    assert "Live title" in client.get(article.url).content.decode()  # now cached

    response = preview(
        admin_client,
        article,
        nested_form_data(
            {
                "title": "Draft title",
                "slug": article.slug,
                "summary": "Draft summary.",
                "body": streamfield([("paragraph", rich_text("<p>New words.</p>"))]),
                "authors": inline_formset(
                    [{"id": article.authors.get().pk, "provider": james.pk}],
                    initial=1,
                ),
                "medical_reviewer": elena.pk,
                "last_reviewed": "2024-06-01",
                "references": inline_formset([]),
                "comments": inline_formset([]),
            }
        ),
    )

    draft = soup(response)
    assert draft.h1.get_text() == "Draft title"
    assert "Written by James Whitfield, DO" in draft.select_one(".byline").get_text()
    assert "New words." in response.content.decode()
    assert json_ld_of_type(response, "Article")["headline"] == "Draft title"
    live = client.get(article.url).content.decode()
    assert "Live title" in live
    assert "Draft title" not in live


def test_press_release_preview_is_not_served_from_the_cache(
    admin_client, client, newsroom
):
    release = make_press_release(newsroom, title="Live headline")
    client.get(release.url)

    response = preview(
        admin_client,
        release,
        nested_form_data(
            {
                "title": "Draft headline",
                "slug": release.slug,
                "dateline_city": "Austin",
                "dateline_state": "Texas",
                "release_date": "2026-05-01",
                "summary": "Summary.",
                "body": streamfield([("paragraph", rich_text("<p>News.</p>"))]),
                "comments": inline_formset([]),
            }
        ),
    )

    assert soup(response).h1.get_text() == "Draft headline"


def test_index_pages_keep_the_seo_preview(admin_client, learn, newsroom):
    for index in (learn, newsroom):
        data = nested_form_data(
            {
                "title": index.title,
                "slug": index.slug,
                "intro": "A new introduction.",
                "comments": inline_formset([]),
            }
        )
        normal = preview(admin_client, index, data)
        seo = preview(admin_client, index, data, mode="wagtail-seo")

        assert "A new introduction." in normal.content.decode()
        assert "wagtailseo/search-preview.html" in [t.name for t in seo.templates]
