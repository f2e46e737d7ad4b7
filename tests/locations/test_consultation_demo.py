"""The demo's "Request a consultation" page and its location managers."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtailmenus.models import MainMenuItem

from home.models import ClinicSettings, HomePage
from locations.models import ConsultationFormPage, LocationPage

pytestmark = pytest.mark.django_db


def demo_state():
    return {
        "pages": sorted(ConsultationFormPage.objects.values_list("pk", "title")),
        "fields": sorted(
            ConsultationFormPage.objects.get().form_fields.values_list(
                "label", "field_type", "required"
            )
        ),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "managers": sorted(
            LocationPage.objects.values_list("slug", "managers__username")
        ),
    }


def test_the_demo_has_a_consultation_page_linked_everywhere(client, demo_site):
    page = ConsultationFormPage.objects.get(slug="request-a-consultation")
    labels = list(page.form_fields.values_list("label", "field_type", "required"))
    assert labels == [
        ("First name", "singleline", True),
        ("Last name", "singleline", True),
        ("Email", "email", True),
        ("Phone", "phone", True),
        ("Preferred contact method", "radio", True),
        ("Preferred time of day", "preferred_time", True),
        ("What would you like help with?", "multiline", False),
        ("How did you hear about us?", "dropdown", False),
    ]
    home = HomePage.objects.get()
    assert ClinicSettings.for_site(home.get_site()).consultation_page_id == page.pk
    assert home.cta_page_id == page.pk
    assert MainMenuItem.objects.filter(link_page=page).exists()
    response = client.get("/locations/round-rock/", HTTP_HOST="127.0.0.1:8000")
    assert "/request-a-consultation/?location=round-rock" in response.content.decode()
    form = client.get("/request-a-consultation/", HTTP_HOST="127.0.0.1:8000")
    assert form.status_code == 200


def test_each_demo_location_has_its_own_manager(demo_site):
    for location in LocationPage.objects.all():
        managers = list(location.managers.all())
        assert len(managers) == 1
        assert managers[0].groups.filter(name="Location managers").exists()
        assert not managers[0].has_usable_password()


def test_loading_the_demo_twice_changes_nothing(demo_site):
    first = demo_state()

    call_command("load_demo_content", verbosity=0)

    assert demo_state() == first


def test_the_demo_keeps_an_editors_own_call_to_action(demo_site):
    home = HomePage.objects.get()
    about = home.get_children().get(slug="about")
    home.cta_page = about
    home.save_revision().publish()

    call_command("load_demo_content", verbosity=0)

    assert HomePage.objects.get().cta_page_id == about.pk


def test_demo_manager_logins_are_printed_in_development_only(
    demo_site, settings, tmp_path, monkeypatch, capsys
):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_manager_logins")

    settings.DEBUG = True
    settings.BASE_DIR = tmp_path  # keep .dev-logins.json out of the project
    call_command("demo_manager_logins")

    out = capsys.readouterr().out
    assert "Location manager (Round Rock): username 'manager-round-rock'" in out
    user = get_user_model().objects.get(username="manager-round-rock")
    password = out.split("manager-round-rock', password '")[1].split("'")[0]
    assert user.check_password(password)
