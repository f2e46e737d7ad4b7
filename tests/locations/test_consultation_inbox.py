"""The inbox in the admin: each manager sees, exports and deletes only their own
locations' requests; nobody reads requests through Wagtail's stock form screens;
every allowed view, export, status change and deletion is in the audit log."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from locations.consultations import audit
from locations.models import (
    ConsultationRequest,
    ConsultationRequestLogEntry,
    ConsultationStatus,
)
from tests.factories import make_user
from tests.helpers import soup, visible_text
from tests.locations.conftest import ANSWERS, form_data

pytestmark = pytest.mark.django_db

INDEX = "/admin/consultation-requests/"


def url(view, submission):
    return reverse(f"consultation_requests:{view}", args=[submission.pk])


@pytest.fixture
def requests(clinics, client):
    """One request for Austin and one for Round Rock, as visitors sent them."""
    client.post(clinics.form_page.url, form_data(clinics.form_page, clinics.austin))
    client.post(
        clinics.form_page.url,
        form_data(
            clinics.form_page,
            clinics.round_rock,
            first_name="Rowan",
            email="rowan@visitor.example",
        ),
    )
    client.logout()
    austin = ConsultationRequest.objects.get(location=clinics.austin)
    round_rock = ConsultationRequest.objects.get(location=clinics.round_rock)
    return austin, round_rock


def signed_in(client, user):
    client.force_login(user)
    return client


def export(client, export_format="csv", query=""):
    response = client.get(f"{INDEX}?export={export_format}{query}")
    assert response.status_code == 200
    if export_format == "csv":
        content = b"".join(response.streaming_content).decode()
        return list(csv.DictReader(io.StringIO(content)))
    return response


def log_entries(submission):
    return ConsultationRequestLogEntry.objects.filter(object_id=str(submission.pk))


def test_a_manager_lists_only_their_own_locations_requests(clinics, requests, client):
    austin, round_rock = requests
    response = signed_in(client, clinics.austin_manager).get(INDEX)

    assert response.status_code == 200
    text = visible_text(response)
    assert f"Request #{austin.pk}" in text
    assert f"Request #{round_rock.pk}" not in text
    assert "Round Rock Clinic" not in text


def test_the_inbox_lists_newest_first_and_filters_by_location_status_and_date(
    clinics, client, post_request
):
    viewer = make_user(
        "auditor",
        groups=["Location managers"],
        permissions=["locations.view_all_consultation_requests"],
    )
    for location in (clinics.austin, clinics.round_rock, clinics.austin):
        post_request(clinics.form_page, location)
    first, second, third = ConsultationRequest.objects.order_by("pk")
    ConsultationRequest.objects.filter(pk=second.pk).update(
        status=ConsultationStatus.SCHEDULED
    )
    client = signed_in(client, viewer)

    def listed(query=""):
        response = client.get(INDEX + query)
        return [
            int(link.text.split("#")[1].split()[0])
            for link in soup(response).select("td.title .title-wrapper a")
        ]

    assert listed() == [third.pk, second.pk, first.pk]
    assert listed(f"?location={clinics.austin.pk}") == [third.pk, first.pk]
    assert listed("?status=scheduled") == [second.pk]
    today = timezone.localdate(first.submit_time).isoformat()
    assert len(listed(f"?submit_time_from={today}&submit_time_to={today}")) == 3
    assert listed("?submit_time_from=2000-01-01&submit_time_to=2000-01-02") == []


def test_the_location_filter_offers_only_the_managers_locations(
    clinics, requests, client
):
    response = signed_in(client, clinics.austin_manager).get(INDEX)

    select = soup(response).find("select", attrs={"name": "location"})
    assert [option.text for option in select.find_all("option")] == [
        "All locations",
        "Austin Clinic",
    ]


@pytest.mark.parametrize("view", ["inspect", "edit", "delete", "history", "usage"])
def test_a_manager_of_b_gets_nothing_of_as_request_by_guessing_urls(
    clinics, requests, client, view
):
    austin, _ = requests
    client = signed_in(client, clinics.round_rock_manager)

    assert client.get(url(view, austin)).status_code == 404
    assert client.post(url(view, austin), {"status": "closed"}).status_code == 404
    austin.refresh_from_db()
    assert austin.status == ConsultationStatus.NEW
    assert not log_entries(austin).exists()


def test_a_manager_of_b_exports_only_bs_requests(clinics, requests, client):
    austin, round_rock = requests

    rows = export(signed_in(client, clinics.round_rock_manager))

    assert [row["Request"] for row in rows] == [str(round_rock.pk)]
    assert rows[0]["First name"] == "Rowan"
    assert "Marisol" not in json.dumps(rows)
    assert not log_entries(austin).exists()


def test_users_without_a_role_see_no_inbox_and_no_request(clinics, requests, client):
    austin, _ = requests
    editor = make_user("editor", groups=["Editors"])
    client = signed_in(client, editor)

    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(f"{INDEX}?export=csv").status_code in (302, 403)
    for view in ("inspect", "edit", "delete", "history"):
        response = client.get(url(view, austin))
        assert response.status_code in (302, 403, 404)
        assert "Marisol" not in response.content.decode()
    home = client.get("/admin/")
    assert "/admin/consultation-requests/" not in home.content.decode()


def test_nobody_can_add_a_request_in_the_admin(clinics, requests, admin_client):
    response = admin_client.get(f"{INDEX}new/")

    assert response.status_code in (302, 403)
    assert ConsultationRequest.objects.count() == 2


def test_signed_out_visitors_are_sent_to_the_login_page(clinics, requests, client):
    austin, _ = requests

    response = client.get(url("inspect", austin))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_view_all_permission_shows_every_request(clinics, requests, client):
    austin, round_rock = requests
    viewer = make_user(
        "head-office",
        groups=["Location managers"],
        permissions=["locations.view_all_consultation_requests"],
    )

    text = visible_text(signed_in(client, viewer).get(INDEX))

    assert f"Request #{austin.pk}" in text and f"Request #{round_rock.pk}" in text


def test_the_inbox_menu_item_shows_for_managers(clinics, requests, client):
    manager_home = signed_in(client, clinics.austin_manager).get("/admin/")

    html = manager_home.content.decode()
    assert "/admin/consultation-requests/" in html
    assert "Consultation requests" in html


def test_a_manager_reads_the_decrypted_answers_and_the_view_is_logged(
    clinics, requests, client
):
    austin, _ = requests

    response = signed_in(client, clinics.austin_manager).get(url("inspect", austin))

    assert response.status_code == 200
    text = visible_text(response)
    for value in ("Marisol", "Quenneville", "(512) 555-0177", "Panic attacks"):
        assert value in text
    entry = log_entries(austin).get()
    assert entry.action == audit.VIEW and entry.user == clinics.austin_manager


def test_answers_are_shown_escaped(clinics, client, post_request):
    post_request(
        clinics.form_page,
        clinics.austin,
        what_would_you_like_help_with="<script>alert('x')</script>\nnext line",
    )
    submission = ConsultationRequest.objects.get()

    response = signed_in(client, clinics.austin_manager).get(url("inspect", submission))

    html = response.content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>next line" in html


def test_a_manager_moves_a_request_to_contacted_and_it_is_logged(
    clinics, requests, client
):
    austin, _ = requests
    client = signed_in(client, clinics.austin_manager)

    response = client.post(url("edit", austin), {"status": "contacted"})

    assert response.status_code == 302
    assert response["Location"] == url("inspect", austin)
    austin.refresh_from_db()
    assert austin.status == ConsultationStatus.CONTACTED
    entry = log_entries(austin).get(action=audit.STATUS)
    assert entry.data["from"] == "new" and entry.data["to"] == "contacted"
    assert entry.user == clinics.austin_manager
    assert "Changed status from New to Contacted" in entry.message


def test_an_export_is_logged_once_per_exported_request(clinics, requests, client):
    austin, round_rock = requests

    rows = export(signed_in(client, clinics.austin_manager))

    assert len(rows) == 1 and rows[0]["Email"] == ANSWERS["email"]
    entry = log_entries(austin).get()
    assert entry.action == audit.EXPORT and entry.data == {"format": "csv"}
    assert not log_entries(round_rock).exists()


def test_the_export_gives_the_local_time_shown_in_the_inbox(
    clinics, requests, client, settings
):
    austin, _ = requests
    settings.TIME_ZONE = "America/Chicago"
    received = datetime.datetime(2026, 11, 30, 4, 5, 19, 105019, tzinfo=datetime.UTC)
    ConsultationRequest.objects.filter(pk=austin.pk).update(submit_time=received)

    rows = export(signed_in(client, clinics.austin_manager))

    assert rows[0]["Received"] == "2026-11-29 22:05:00"  # 04:05 UTC is 22:05 CST


def test_xlsx_export_works_and_is_logged(clinics, requests, client):
    austin, _ = requests

    response = export(signed_in(client, clinics.austin_manager), "xlsx")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert log_entries(austin).get().data == {"format": "xlsx"}


def test_csv_export_defuses_spreadsheet_formulas(clinics, client, post_request):
    post_request(
        clinics.form_page, clinics.austin, first_name='=HYPERLINK("http://x","y")'
    )

    rows = export(signed_in(client, clinics.austin_manager))

    assert rows[0]["First name"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["Phone"] == "+15125550177"


def test_a_manager_deletes_a_request_and_it_is_logged(clinics, requests, client):
    austin, _ = requests
    client = signed_in(client, clinics.austin_manager)

    response = client.post(url("delete", austin))

    assert response.status_code == 302
    assert not ConsultationRequest.objects.filter(pk=austin.pk).exists()
    entry = log_entries(austin).get()
    assert entry.action == audit.DELETE and entry.user == clinics.austin_manager
    assert entry.label == f"Request #{austin.pk} · Austin Clinic"


def test_no_log_entry_contains_an_answer(clinics, requests, client):
    austin, _ = requests
    client = signed_in(client, clinics.austin_manager)
    client.get(url("inspect", austin))
    export(client)
    client.post(url("edit", austin), {"status": "scheduled"})
    client.post(url("delete", austin))

    entries = list(ConsultationRequestLogEntry.objects.values())
    assert len(entries) == 4
    dump = json.dumps(entries, default=str)
    for value in ANSWERS.values():
        assert value not in dump
    assert "5550177" not in dump


def test_site_history_shows_each_manager_only_their_requests_entries(
    clinics, requests, client, admin_user
):
    austin, round_rock = requests
    signed_in(client, clinics.austin_manager).get(url("inspect", austin))
    signed_in(client, clinics.round_rock_manager).get(url("inspect", round_rock))
    report = "/admin/reports/site-history/"

    austin_view = ConsultationRequestLogEntry.objects.viewable_by_user(
        clinics.austin_manager
    )
    assert list(austin_view.values_list("object_id", flat=True)) == [str(austin.pk)]
    admin_text = visible_text(signed_in(client, admin_user).get(report))
    assert f"Request #{austin.pk}" in admin_text
    assert f"Request #{round_rock.pk}" in admin_text
    assert "Viewed the request and its answers" in admin_text
    link = soup(client.get(report)).find(
        "a", string=f"Request #{austin.pk} · Austin Clinic"
    )
    assert link["href"] == url("inspect", austin)


def test_a_deleted_location_keeps_its_requests_name_and_managers(
    clinics, requests, client
):
    _, round_rock = requests

    clinics.round_rock.delete()

    round_rock.refresh_from_db()
    assert round_rock.location is None
    assert round_rock.location_name == "Round Rock Clinic"
    client = signed_in(client, clinics.round_rock_manager)
    response = client.get(url("inspect", round_rock))
    assert response.status_code == 200
    assert "Round Rock Clinic (page deleted)" in visible_text(response)
    assert f"Request #{round_rock.pk}" in visible_text(client.get(INDEX))
    client = signed_in(client, clinics.austin_manager)
    assert client.get(url("inspect", round_rock)).status_code == 404


def test_an_unpublished_location_keeps_its_requests_visible(clinics, requests, client):
    _, round_rock = requests

    clinics.round_rock.unpublish()

    response = signed_in(client, clinics.round_rock_manager).get(
        url("inspect", round_rock)
    )
    assert response.status_code == 200
    assert "Round Rock Clinic" in visible_text(response)


def test_a_manager_removed_from_a_location_no_longer_sees_its_requests(
    clinics, requests, client
):
    austin, _ = requests
    clinics.austin.managers.remove(clinics.austin_manager)
    clinics.austin.save()

    response = signed_in(client, clinics.austin_manager).get(url("inspect", austin))

    assert response.status_code == 404


def test_answers_that_no_key_opens_are_reported_not_a_server_error(
    clinics, requests, client, settings, caplog
):
    austin, _ = requests
    settings.CONSULTATION_ENCRYPTION_KEYS = [
        "b3RoZXIta2V5LW5vdC11c2VkLWZvci10aGlzLWRhdGE="
    ]

    response = signed_in(client, clinics.austin_manager).get(url("inspect", austin))

    assert response.status_code == 200
    assert "cannot be decrypted with the configured keys" in visible_text(response)
    assert "answers cannot be decrypted" in caplog.text


def test_the_location_managers_group_has_only_what_the_inbox_needs():
    group = Group.objects.get(name="Location managers")

    assert sorted(
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
    ) == [
        "locations.change_consultationrequest",
        "locations.delete_consultationrequest",
        "locations.view_consultationrequest",
        "wagtailadmin.access_admin",
    ]
