"""The consultation form as visitors see it: the location choice the code adds, the
consent checkbox, the privacy note, and a bounded number of queries."""

import pytest
from wagtail.models import Page

from home.models import ClinicSettings
from locations.models import ConsultationFormPage, ConsultationRequest
from tests.factories import make_consultation_page, make_location
from tests.helpers import meta, soup, visible_text
from tests.locations.conftest import FORM_PATH, field_errors, thank_you

pytestmark = pytest.mark.django_db

FORM_PAGE_QUERY_BUDGET = 14
# Wagtail's routing costs two queries per level: this page sits two levels deeper.
FIXED_LOCATION_FORM_QUERY_BUDGET = 17


def location_options(response):
    select = soup(response).find("select", attrs={"name": "location"})
    return [
        (option.get("value"), option.text, option.has_attr("selected"))
        for option in select.find_all("option")
    ]


def test_the_form_offers_the_live_locations_by_name_and_requires_one(clinics, client):
    draft = make_location(clinics.index, title="Opening Soon Clinic", slug="soon")
    draft.unpublish()

    response = client.get(FORM_PATH)

    options = location_options(response)
    assert [text for _, text, _ in options] == [
        "Choose a location",
        "Austin Clinic",
        "Round Rock Clinic",
    ]
    assert options[0][0] == ""
    select = soup(response).find("select", attrs={"name": "location"})
    assert select.has_attr("required")
    assert soup(response).find("label", attrs={"for": "id_location"}).text == "Location"


def test_a_location_link_preselects_that_location(clinics, client):
    response = client.get(f"{FORM_PATH}?location=round-rock")

    selected = [text for _, text, chosen in location_options(response) if chosen]
    assert selected == ["Round Rock Clinic"]


@pytest.mark.parametrize(
    "query", ["?location=nowhere", "?location=%00round-rock", "?location=" + "x" * 5000]
)
def test_an_unknown_location_in_the_link_preselects_nothing(clinics, client, query):
    response = client.get(FORM_PATH + query)

    assert response.status_code == 200
    assert not [v for v, _, chosen in location_options(response) if chosen and v]


def test_the_location_and_provider_buttons_lead_to_the_preselected_form(
    clinics, client
):
    clinic = ClinicSettings.for_site(clinics.home.get_site())
    clinic.consultation_page = clinics.form_page
    clinic.save()

    response = client.get(clinics.austin.url)

    link = soup(response).find("a", string="Request a consultation at this location")
    assert link["href"] == f"{FORM_PATH}?location=austin"
    followed = client.get(link["href"])
    assert [t for _, t, chosen in location_options(followed) if chosen] == [
        "Austin Clinic"
    ]


def test_a_form_under_a_location_is_fixed_to_it(clinics, client, post_request):
    page = make_consultation_page(clinics.round_rock, slug="ask-round-rock")

    response = client.get(page.url)
    assert not soup(response).find("select", attrs={"name": "location"})
    assert "Your request goes to our Round Rock Clinic clinic" in visible_text(response)

    # Whatever the post says, the request goes to the page's own location.
    response = post_request(page, clinics.austin, path=page.url)

    assert thank_you(response)
    assert ConsultationRequest.objects.get().location == clinics.round_rock


def test_the_consent_checkbox_is_required_and_links_to_the_privacy_page(
    clinics, client, post_request
):
    privacy = Page.objects.get(pk=clinics.home.pk).add_child(
        instance=Page(title="Privacy", slug="privacy")
    )
    clinic = ClinicSettings.for_site(clinics.home.get_site())
    clinic.privacy_page = privacy
    clinic.save()
    clinics.form_page.consent_text = "Yes, you may keep my request and call me."
    clinics.form_page.save_revision().publish()

    response = client.get(FORM_PATH)
    checkbox = soup(response).find("input", attrs={"name": "privacy_consent"})
    assert checkbox.has_attr("required")
    label = soup(response).find("label", attrs={"for": checkbox["id"]})
    assert label.text == "Yes, you may keep my request and call me."
    help_text = soup(response).find(id=checkbox["aria-describedby"])
    assert help_text.find("a", href="/privacy/")

    response = post_request(clinics.form_page, clinics.austin, privacy_consent=None)
    assert field_errors(response, "privacy_consent") == [
        "Tick this box so that we may store your request and contact you about it."
    ]
    assert not ConsultationRequest.objects.exists()


