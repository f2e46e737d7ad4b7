"""Wagtail's own form-submission screens never show consultation requests, to anyone
and by any URL: the inbox (which checks locations and writes the audit log) is the
only way in."""

import pytest

from locations.models import ConsultationRequest
from tests.factories import make_user
from tests.locations.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(clinics, client):
    client.post(clinics.form_page.url, form_data(clinics.form_page, clinics.austin))
    client.logout()
    return ConsultationRequest.objects.get()


@pytest.fixture(params=["superuser", "austin_manager", "round_rock_manager", "editor"])
def staff_client(request, clinics, client, admin_user):
    users = {
        "superuser": admin_user,
        "austin_manager": clinics.austin_manager,
        "round_rock_manager": clinics.round_rock_manager,
        "editor": make_user("page-editor", groups=["Editors"]),
    }
    client.force_login(users[request.param])
    return client


def stock_urls(page_id, submission_id):
    base = f"/admin/forms/submissions/{page_id}/"
    return [
        base,
        f"{base}results/",
        f"{base}?export=csv",
        f"{base}?export=xlsx",
        f"{base}delete/?selected-submissions={submission_id}",
    ]


def test_the_stock_forms_index_does_not_list_consultation_forms(
    clinics, submitted, staff_client
):
    response = staff_client.get("/admin/forms/")

    assert clinics.form_page.title not in response.content.decode()


def test_stock_submission_urls_refuse_consultation_requests_to_everyone(
    clinics, submitted, staff_client
):
    for url in stock_urls(clinics.form_page.pk, submitted.pk):
        response = staff_client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Marisol" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )


def test_the_stock_delete_url_deletes_nothing(clinics, submitted, staff_client):
    url = f"/admin/forms/submissions/{clinics.form_page.pk}/delete/"

    response = staff_client.post(f"{url}?selected-submissions={submitted.pk}")

    assert response.status_code in (302, 403)
    assert ConsultationRequest.objects.filter(pk=submitted.pk).exists()


def test_the_stock_forms_menu_is_not_offered_for_consultation_forms(
    clinics, submitted, staff_client
):
    response = staff_client.get("/admin/")

    assert '"/admin/forms/"' not in response.content.decode()
