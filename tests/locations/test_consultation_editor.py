"""Marketing staff build consultation forms in the admin like any Wagtail form, with
phone and preferred-time fields, and cannot build one that breaks the rules."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from locations.models import ConsultationFormPage
from tests.helpers import soup
from tests.locations.conftest import form_data, thank_you

pytestmark = pytest.mark.django_db


def field(label, field_type, required=True, choices=""):
    return {
        "label": label,
        "help_text": "",
        "required": required,
        "field_type": field_type,
        "choices": choices,
        "default_value": "",
    }


def page_post(fields, **overrides):
    data = {
        "title": "Ask us",
        "slug": "ask-us",
        "intro": rich_text(""),
        "consent_text": "You may keep and use my request.",
        "privacy_note": rich_text("<p>Kept safe.</p>"),
        "thank_you_text": rich_text("<p>Thanks!</p>"),
        "next_steps": rich_text(""),
        "to_address": "desk@clinic.example",
        "from_address": "",
        "subject": "New request",
        "send_confirmation": "on",
        "confirmation_text": "We got it.",
        "form_fields": inline_formset(fields),
        "action-publish": "publish",
        **overrides,
    }
    return nested_form_data(data)


def add_url(parent):
    return f"/admin/pages/add/locations/consultationformpage/{parent.pk}/"


def test_an_editor_builds_a_form_with_phone_and_preferred_time_and_it_works(
    clinics, admin_client, client
):
    fields = [
        field("Your name", "singleline"),
        field("Mobile number", "phone"),
        field("Best time to call", "preferred_time"),
    ]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 302, soup(response).select(".error-message")
    page = ConsultationFormPage.objects.get(slug="ask-us")
    assert page.live
    shown = client.get(page.url)
    assert soup(shown).find("input", attrs={"name": "mobile_number", "type": "tel"})
    assert soup(shown).find("input", attrs={"name": "best_time_to_call"})
    posted = client.post(
        page.url,
        form_data(
            page,
            clinics.austin,
            your_name="Ana",
            mobile_number="512 555 0100",
            best_time_to_call="Any time",
        ),
    )
    assert thank_you(posted)


def test_a_form_under_a_location_can_be_added_there(clinics, admin_client):
    fields = [field("Email", "email")]

    response = admin_client.post(add_url(clinics.austin), page_post(fields))

    assert response.status_code == 302
    page = ConsultationFormPage.objects.get(slug="ask-us")
    assert page.fixed_location == clinics.austin


def test_a_form_without_email_or_phone_is_refused(clinics, admin_client):
    response = admin_client.post(
        add_url(clinics.home), page_post([field("Name", "singleline")])
    )

    assert response.status_code == 200
    assert "Add an email or phone number field" in response.content.decode()
    assert not ConsultationFormPage.objects.filter(slug="ask-us").exists()


def test_a_field_may_not_take_a_name_the_form_uses_itself(clinics, admin_client):
    fields = [field("Email", "email"), field("Location", "singleline")]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 200
    assert "The form already has its own &#x27;location&#x27; field" in (
        response.content.decode()
    )


def test_the_fallback_address_is_required(clinics, admin_client):
    response = admin_client.post(
        add_url(clinics.home), page_post([field("Email", "email")], to_address="")
    )

    assert response.status_code == 200
    assert "Enter at least one address" in response.content.decode()


def test_the_editor_shows_the_consultation_panels(clinics, admin_client):
    response = admin_client.get(f"/admin/pages/{clinics.form_page.pk}/edit/")

    html = response.content.decode()
    for heading in ("Form fields", "Consent and privacy", "Thank-you page", "Emails"):
        assert heading in html
    assert "Preferred time of day" in html and "Phone number" in html


def test_consultation_forms_may_sit_under_the_home_page_or_a_location(clinics):
    assert ConsultationFormPage.can_create_at(clinics.home)
    assert ConsultationFormPage.can_create_at(clinics.austin)
    assert not ConsultationFormPage.can_create_at(clinics.index)
