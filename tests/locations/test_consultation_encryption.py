"""Answers are encrypted at rest with keys from the environment; keys rotate."""

import base64
import io
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from locations.consultations import crypto
from locations.models import ConsultationNotification, ConsultationRequest

ROOT = Path(__file__).resolve().parents[2]
OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def stored_column(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT answers FROM locations_consultationrequest WHERE id = %s", [pk]
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_stored_column_never_contains_the_plaintext(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)
    submission = ConsultationRequest.objects.get()

    raw = stored_column(submission.pk)

    assert raw.startswith("gAAAAA")  # a Fernet token
    for plaintext in ("Marisol", "Quenneville", "Panic", "+15125550177", "Text"):
        assert plaintext not in raw
        assert plaintext.encode() not in base64.urlsafe_b64decode(raw + "==")
    assert submission.get_data()["last_name"] == "Quenneville"


@pytest.mark.django_db
def test_a_request_written_under_an_old_key_is_readable_after_rotation(
    clinics, post_request, settings
):
    settings.CONSULTATION_ENCRYPTION_KEYS = [OLD_KEY]
    post_request(clinics.form_page, clinics.austin)
    pk = ConsultationRequest.objects.get().pk
    written_under_old_key = stored_column(pk)

    # A new key goes first; the old one still decrypts what it wrote.
    settings.CONSULTATION_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert ConsultationRequest.objects.get(pk=pk).get_data()["first_name"] == "Marisol"

    out = io.StringIO()
    call_command("reencrypt_consultation_requests", stdout=out)
    assert "Re-encrypted 1 consultation request(s)" in out.getvalue()

    rotated = stored_column(pk)
    assert rotated != written_under_old_key
    assert Fernet(NEW_KEY.encode()).decrypt(rotated.encode())
    # Once every request is rotated the old key can go.
    settings.CONSULTATION_ENCRYPTION_KEYS = [NEW_KEY]
    submission = ConsultationRequest.objects.get(pk=pk)
    assert submission.get_data()["first_name"] == "Marisol"
    visitor_note = ConsultationNotification.objects.exclude(
        recipient_encrypted=""
    ).get()
    assert crypto.decrypt_text(visitor_note.recipient_encrypted) == (
        "marisol.q@visitor.example"
    )


@pytest.mark.django_db
def test_answers_under_a_removed_key_are_reported_not_guessed(
    clinics, post_request, settings, caplog
):
    settings.CONSULTATION_ENCRYPTION_KEYS = [OLD_KEY]
    post_request(clinics.form_page, clinics.austin)
    settings.CONSULTATION_ENCRYPTION_KEYS = [NEW_KEY]

    submission = ConsultationRequest.objects.get()

    assert submission.decrypted_answers is None
    assert submission.get_data() == {"submit_time": submission.submit_time}
    assert caplog.records[-1].levelno == logging.ERROR


def test_without_keys_and_outside_development_nothing_can_be_encrypted(settings):
    settings.CONSULTATION_ENCRYPTION_KEYS = []
    settings.CONSULTATION_DERIVE_DEVELOPMENT_KEY = False

    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt_text("anything")


def test_development_derives_a_key_from_the_secret_key_with_a_warning(settings, caplog):
    settings.CONSULTATION_ENCRYPTION_KEYS = []
    settings.CONSULTATION_DERIVE_DEVELOPMENT_KEY = True
    crypto._warn_about_development_key.cache_clear()

    token = crypto.encrypt_text("hello")

    assert crypto.decrypt_text(token) == "hello"
    assert (
        Fernet(crypto.development_key(settings.SECRET_KEY).encode()).decrypt(
            token.encode()
        )
        == b"hello"
    )
    assert "derived from SECRET_KEY" in caplog.text
    assert any(record.levelno == logging.WARNING for record in caplog.records)


def run_production_check(**env):
    base = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x7#Kp2!vQ9@mL4$wR8^tY1&zN6*bC3(dF5)gH0-jU2+eI7=oA9_sD4",
        "ALLOWED_HOSTS": "clinic.example.com",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {*base, "CONSULTATION_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_encryption_keys():
    result = run_production_check()

    assert result.returncode != 0
    assert "CONSULTATION_ENCRYPTION_KEYS must be set in production" in result.stderr


def test_production_refuses_a_malformed_encryption_key():
    result = run_production_check(CONSULTATION_ENCRYPTION_KEYS="not-a-key")

    assert result.returncode != 0
    assert "not a Fernet key" in result.stderr


def test_production_starts_with_a_list_of_keys():
    result = run_production_check(CONSULTATION_ENCRYPTION_KEYS=f"{NEW_KEY},{OLD_KEY}")

    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_reencrypt_skips_and_counts_what_no_key_opens(
    clinics, post_request, settings, capsys, caplog
):
    """A request written under a key since removed is left as it is and counted;
    the others are rotated; the command exits 1 with the count, no traceback."""
    from locations.management.commands.reencrypt_consultation_requests import (
        Command,
    )

    settings.CONSULTATION_ENCRYPTION_KEYS = [OLD_KEY]
    post_request(clinics.form_page, clinics.austin)
    lost = ConsultationRequest.objects.get()
    settings.CONSULTATION_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    post_request(clinics.form_page, clinics.round_rock)
    kept = ConsultationRequest.objects.exclude(pk=lost.pk).get()
    lost_column = stored_column(lost.pk)
    settings.CONSULTATION_ENCRYPTION_KEYS = [NEW_KEY]  # OLD_KEY dropped too soon

    # As `manage.py reencrypt_consultation_requests` runs it (its closing of the
    # database connections aside: the test's transaction lives on one).
    with (
        pytest.raises(SystemExit) as exit_info,
        mock.patch("django.core.management.base.connections.close_all"),
    ):
        Command().run_from_argv(["manage.py", "reencrypt_consultation_requests"])

    out, err = capsys.readouterr()
    assert exit_info.value.code == 1
    assert "Re-encrypted 1 consultation request(s)" in out
    assert "2 stored value(s) could not be opened with any key" in err
    assert f"consultation request #{lost.pk}" in err
    assert "notification #" in err  # the visitor's address, under OLD_KEY too
    assert "Do not remove an old key" in err
    assert "Traceback" not in err
    assert stored_column(lost.pk) == lost_column  # untouched, for the right key
    assert Fernet(NEW_KEY.encode()).decrypt(stored_column(kept.pk).encode())
    assert f"#{lost.pk}: no configured key opens" in caplog.text
