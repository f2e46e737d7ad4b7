"""The embedded database under a real editor: an autosave and a "Submit" or
"Publish" that reach SQLite at the same moment both succeed (write-ahead log,
IMMEDIATE transactions and a busy timeout in cms/settings/base.py). With SQLite's
default deferred transactions, one of them failed with "database is locked"."""

import threading

import pytest
from django.db import connection, connections, transaction
from wagtail.models import Page

from home.factories import StandardPageFactory
from tests.factories import make_site

# serialized_rollback, as every transactional test here: one without it, flushed
# before one with it, leaves content types that the next reload collides with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROUNDS = 10


@pytest.fixture(autouse=True)
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("about SQLite's locking; PostgreSQL has row locks")


def save_revision_repeatedly(page_pk, barrier, errors, title):
    """An editor's request: read the page, then write a revision, in one
    transaction (as Wagtail's edit view does), ROUNDS times in step with the other."""
    try:
        for number in range(ROUNDS):
            barrier.wait(timeout=30)
            with transaction.atomic():
                page = Page.objects.get(pk=page_pk).specific
                page.title = f"{title} {number}"
                page.save_revision()
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(error)
        barrier.abort()
    finally:
        connections.close_all()


def test_autosave_and_submit_at_the_same_moment_both_succeed():
    home = make_site()
    page = StandardPageFactory(parent=home, title="About us")
    barrier = threading.Barrier(2)
    errors = []
    threads = [
        threading.Thread(
            target=save_revision_repeatedly, args=(page.pk, barrier, errors, name)
        )
        for name in ("Autosave", "Submit")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert page.revisions.count() == 2 * ROUNDS
