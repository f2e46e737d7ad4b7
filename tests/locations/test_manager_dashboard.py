"""A location manager's dashboard opens on their locations' open requests, and the
inbox's export is a labelled button."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from locations.consultations.crypto import encrypt_json
from locations.models import ConsultationRequest, ConsultationStatus
from tests.factories import make_user
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def make_request(clinics, location, status=ConsultationStatus.NEW, hours_ago=1):
    submission = ConsultationRequest.objects.create(
        page=clinics.form_page,
        location=location,
        location_name=location.title,
        status=status,
        answers=encrypt_json({"version": 1, "fields": []}),
    )
    ConsultationRequest.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(hours=hours_ago)
    )
    return submission


@pytest.fixture
def austin_requests(clinics):
    return [
        make_request(clinics, clinics.austin, ConsultationStatus.NEW, hours_ago=3),
        make_request(clinics, clinics.austin, ConsultationStatus.NEW, hours_ago=1),
        make_request(clinics, clinics.austin, ConsultationStatus.SCHEDULED, 2),
        make_request(clinics, clinics.austin, ConsultationStatus.CLOSED, 0),
    ]


def panel(client, user):
    client.force_login(user)
    return soup(client.get("/admin/")).find(id="consultation-requests-section")


def test_manager_dashboard_counts_open_requests_per_location_and_status(
    clinics, austin_requests, client
):
    make_request(clinics, clinics.round_rock)
    found = panel(client, clinics.austin_manager)

    counts = found.find("tbody").find_all("tr")
    assert len(counts) == 1  # Round Rock's request is not Austin's manager's
    cells = [cell.get_text(strip=True) for cell in counts[0].find_all(["th", "td"])]
    assert cells == ["Austin Clinic", "2", "0", "1"]
    new_link = counts[0].find("a")
    assert new_link["href"] == (
        f"/admin/consultation-requests/?location={clinics.austin.pk}&status=new"
    )


def test_manager_dashboard_lists_the_newest_open_requests_first_with_links(
    clinics, austin_requests, client
):
    found = panel(client, clinics.austin_manager)

    links = found.find_all("table")[1].find_all("a")
    older_new, newest_new, scheduled, _closed = austin_requests
    expected = [newest_new, scheduled, older_new]  # 1, 2 and 3 hours ago
    assert [link.get_text(strip=True) for link in links] == [
        str(submission) for submission in expected
    ]
    assert [link["href"] for link in links] == [
        reverse("consultation_requests:inspect", args=[submission.pk])
        for submission in expected
    ]


def dashboard_queries(client, user):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_panel_costs_the_same_queries_for_few_and_many_requests(
    clinics, client, django_assert_max_num_queries
):
    client.force_login(clinics.austin_manager)
    make_request(clinics, clinics.austin)
    client.get("/admin/")  # warm Wagtail's own caches
    few = dashboard_queries(client, clinics.austin_manager)
    for hours in range(2, 40):
        make_request(clinics, clinics.round_rock, hours_ago=hours)
        make_request(clinics, clinics.austin, hours_ago=hours)
    assert dashboard_queries(client, clinics.austin_manager) == few
    with django_assert_max_num_queries(25):
        client.get("/admin/")


def test_marketing_editors_get_no_requests_panel(clinics, austin_requests, client):
    editor = make_user("editor", groups=["Marketing editors"])
    assert panel(client, editor) is None


def test_export_is_a_labelled_button_on_the_inbox(clinics, austin_requests, client):
    client.force_login(clinics.austin_manager)
    page = soup(client.get("/admin/consultation-requests/"))

    buttons = {
        link.get_text(strip=True): link["href"] for link in page.select("a[href]")
    }
    assert "export=csv" in buttons["Export CSV"]
    assert "export=xlsx" in buttons["Export Excel"]


def sidebar_items(client):
    """The names of the admin sidebar's top-level items."""
    props = soup(client.get("/admin/")).find(id="wagtail-sidebar-props")
    modules = json.loads(props.string)["modules"]
    main_menu = next(m for m in modules if m["_type"].endswith("MainMenuModule"))
    return [item["_args"][0]["name"] for item in main_menu["_args"][0]]


def test_a_managers_sidebar_holds_only_what_they_can_use(clinics, client):
    client.force_login(clinics.austin_manager)
    assert sidebar_items(client) == ["consultation-requests", "help"]
