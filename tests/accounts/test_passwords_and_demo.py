"""Passwords of at least 12 characters and not a common one; the demo's logins
comply; `make run` still gets a newcomer in with two factors on (a TOTP secret
printed, and the current code from `manage.py two_factor_code`, development only);
production refuses to start with two factors off."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp import match_token

from home import logins
from home.management.commands.runserver import Command as Runserver
from tests.home.test_commands_and_settings import PRODUCTION_ENV, run_manage

DEMO_LOGINS = ["admin", "manager-austin", "manager-round-rock", "manager-san-antonio"]


@pytest.fixture
def development(db, settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    settings.TWO_FACTOR_ENABLED = True
    settings.BASE_DIR = tmp_path  # .dev-logins.json of the test's own
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    return settings


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "password",
    ["Sh0rt-pass!", "1qaz2wsx3edc", "123456789012"],
    ids=["eleven-characters", "common", "numeric"],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("tidal-quince-ledger")


@pytest.mark.django_db
def test_a_chosen_admin_password_must_comply(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "password")

    with pytest.raises(CommandError, match="at least 12 characters"):
        call_command("ensure_admin")


def test_the_demo_logins_comply_and_have_a_code(demo_site, development):
    run("ensure_admin")
    run("demo_manager_logins")
    printed = run("demo_two_factor")

    saved = logins.saved_logins()
    users = get_user_model().objects.in_bulk(DEMO_LOGINS, field_name="username")
    for username in DEMO_LOGINS:
        user = users[username]
        validate_password(saved[username]["password"], user)
        assert f"{username}: TOTP secret {saved[username]['totp_secret']}" in printed
        code = run("two_factor_code", username).strip()
        assert len(code) == 6
        assert match_token(user, code) is not None


def test_the_server_prints_each_secret_beside_its_login(demo_site, development):
    run("ensure_admin")
    run("demo_two_factor")
    server = Runserver(stdout=io.StringIO())
    server.addr, server.use_ipv6, server.protocol = "127.0.0.1", False, "http"

    server.on_bind(8114)

    text = server.stdout.getvalue()
    secret = logins.saved_logins()["admin"]["totp_secret"]
    assert f"TOTP secret {secret}" in text
    assert "manage.py two_factor_code USERNAME" in text.splitlines()[-1]


def test_the_demo_devices_are_kept_from_one_run_to_the_next(demo_site, development):
    run("ensure_admin")
    run("demo_two_factor")
    first = logins.saved_logins()["admin"]["totp_secret"]
    run("ensure_admin")
    run("demo_two_factor")

    assert logins.saved_logins()["admin"]["totp_secret"] == first
    assert get_user_model().objects.get(username="admin").totpdevice_set.count() == 1


def test_the_demo_warns_when_two_factors_are_off(demo_site, development):
    development.TWO_FACTOR_ENABLED = False

    assert "Two-factor sign-in is OFF" in run("demo_two_factor")


def test_codes_are_printed_in_development_only(demo_site, db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development"):
        run("two_factor_code", "admin")
    with pytest.raises(CommandError, match="development"):
        run("demo_two_factor")


def test_production_refuses_to_start_with_two_factors_off():
    result = run_manage("check", env={**PRODUCTION_ENV, "TWO_FACTOR_ENABLED": "false"})

    assert result.returncode != 0
    assert "TWO_FACTOR_ENABLED must not be false in production" in result.stderr
