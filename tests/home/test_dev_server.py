"""`make run`: quiet set-up, the demo Site at the address being served, logins kept per
database and printed last, log lines one per event with time, level and logger."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from home import logins
from home.management.commands import prepare_dev_site
from home.management.commands.runserver import Command as Runserver
from tests.helpers import sitemap_urls, soup

ROOT = Path(__file__).resolve().parents[2]
SQLITE = "sqlite:/home/me/clinic/db.sqlite3"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/clinic"


@pytest.fixture
def development(settings, tmp_path, monkeypatch):
    """DEBUG on, and .dev-logins.json in a folder of the test's own."""
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    return tmp_path / ".dev-logins.json"


def use_database(monkeypatch, identity):
    monkeypatch.setattr(logins, "database_identity", lambda alias="default": identity)


@pytest.mark.django_db
def test_each_databases_logins_survive_switching_to_the_other(development, monkeypatch):
    User = get_user_model()
    use_database(monkeypatch, SQLITE)
    on_sqlite = logins.ensure_login("admin", email="a@example.com", superuser=True)
    # The PostgreSQL database has an admin of its own, with another password.
    admin = User.objects.get(username="admin")
    admin.set_password("set-in-the-other-database")
    admin.save()
    use_database(monkeypatch, POSTGRES)
    on_postgres = logins.ensure_login("admin", email="a@example.com", superuser=True)
    # Back on SQLite, whose admin still has the first password.
    admin.set_password(on_sqlite)
    admin.save()
    use_database(monkeypatch, SQLITE)

    again = logins.ensure_login("admin", email="a@example.com", superuser=True)

    assert again == on_sqlite != on_postgres
    assert User.objects.get(username="admin").check_password(on_sqlite)
    kept = json.loads(development.read_text())["databases"]
    assert kept[SQLITE]["admin"]["password"] == on_sqlite
    assert kept[POSTGRES]["admin"]["password"] == on_postgres


@pytest.mark.django_db
def test_a_password_kept_in_the_first_file_format_keeps_working(development):
    User = get_user_model()
    User.objects.create_user("admin", password="remembered-from-before")
    development.write_text(json.dumps({"admin": "remembered-from-before"}))

    password = logins.ensure_login("admin", email="a@example.com", superuser=True)

    assert password == "remembered-from-before"
    assert logins.saved_logins()["admin"]["password"] == "remembered-from-before"


@pytest.mark.django_db
def test_the_database_identity_names_the_database_without_its_password():
    identity = logins.database_identity()

    assert identity.startswith(("sqlite:/", "postgresql://"))
    assert "PASSWORD" not in identity and ":@" not in identity


@pytest.mark.django_db
def test_the_server_prints_its_address_and_this_databases_logins_last(development):
    logins.ensure_login("admin", email="a@example.com", role="Administrator")
    logins.ensure_login("manager-austin", email="m@example.com", role="Manager")
    server = Runserver(stdout=io.StringIO())
    server.addr, server.use_ipv6, server.protocol = "127.0.0.1", False, "http"

    server.on_bind(8123)

    lines = server.stdout.getvalue().splitlines()
    saved = logins.saved_logins()
    assert lines[-5:-3] == [
        "Site:  http://127.0.0.1:8123/",
        "Admin: http://127.0.0.1:8123/admin/",
    ]
    assert lines[-3] == f"Logins for this database ({logins.database_identity()}):"
    assert lines[-2].split() == [
        "admin",
        saved["admin"]["password"],
        "Administrator",
    ]
    assert lines[-1].split()[:2] == [
        "manager-austin",
        saved["manager-austin"]["password"],
    ]


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1:8119", ("127.0.0.1", 8119)),
        ("0.0.0.0:8000", ("localhost", 8000)),
        ("[::1]:8000", ("::1", 8000)),
        ("localhost:80", ("localhost", 80)),
    ],
)
def test_the_served_address_becomes_the_sites_hostname_and_port(address, expected):
    assert prepare_dev_site.parse_address(address) == expected


def test_an_address_without_a_port_is_refused():
    with pytest.raises(CommandError, match="HOST:PORT"):
        prepare_dev_site.parse_address("127.0.0.1")


def test_migrations_are_quiet_unless_they_fail(monkeypatch):
    def migrate(name, **options):
        options["stdout"].write("Operations to perform:\n  Applying home.0001...\n")
        options["stdout"].write("  Applying home.0002...\n")
        if fail:
            raise RuntimeError("no such table: home_homepage")

    monkeypatch.setattr(prepare_dev_site, "call_command", migrate)
    monkeypatch.setattr(prepare_dev_site, "database_identity", lambda: "sqlite:/db")
    command = prepare_dev_site.Command(stdout=io.StringIO(), stderr=io.StringIO())

    fail = False
    command.migrate_quietly()
    assert command.stdout.getvalue() == "Database sqlite:/db: 2 migrations applied.\n"
    assert command.stderr.getvalue() == ""

    fail = True
    with pytest.raises(RuntimeError):
        command.migrate_quietly()
    assert "Applying home.0002" in command.stderr.getvalue()


@pytest.mark.django_db
def test_the_demo_site_follows_the_address_on_every_run(demo_site, development, client):
    call_command("prepare_dev_site", address="127.0.0.1:8101", stdout=io.StringIO())
    out = io.StringIO()

    call_command("prepare_dev_site", address="127.0.0.1:8000", stdout=out)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert "moved from 127.0.0.1:8101 to 127.0.0.1:8000" in out.getvalue()
    host = {"HTTP_HOST": "127.0.0.1:8000"}
    sitemap = sitemap_urls(client, **host)
    assert "http://127.0.0.1:8000/about/" in sitemap
    assert not any(":8101" in url for url in sitemap)
    canonical = soup(client.get("/about/", **host)).find("link", rel="canonical")
    assert canonical["href"] == "http://127.0.0.1:8000/about/"
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in (
        client.get("/robots.txt", **host).content.decode()
    )
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(logins.saved_logins()["admin"]["password"])


def test_prepare_dev_site_refuses_to_run_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development only"):
        call_command("prepare_dev_site", address="127.0.0.1:8000")


def test_each_log_event_is_one_line_with_time_level_and_logger():
    code = (
        "import logging\n"
        "logging.getLogger('django.utils.autoreload').info('Watching for changes')\n"
        "logging.getLogger('django.server').info('\"GET / HTTP/1.1\" 200 5')\n"
        "logging.getLogger('django.request').error('Internal Server Error: /')\n"
        "logging.getLogger('locations.consultations').warning('not sent')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DEBUG": "true"}
    env.pop("LOG_LEVEL", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    lines = result.stderr.strip().splitlines()
    assert result.returncode == 0, result.stderr
    expected = [
        ("INFO", "django.utils.autoreload:", "Watching for changes"),
        ("INFO", "django.server:", '"GET / HTTP/1.1" 200 5'),
        ("ERROR", "django.request:", "Internal Server Error: /"),
        ("WARNING", "locations.consultations:", "not sent"),
    ]
    assert len(lines) == len(expected), lines
    for line, (level, logger, message) in zip(lines, expected, strict=True):
        date, time_of_day, *rest = line.split(" ", 4)
        assert date.count("-") == 2 and time_of_day.count(":") == 2, line
        assert rest[:2] == [level, logger] and message in rest[2], line
