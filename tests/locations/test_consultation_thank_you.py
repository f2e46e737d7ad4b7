"""After a valid post the browser is sent to a thank-you address (POST/redirect/GET,
issue 11): its own title, noindex, and a reload sends nothing. The form shown again
with errors is noindex too, and its error summary reads and links right."""

import pytest

from locations.models import ConsultationRequest
from tests.helpers import meta, soup, visible_text
from tests.locations.conftest import FORM_PATH, form_data

pytestmark = pytest.mark.django_db

THANK_YOU_PATH = FORM_PATH + "thank-you/"


def test_a_valid_post_redirects_to_the_thank_you_page(clinics, client):
    response = client.post(FORM_PATH, form_data(clinics.form_page, clinics.austin))

    assert response.status_code == 303
    assert response["Location"] == THANK_YOU_PATH + "?location=austin"
    assert ConsultationRequest.objects.count() == 1


def test_the_thank_you_page_has_its_own_title_noindex_and_the_clinics_phone(
    clinics, client
):
    form_page = client.get(FORM_PATH)
    response = client.get(THANK_YOU_PATH, {"location": "austin"})

    assert response.status_code == 200
    title = soup(response).title.string
    assert title.startswith("Request sent: Request a consultation")
    assert title != soup(form_page).title.string
    assert meta(response, "robots") == "noindex"
    assert meta(response, "description").startswith("Your consultation request has")
    assert "no-store" in response["Cache-Control"]
    assert "Thank you: your request has been sent" in visible_text(response)
    assert "Call our Austin Clinic clinic on (512) 555-0101" in visible_text(response)


def test_reloading_the_thank_you_page_sends_nothing_again(clinics, client):
    response = client.post(
        FORM_PATH, form_data(clinics.form_page, clinics.austin), follow=True
    )
    for _ in range(3):
        reloaded = client.get(response.redirect_chain[-1][0])

    assert reloaded.status_code == 200
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize("location", ["", "nowhere", "<script>", "round-rock"])
def test_the_thank_you_page_names_only_a_clinic_the_form_offers(
    clinics, client, location
):
    response = client.get(THANK_YOU_PATH, {"location": location})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert ("Round Rock Clinic" in visible_text(response)) is (location == "round-rock")


def test_the_thank_you_address_takes_no_post(clinics, client):
    response = client.post(THANK_YOU_PATH, form_data(clinics.form_page, clinics.austin))

    assert response.status_code == 405
    assert ConsultationRequest.objects.count() == 0


def test_spam_is_sent_to_the_same_thank_you_page(clinics, client):
    data = form_data(clinics.form_page, clinics.austin, website="http://spam.example")

    response = client.post(FORM_PATH, data)

    assert response.status_code == 303
    assert response["Location"] == THANK_YOU_PATH + "?location=austin"
    assert ConsultationRequest.objects.count() == 0


def test_the_form_shown_again_with_errors_is_noindex(clinics, client):
    fresh = client.get(FORM_PATH)
    response = client.post(
        FORM_PATH, form_data(clinics.form_page, clinics.austin, email="not-an-email")
    )

    assert meta(fresh, "robots") is None
    assert response.status_code == 200
    assert meta(response, "robots") == "noindex"


def test_error_summary_links_point_at_the_field_or_radio_group(clinics, client):
    response = client.post(
        FORM_PATH,
        form_data(
            clinics.form_page,
            clinics.austin,
            email="",
            preferred_contact_method=None,
            preferred_time_of_day="Midnight",
        ),
    )

    page = soup(response)
    links = page.select(".error-summary a")
    targets = [link["href"] for link in links]
    assert "#" not in targets
    assert "#id_email" in targets
    assert "#id_preferred_contact_method_group" in targets
    assert "#id_preferred_time_of_day_group" in targets
    for target in targets:
        element = page.find(id=target[1:])
        assert element is not None, target
    group = page.find(id="id_preferred_contact_method_group")
    assert group.name == "fieldset" and group.legend


def test_the_consent_error_reads_as_one_sentence(clinics, client):
    response = client.post(
        FORM_PATH, form_data(clinics.form_page, clinics.austin, privacy_consent=None)
    )

    summary = visible_text(response)
    assert "about my request: Tick this box" in summary
    assert ".:" not in summary
