"""Backing services going away: Redis killed mid-test, and sockets that accept and
never answer standing in for a hung mail server and a hung PostgreSQL. With each one
gone, every public page type answers (200; /readyz/ 503 naming the component and
nothing else), and a consultation sent meanwhile is stored and notified once."""

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
import redis
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from home import cache_backends
from locations.consultations.notifications import deliver_due_notifications
from locations.models import ConsultationFormPage, ConsultationRequest, LocationPage
from tests.helpers import DEMO_HOST, DEMO_PAGE_OF_EACH_TYPE
from tests.locations.conftest import form_data, thank_you

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HOST = DEMO_HOST
# One page of each public type in the demo, and the site-wide views.
PUBLIC_PAGES = [
    *DEMO_PAGE_OF_EACH_TYPE,
    "/search/?q=ketamine",
    "/sitemap.xml",
    "/robots.txt",
]
FORM_PATH = "/request-a-consultation/"
# Ports set aside for this module's own servers (the shared Redis is on 6379).
SPARE_PORTS = range(6391, 6400)


def spare_port():
    for port in SPARE_PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip(f"no free port in {SPARE_PORTS}")


def page_statuses(client):
    return {path: client.get(path, HTTP_HOST=HOST).status_code for path in PUBLIC_PAGES}


def post_consultation(client):
    page = ConsultationFormPage.objects.get(slug=FORM_PATH.strip("/"))
    location = LocationPage.objects.get(slug="round-rock")
    return client.post(
        FORM_PATH,
        form_data(page, location),
        HTTP_HOST=HOST,
        REMOTE_ADDR="203.0.113.7",
        follow=True,  # to the thank-you page, wherever it is
    )


def deliver_later(hours):
    """Run the notification worker once, as if `hours` had passed."""
    later = timezone.now() + timedelta(hours=hours)
    return deliver_due_notifications(clock=lambda: later)


