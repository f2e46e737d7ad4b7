"""Validation of provider facts: the NPI check digit and the credentials list."""

import re

from django.core.exceptions import ValidationError

NPI_PREFIX = "80840"  # the card-issuer prefix the NPI check digit is computed with
CREDENTIAL = re.compile(r"^[A-Za-z][A-Za-z.\-/()]{0,19}$")


def luhn_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_npi(value):
    """A National Provider Identifier: ten digits whose last is the Luhn check digit
    over the number prefixed with 80840."""
    # ASCII digits only: \d would also take other scripts' digits.
    if not re.fullmatch(r"[0-9]{10}", value or ""):
        raise ValidationError(
            "An NPI is exactly 10 digits, e.g. 1234567893.", code="npi_format"
        )
    if not luhn_valid(NPI_PREFIX + value):
        raise ValidationError(
            "This NPI's check digit is wrong: please copy it again from the NPI "
            "registry (npiregistry.cms.hhs.gov).",
            code="npi_check_digit",
        )


def split_credentials(value):
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def validate_credentials(value):
    bad = [part for part in split_credentials(value) if not CREDENTIAL.match(part)]
    if bad:
        raise ValidationError(
            "Write credentials as abbreviations separated by commas, e.g. "
            "'MD' or 'DNP, PMHNP-BC' (not understood: %(bad)s).",
            params={"bad": ", ".join(bad)},
            code="credentials",
        )
