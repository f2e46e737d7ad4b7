import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ClinicSettings
from locations.models import LocationHolidayClosure
from locations.models.pages import LOCATIONS_PER_PAGE
from tests.factories import (
    ImageFactory,
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    StandardPageFactory,
    TreatmentFactory,
    add_opening_hours,
    make_location,
    make_provider,
)
from tests.helpers import json_ld_of_type, soup, visible_text

pytestmark = pytest.mark.django_db
T = datetime.time

MONDAY_10AM_CHICAGO = datetime.datetime(
    2026, 11, 23, 10, tzinfo=ZoneInfo("America/Chicago")
)


@pytest.fixture
def index(home_page):
    return LocationIndexPageFactory(parent=home_page)


def frozen_now(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_location_page_shows_address_phone_hours_and_access(client, index):
    location = make_location(
        index,
        title="Austin Central",
        street_address_2="Suite 210",
        parking_notes="Free parking behind the building.",
        accessibility_notes="Step-free entrance.",
    )
    location.services.add(TreatmentFactory(name="Ketamine infusion therapy"))
    location.save()

    with frozen_now(MONDAY_10AM_CHICAGO):
        response = client.get(location.url)

    html = soup(response)
    text = visible_text(response)
    assert html.h1.get_text() == "Austin Central"
    assert "100 Congress Ave Suite 210 Austin, TX 78701" in text
    assert html.find("a", href="tel:+15125550142").get_text() == "(512) 555-0142"
    assert "Open now · closes at 5:00 PM" in text
    today = html.find("tr", class_="is-today")
    assert "Monday" in today.get_text() and "9:00 AM–5:00 PM" in today.get_text()
    assert "Free parking behind the building." in text
    assert "Step-free entrance." in text
    assert "Ketamine infusion therapy" in text
    directions = next(a for a in html.find_all("a") if "Get directions" in a.get_text())
    assert directions["href"].startswith("https://www.google.com/maps/dir/?api=1")
    assert "100+Congress+Ave" in directions["href"]
    assert not html.find("script", src=lambda s: s and "maps" in s)


def test_location_page_says_closed_now_outside_hours(client, index):
    location = make_location(index)
    sunday = datetime.datetime(2026, 11, 22, 12, tzinfo=ZoneInfo("America/Chicago"))

    with frozen_now(sunday):
        text = visible_text(client.get(location.url))

    assert "Closed now" in text


def test_upcoming_holiday_closures_are_listed_and_past_ones_are_not(client, index):
    location = make_location(index)
    LocationHolidayClosure.objects.create(
        page=location, date=datetime.date(2026, 12, 25), note="Closed for Christmas"
    )
    LocationHolidayClosure.objects.create(
        page=location, date=datetime.date(2026, 7, 4), note="Closed for July 4th"
    )

    with frozen_now(MONDAY_10AM_CHICAGO):
        response = client.get(location.url)

    closures = [
        li.get_text(" ", strip=True) for li in soup(response).select(".closures li")
    ]
    assert closures == ["Friday, December 25 : Closed for Christmas"]


def test_location_page_lists_its_live_providers_with_links(client, home_page, index):
    location = make_location(index)
    providers = ProviderIndexPageFactory(parent=home_page)
    maya = make_provider(
        providers, [location], title="Maya Torres", headshot=ImageFactory()
    )
    make_provider(providers, [location], title="Hidden Draft", live=False)
    make_provider(providers, [], title="Elsewhere Only")

    html = client.get(location.url).content.decode()

    assert f'href="{maya.url}">Maya Torres, MD</a>' in html
    assert "Hidden Draft" not in html
    assert "Elsewhere Only" not in html


def test_call_to_action_preselects_this_location(client, home_page, index):
    location = make_location(index)
    consult = StandardPageFactory(parent=home_page, title="Request a consultation")
    clinic = ClinicSettings.for_site(home_page.get_site())
    clinic.consultation_page = consult
    clinic.save()

    html = soup(client.get(location.url))

    link = html.find("a", string="Request a consultation at this location")
    assert link["href"] == f"{consult.url}?location={location.slug}"


def test_no_call_to_action_without_a_consultation_page(client, index):
    location = make_location(index)

    assert "Request a consultation" not in client.get(location.url).content.decode()


def test_medical_clinic_json_ld_matches_what_the_page_shows(client, home_page, index):
    location = make_location(
        index, title="Austin Central", street_address_2="Suite 210"
    )
    location.services.add(TreatmentFactory(name="Esketamine treatment"))
    location.save()
    LocationHolidayClosure.objects.create(
        page=location, date=datetime.date(2026, 12, 25), note="Closed for Christmas"
    )

    with frozen_now(MONDAY_10AM_CHICAGO):
        response = client.get(location.url)
    clinic = json_ld_of_type(response, "MedicalClinic")
    html = soup(response)

    assert clinic["@id"] == "http://testserver/locations/austin-central/#clinic"
    assert clinic["name"] == html.h1.get_text()
    assert clinic["url"] == "http://testserver/locations/austin-central/"
    assert (
        f"tel:{clinic['telephone']}" == html.find("a", class_="location__phone")["href"]
    )
    address = clinic["address"]
    shown = html.find("address").get_text(" ", strip=True)
    for part in ("streetAddress", "addressLocality", "addressRegion", "postalCode"):
        assert address[part].replace(", ", " ") in shown
    assert address["@type"] == "PostalAddress" and address["addressCountry"] == "US"
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 30.267153,
        "longitude": -97.743061,
    }
    assert clinic["medicalSpecialty"] == "https://schema.org/Psychiatric"
    assert clinic["parentOrganization"] == {"@id": "http://testserver/#organization"}
    assert len(clinic["openingHoursSpecification"]) == 5
    assert clinic["openingHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "17:00",
    }
    assert clinic["specialOpeningHoursSpecification"][0]["validFrom"] == "2026-12-25"
    assert clinic["availableService"] == [
        {"@type": "MedicalTherapy", "name": "Esketamine treatment"}
    ]


