"""The checks on provider facts (no database): the NPI's format and check digit, and
credentials written as abbreviations."""

import pytest
from django.core.exceptions import ValidationError

from providers.validators import (
    luhn_valid,
    split_credentials,
    validate_credentials,
    validate_npi,
)

# Valid NPIs: CMS's worked example and others with a correct check digit.
VALID_NPIS = ["1234567893", "1245319599", "1003000126"]


@pytest.mark.parametrize("npi", VALID_NPIS)
def test_npis_with_the_right_check_digit_pass(npi):
    validate_npi(npi)


@pytest.mark.parametrize("npi", VALID_NPIS)
def test_every_other_last_digit_is_refused(npi):
    for digit in "0123456789":
        if digit == npi[-1]:
            continue
        with pytest.raises(ValidationError) as caught:
            validate_npi(npi[:-1] + digit)
        assert caught.value.code == "npi_check_digit"
        assert caught.value.messages == [
            "This NPI's check digit is wrong: please copy it again from the NPI "
            "registry (npiregistry.cms.hhs.gov)."
        ]


@pytest.mark.parametrize(
    "npi", ["", None, "123456789", "12345678931", "123456789X", " 1234567893",
            "1234567893\n", "１２３４５６７８９３"],
)  # fmt: skip
def test_an_npi_that_is_not_ten_digits_is_refused_with_an_example(npi):
    with pytest.raises(ValidationError) as caught:
        validate_npi(npi)

    assert caught.value.code == "npi_format"
    assert caught.value.messages == ["An NPI is exactly 10 digits, e.g. 1234567893."]


def test_the_check_digit_is_computed_over_the_number_with_the_card_prefix():
    # 1234567893 passes only with the 80840 prefix; without it, Luhn says no.
    assert luhn_valid("808401234567893")
    assert not luhn_valid("1234567893")


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("0", True), ("18", True), ("59", True), ("91", True), ("79927398713", True),
     ("79927398710", False), ("19", False), ("5", False), ("26", True),
     ("27", False)],
)  # fmt: skip
def test_luhn_doubles_every_second_digit_from_the_right(digits, valid):
    assert luhn_valid(digits) is valid


def test_credentials_are_split_on_commas_without_blanks():
    assert split_credentials(" MD, ,PMHNP-BC ,") == ["MD", "PMHNP-BC"]
    assert split_credentials(None) == []
    assert split_credentials("") == []


@pytest.mark.parametrize(
    "value", ["MD", "DNP, PMHNP-BC", "Ph.D.", "M.S.W./LCSW", "", None,
              "A" + "b" * 19],
)  # fmt: skip
def test_abbreviations_pass(value):
    validate_credentials(value)


@pytest.mark.parametrize(
    ("value", "named"),
    [("Doctor of Medicine", "Doctor of Medicine"), ("MD, 1st", "1st"),
     ("A" + "b" * 20, "A" + "b" * 20), ("MD; DO", "MD; DO"), ("-MD", "-MD")],
)  # fmt: skip
def test_anything_else_is_refused_naming_what_was_not_understood(value, named):
    with pytest.raises(ValidationError) as caught:
        validate_credentials(value)

    assert caught.value.code == "credentials"
    assert caught.value.messages == [
        "Write credentials as abbreviations separated by commas, e.g. 'MD' or "
        f"'DNP, PMHNP-BC' (not understood: {named})."
    ]


def test_every_bad_credential_is_named():
    with pytest.raises(ValidationError) as caught:
        validate_credentials("MD, Doctor of Osteopathy, 2nd")

    assert "(not understood: Doctor of Osteopathy, 2nd)" in caught.value.messages[0]