def test_the_privacy_note_is_shown_under_the_form(clinics, client):
    clinics.form_page.privacy_note = "<p>We keep requests for six months.</p>"
    clinics.form_page.save_revision().publish()

    response = client.get(FORM_PATH)

    form = soup(response).find("form", class_="consultation-form")
    note = soup(response).find(class_="consultation__privacy")
    assert "We keep requests for six months." in note.text
    assert form.sourceline < note.sourceline


def test_every_field_has_a_label_and_the_page_loads_no_third_party_script(
    clinics, client
):
    response = client.get(FORM_PATH)
    page = soup(response)

    for field in page.select("form.consultation-form input, form select, textarea"):
        if field.get("type") in ("hidden", "radio", "submit"):
            continue
        assert page.find("label", attrs={"for": field["id"]}), field
    for radio_group in page.select("form.consultation-form fieldset"):
        assert radio_group.find("legend").text.strip()
    scripts = [script.get("src") for script in page.find_all("script", src=True)]
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert len(page.find_all("h1")) == 1


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(clinics, client):
    response = client.get(FORM_PATH)

    trap = soup(response).find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(class_="hp-field")["aria-hidden"] == "true"


@pytest.mark.parametrize("location_count", [2, 12])
def test_the_form_page_renders_within_its_query_budget(
    clinics, client, django_assert_max_num_queries, location_count
):
    for number in range(location_count - 2):
        make_location(clinics.index, title=f"Extra Clinic {number}")
    for _ in range(2):  # the first view creates the main menu, the second caches it
        client.get(FORM_PATH)

    with django_assert_max_num_queries(FORM_PAGE_QUERY_BUDGET):
        response = client.get(f"{FORM_PATH}?location=austin")

    assert len(location_options(response)) == location_count + 1


def test_the_fixed_location_form_renders_within_its_query_budget(
    clinics, client, django_assert_max_num_queries
):
    page = make_consultation_page(clinics.austin, slug="ask-austin")
    for _ in range(2):
        client.get(page.url)

    with django_assert_max_num_queries(FIXED_LOCATION_FORM_QUERY_BUDGET):
        response = client.get(page.url)

    assert response.status_code == 200


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_editors_can_preview_the_form_and_its_thank_you_page(clinics, mode):
    response = clinics.form_page.make_preview_request(preview_mode=mode)

    assert response.status_code == 200
    text = visible_text(response)
    if mode == "form":
        assert "Send my request" in text
    else:
        assert "Thank you: your request has been sent" in text


def test_without_a_search_description_the_intro_describes_the_page(clinics, client):
    clinics.form_page.intro = "<p>Ask for a <b>first visit</b> at any clinic.</p>"
    clinics.form_page.save_revision().publish()

    response = client.get(FORM_PATH)

    assert meta(response, "description") == "Ask for a first visit at any clinic."


def test_form_follows_republished_fields_and_a_draft_keeps_its_own(clinics, client):
    page = ConsultationFormPage.objects.get(pk=clinics.form_page.pk)
    client.get(page.url)  # fields and their rendering cached
    fields = list(page.form_fields.all())
    fields[0].label = "What should we call you?"
    page.form_fields = fields

    # A preview builds the form from the draft's fields, not the cached ones.
    assert page.get_form_fields()[0].label == "What should we call you?"
    assert "What should we call you?" not in client.get(page.url).content.decode()

    page.save_revision().publish()

    assert "What should we call you?" in client.get(page.url).content.decode()
