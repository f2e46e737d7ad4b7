"""A person's valid request: stored encrypted with its location, routed to that
location's people only, announced by emails that carry no answers."""

import pytest
from django.core import mail
from django.db import connection

from locations.models import (
    ConsultationNotification,
    ConsultationRequest,
    ConsultationStatus,
    NotificationKind,
)
from tests.factories import make_consultation_page, make_location_manager
from tests.helpers import soup, visible_text
from tests.locations.conftest import ANSWERS, thank_you
from tests.tasks import run_queued_tasks

pytestmark = pytest.mark.django_db


def staff_recipients():
    return sorted(
        ConsultationNotification.objects.filter(
            kind=NotificationKind.STAFF
        ).values_list("recipient", flat=True)
    )


def test_a_request_is_stored_with_its_location_and_the_visitor_thanked(
    clinics, post_request
):
    response = post_request(clinics.form_page, clinics.austin)

    assert response.status_code == 200 and thank_you(response)
    stored = ConsultationRequest.objects.get()
    assert stored.location == clinics.austin
    assert stored.location_name == "Austin Clinic"
    assert stored.page_id == clinics.form_page.pk
    assert stored.status == ConsultationStatus.NEW
    assert stored.get_data()["first_name"] == "Marisol"
    assert stored.get_data()["phone"] == "+15125550177"
    assert (
        dict(stored.answer_rows())["What would you like help with?"]
        == (ANSWERS["what_would_you_like_help_with"])
    )


def test_the_thank_you_page_gives_the_chosen_locations_phone(clinics, post_request):
    response = post_request(clinics.form_page, clinics.round_rock)

    text = visible_text(response)
    assert "Call our Round Rock Clinic clinic on (512) 555-0202" in text
    assert soup(response).find("a", href="tel:+15125550202")
    assert soup(response).find("meta", attrs={"name": "robots", "content": "noindex"})
    assert "Marisol" not in response.content.decode()


def test_a_request_for_location_a_notifies_exactly_as_recipients(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)

    assert staff_recipients() == [
        "austin-desk@clinic.example",
        "austin-manager@clinic.example",
    ]
    run_queued_tasks()
    staff_mail = [m for m in mail.outbox if m.to != [ANSWERS["email"]]]
    assert sorted(m.to[0] for m in staff_mail) == staff_recipients()
    assert all("rr-manager@clinic.example" not in m.to for m in mail.outbox)


def test_a_request_for_location_b_does_not_reach_location_a(clinics, post_request):
    post_request(clinics.form_page, clinics.round_rock)

    assert staff_recipients() == ["rr-manager@clinic.example"]


def test_inactive_managers_and_managers_without_email_are_not_notified(
    clinics, post_request
):
    make_location_manager(clinics.round_rock, "gone", is_active=False)
    make_location_manager(clinics.round_rock, "no-email", email="")

    post_request(clinics.form_page, clinics.round_rock)

    assert staff_recipients() == ["rr-manager@clinic.example"]


def test_a_location_with_nobody_falls_back_to_the_form_address_and_is_flagged(
    clinics, post_request
):
    clinics.round_rock.managers.clear()
    clinics.round_rock.save()

    post_request(clinics.form_page, clinics.round_rock)

    stored = ConsultationRequest.objects.get()
    assert stored.routed_to_fallback
    assert staff_recipients() == ["frontdesk@clinic.example"]
    run_queued_tasks()
    staff_mail = next(m for m in mail.outbox if m.to == ["frontdesk@clinic.example"])
    assert "nobody is set to receive requests for Round Rock Clinic" in (
        staff_mail.body
    )


def test_no_answer_appears_in_any_email_to_staff_or_visitor(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)

    run_queued_tasks()

    assert len(mail.outbox) == 3
    secrets = [
        "Marisol",
        "Quenneville",
        "marisol.q",
        "visitor.example",
        "555-0177",
        "5550177",
        "Text message",
        "Evening",
        "Panic",
        "divorce",
        "Friend or family",
    ]
    for message in mail.outbox:
        alternatives = getattr(message, "alternatives", [])
        content = f"{message.subject}\n{message.body}\n{alternatives}"
        for secret in secrets:
            assert secret not in content, (secret, message.to)


def test_staff_email_names_the_location_and_links_to_the_request_in_the_admin(
    clinics, post_request
):
    post_request(clinics.form_page, clinics.austin)
    run_queued_tasks()

    stored = ConsultationRequest.objects.get()
    message = next(m for m in mail.outbox if m.to == ["austin-manager@clinic.example"])
    assert message.subject == "New consultation request: Austin Clinic"
    assert (
        f"http://testserver/admin/consultation-requests/inspect/{stored.pk}/"
        in message.body
    )
    assert message.from_email == "hello@clinic.example"


def test_the_visitor_confirmation_says_it_arrived_and_nothing_else(
    clinics, post_request
):
    post_request(clinics.form_page, clinics.austin)
    run_queued_tasks()

    confirmation = next(m for m in mail.outbox if m.to == [ANSWERS["email"]])
    assert confirmation.subject == "We received your consultation request"
    assert "does not repeat what you told us" in confirmation.body
    assert "Austin" not in confirmation.body
    # Once sent, the visitor's address is no longer kept with the notification.
    note = ConsultationNotification.objects.get(kind=NotificationKind.VISITOR)
    assert note.sent_at is not None and note.recipient_encrypted == ""


def test_no_confirmation_when_the_page_turns_it_off_or_no_email_was_given(
    clinics, post_request
):
    clinics.form_page.send_confirmation = False
    clinics.form_page.save_revision().publish()
    post_request(clinics.form_page, clinics.austin)

    page = make_consultation_page(
        clinics.home,
        slug="phone-only",
        fields=[{"label": "Phone", "field_type": "phone"}],
    )
    post_request(page, clinics.austin, path=page.url)

    assert not ConsultationNotification.objects.filter(kind=NotificationKind.VISITOR)


def test_the_stored_form_data_column_is_empty_and_answers_are_not_plaintext(
    clinics, post_request
):
    post_request(clinics.form_page, clinics.austin)

    with connection.cursor() as cursor:
        cursor.execute("SELECT form_data, answers FROM locations_consultationrequest")
        ((form_data, answers),) = cursor.fetchall()
    assert form_data in ("{}", {})
    raw = f"{form_data}{answers}"
    for value in ("Marisol", "Quenneville", "marisol.q", "Panic", "5550177"):
        assert value not in raw
    notes = list(
        ConsultationNotification.objects.values_list("recipient", "recipient_encrypted")
    )
    assert all("marisol" not in f"{a}{b}" for a, b in notes)


def test_a_request_and_its_notifications_are_stored_together_or_not_at_all(
    clinics, monkeypatch
):
    from django.db import DatabaseError

    from tests.locations.conftest import form_data

    page = clinics.form_page
    form = page.get_form(form_data(page, clinics.austin), page=page, user=None)
    assert form.is_valid(), form.errors

    def fail(*args, **kwargs):
        raise DatabaseError("the database went away mid-request")

    monkeypatch.setattr(
        "locations.consultations.models.form_page.queue_notifications", fail
    )
    with pytest.raises(DatabaseError):
        page.process_form_submission(form)

    assert not ConsultationRequest.objects.exists()
