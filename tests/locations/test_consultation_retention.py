"""Requests are deleted once the site's retention period has passed."""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from locations.consultations import audit
from locations.consultations.crypto import encrypt_json
from locations.consultations.models.requests import queue_notifications
from locations.consultations.retention import purge_expired_requests
from locations.models import (
    ConsultationNotification,
    ConsultationRequest,
    ConsultationRequestLogEntry,
    ConsultationSettings,
)
from tests.factories import make_consultation_page, root_page
from tests.locations.conftest import ANSWERS
from tests.tasks import run_queued_tasks

SECOND = datetime.timedelta(seconds=1)

pytestmark = pytest.mark.django_db


def stored_request(clinics, page, received):
    """A request for Austin as the form stores it (answers encrypted, its
    notification queued), received at `received`."""
    submission = ConsultationRequest.objects.create(
        page=page,
        location=clinics.austin,
        location_name="Austin Clinic",
        answers=encrypt_json(ANSWERS),
    )
    queue_notifications(submission, ["austin-manager@clinic.example"])
    ConsultationRequest.objects.filter(pk=submission.pk).update(submit_time=received)
    return submission


@pytest.fixture
def aged_requests(clinics):
    """Requests received 10, 179 and 181 days ago."""
    now = timezone.now()
    return tuple(
        stored_request(clinics, clinics.form_page, now - datetime.timedelta(days=days))
        for days in (10, 179, 181)
    )


def test_the_retention_period_defaults_to_180_days(clinics):
    assert ConsultationSettings.for_site(clinics.home.get_site()).retention_days == 180


def test_requests_older_than_the_period_are_deleted_with_their_notifications(
    aged_requests, caplog
):
    recent, almost, old = aged_requests
    caplog.set_level(logging.INFO)

    assert purge_expired_requests() == 1

    assert set(ConsultationRequest.objects.values_list("pk", flat=True)) == {
        recent.pk,
        almost.pk,
    }
    assert not ConsultationNotification.objects.filter(request_id=old.pk).exists()
    assert "deleted 1 expired consultation requests" in caplog.text
    for value in ANSWERS.values():
        assert value not in caplog.text
    entry = ConsultationRequestLogEntry.objects.get(object_id=str(old.pk))
    assert entry.action == audit.EXPIRE and entry.user is None


def test_time_moves_on_and_more_requests_expire(aged_requests):
    recent, _, _ = aged_requests

    purge_expired_requests(now=timezone.now() + datetime.timedelta(days=2))

    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_site_setting_changes_the_period(clinics, aged_requests):
    setting = ConsultationSettings.for_site(clinics.home.get_site())
    setting.retention_days = 30
    setting.save()

    assert purge_expired_requests() == 2


def test_a_request_whose_form_page_was_deleted_still_expires(clinics, aged_requests):
    clinics.form_page.delete()

    assert ConsultationRequest.objects.filter(page=None).count() == 3
    assert purge_expired_requests() == 1


def test_the_dry_run_counts_and_deletes_nothing(aged_requests, capsys):
    call_command("purge_consultation_requests", "--dry-run")

    assert "would delete 1 consultation request(s)" in capsys.readouterr().out
    assert ConsultationRequest.objects.count() == 3
    assert not ConsultationRequestLogEntry.objects.exists()


def test_the_command_deletes_and_says_how_many(aged_requests, capsys):
    call_command("purge_consultation_requests")

    assert "deleted 1 consultation request(s)" in capsys.readouterr().out
    assert ConsultationRequest.objects.count() == 2


def test_the_scheduler_has_the_task_worker_purge_expired_requests(aged_requests):
    call_command("run_scheduler", "--once")
    run_queued_tasks()

    assert ConsultationRequest.objects.count() == 2


def test_a_request_is_kept_to_the_end_of_its_last_day(clinics):
    now = timezone.now()
    period = datetime.timedelta(days=180)
    on_the_edge = stored_request(clinics, clinics.form_page, now - period)
    stored_request(clinics, clinics.form_page, now - period - SECOND)

    assert purge_expired_requests(now=now) == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [
        on_the_edge.pk
    ]


def test_a_form_outside_every_site_follows_the_default_sites_period(clinics):
    """A form page moved out of every site (under the tree's root) keeps its
    requests as long as the default site does."""
    setting = ConsultationSettings.for_site(clinics.home.get_site())
    setting.retention_days = 30
    setting.save()
    stray = make_consultation_page(root_page(), slug="stray-form")
    now = timezone.now()
    recent = stored_request(clinics, stray, now - datetime.timedelta(days=20))
    stored_request(clinics, stray, now - datetime.timedelta(days=40))

    assert purge_expired_requests(now=now) == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_dry_run_logs_how_many_would_go_and_deletes_nothing(aged_requests, caplog):
    caplog.set_level(logging.INFO, logger="locations.consultations.retention")

    assert purge_expired_requests(dry_run=True) == 1

    assert caplog.messages == ["Retention (dry run): 1 consultation requests would go."]
    assert ConsultationRequest.objects.count() == 3
    assert not ConsultationRequestLogEntry.objects.exists()


def test_nothing_expired_deletes_nothing_and_says_so(clinics, caplog):
    caplog.set_level(logging.INFO, logger="locations.consultations.retention")
    stored_request(clinics, clinics.form_page, timezone.now())

    assert purge_expired_requests() == 0

    assert caplog.messages == ["Retention: deleted 0 expired consultation requests."]
    assert ConsultationRequest.objects.count() == 1


def test_without_a_default_site_each_sites_requests_still_expire(clinics):
    """No site marked as the default (an installation being set up): the purge
    still runs and deletes each site's expired requests."""
    Site.objects.update(is_default_site=False)
    now = timezone.now()
    day = datetime.timedelta(days=1)
    recent = stored_request(clinics, clinics.form_page, now - 10 * day)
    stored_request(clinics, clinics.form_page, now - 181 * day)

    assert purge_expired_requests(now=now) == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [recent.pk]


def test_without_a_default_site_orphaned_requests_follow_the_shortest_period(clinics):
    """Requests whose form page was deleted, with no site marked as the default:
    they follow the shortest period any site keeps (never kept for good)."""
    settings = ConsultationSettings.for_site(clinics.home.get_site())
    settings.retention_days = 30
    settings.save()
    now = timezone.now()
    day = datetime.timedelta(days=1)
    recent = stored_request(clinics, clinics.form_page, now - 20 * day)
    stored_request(clinics, clinics.form_page, now - 40 * day)
    clinics.form_page.delete()
    Site.objects.update(is_default_site=False)

    assert purge_expired_requests(now=now) == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [recent.pk]
