import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x7#Kp2!vQ9@mL4$wR8^tY1&zN6*bC3(dF5)gH0-jU2+eI7=oA9_sD4",
    "ALLOWED_HOSTS": "clinic.example.com",
    "DATABASE_URL": "sqlite:///:memory:",
    "CONSULTATION_ENCRYPTION_KEYS": "Y29uc3VsdGF0aW9uLWtleS1mb3ItZGVwbG95LWNoayE=",
}


def run_manage(*args, env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
    leave_out = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLOWED_HOSTS"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_ensure_admin_uses_admin_password_when_given(monkeypatch, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-chosen-password")

    call_command("ensure_admin")

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-chosen-password")
    assert "a-long-chosen-password" in capsys.readouterr().out


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_and_keeps_it_working(
    monkeypatch, settings, tmp_path, capsys
):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path

    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out

    password = first.split("password ")[1].strip().strip("'")
    assert len(password) >= 12
    assert first == second
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert (tmp_path / ".dev-logins.json").stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_ensure_admin_never_generates_a_password_outside_development(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)

    with pytest.raises(ImproperlyConfigured):
        call_command("ensure_admin")
