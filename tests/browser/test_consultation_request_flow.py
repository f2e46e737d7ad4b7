import pytest
from playwright.sync_api import expect

from home.models import ClinicSettings
from locations.models import ConsultationRequest, ConsultationStatus
from tests.factories import (
    LocationIndexPageFactory,
    make_consultation_page,
    make_location,
    make_location_manager,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-manager-password"


@pytest.fixture
def clinic_site(settings):
    # A person in a browser test types faster than any person could.
    settings.CONSULTATION_MIN_FILL_SECONDS = 0
    home = make_site()
    index = LocationIndexPageFactory(parent=home)
    austin = make_location(index, title="Austin Clinic", slug="austin")
    round_rock = make_location(index, title="Round Rock Clinic", slug="round-rock")
    make_location_manager(austin, "austin-manager", password=PASSWORD)
    make_location_manager(round_rock, "round-rock-manager", password=PASSWORD)
    form_page = make_consultation_page(home)
    clinic = ClinicSettings.for_site(home.get_site())
    clinic.consultation_page = form_page
    clinic.save()
    return austin


def test_a_request_reaches_its_locations_manager_and_nobody_else(
    page, live_server, admin_login, clinic_site
):
    # A visitor asks for a consultation from the Austin clinic's page.
    page.goto(f"{live_server.url}/locations/austin/")
    page.get_by_role("link", name="Request a consultation at this location").click()
    expect(page.get_by_label("Location")).to_have_value(str(clinic_site.pk))
    page.get_by_label("First name").fill("Imogen")
    page.get_by_label("Last name").fill("Castellanos")
    page.get_by_role("textbox", name="Email").fill("imogen@visitor.example")
    page.get_by_role("textbox", name="Phone").fill("(512) 555-0123")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("radio", name="Morning (8 am to noon)").check()
    page.get_by_label("What would you like help with?").fill("Low mood all winter")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your request has been sent"
    )
    # POST/redirect/GET: the thank-you page has its own address; a reload sends
    # nothing again.
    expect(page).to_have_url(
        f"{live_server.url}/request-a-consultation/thank-you/?location=austin"
    )
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your request has been sent"
    )
    submission = ConsultationRequest.objects.get()

    # The Austin manager finds it, reads it and marks it contacted.
    admin_login(page, "austin-manager", PASSWORD)
    page.get_by_role("link", name="Consultation requests").first.click()
    page.get_by_role("link", name=f"Request #{submission.pk} · Austin Clinic").click()
    expect(page.get_by_text("Low mood all winter")).to_be_visible()
    expect(page.get_by_text("Castellanos")).to_be_visible()
    page.get_by_label("Status").select_option("contacted")
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_text("status changed")).to_be_visible()
    submission.refresh_from_db()
    assert submission.status == ConsultationStatus.CONTACTED

    # The Round Rock manager sees no such request, even with its address.
    page.context.clear_cookies()
    admin_login(page, "round-rock-manager", PASSWORD)
    page.goto(f"{live_server.url}/admin/consultation-requests/")
    expect(page.get_by_text(f"Request #{submission.pk}")).to_have_count(0)
    response = page.goto(
        f"{live_server.url}/admin/consultation-requests/inspect/{submission.pk}/"
    )
    assert response.status == 404
    expect(page.get_by_text("Castellanos")).to_have_count(0)
