import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    LocationIndexPageFactory,
    ProviderIndexPageFactory,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def field(page, label):
    """A text field of the Wagtail editor by its visible label."""
    return page.get_by_role("textbox", name=re.compile(f"^{re.escape(label)}"))


def test_editor_adds_a_location_and_a_provider_and_visitors_find_them(
    page, live_server, admin_login
):
    home = make_site()
    locations = LocationIndexPageFactory(parent=home)
    providers = ProviderIndexPageFactory(parent=home)
    admin_login(page)

    # The location, with its hours.
    page.goto(
        f"{live_server.url}/admin/pages/add/locations/locationpage/{locations.pk}/"
    )
    field(page, "Clinic name").fill("Georgetown")
    field(page, "Street address").fill("700 Main Street")
    field(page, "City").fill("Georgetown")
    field(page, "ZIP code").fill("78626")
    field(page, "Phone").fill("(512) 555-0177")
    page.get_by_role("button", name="Add opening hours").click()
    page.locator("select[name='opening_hours-0-weekday']").select_option("0")
    page.locator("input[name='opening_hours-0-opens']").fill("09:00")
    page.locator("input[name='opening_hours-0-closes']").fill("17:00")
    # A time picker can stay open over the footer's buttons: as a keyboard user
    # would, the test moves to them and presses Enter.
    page.locator("input[name='opening_hours-0-closes']").press("Tab")
    page.get_by_role("button", name="More actions").press("Enter")
    page.locator("button[name='action-publish']").press("Enter")
    expect(page.locator(".messages")).to_contain_text("published")

    # The provider, practising there.
    page.goto(
        f"{live_server.url}/admin/pages/add/providers/providerpage/{providers.pk}/"
    )
    field(page, "Full name").fill("Rosa Lindqvist")
    field(page, "Credentials").fill("MD")
    field(page, "Job title").fill("Psychiatrist")
    field(page, "Summary").fill("Cares for adults with anxiety and depression.")
    page.get_by_role("checkbox", name="Georgetown").check()
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("published")

    # What visitors see.
    page.goto(f"{live_server.url}/locations/georgetown/")
    expect(page.locator("h1")).to_have_text("Georgetown")
    expect(page.locator("a.location__phone")).to_have_text("(512) 555-0177")
    expect(page.get_by_role("link", name="Rosa Lindqvist, MD")).to_be_visible()

    page.goto(f"{live_server.url}/providers/?location=georgetown")
    expect(page.locator(".provider-card__name")).to_have_text(["Rosa Lindqvist, MD"])
    page.get_by_role("link", name="Rosa Lindqvist, MD").click()
    expect(page.locator("h1")).to_have_text("Rosa Lindqvist, MD")
    expect(page.get_by_role("link", name="Georgetown")).to_be_visible()
