"""Who is told about a request (routing.py): the location's active managers with an
address, then its extra addresses, each once; or the form's own address when the
location has nobody."""

from types import SimpleNamespace

import pytest

from locations.consultations.routing import (
    fallback_recipients,
    location_recipients,
    route_request,
    unique_addresses,
)
from tests.factories import make_location_manager


def test_addresses_are_kept_once_in_their_first_spelling_and_order():
    addresses = [
        " Desk@Clinic.example ",
        "nurse@clinic.example",
        "desk@clinic.example",
        "",
        "   ",
        "NURSE@CLINIC.EXAMPLE",
        "doctor@clinic.example",
    ]

    assert unique_addresses(addresses) == [
        "Desk@Clinic.example",
        "nurse@clinic.example",
        "doctor@clinic.example",
    ]


@pytest.mark.parametrize(
    ("to_address", "expected"),
    [
        ("frontdesk@clinic.example", ["frontdesk@clinic.example"]),
        (
            "a@clinic.example, b@clinic.example,,A@clinic.example",
            ["a@clinic.example", "b@clinic.example"],
        ),
        ("", []),
        (None, []),
    ],
)
def test_the_forms_address_may_list_several_separated_by_commas(to_address, expected):
    assert fallback_recipients(SimpleNamespace(to_address=to_address)) == expected


def test_without_a_location_the_form_address_is_told_and_flagged():
    form_page = SimpleNamespace(to_address="frontdesk@clinic.example")

    assert route_request(None, form_page) == (["frontdesk@clinic.example"], True)


@pytest.mark.django_db
def test_managers_come_first_in_the_order_they_were_added_then_extra_addresses(
    clinics,
):
    later = make_location_manager(
        clinics.austin, "austin-deputy", email="deputy@clinic.example"
    )
    clinics.austin.notification_emails = (
        "austin-desk@clinic.example\nDEPUTY@clinic.example\nbilling@clinic.example"
    )
    clinics.austin.save()

    assert location_recipients(clinics.austin) == [
        "austin-manager@clinic.example",
        later.email,
        "austin-desk@clinic.example",
        "billing@clinic.example",
    ]


@pytest.mark.django_db
def test_inactive_managers_and_those_without_an_address_are_not_told(clinics):
    make_location_manager(clinics.round_rock, "gone", is_active=False)
    make_location_manager(clinics.round_rock, "no-email", email="")

    assert location_recipients(clinics.round_rock) == ["rr-manager@clinic.example"]


@pytest.mark.django_db
def test_a_location_with_people_is_routed_to_them_not_the_form(clinics):
    assert route_request(clinics.round_rock, clinics.form_page) == (
        ["rr-manager@clinic.example"],
        False,
    )


@pytest.mark.django_db
def test_a_location_with_nobody_falls_back_to_the_forms_address(clinics):
    clinics.round_rock.managers.clear()
    clinics.round_rock.save()

    assert route_request(clinics.round_rock, clinics.form_page) == (
        ["frontdesk@clinic.example"],
        True,
    )
