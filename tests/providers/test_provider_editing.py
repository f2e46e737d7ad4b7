"""Editors add providers in the admin; NPI and credentials are checked there."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from locations.models import LocationPage
from providers.models import Condition, ProviderEducation, ProviderPage, Specialty
from providers.validators import validate_npi
from tests.factories import (
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    make_location,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProviderIndexPageFactory(parent=home_page)


def provider_form_data(locations=(), **overrides):
    data = {
        "title": "Maya Torres",
        "slug": "maya-torres",
        "credentials": "MD",
        "job_title": "Psychiatrist",
        "summary": "Cares for adults with depression.",
        "bio": rich_text("<p>Maya trained in Houston.</p>"),
        "languages": "English, Spanish",
        "npi": "1234567893",
        "accepting_new_patients": "on",
        "education": inline_formset([]),
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    form_data["locations"] = [str(location.pk) for location in locations]
    return form_data


def create(client, index, **kwargs):
    return client.post(
        f"/admin/pages/add/providers/providerpage/{index.pk}/",
        provider_form_data(**kwargs),
    )


def errors_for(response, field):
    return " ".join(response.context["form"].errors.get(field, []))


def test_a_valid_provider_is_created_at_their_locations(admin_client, home_page, index):
    location = make_location(LocationIndexPageFactory(parent=home_page))

    response = create(admin_client, index, locations=[location])

    assert response.status_code == 302
    provider = ProviderPage.objects.get(slug="maya-torres")
    assert list(provider.locations.all()) == [location]
    assert provider.npi == "1234567893"


@pytest.mark.parametrize(
    ("npi", "message"),
    [
        ("1234567890", "check digit is wrong"),
        ("123456789", "exactly 10 digits"),
        ("12345678AB", "exactly 10 digits"),
    ],
)
def test_a_wrong_npi_is_refused_with_a_clear_message(admin_client, index, npi, message):
    response = create(admin_client, index, npi=npi)

    assert response.status_code == 200
    assert message in errors_for(response, "npi")
    assert not ProviderPage.objects.exists()


def test_npi_is_optional(admin_client, index):
    assert create(admin_client, index, npi="").status_code == 302


@pytest.mark.parametrize("npi", ["1234567893", "1260181593", "1830166132"])
def test_npis_with_a_correct_luhn_check_digit_pass(npi):
    validate_npi(npi)


def test_credentials_must_be_abbreviations(admin_client, index):
    response = create(admin_client, index, credentials="MD; <b>DO</b>")

    assert "Write credentials as abbreviations" in errors_for(response, "credentials")


@pytest.mark.parametrize(
    "model",
    [ProviderPage, ProviderEducation, Specialty, Condition, LocationPage],
    ids=lambda model: model.__name__,
)
def test_every_field_editors_fill_in_has_help_text(model):
    wagtail_own = {"title", "slug", "page_ptr", "id", "sort_order", "page"}
    missing = [
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "model", None) is model
        and field.concrete
        and field.editable
        and field.name not in wagtail_own
        and not field.help_text
    ]
    assert missing == []
