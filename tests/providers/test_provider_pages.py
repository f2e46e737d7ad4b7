import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ClinicSettings
from providers.models import ProviderEducation
from tests.factories import (
    ConditionFactory,
    ImageFactory,
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TreatmentFactory,
    make_location,
    make_provider,
)
from tests.helpers import json_ld_of_type, soup, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def locations(home_page):
    return LocationIndexPageFactory(parent=home_page)


@pytest.fixture
def index(home_page):
    return ProviderIndexPageFactory(parent=home_page)


def test_provider_page_shows_everything_editors_entered(client, locations, index):
    austin = make_location(locations, title="Austin Central")
    provider = make_provider(
        index,
        [austin],
        title="Maya Torres",
        credentials="MD",
        job_title="Psychiatrist",
        headshot=ImageFactory(description="Maya Torres smiling"),
        bio="<p>Maya trained in Houston.</p>",
        languages="English, Spanish",
        npi="1234567893",
        telehealth=True,
    )
    provider.specialties.add(SpecialtyFactory(name="Adult psychiatry"))
    provider.conditions.add(ConditionFactory(name="Treatment-resistant depression"))
    provider.treatments.add(TreatmentFactory(name="Ketamine infusion therapy"))
    provider.save()
    ProviderEducation.objects.create(
        page=provider, kind="residency", title="Psychiatry residency", year=2010
    )

    response = client.get(provider.url)

    html = soup(response)
    text = visible_text(response)
    assert html.h1.get_text() == "Maya Torres, MD"
    assert 'alt="Maya Torres smiling"' in response.content.decode()
    for shown in (
        "Psychiatrist",
        "Accepting new patients",
        "Telehealth available",
        "Maya trained in Houston.",
        "Adult psychiatry",
        "Treatment-resistant depression",
        "Ketamine infusion therapy",
        "English, Spanish",
        "1234567893",
        "Residency: Psychiatry residency (2010)",
    ):
        assert shown in text
    assert html.find("a", href=austin.url).get_text() == "Austin Central"


def test_call_to_action_preselects_the_only_location(
    client, home_page, locations, index
):
    austin = make_location(locations)
    provider = make_provider(index, [austin])
    consult = StandardPageFactory(parent=home_page, title="Request a consultation")
    clinic = ClinicSettings.for_site(home_page.get_site())
    clinic.consultation_page = consult
    clinic.save()

    link = soup(client.get(provider.url)).find("a", string="Request a consultation")

    assert link["href"] == f"{consult.url}?location={austin.slug}"


def test_physicians_are_physicians_in_json_ld(client, locations, index):
    austin = make_location(locations, title="Austin Central")
    provider = make_provider(
        index,
        [austin],
        title="Maya Torres",
        credentials="MD",
        npi="1234567893",
        languages="English, Spanish",
        headshot=ImageFactory(),
    )

    data = json_ld_of_type(client.get(provider.url), "IndividualPhysician")

    assert data["name"] == "Maya Torres"
    assert data["url"] == f"http://testserver{provider.url}"
    assert data["usNPI"] == "1234567893"
    assert data["medicalSpecialty"] == "https://schema.org/Psychiatric"
    assert data["practicesAt"] == [{"@id": austin.json_ld_id}]
    assert data["address"]["streetAddress"] == austin.street_address
    assert "honorificSuffix" not in data and "jobTitle" not in data
    assert data["knowsLanguage"] == ["English", "Spanish"]
    assert data["image"].startswith("http://testserver/media/images/")
    assert [c["name"] for c in data["hasCredential"]] == ["MD"]


@pytest.mark.parametrize("credentials", ["DNP, PMHNP-BC", "LPC", "PhD"])
def test_other_clinicians_are_people_with_credentials(
    client, locations, index, credentials
):
    austin = make_location(locations)
    provider = make_provider(index, [austin], credentials=credentials, job_title="NP")

    data = json_ld_of_type(client.get(provider.url), "Person")

    assert data["jobTitle"] == "NP"
    assert [c["name"] for c in data["hasCredential"]] == [
        part.strip() for part in credentials.split(",")
    ]
    assert {"@id": "http://testserver/#organization"} in data["worksFor"]
    assert {"@id": austin.json_ld_id} in data["worksFor"]


def test_do_is_a_physician_too(client, index):
    provider = make_provider(index, credentials="DO")

    assert json_ld_of_type(client.get(provider.url), "IndividualPhysician")


def names_on(response):
    return [
        h3.get_text(strip=True) for h3 in soup(response).select(".provider-card__name")
    ]


