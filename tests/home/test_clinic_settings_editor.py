"""Clinic settings show the main phone as people write it, like the location editor."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from home.models import ClinicSettings
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_clinic_settings_show_the_main_phone_in_national_format(
    admin_client, home_page
):
    site = home_page.get_site()
    clinic = ClinicSettings.for_site(site)
    clinic.main_phone = "+15125550100"
    clinic.save()

    url = reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk])
    field = soup(admin_client.get(url)).find("input", attrs={"name": "main_phone"})

    assert field["value"] == "(512) 555-0100"


def test_a_national_number_typed_in_is_stored_in_e164(admin_client, home_page):
    site = home_page.get_site()
    url = reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk])
    form = {
        "group_name": "Test Clinic Group",
        "main_phone": "(512) 555-0199",
        "crisis_banner_enabled": "on",
        "crisis_banner_text": rich_text("<p>Call 988.</p>"),
        "medical_disclaimer": rich_text("<p>Not medical advice.</p>"),
    }
    response = admin_client.post(url, form)

    assert response.status_code == 302, response.context["form"].errors
    assert str(ClinicSettings.for_site(site).main_phone) == "+15125550199"