class HungServer:
    """A TCP server that accepts connections and never answers (a hung PostgreSQL or
    mail server). Counts the connections it accepted."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hung_server():
    server = HungServer()
    yield server
    server.close()


# -- Redis ----------------------------------------------------------------------


class OwnRedis:
    """A redis-server of this test's own on a spare port: killed and restarted at
    will, never the shared one."""

    def __init__(self, directory):
        self.port = spare_port()
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)  # waiting for the server to start, not for a result
        raise RuntimeError("redis-server did not start")

    def kill(self):
        self.process.kill()
        self.process.wait()


@pytest.fixture
def own_redis(tmp_path, settings, monkeypatch):
    """The site's cache on a Redis of its own, full-page cache on; a failed Redis
    is tried again at once (not after RETRY_AFTER seconds) so recovery is seen."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = OwnRedis(tmp_path)
    server.start()
    settings.CACHES = {
        **django_settings.CACHES,
        "default": {
            "BACKEND": "home.cache_backends.ResilientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": f"outage-test-{os.getpid()}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.WAGTAIL_CACHE = True
    monkeypatch.setattr(cache_backends, "RETRY_AFTER", 0)
    yield server
    if server.process.poll() is None:
        server.kill()


def test_redis_killed_mid_test_pages_stay_up_and_requests_are_kept(
    demo_site, own_redis, caplog
):
    client = Client(raise_request_exception=False)
    assert set(page_statuses(client).values()) == {200}
    cached = client.get("/locations/", HTTP_HOST=HOST)
    assert cached["X-Wagtail-Cache"] == "hit"
    stored = ConsultationRequest.objects.count()

    own_redis.kill()
    with caplog.at_level(logging.WARNING):
        down_pages = page_statuses(client)
        ready = client.get("/readyz/")
        response = post_consultation(client)

    assert down_pages == dict.fromkeys(PUBLIC_PAGES, 200)
    assert client.get("/locations/", HTTP_HOST=HOST)["X-Wagtail-Cache"] == "miss"
    assert ready.status_code == 503
    assert ready.json()["checks"] == {
        "database": "ok",
        "cache": "unavailable: the cache did not return the value just written",
        "tasks": "ok",
    }
    assert str(own_redis.port) not in ready.content.decode()
    assert thank_you(response)
    assert ConsultationRequest.objects.count() == stored + 1
    assert "Cache unreachable" in caplog.text
    assert "rate limit counted in this process only" in caplog.text

    mail.outbox = []
    assert deliver_later(hours=0).sent >= 1
    sent = len(mail.outbox)
    assert deliver_later(hours=2).sent == 0
    assert len(mail.outbox) == sent  # notified once

    own_redis.start()  # back, on the same port: no restart of the site

    assert client.get("/readyz/").status_code == 200
    assert client.get("/locations/", HTTP_HOST=HOST)["X-Wagtail-Cache"] == "miss"
    assert client.get("/locations/", HTTP_HOST=HOST)["X-Wagtail-Cache"] == "hit"


def test_rate_limit_still_counts_per_process_while_redis_is_down(
    home_page, own_redis, settings, rf
):
    from locations.consultations import spam

    settings.CONSULTATION_RATE_LIMIT = 2
    own_redis.kill()
    request = rf.post("/", REMOTE_ADDR="198.51.100.77")

    verdicts = [spam.over_rate_limit(request, f"form-{n}") for n in range(3)]

    assert verdicts == [False, False, True]


# -- mail server ----------------------------------------------------------------


def test_hung_mail_server_delays_notifications_not_visitors(
    demo_site, hung_server, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = hung_server.port
    settings.EMAIL_TIMEOUT = 1
    client = Client(raise_request_exception=False)
    stored = ConsultationRequest.objects.count()

    statuses = page_statuses(client)
    response = post_consultation(client)

    assert statuses == dict.fromkeys(PUBLIC_PAGES, 200)
    assert thank_you(response)
    assert ConsultationRequest.objects.count() == stored + 1
    assert hung_server.accepted == []  # the visitor never waited on the mail server

    run = deliver_later(hours=0)
    assert (run.sent, run.mail_server_down) == (0, True)
    assert len(hung_server.accepted) == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    run = deliver_later(hours=2)
    assert run.sent >= 1 and not run.mail_server_down
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert deliver_later(hours=4).sent == 0
    assert len(recipients) == len(set(recipients)) == run.sent  # each one, once


# -- PostgreSQL -----------------------------------------------------------------

HUNG_DATABASE_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
ready = client.get("/readyz/")
page = client.get("/")
form = client.post("/request-a-consultation/", {"first_name": "Ana"})
print(json.dumps({
    "ready": [ready.status_code, ready.content.decode()],
    "page": [page.status_code, page.content.decode(), page.get("Retry-After")],
    "form": [form.status_code, form.content.decode()],
}))
"""


def test_hung_database_answers_503_naming_only_the_component(hung_server):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://clinic:hunter2secret@127.0.0.1:{hung_server.port}/clinic"
        ),
        "DATABASE_CONNECT_TIMEOUT": "2",
        "REDIS_URL": "",
    }
    # The timeout only stops a broken build from hanging the suite; each request
    # gives up after DATABASE_CONNECT_TIMEOUT.
    finished = subprocess.run(
        [sys.executable, "-c", HUNG_DATABASE_SCRIPT],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=django_settings.BASE_DIR,
    )
    assert finished.returncode == 0, finished.stderr
    answers = json.loads(finished.stdout.strip().splitlines()[-1])

    ready_status, ready_body = answers["ready"]
    assert ready_status == 503
    assert json.loads(ready_body)["checks"] == {
        "database": "unavailable",
        "cache": "ok",
        "tasks": "unavailable",  # its queue is in the database
    }
    for secret in ("127.0.0.1", str(hung_server.port), "clinic", "hunter2"):
        assert secret not in ready_body
    page_status, page_body, retry_after = answers["page"]
    assert (page_status, retry_after) == (503, "30")
    assert "briefly unavailable" in page_body
    form_status, form_body = answers["form"]
    assert form_status == 503
    assert "it was <strong>not</strong> sent" in form_body
    assert len(hung_server.accepted) >= 3
    assert "timeout" in finished.stderr.lower()