@pytest.fixture
def directory(locations, index):
    austin = make_location(locations, title="Austin")
    round_rock = make_location(locations, title="Round Rock")
    ptsd = ConditionFactory(name="PTSD")
    perinatal = SpecialtyFactory(name="Perinatal mental health")
    ana = make_provider(index, [austin], title="Ana Diaz", telehealth=True)
    ana.conditions.add(ptsd)
    ana.save()
    ben = make_provider(
        index, [round_rock], title="Ben Ito", accepting_new_patients=False
    )
    ben.specialties.add(perinatal)
    ben.save()
    make_provider(index, [austin, round_rock], title="Cai Moss", telehealth=True)
    return {"austin": austin, "round_rock": round_rock}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Ana Diaz, MD", "Ben Ito, MD", "Cai Moss, MD"]),
        ({"location": "round-rock"}, ["Ben Ito, MD", "Cai Moss, MD"]),
        ({"need": "ptsd"}, ["Ana Diaz, MD"]),
        ({"need": "perinatal-mental-health"}, ["Ben Ito, MD"]),
        ({"accepting": "on"}, ["Ana Diaz, MD", "Cai Moss, MD"]),
        ({"telehealth": "on"}, ["Ana Diaz, MD", "Cai Moss, MD"]),
        ({"location": "austin", "telehealth": "on", "need": "ptsd"}, ["Ana Diaz, MD"]),
    ],
)
def test_directory_filters_work_without_javascript(
    client, index, directory, query, expected
):
    response = client.get(index.url, query)

    assert names_on(response) == expected


def test_directory_says_clearly_when_no_provider_matches(client, index, directory):
    response = client.get(
        index.url, {"location": "austin", "need": "perinatal-mental-health"}
    )

    text = visible_text(response)
    assert names_on(response) == []
    assert "No providers match these filters." in text
    assert soup(response).find("a", string="see all providers")["href"] == index.url


def test_directory_explains_filters_it_does_not_understand(client, index, directory):
    response = client.get(index.url, {"location": "atlantis"})

    assert response.status_code == 200
    assert "Some filters were not understood" in visible_text(response)
    assert "Select a valid choice" in visible_text(response)


def test_directory_is_paginated_and_keeps_the_filters(client, locations, index):
    austin = make_location(locations, title="Austin")
    for number in range(14):
        make_provider(index, [austin], title=f"Provider {number:02d}")

    first = client.get(index.url, {"location": "austin"})
    second = client.get(index.url, {"location": "austin", "page": 2})

    assert len(names_on(first)) == 12
    assert len(names_on(second)) == 2
    assert 'href="?location=austin&amp;page=2"' in first.content.decode()
    assert "14 providers match your filters." in visible_text(first)


def test_directory_shows_only_live_providers(client, index, directory):
    make_provider(index, title="Draft Doctor", live=False)

    assert "Draft Doctor" not in " ".join(names_on(client.get(index.url)))


def count_queries(client, path, data=None):
    client.get(path, data)
    client.get(path, data)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, data)
    assert response.status_code == 200
    return len(context)


def test_directory_queries_do_not_grow_with_providers(client, locations, index):
    austin = make_location(locations)
    for _ in range(3):
        make_provider(index, [austin], headshot=ImageFactory())
    with_three = count_queries(client, index.url)

    for _ in range(27):
        make_provider(index, [austin], headshot=ImageFactory())
    cache.clear()
    with_thirty = count_queries(client, index.url)

    assert with_thirty == with_three
    assert with_thirty <= 12


def test_filtered_directory_stays_within_budget(client, index, directory):
    assert (
        count_queries(client, index.url, {"location": "austin", "need": "ptsd"}) <= 12
    )


def test_provider_page_renders_within_its_query_budget(client, locations, index):
    places = [make_location(locations) for _ in range(3)]
    provider = make_provider(index, places, headshot=ImageFactory())
    provider.specialties.add(SpecialtyFactory(), SpecialtyFactory())
    provider.save()

    assert count_queries(client, provider.url) <= 12


def test_directory_listing_is_cached_until_a_provider_is_published(
    client, index, directory
):
    for _ in range(2):  # warm, as count_queries() does
        client.get(index.url, {"telehealth": "on"})
    with CaptureQueriesContext(connection) as context:
        # A parameter the directory does not use shares the cached listing.
        response = client.get(index.url, {"telehealth": "on", "utm_source": "mail"})

    assert names_on(response) == ["Ana Diaz, MD", "Cai Moss, MD"]
    assert not any(
        "providers_providerpage" in query["sql"] for query in context.captured_queries
    )

    new = make_provider(index, title="Dee Park", telehealth=True, live=False)
    new.save_revision().publish()

    assert "Dee Park, MD" in names_on(client.get(index.url, {"telehealth": "on"}))
