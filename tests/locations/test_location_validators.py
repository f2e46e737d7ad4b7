"""The checks on facts editors type about a location (no database): ZIP codes and the
lists of notification addresses."""

import pytest
from django.core.exceptions import ValidationError

from locations.validators import (
    US_STATES,
    US_TIME_ZONES,
    split_email_list,
    validate_email_list,
    validate_zip_code,
)


@pytest.mark.parametrize("value", ["78701", "78701-1234", "00501"])
def test_zip_and_zip_plus_four_are_accepted(value):
    validate_zip_code(value)


@pytest.mark.parametrize(
    "value",
    ["", None, "7870", "787011", "78701-123", "78701-12345", "78701 1234", "ABCDE",
     " 78701", "78701\n", "x78701", "７８７０１"],
)  # fmt: skip
def test_anything_else_is_refused_with_an_example(value):
    with pytest.raises(ValidationError) as caught:
        validate_zip_code(value)

    assert caught.value.code == "invalid_zip"
    assert caught.value.messages == [
        "Enter a ZIP code of five digits, or ZIP+4 such as 78701-1234."
    ]


def test_addresses_may_be_one_per_line_or_separated_by_commas_or_semicolons():
    text = " desk@clinic.example \n\nnurse@clinic.example, a@b.example;c@d.example\r\n"

    assert split_email_list(text) == [
        "desk@clinic.example",
        "nurse@clinic.example",
        "a@b.example",
        "c@d.example",
    ]


@pytest.mark.parametrize("value", ["", None, " \n , ; "])
def test_an_empty_list_has_no_addresses_and_is_valid(value):
    assert split_email_list(value) == []
    validate_email_list(value)


def test_a_list_of_good_addresses_is_valid():
    validate_email_list("desk@clinic.example\nnurse@clinic.example")


def test_every_bad_address_is_named_in_one_message():
    with pytest.raises(ValidationError) as caught:
        validate_email_list("desk@clinic.example\nnot-an-address\nalso bad@x")

    assert caught.value.code == "invalid_emails"
    assert caught.value.messages == [
        "These are not valid email addresses: not-an-address, also bad@x. "
        "Put one address per line."
    ]


def test_the_choices_cover_every_state_and_us_time_zone_once():
    codes = [code for code, _ in US_STATES]
    assert len(codes) == len(set(codes)) == 52
    assert ("TX", "Texas") in US_STATES
    assert [zone for zone, _ in US_TIME_ZONES][:2] == [
        "America/New_York",
        "America/Chicago",
    ]
