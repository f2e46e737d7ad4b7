"""Editors create locations in the admin; every rule gets a clear message there."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from locations.models import LocationPage
from tests.factories import LocationIndexPageFactory, make_location

pytestmark = pytest.mark.django_db

WEEKDAYS_9_TO_5 = [
    {"weekday": day, "opens": "09:00", "closes": "17:00", "closed": False}
    for day in range(5)
]


def location_form_data(hours=WEEKDAYS_9_TO_5, closures=(), **overrides):
    data = {
        "title": "Austin Central",
        "slug": "austin-central",
        "street_address": "100 Congress Ave",
        "street_address_2": "",
        "city": "Austin",
        "state": "TX",
        "postal_code": "78701",
        "phone": "(512) 555-0142",
        "email": "",
        "latitude": "30.2672",
        "longitude": "-97.7431",
        "time_zone": "America/Chicago",
        "intro": "",
        "parking_notes": "",
        "accessibility_notes": "",
        "notification_emails": "",
        "opening_hours": inline_formset(list(hours)),
        "holiday_closures": inline_formset(list(closures)),
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def index(home_page):
    return LocationIndexPageFactory(parent=home_page)


def create(client, index, **kwargs):
    return client.post(
        f"/admin/pages/add/locations/locationpage/{index.pk}/",
        location_form_data(**kwargs),
    )


def field_errors(response):
    return {
        name: list(errors) for name, errors in response.context["form"].errors.items()
    }


def hours_errors(response):
    formset = response.context["form"].formsets["opening_hours"]
    return [dict(form.errors) for form in formset.forms]


def test_a_valid_location_is_created_with_its_phone_in_e164(admin_client, index):
    response = create(admin_client, index)

    assert response.status_code == 302
    location = LocationPage.objects.get(slug="austin-central")
    assert location.phone.as_e164 == "+15125550142"
    assert location.opening_hours.count() == 5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", "91", "Latitude must be between -90 and 90."),
        ("latitude", "-90.5", "Latitude must be between -90 and 90."),
        ("longitude", "181", "Longitude must be between -180 and 180."),
        ("longitude", "-200", "Longitude must be between -180 and 180."),
        ("state", "XX", "Choose a US state from the list."),
        ("postal_code", "7870", "Enter a ZIP code of five digits, or ZIP+4"),
        ("postal_code", "78701-12", "Enter a ZIP code of five digits, or ZIP+4"),
        ("phone", "555-01", "Enter a valid phone number"),
        ("notification_emails", "ok@example.com\nnot-an-address", "not-an-address"),
    ],
)
def test_invalid_location_facts_get_a_clear_message(
    admin_client, index, field, value, message
):
    response = create(admin_client, index, **{field: value})

    assert response.status_code == 200
    assert message in " ".join(field_errors(response)[field])
    assert not LocationPage.objects.exists()


@pytest.mark.parametrize("zip_code", ["78701", "78701-1234"])
def test_zip_and_zip_plus_four_are_accepted(admin_client, index, zip_code):
    assert create(admin_client, index, postal_code=zip_code).status_code == 302


def test_closing_time_must_be_after_opening_time(admin_client, index):
    hours = [{"weekday": 0, "opens": "17:00", "closes": "09:00", "closed": False}]

    response = create(admin_client, index, hours=hours)

    assert hours_errors(response)[0]["closes"] == [
        "The closing time must be after the opening time."
    ]


def test_an_open_day_needs_both_times(admin_client, index):
    hours = [{"weekday": 0, "opens": "09:00", "closes": "", "closed": False}]

    response = create(admin_client, index, hours=hours)

    assert "Enter the closing time" in hours_errors(response)[0]["closes"][0]


def test_ranges_on_one_day_must_not_overlap(admin_client, index):
    hours = [
        {"weekday": 2, "opens": "09:00", "closes": "13:00", "closed": False},
        {"weekday": 2, "opens": "12:00", "closes": "17:00", "closed": False},
    ]

    response = create(admin_client, index, hours=hours)

    errors = hours_errors(response)
    assert errors[1]["opens"] == ["This overlaps another opening range on Wednesday."]
    assert not LocationPage.objects.exists()


def test_a_lunch_break_is_two_ranges_on_one_day(admin_client, index):
    hours = [
        {"weekday": 2, "opens": "09:00", "closes": "12:00", "closed": False},
        {"weekday": 2, "opens": "13:00", "closes": "17:00", "closed": False},
    ]

    assert create(admin_client, index, hours=hours).status_code == 302


def test_a_closed_row_needs_no_times(admin_client, index):
    hours = [{"weekday": 6, "opens": "", "closes": "", "closed": True}]

    assert create(admin_client, index, hours=hours).status_code == 302


def editor_client(client, django_user_model, index, *extra_permissions):
    """A logged-in editor who may add and change pages under the location index."""
    group = Group.objects.create(name="Location test editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*extra_permissions)
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=index,
            permission=Permission.objects.get(codename=permission),
        )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_recipient_fields_are_hidden_from_editors_without_permission(
    client, django_user_model, index
):
    location = make_location(index, notification_emails="front-desk@example.com")
    editor = editor_client(client, django_user_model, index)

    response = editor.get(f"/admin/pages/{location.pk}/edit/")

    html = response.content.decode()
    assert "notification_emails" not in html
    assert 'name="managers"' not in html


def test_editors_without_permission_keep_the_recipients_when_saving(
    client, django_user_model, index
):
    location = make_location(index, notification_emails="front-desk@example.com")
    editor = editor_client(client, django_user_model, index)
    data = location_form_data(title="Austin Central (renamed)", slug=location.slug)
    data["action-publish"] = "action-publish"

    response = editor.post(f"/admin/pages/{location.pk}/edit/", data)

    assert response.status_code == 302
    location.refresh_from_db()
    assert location.title == "Austin Central (renamed)"
    assert location.notification_emails == "front-desk@example.com"


def test_recipient_fields_are_shown_to_editors_with_permission(
    client, django_user_model, index
):
    location = make_location(index)
    permission = Permission.objects.get(codename="change_location_recipients")
    editor = editor_client(client, django_user_model, index, permission)

    html = editor.get(f"/admin/pages/{location.pk}/edit/").content.decode()

    assert 'name="notification_emails"' in html
    assert 'name="managers"' in html
