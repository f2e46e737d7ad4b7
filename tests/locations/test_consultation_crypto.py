"""Encryption at rest, key by key (no database): the first key encrypts, every key
decrypts, rotation moves a token to the first key, and a missing or malformed key is
refused with a message that says what to set."""

import datetime
import decimal
import logging

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import ImproperlyConfigured

from locations.consultations import crypto

FIRST = Fernet.generate_key().decode()
SECOND = Fernet.generate_key().decode()


@pytest.fixture
def keys(settings):
    settings.CONSULTATION_ENCRYPTION_KEYS = [FIRST, SECOND]
    return settings


@pytest.fixture
def no_keys(settings):
    settings.CONSULTATION_ENCRYPTION_KEYS = []
    crypto._warn_about_development_key.cache_clear()
    yield settings
    crypto._warn_about_development_key.cache_clear()


def opens_with(key, token):
    return Fernet(key.encode()).decrypt(token.encode()).decode()


def test_text_goes_in_and_comes_out_unchanged(keys):
    text = "Panic attacks since my divorce — Café, ñ, 睡眠"

    token = crypto.encrypt_text(text)

    assert isinstance(token, str) and token.isascii()
    assert text not in token
    assert crypto.decrypt_text(token) == text


def test_the_first_key_encrypts(keys):
    token = crypto.encrypt_text("hello")

    assert opens_with(FIRST, token) == "hello"
    with pytest.raises(InvalidToken):
        opens_with(SECOND, token)


def test_every_configured_key_decrypts(keys):
    old_token = Fernet(SECOND.encode()).encrypt(b"written before rotation").decode()

    assert crypto.decrypt_text(old_token) == "written before rotation"


def test_a_token_no_key_opens_raises_invalid_token(keys):
    stranger = Fernet(Fernet.generate_key()).encrypt(b"someone else's").decode()

    with pytest.raises(InvalidToken):
        crypto.decrypt_text(stranger)
    assert crypto.InvalidToken is InvalidToken


@pytest.mark.parametrize("damaged", ["gAAAAAB—not-base64", "gAAAAABé", ""])
def test_a_damaged_token_raises_invalid_token_too(keys, damaged):
    with pytest.raises(InvalidToken):
        crypto.decrypt_text(damaged)
    with pytest.raises(InvalidToken):
        crypto.reencrypt(damaged)


def test_rotation_re_encrypts_with_the_first_key(keys):
    old_token = Fernet(SECOND.encode()).encrypt(b"kept across rotation").decode()

    rotated = crypto.reencrypt(old_token)

    assert isinstance(rotated, str)
    assert opens_with(FIRST, rotated) == "kept across rotation"
    with pytest.raises(InvalidToken):
        opens_with(SECOND, rotated)


def test_changed_settings_change_the_keys_used(keys):
    token = crypto.encrypt_text("hello")
    keys.CONSULTATION_ENCRYPTION_KEYS = [SECOND]

    with pytest.raises(InvalidToken):
        crypto.decrypt_text(token)
    assert opens_with(SECOND, crypto.encrypt_text("hello")) == "hello"


def test_answers_go_through_json_with_dates_and_decimals(keys):
    answers = {
        "first_name": "Marisol",
        "preferred_date": datetime.date(2026, 12, 1),
        "amount": decimal.Decimal("12.50"),
        "consent": True,
    }

    token = crypto.encrypt_json(answers)

    assert "Marisol" not in token
    assert crypto.decrypt_json(token) == {
        "first_name": "Marisol",
        "preferred_date": "2026-12-01",
        "amount": "12.50",
        "consent": True,
    }


def test_the_configured_keys_are_used_in_their_order(keys):
    assert crypto.configured_keys() == [FIRST, SECOND]


def test_without_keys_and_outside_development_nothing_is_encrypted(no_keys):
    no_keys.CONSULTATION_DERIVE_DEVELOPMENT_KEY = False

    with pytest.raises(ImproperlyConfigured) as caught:
        crypto.encrypt_text("hello")

    assert str(caught.value) == (
        "CONSULTATION_ENCRYPTION_KEYS is empty: consultation answers cannot be "
        "stored without an encryption key."
    )


def test_development_derives_a_stable_key_from_the_secret_key_and_warns_once(
    no_keys, caplog
):
    no_keys.CONSULTATION_DERIVE_DEVELOPMENT_KEY = True
    no_keys.SECRET_KEY = "a-development-secret"
    caplog.set_level(logging.WARNING, logger="locations.consultations.crypto")

    token = crypto.encrypt_text("hello")
    crypto.encrypt_text("again")

    # The same key on every start: development data stays readable.
    key = crypto.development_key("a-development-secret")
    assert key == "hx3MF--OxzQuuUT1LlUIvjuyM1y9aiAYyzh_pXPoIPg="
    assert crypto.configured_keys() == [key]
    assert opens_with(key, token) == "hello"
    assert len(caplog.records) == 1
    assert "derived from SECRET_KEY" in caplog.messages[0]


def test_the_development_key_depends_on_the_secret_key():
    assert crypto.development_key("one secret") != crypto.development_key("another")


def test_no_warning_when_keys_are_configured(keys, caplog):
    crypto._warn_about_development_key.cache_clear()
    keys.CONSULTATION_DERIVE_DEVELOPMENT_KEY = True
    caplog.set_level(logging.WARNING)

    crypto.encrypt_text("hello")

    assert not caplog.records


@pytest.mark.parametrize("bad_key", ["not-a-key", "c2hvcnQ="])
def test_a_malformed_key_is_refused_with_a_message(settings, bad_key):
    settings.CONSULTATION_ENCRYPTION_KEYS = [FIRST, bad_key]

    with pytest.raises(ImproperlyConfigured) as caught:
        crypto.encrypt_text("hello")

    assert str(caught.value) == (
        "CONSULTATION_ENCRYPTION_KEYS holds a value that is not a Fernet key."
    )
    assert isinstance(caught.value.__cause__, ValueError)