def test_one_opening_hours_entry_per_range(client, index):
    location = make_location(index, title="Lunch break clinic")
    location.opening_hours.all().delete()
    add_opening_hours(location, [(0, T(9), T(12)), (0, T(13), T(17))])

    clinic = json_ld_of_type(client.get(location.url), "MedicalClinic")

    assert [(s["opens"], s["closes"]) for s in clinic["openingHoursSpecification"]] == [
        ("09:00", "12:00"),
        ("13:00", "17:00"),
    ]


def test_location_index_lists_locations_in_editor_order_with_today(client, index):
    first = make_location(index, title="Zilker")
    second = make_location(index, title="Alamo")
    make_location(index, title="Draft clinic", live=False)

    with frozen_now(MONDAY_10AM_CHICAGO):
        response = client.get(index.url)

    names = [
        h2.get_text(strip=True) for h2 in soup(response).select(".location-card h2")
    ]
    assert names == ["Zilker", "Alamo"]
    text = visible_text(response)
    assert "Open now" in text and "Today: 9:00 AM–5:00 PM" in text
    assert (
        f'href="{first.directions_url.replace("&", "&amp;")}"'
        in response.content.decode()
    )
    assert second.url in response.content.decode()


def test_location_index_shows_a_page_of_locations_at_a_time(client, index):
    for number in range(LOCATIONS_PER_PAGE + 3):
        make_location(index, title=f"Clinic {number:03d}")

    first = client.get(index.url)
    second = client.get(index.url, {"page": 2})

    assert len(soup(first).select(".location-card")) == LOCATIONS_PER_PAGE
    assert 'href="?page=2"' in first.content.decode()
    names = [h2.get_text(strip=True) for h2 in soup(second).select(".location-card h2")]
    assert names == [f"Clinic {n:03d}" for n in range(LOCATIONS_PER_PAGE, number + 1)]


def count_queries(client, path):
    # Renditions, image sizes and cached fragments are made on the first views.
    client.get(path)
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context)


def test_location_index_queries_do_not_grow_with_locations(client, index):
    for _ in range(3):
        make_location(index, hero_image=ImageFactory())
    with_three = count_queries(client, index.url)

    for _ in range(27):
        make_location(index, hero_image=ImageFactory())
    cache.clear()
    with_thirty = count_queries(client, index.url)

    assert with_thirty == with_three
    assert with_thirty <= 12


def test_location_page_renders_within_its_query_budget(
    client, home_page, index, django_assert_max_num_queries
):
    location = make_location(index, hero_image=ImageFactory())
    location.services.add(TreatmentFactory(), TreatmentFactory())
    location.save()
    providers = ProviderIndexPageFactory(parent=home_page)
    for _ in range(6):
        make_provider(providers, [location], headshot=ImageFactory())
    client.get(location.url)
    client.get(location.url)

    with django_assert_max_num_queries(12):
        client.get(location.url)
