"""Bad input gets a clear message next to its field, keeps the other answers, stores
nothing, and never causes a server error."""

import pytest

from locations.models import ConsultationNotification, ConsultationRequest
from tests.factories import make_consultation_page
from tests.helpers import soup
from tests.locations.conftest import ANSWERS, FORM_PATH, field_errors, form_data

pytestmark = pytest.mark.django_db


def assert_nothing_stored():
    assert not ConsultationRequest.objects.exists()
    assert not ConsultationNotification.objects.exists()


def kept_value(response, name):
    field = soup(response).find(attrs={"name": name})
    if field.name == "textarea":
        return field.text.strip()
    return field.get("value")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "first_name",
            "x" * 256,
            "Ensure this value has at most 255 characters (it has 256).",
        ),
        (
            "what_would_you_like_help_with",
            "y" * 2001,
            "Ensure this value has at most 2000 characters (it has 2001).",
        ),
        ("email", "not-an-address", "Enter an email address such as name@example.com."),
        (
            "phone",
            "555-CALL-NOW",
            "Enter a phone number such as (512) 555-0142, or one starting with + and "
            "the country code.",
        ),
        ("phone", "1" * 40, "Enter at most 30 characters."),
        (
            "first_name",
            "Mari\x00sol",
            "This answer contains invisible or unreadable characters. Please type it "
            "again.",
        ),
        (
            "last_name",
            "Q\u202euenneville",
            "This answer contains invisible or unreadable characters. Please type it "
            "again.",
        ),
        (
            "what_would_you_like_help_with",
            "Sleep\x07 badly",
            "This answer contains invisible or unreadable characters. Please type it "
            "again.",
        ),
        (
            "phone",
            "512\x00555\x000142",
            "This answer contains invisible or unreadable characters. Please type it "
            "again.",
        ),
        (
            "preferred_contact_method",
            "Carrier pigeon",
            "Choose one of the options listed.",
        ),
        ("preferred_time_of_day", "Midnight", "Choose one of the options listed."),
        ("first_name", "", "This field is required."),
    ],
)
def test_bad_answers_get_a_clear_message_next_to_their_field(
    clinics, post_request, field, value, message
):
    response = post_request(clinics.form_page, clinics.austin, **{field: value})

    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    assert_nothing_stored()


def test_other_answers_are_kept_when_one_is_wrong(clinics, post_request):
    response = post_request(clinics.form_page, clinics.austin, email="nope")

    assert kept_value(response, "first_name") == ANSWERS["first_name"]
    assert kept_value(response, "phone") == ANSWERS["phone"]
    assert (
        kept_value(response, "what_would_you_like_help_with")
        == (ANSWERS["what_would_you_like_help_with"])
    )
    chosen = (
        soup(response)
        .find("select", attrs={"name": "location"})
        .find("option", selected=True)
    )
    assert chosen.text == "Austin Clinic"
    email = soup(response).find("input", attrs={"name": "email"})
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"]
    summary = soup(response).find(class_="error-summary")
    assert summary.find("a", href="#id_email")


def test_line_breaks_are_fine_in_a_multi_line_answer(clinics, post_request):
    text = "First line\r\nSecond line\twith a tab"

    response = post_request(
        clinics.form_page, clinics.austin, what_would_you_like_help_with=text
    )

    assert response.status_code == 200
    stored = ConsultationRequest.objects.get()
    assert stored.get_data()["what_would_you_like_help_with"] == (
        "First line\nSecond line\twith a tab"
    )


@pytest.mark.parametrize(
    "location", ["", "999999", "1; DROP TABLE", "\x00", "x" * 10_000]
)
def test_a_missing_or_forged_location_is_refused(clinics, client, location):
    response = client.post(
        FORM_PATH, {**form_data(clinics.form_page), "location": location}
    )

    assert response.status_code == 200
    assert field_errors(response, "location") in (
        ["Choose the location where you would like to be seen."],
        ["Choose one of the locations in the list."],
    )
    assert_nothing_stored()


def test_an_unpublished_location_cannot_be_chosen(clinics, post_request):
    clinics.round_rock.unpublish()

    response = post_request(clinics.form_page, clinics.round_rock)

    assert field_errors(response, "location") == [
        "Choose one of the locations in the list."
    ]
    assert_nothing_stored()


def test_undecodable_bytes_get_a_message_not_an_error(clinics, client):
    data = form_data(clinics.form_page, clinics.austin)
    body = "&".join(
        f"{key}={value}" for key, value in data.items() if key != "first_name"
    ).encode()
    body += b"&first_name=Mari%FF%FEsol"

    response = client.generic(
        "POST", FORM_PATH, body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert field_errors(response, "first_name")
    assert_nothing_stored()


def test_a_garbled_multipart_post_is_a_bad_request_not_a_server_error(clinics, client):
    response = client.generic(
        "POST",
        FORM_PATH,
        b"--nope\r\ngarbage",
        content_type="multipart/form-data; boundary=",
    )

    assert response.status_code == 400
    assert_nothing_stored()


def test_every_field_type_refuses_garbage_without_a_server_error(clinics, post_request):
    types = [
        "singleline",
        "multiline",
        "email",
        "number",
        "url",
        "checkbox",
        "checkboxes",
        "dropdown",
        "multiselect",
        "radio",
        "date",
        "datetime",
        "hidden",
        "phone",
        "preferred_time",
    ]
    fields = [
        {"label": f"Answer {kind}", "field_type": kind, "choices": "One\nTwo"}
        for kind in types
    ]
    page = make_consultation_page(clinics.home, slug="every-type", fields=fields)
    garbage = "\x00<script>alert(1)</script>" + "\u202e" * 3 + "9" * 300
    answers = {f"answer_{kind}": garbage for kind in types}

    response = post_request(page, clinics.austin, path=page.url, **answers)

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    for kind in types:
        if kind not in ("checkbox", "hidden"):
            assert field_errors(response, f"answer_{kind}"), kind
    assert_nothing_stored()
