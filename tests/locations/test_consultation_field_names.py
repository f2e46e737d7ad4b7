"""Names derived from editor text (issue 9, kind 1): a form field's name comes from its
label, so the label is checked when the editor saves; a form saved before the check
still renders with names browsers send, and keeps every answer."""

import pytest

from locations.consultations.forms import EMPTY_NAME_MESSAGE
from locations.models import ConsultationFormField, ConsultationFormPage
from tests.factories import make_consultation_page
from tests.helpers import soup
from tests.locations.conftest import form_data, thank_you
from tests.locations.test_consultation_editor import add_url, field, page_post

pytestmark = pytest.mark.django_db


def error_next_to_label(response, label):
    """The error text Wagtail shows in the wrapper of the label box holding `label`."""
    box = soup(response).find("input", attrs={"name": True, "value": label})
    wrapper = box.find_parent(class_="w-field__wrapper")
    return " ".join(
        node.get_text(" ", strip=True) for node in wrapper.select(".error-message")
    )


@pytest.mark.parametrize("label", ["😀", "???", "★", "-- !"])
def test_a_label_with_no_letters_is_refused_next_to_the_label(
    clinics, admin_client, label
):
    fields = [field("Email", "email"), field(label, "singleline", required=False)]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 200
    assert not ConsultationFormPage.objects.filter(slug="ask-us").exists()
    assert EMPTY_NAME_MESSAGE in error_next_to_label(response, label)


@pytest.mark.parametrize(
    "label, name",
    [
        ("Submit", "submit"),
        ("Action", "action"),
        ("csrfmiddlewaretoken", "csrfmiddlewaretoken"),
        ("Website", "website"),
        ("Form token", "form_token"),
        ("Privacy consent", "privacy_consent"),
    ],
)
def test_a_label_whose_name_the_form_django_or_browsers_use_is_refused(
    clinics, admin_client, label, name
):
    fields = [field("Email", "email"), field(label, "singleline", required=False)]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 200
    assert not ConsultationFormPage.objects.filter(slug="ask-us").exists()
    assert f"'{name}'" in error_next_to_label(response, label)


def test_two_labels_with_one_name_are_refused(clinics, admin_client):
    fields = [
        field("Email", "email"),
        field("First name", "singleline"),
        field("First-name!", "singleline"),
    ]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 200
    assert "conflicts with another field" in error_next_to_label(
        response, "First-name!"
    )
    assert not ConsultationFormPage.objects.filter(slug="ask-us").exists()


def test_an_ordinary_form_keeps_its_names(clinics, admin_client):
    fields = [field("Email", "email"), field("Mood (😀)", "singleline")]

    response = admin_client.post(add_url(clinics.home), page_post(fields))

    assert response.status_code == 302
    page = ConsultationFormPage.objects.get(slug="ask-us")
    assert [f.clean_name for f in page.form_fields.all()] == ["email", "mood"]


@pytest.fixture
def form_saved_in_a_bad_state(clinics):
    """A form saved before names were checked: two emoji labels (both named ''),
    one required, and a field named like the honeypot."""
    page = make_consultation_page(
        clinics.home,
        slug="old-form",
        fields=[
            {"label": "Email", "field_type": "email"},
            {"label": "How do you feel?", "field_type": "singleline"},
            {"label": "Anything else?", "field_type": "singleline", "required": False},
            {"label": "Your website", "field_type": "singleline", "required": False},
        ],
    )
    rows = list(page.form_fields.order_by("sort_order", "pk"))
    ConsultationFormField.objects.filter(pk=rows[1].pk).update(
        label="😀", clean_name=""
    )
    ConsultationFormField.objects.filter(pk=rows[2].pk).update(label="★", clean_name="")
    ConsultationFormField.objects.filter(pk=rows[3].pk).update(clean_name="website")
    return ConsultationFormPage.objects.get(pk=page.pk), rows


def test_a_form_saved_in_a_bad_state_renders_names_browsers_send(
    client, form_saved_in_a_bad_state
):
    page, rows = form_saved_in_a_bad_state

    response = client.get(page.url)

    assert response.status_code == 200
    names = [
        tag["name"] for tag in soup(response).select("form.consultation-form [name]")
    ]
    assert "" not in names
    assert len(names) == len(set(names))
    assert f"field_{rows[1].pk}" in names and f"field_{rows[2].pk}" in names
    assert f"field_{rows[3].pk}" in names  # the honeypot keeps its own name
    assert names.count("website") == 1


def test_a_form_saved_in_a_bad_state_accepts_posts_and_keeps_every_answer(
    client, clinics, form_saved_in_a_bad_state
):
    page, rows = form_saved_in_a_bad_state
    data = form_data(page, clinics.austin)
    data.update(
        {
            f"field_{rows[1].pk}": "Tired but hopeful",
            f"field_{rows[2].pk}": "Evenings only",
            f"field_{rows[3].pk}": "https://me.example",
        }
    )

    response = client.post(page.url, data)

    assert thank_you(response)
    stored = page.get_submission_class().objects.get()
    answers = dict(stored.answer_rows())
    assert answers["😀"] == "Tired but hopeful"
    assert answers["★"] == "Evenings only"
    assert answers["Your website"] == "https://me.example"
