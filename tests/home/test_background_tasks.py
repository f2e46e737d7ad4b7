"""Background work on Django's Tasks framework: tasks enqueued with the caller's
transaction, and /readyz/ reporting a queue that does not move."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText

from home.cache import content_generation
from home.tasks import enqueue_with_transaction, oldest_ready_task_age
from tests.factories import StandardPageFactory
from tests.tasks import queued_tasks, run_queued_tasks

pytestmark = pytest.mark.django_db

RAN = []


@task()
def remember(value):
    RAN.append(value)
    return value


def age_queue(minutes):
    DBTaskResult.objects.update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_readyz_reports_a_task_queue_that_does_not_move(client, settings):
    settings.TASKS_MAX_QUEUE_AGE = 300
    remember.enqueue("late")
    age_queue(minutes=4)
    assert client.get("/readyz/").status_code == 200

    age_queue(minutes=6)
    response = client.get("/readyz/")

    # Reported, but this web server stays in the load balancer: it serves pages.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert "is the task worker running?" in response.json()["checks"]["tasks"]


def test_a_task_deferred_to_later_does_not_count_as_waiting():
    soon = timezone.now() + datetime.timedelta(minutes=30)
    remember.using(run_after=soon).enqueue("later")
    age_queue(minutes=60)

    assert oldest_ready_task_age() is None
    overdue = soon + datetime.timedelta(minutes=2)
    assert oldest_ready_task_age(now=overdue) == datetime.timedelta(minutes=2)


def test_a_task_enqueued_in_a_transaction_that_rolls_back_is_gone():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_with_transaction(remember, "never")
        assert queued_tasks(remember).count() == 1
        raise RuntimeError("the request failed")

    assert not queued_tasks(remember).exists()


def test_a_backend_that_cannot_defer_leaves_a_delayed_task_to_the_sweep(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    RAN.clear()
    later = timezone.now() + datetime.timedelta(minutes=5)

    assert enqueue_with_transaction(remember, "later", run_after=later) is None
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_with_transaction(remember, "now")
        assert RAN == []  # not before the commit
    assert RAN == ["now"]


def linking_draft(home_page, name=""):
    """A live page whose latest draft links to another page: publishing it gives
    Wagtail's reference index something to record."""
    target = StandardPageFactory(parent=home_page, title=f"Our approach {name}")
    page = StandardPageFactory(parent=home_page, title=f"About us {name}")
    page.body = [
        (
            "paragraph",
            RichText(
                f'<p>Read <a linktype="page" id="{target.pk}">our approach</a>.</p>'
            ),
        )
    ]
    page.save_revision()
    return page, target


def publish_in_the_admin(client, page):
    """The admin's publish action (bulk publish of one page), as an editor sends it."""
    return client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
        {"include_descendants": ""},
    )


def references_to(target):
    return ReferenceIndex.get_references_to(target).count()


@pytest.mark.parametrize("backend", ["immediate", "database"])
def test_publishing_leaves_the_reference_index_to_the_worker(
    admin_client, home_page, settings, backend
):
    """Before this change (no TASKS setting: the immediate backend) the request
    updated Wagtail's reference index itself; with the database backend it only
    queues the work, which the task worker does."""
    if backend == "immediate":
        settings.TASKS = {
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        }
    page, target = linking_draft(home_page)
    run_queued_tasks()
    assert references_to(target) == 0

    response = publish_in_the_admin(admin_client, page)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes is False
    if backend == "immediate":
        assert references_to(target) == 1
    else:
        assert references_to(target) == 0  # not in the editor's request
        run_queued_tasks()
        assert references_to(target) == 1


def test_a_publish_request_costs_fewer_queries_with_the_worker(
    admin_client, home_page, settings
):
    counts = {}
    for backend, backend_class in [
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        ("database", "django_tasks_db.DatabaseBackend"),
    ]:
        settings.TASKS = {"default": {"BACKEND": backend_class}}
        page, _ = linking_draft(home_page, backend)
        run_queued_tasks()
        with CaptureQueriesContext(connection) as queries:
            assert publish_in_the_admin(admin_client, page).status_code == 302
        counts[backend] = len(queries)

    print(f"Queries of one publish request: {counts}")
    assert counts["database"] < counts["immediate"], counts


def test_the_scheduler_enqueues_each_periodic_task_at_its_interval(monkeypatch):
    from home.management.commands import run_scheduler

    # One pass of the loop, then stop, instead of sleeping; the test's transaction
    # must keep its connection.
    monkeypatch.setattr(run_scheduler, "close_old_connections", lambda: None)
    monkeypatch.setattr(
        run_scheduler.Command,
        "sleep_until",
        lambda command, moment: setattr(command, "stopping", True),
    )

    call_command("run_scheduler", verbosity=0)

    queued = set(queued_tasks().values_list("task_path", flat=True))
    assert queued == set(settings.PERIODIC_TASKS)


def test_scheduled_publishing_runs_on_the_task_worker(home_page):
    page = StandardPageFactory(parent=home_page, title="Embargoed", live=False)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    run_queued_tasks()

    call_command("run_scheduler", "--once")
    assert not Page.objects.get(pk=page.pk).live  # queued, not run by the scheduler
    run_queued_tasks()

    assert Page.objects.get(pk=page.pk).live


def test_a_search_made_before_the_worker_indexes_a_new_page_finds_it_afterwards(
    client, home_page
):
    """Publishing moves the content generation on at once, but the page reaches the
    search index only when the worker runs Wagtail's index task: a visitor who
    searched in between must not keep the empty result once it has."""
    client.get("/")  # makes the site's settings and menus, which moves the generation
    page = StandardPageFactory(parent=home_page, title="Valet parking", live=False)
    page.save_revision().publish()

    before = client.get("/search/", {"q": "valet"}).content.decode()
    run_queued_tasks()  # the worker indexes the page
    after = client.get("/search/", {"q": "valet"}).content.decode()

    assert "No pages match your search" in before
    assert "Valet parking" in after


def test_indexing_a_draft_leaves_the_visitors_caches_alone(home_page):
    """Every save queues an index update, autosaves of drafts included: only those
    that follow a publish move the content generation on."""
    page = StandardPageFactory(parent=home_page, title="Parking")
    Page.objects.filter(pk=page.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    run_queued_tasks()
    generation = content_generation()

    page.refresh_from_db()
    page.title = "Parking and directions"
    page.save_revision()  # a draft: the live page is unchanged
    run_queued_tasks()

    assert content_generation() == generation
