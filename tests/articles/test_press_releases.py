import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from articles.models import Boilerplate, NewsroomPage, PressReleasePage
from home.models import ClinicSettings
from tests.factories import (
    BoilerplateFactory,
    MediaContactFactory,
    PressReleasePageFactory,
    StandardPageFactory,
    make_press_release,
)
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_name(home_page):
    clinic = ClinicSettings.for_site(Site.objects.get())
    clinic.group_name = "Live Oak Mind Health"
    clinic.save()
    return clinic.group_name


def test_release_starts_with_its_dateline_and_ends_with_about_us_and_contact(
    client, newsroom, group_name
):
    BoilerplateFactory(is_default=True, text="<p>We run three clinics.</p>")
    contact = MediaContactFactory(
        name="Dana Ortiz", email="press@example.com", phone="+15125550199"
    )
    release = make_press_release(
        newsroom,
        title="Clinic opens in San Antonio",
        subheadline="A third clinic.",
        dateline_city="San Antonio",
        release_date=datetime.date(2026, 9, 15),
        media_contact=contact,
    )

    page = soup(client.get(release.url))

    assert page.h1.get_text() == "Clinic opens in San Antonio"
    assert page.select_one(".lead").get_text() == "A third clinic."
    assert " ".join(page.select_one(".dateline").get_text().split()) == (
        "SAN ANTONIO, Texas, September 15, 2026 —"
    )
    about = page.select_one(".press-release__about")
    assert about.h2.get_text() == "About Live Oak Mind Health"
    assert "We run three clinics." in about.get_text()
    contact_box = page.select_one(".press-release__contact")
    assert "Dana Ortiz" in contact_box.get_text()
    assert contact_box.select_one("a[href='mailto:press@example.com']")
    assert contact_box.select_one("a[href='tel:+15125550199']").get_text() == (
        "(512) 555-0199"
    )


def test_a_chosen_boilerplate_replaces_the_default(client, newsroom, group_name):
    BoilerplateFactory(is_default=True, text="<p>The default words.</p>")
    short = BoilerplateFactory(heading="About us", text="<p>The short words.</p>")
    release = make_press_release(newsroom, boilerplate=short)

    about = soup(client.get(release.url)).select_one(".press-release__about")

    assert about.h2.get_text() == "About us"
    assert "The short words." in about.get_text()
    assert "The default words." not in about.get_text()


def test_only_one_boilerplate_is_the_default():
    first = BoilerplateFactory(is_default=True)
    second = BoilerplateFactory(is_default=True)

    first.refresh_from_db()
    assert not first.is_default
    assert Boilerplate.default() == second


def test_newswire_copy_becomes_canonical_only_when_the_editor_says_so(client, newsroom):
    wire = "https://wire.example.com/releases/clinic-opens"
    ours = make_press_release(
        newsroom, newswire_name="Texas Health Wire", newswire_url=wire
    )
    theirs = make_press_release(
        newsroom,
        newswire_name="Texas Health Wire",
        newswire_url=wire,
        newswire_is_canonical=True,
    )

    def canonical(release):
        return soup(client.get(release.url)).find("link", rel="canonical")["href"]

    assert canonical(ours) == ours.full_url
    assert canonical(theirs) == wire
    source = soup(client.get(ours.url)).select_one(".press-release__source")
    assert source.a["href"] == wire
    assert "Originally published on Texas Health Wire" in source.get_text()


def test_canonical_newswire_needs_an_address(newsroom):
    release = PressReleasePageFactory.build(newswire_is_canonical=True)
    release.path, release.depth = f"{newsroom.path}0001", newsroom.depth + 1

    with pytest.raises(ValidationError) as error:
        release.full_clean()

    assert "newswire_url" in error.value.message_dict


def test_newsroom_lists_releases_by_release_date_with_the_media_contact(
    client, newsroom
):
    newsroom.media_contact = MediaContactFactory(name="Dana Ortiz")
    newsroom.save_revision().publish()
    make_press_release(newsroom, title="Older", release_date=datetime.date(2026, 1, 2))
    make_press_release(newsroom, title="Newer", release_date=datetime.date(2026, 5, 6))
    draft = make_press_release(newsroom, title="Not yet")
    draft.unpublish()

    response = client.get(newsroom.url)
    page = soup(response)

    titles = [h.get_text(strip=True) for h in page.select(".release-list h3")]
    assert titles == ["Newer", "Older"]
    assert "Dana Ortiz" in page.select_one(".newsroom__contact").get_text()
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == (
        f"{newsroom.url}feed/"
    )
    assert "Not yet" not in visible_text(response)


def test_newsroom_is_one_per_site_and_holds_only_press_releases(home_page, newsroom):
    about = StandardPageFactory(parent=home_page)
    assert not NewsroomPage.can_create_at(home_page)
    assert not NewsroomPage.can_create_at(about)
    assert PressReleasePage.can_create_at(newsroom)
    assert not PressReleasePage.can_create_at(home_page)
    assert NewsroomPage.allowed_subpage_models() == [PressReleasePage]
