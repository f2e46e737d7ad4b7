"""Consultation requests with two sites: each site's form offers and routes to its own
clinics only, and each site's retention period applies to its own requests."""

import dataclasses
import datetime

import pytest
from django.utils import timezone

from home.models import ClinicSettings
from locations.consultations.retention import purge_expired_requests
from locations.models import (
    ConsultationNotification,
    ConsultationRequest,
    ConsultationSettings,
    NotificationKind,
)
from tests.factories import (
    LocationIndexPageFactory,
    make_consultation_page,
    make_location,
    make_location_manager,
)
from tests.helpers import soup
from tests.locations.conftest import FORM_PATH, field_errors, form_data, thank_you

pytestmark = pytest.mark.django_db


@dataclasses.dataclass
class SisterClinic:
    host: str
    site: object
    location: object
    manager: object
    form_page: object


@pytest.fixture
def sister(clinics, two_sites):
    """The second site with one clinic, its manager and a consultation form, beside
    the default site's Austin and Round Rock clinics (the `clinics` fixture)."""
    index = LocationIndexPageFactory(parent=two_sites.sister_home)
    location = make_location(
        index, title="Lakeside Clinic", slug="lakeside", phone="+15125550303"
    )
    manager = make_location_manager(
        location, "lakeside-manager", email="lakeside-manager@clinic.example"
    )
    form_page = make_consultation_page(
        two_sites.sister_home, to_address="sister-desk@clinic.example"
    )
    return SisterClinic(
        two_sites.sister_host, two_sites.sister_site, location, manager, form_page
    )


def offered(response):
    select = soup(response).find("select", attrs={"name": "location"})
    return [option.text for option in select.find_all("option") if option["value"]]


def post(client, page, location, host="testserver"):
    return client.post(
        FORM_PATH,
        form_data(page, location),
        HTTP_HOST=host,
        REMOTE_ADDR="203.0.113.9",
    )


def test_each_sites_form_offers_only_its_own_clinics(client, clinics, sister):
    # Twice: the second time from the cache of offered locations.
    for _ in range(2):
        main = client.get(FORM_PATH)
        other = client.get(FORM_PATH, HTTP_HOST=sister.host)
        assert offered(main) == ["Austin Clinic", "Round Rock Clinic"]
        assert offered(other) == ["Lakeside Clinic"]


def test_a_link_to_another_sites_clinic_preselects_nothing(client, clinics, sister):
    response = client.get(f"{FORM_PATH}?location=austin", HTTP_HOST=sister.host)

    select = soup(response).find("select", attrs={"name": "location"})
    assert [option["value"] for option in select.find_all("option", selected=True)] == [
        ""
    ]


def test_a_request_for_another_sites_clinic_is_refused_and_sent_nowhere(
    client, clinics, sister
):
    response = post(client, sister.form_page, clinics.austin, host=sister.host)

    assert not thank_you(response)
    assert field_errors(response, "location")
    assert not ConsultationRequest.objects.exists()
    assert not ConsultationNotification.objects.exists()


def test_each_sites_request_reaches_its_own_clinics_people_only(
    client, clinics, sister
):
    assert thank_you(post(client, sister.form_page, sister.location, sister.host))
    assert thank_you(post(client, clinics.form_page, clinics.round_rock))

    lakeside, round_rock = ConsultationRequest.objects.order_by("pk")
    assert lakeside.page_id == sister.form_page.pk
    assert lakeside.location == sister.location

    def recipients(request):
        return set(
            ConsultationNotification.objects.filter(
                request=request, kind=NotificationKind.STAFF
            ).values_list("recipient", flat=True)
        )

    assert recipients(lakeside) == {"lakeside-manager@clinic.example"}
    assert recipients(round_rock) == {"rr-manager@clinic.example"}


def test_a_sister_clinic_with_nobody_falls_back_to_its_own_forms_address(
    client, clinics, sister
):
    sister.location.managers.clear()
    sister.location.save()

    post(client, sister.form_page, sister.location, sister.host)

    stored = ConsultationRequest.objects.get()
    assert stored.routed_to_fallback
    assert list(
        ConsultationNotification.objects.filter(
            kind=NotificationKind.STAFF
        ).values_list("recipient", flat=True)
    ) == ["sister-desk@clinic.example"]


def test_each_site_keeps_its_requests_for_its_own_period(client, clinics, sister):
    sister_setting = ConsultationSettings.for_site(sister.site)
    sister_setting.retention_days = 30
    sister_setting.save()
    post(client, sister.form_page, sister.location, sister.host)
    post(client, clinics.form_page, clinics.austin)
    lakeside, austin = ConsultationRequest.objects.order_by("pk")
    ConsultationRequest.objects.update(
        submit_time=timezone.now() - datetime.timedelta(days=40)
    )

    assert purge_expired_requests() == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [austin.pk]

    # 200 days on, the default site's 180 days have passed as well.
    later = timezone.now() + datetime.timedelta(days=160)
    assert purge_expired_requests(now=later) == 1
    assert not ConsultationRequest.objects.exists()


def test_a_shorter_period_on_the_default_site_leaves_the_other_sites_requests(
    client, clinics, sister
):
    main_setting = ConsultationSettings.for_site(clinics.home.get_site())
    main_setting.retention_days = 7
    main_setting.save()
    post(client, sister.form_page, sister.location, sister.host)
    post(client, clinics.form_page, clinics.austin)
    lakeside, _ = ConsultationRequest.objects.order_by("pk")
    ConsultationRequest.objects.update(
        submit_time=timezone.now() - datetime.timedelta(days=10)
    )

    assert purge_expired_requests() == 1
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [
        lakeside.pk
    ]


def test_each_clinic_page_links_to_its_own_sites_form(client, clinics, sister):
    for site, form_page in (
        (clinics.home.get_site(), clinics.form_page),
        (sister.site, sister.form_page),
    ):
        setting = ClinicSettings.for_site(site)
        setting.consultation_page = form_page
        setting.save()

    def consult_link(response):
        button = soup(response).find(
            "a", string="Request a consultation at this location"
        )
        return button["href"]

    # Twice: the second time from the cache of consultation links.
    for _ in range(2):
        austin = client.get("/locations/austin/")
        lakeside = client.get("/locations/lakeside/", HTTP_HOST=sister.host)
        assert consult_link(austin) == "/request-a-consultation/?location=austin"
        assert consult_link(lakeside) == "/request-a-consultation/?location=lakeside"
