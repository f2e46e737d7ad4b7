"""Boilerplates and media contacts have drafts, revisions and previews; visitors only
ever see what is published."""

import pytest
from django.urls import reverse
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Boilerplate, MediaContact, Topic
from home.models import Treatment
from providers.models import Condition, Specialty
from tests.factories import BoilerplateFactory, MediaContactFactory, make_press_release
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def about_text(client, release):
    about = soup(client.get(release.url)).select_one(".press-release__about")
    return about.get_text() if about else ""


def test_a_draft_change_to_a_boilerplate_stays_off_the_live_release(client, newsroom):
    boilerplate = BoilerplateFactory(is_default=True, text="<p>Published words.</p>")
    release = make_press_release(newsroom)

    boilerplate.text = "<p>Draft words.</p>"
    revision = boilerplate.save_revision()

    assert "Published words." in about_text(client, release)
    assert "Draft words." not in about_text(client, release)

    revision.publish()

    assert "Draft words." in about_text(client, release)


def test_an_unpublished_boilerplate_gives_way_to_the_default(client, newsroom):
    BoilerplateFactory(is_default=True, text="<p>The default words.</p>")
    chosen = BoilerplateFactory(text="<p>The chosen words.</p>")
    release = make_press_release(newsroom, boilerplate=chosen)

    chosen.unpublish()

    assert "The default words." in about_text(client, release)
    assert "The chosen words." not in about_text(client, release)


def test_a_new_default_boilerplate_takes_over_only_when_published():
    current = BoilerplateFactory(is_default=True)
    draft = BoilerplateFactory.build(is_default=True, live=False)
    draft.save()

    current.refresh_from_db()
    assert Boilerplate.default() == current
    assert current.is_default
    assert str(draft) == draft.name  # not called the default in choosers yet

    draft.save_revision().publish()

    current.refresh_from_db()
    assert Boilerplate.default() == draft
    assert not current.is_default


def test_an_unpublished_media_contact_leaves_the_release_and_the_newsroom(
    client, newsroom
):
    contact = MediaContactFactory(name="Dana Ortiz")
    newsroom.media_contact = contact
    newsroom.save_revision().publish()
    release = make_press_release(newsroom, media_contact=contact)
    assert "Dana Ortiz" in client.get(release.url).content.decode()
    assert "Dana Ortiz" in client.get(newsroom.url).content.decode()

    contact.unpublish()

    assert "Dana Ortiz" not in client.get(release.url).content.decode()
    assert "Dana Ortiz" not in client.get(newsroom.url).content.decode()


def test_previews_show_a_boilerplate_and_a_contact_as_a_release_ends(home_page):
    boilerplate = BoilerplateFactory(heading="About us", text="<p>Three clinics.</p>")
    contact = MediaContactFactory(name="Dana Ortiz", email="press@example.com")

    about = soup(boilerplate.make_preview_request()).select_one(".press-release__about")
    contact_box = soup(contact.make_preview_request()).select_one(
        ".press-release__contact"
    )

    assert about.h2.get_text() == "About us"
    assert "Three clinics." in about.get_text()
    assert contact_box.select_one("a[href='mailto:press@example.com']")


def test_marketing_editors_can_publish_boilerplates_and_contacts(
    client, marketing_editor
):
    boilerplate = BoilerplateFactory()
    contact = MediaContactFactory()
    client.force_login(marketing_editor)

    for snippet, url_namespace in [
        (boilerplate, "wagtailsnippets_articles_boilerplate"),
        (contact, "wagtailsnippets_articles_mediacontact"),
    ]:
        response = client.get(reverse(f"{url_namespace}:edit", args=[snippet.pk]))
        assert response.status_code == 200
        assert 'name="action-publish"' in response.content.decode()


@pytest.mark.parametrize(
    "model", [Treatment, Specialty, Condition, Topic, Boilerplate, MediaContact]
)
def test_every_snippet_is_registered_with_its_own_viewset(model):
    viewset = model.snippet_viewset

    assert type(viewset) is not SnippetViewSet
    assert viewset.search_fields == ["name"]
