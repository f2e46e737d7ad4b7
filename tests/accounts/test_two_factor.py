"""Two-factor sign-in: required for those who read consultation requests (location
managers, "view all" holders, superusers), optional for other editors; nothing about
a request is served before the second factor, by any URL."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from wagtail.models import ModelLogEntry

from accounts import audit
from home.two_factor import second_factor_required
from locations.consultations.access import ConsultationRequestPermissionPolicy
from locations.models import ConsultationRequest
from tests.accounts.conftest import (
    INBOX,
    SETUP,
    VERIFY,
    app_device,
    next_code,
    sign_in,
)
from tests.factories import make_user
from tests.helpers import force_login_with_second_factor, soup

pytestmark = pytest.mark.django_db


def request_urls(submission):
    return [
        INBOX,
        f"{INBOX}?export=csv",
        f"{INBOX}?export=xlsx",
        reverse("consultation_requests:inspect", args=[submission.pk]),
        reverse("consultation_requests:edit", args=[submission.pk]),
        reverse("consultation_requests:delete", args=[submission.pk]),
    ]


def actions_logged(user):
    return list(
        ModelLogEntry.objects.for_instance(user)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_a_manager_without_a_device_is_sent_to_set_one_up_before_any_request(
    two_factor, client, manager, austin_request
):
    response = sign_in(client, manager.username)
    assert response.status_code == 302

    for url in ["/admin/", *request_urls(austin_request)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP), url
        assert b"Quenneville" not in response.content
    assert ConsultationRequest.objects.filter(pk=austin_request.pk).exists()


def test_setting_up_an_app_shows_its_key_and_recovery_codes_then_opens_the_inbox(
    two_factor, client, manager, austin_request
):
    sign_in(client, manager.username)

    page = client.get(f"{SETUP}?next={INBOX}")
    assert page.status_code == 200
    assert page.context["secret"]
    assert b"<svg" in page.content
    wrong = client.post(SETUP, {"otp_token": "000000", "next": INBOX})
    assert wrong.status_code == 200
    assert "not right" in wrong.content.decode()
    assert client.get(INBOX).status_code == 302

    device = manager.totpdevice_set.get()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        done = client.post(SETUP, {"otp_token": next_code(device), "next": INBOX})
        assert done.status_code == 200
        assert len(done.context["codes"]) == 10
        inbox = client.get(INBOX)
    assert inbox.status_code == 200
    assert f"Request #{austin_request.pk}" in inbox.content.decode()
    assert audit.DEVICE_ADDED in actions_logged(manager)


def test_a_manager_with_a_device_enters_a_code_and_a_wrong_one_is_refused(
    two_factor, client, manager, austin_request
):
    device = app_device(manager)
    sign_in(client, manager.username)
    detail = reverse("consultation_requests:inspect", args=[austin_request.pk])

    for url in request_urls(austin_request):
        response = client.get(url)
        assert response["Location"].startswith(VERIFY), url

    wrong = client.post(VERIFY, {"otp_token": "123456", "next": detail})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get(detail).status_code == 302

    # django-otp makes the next try wait after a wrong code.
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        right = client.post(VERIFY, {"otp_token": next_code(device), "next": detail})
        assert right.status_code == 302
        assert right["Location"] == detail
        page = client.get(detail)
    assert page.status_code == 200
    assert "Quenneville" in page.content.decode()
    assert actions_logged(manager)[-2:] == [
        audit.SECOND_FACTOR_FAILED,
        audit.SECOND_FACTOR,
    ]


def test_a_recovery_code_works_once(two_factor, client, manager):
    app_device(manager)
    sign_in(client, manager.username)
    client.get(SETUP)  # refused: the code step comes first
    from accounts.devices import new_recovery_codes

    code = new_recovery_codes(manager)[0]

    used = client.post(VERIFY, {"otp_token": code, "next": "/admin/"})
    assert used.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()

    client.logout()
    sign_in(client, manager.username)
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1)):
        again = client.post(VERIFY, {"otp_token": code, "next": "/admin/"})
        assert again.status_code == 200
        assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_setup_is_not_open_to_someone_who_has_only_the_password(
    two_factor, client, manager
):
    app_device(manager)
    sign_in(client, manager.username)

    response = client.get(SETUP)

    assert response["Location"].startswith(VERIFY)
    assert manager.totpdevice_set.count() == 1


def test_two_factors_are_optional_for_a_marketing_editor(two_factor, client, editor):
    sign_in(client, editor.username)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_an_editor_who_set_up_an_app_must_use_it(two_factor, client, editor):
    app_device(editor)
    sign_in(client, editor.username)

    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_who_must_have_two_factors(two_factor, manager, editor):
    view_all = make_user(
        "auditor", permissions=["locations.view_all_consultation_requests"]
    )
    superuser = make_user("root", is_superuser=True, is_staff=True)

    assert second_factor_required(manager)
    assert second_factor_required(view_all)
    assert second_factor_required(superuser)
    assert not second_factor_required(editor)


def test_the_inbox_refuses_a_user_who_has_not_verified_even_past_the_middleware(
    two_factor, manager
):
    policy = ConsultationRequestPermissionPolicy(ConsultationRequest)

    # A user loaded without django-otp's middleware has proved nothing.
    assert not policy.user_has_permission(manager, "view")


def test_the_inbox_opens_with_a_verified_second_factor(
    two_factor, client, manager, austin_request
):
    force_login_with_second_factor(client, manager)

    response = client.get(INBOX)

    assert response.status_code == 200
    assert f"Request #{austin_request.pk}" in response.content.decode()


def test_a_superuser_resets_a_users_devices(two_factor, client, manager):
    app_device(manager)
    manager_client = type(client)()
    force_login_with_second_factor(manager_client, manager)
    assert manager_client.get(INBOX).status_code == 200
    admin = make_user("root", is_superuser=True, is_staff=True)
    force_login_with_second_factor(client, admin)
    reset_url = reverse("accounts_two_factor_reset", args=[manager.pk])

    assert "Reset two-factor sign-in" in client.get(reset_url).content.decode()
    response = client.post(reset_url)

    assert response.status_code == 302
    assert not user_has_device(manager, confirmed=None)
    assert manager_client.get(INBOX)["Location"].startswith(SETUP)
    entry = ModelLogEntry.objects.for_instance(manager).get(action=audit.DEVICE_RESET)
    assert entry.user == admin


def test_only_a_superuser_may_reset_devices(two_factor, client, manager, editor):
    app_device(manager)
    client.force_login(editor)

    client.post(reverse("accounts_two_factor_reset", args=[manager.pk]))

    assert user_has_device(manager)


def test_the_user_listing_offers_the_reset_to_a_superuser(two_factor, client, manager):
    force_login_with_second_factor(
        client, make_user("root", is_superuser=True, is_staff=True)
    )

    response = client.get(reverse("wagtailusers_users:index"))

    reset_url = reverse("accounts_two_factor_reset", args=[manager.pk])
    assert reset_url in response.content.decode()


def test_with_two_factors_off_force_login_is_enough(client, manager, austin_request):
    client.force_login(manager)

    assert client.get(INBOX).status_code == 200


def test_the_code_step_offers_a_way_to_sign_out(two_factor, client, manager):
    app_device(manager)
    sign_in(client, manager.username)
    page = client.get(VERIFY)

    form = soup(page).find("form", action=reverse("wagtailadmin_logout"))
    response = client.post(form["action"])

    assert form["method"] == "post"
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_user_makes_new_recovery_codes_and_the_old_ones_stop_working(
    two_factor, client, manager
):
    from accounts.devices import new_recovery_codes

    old_codes = new_recovery_codes(manager)
    force_login_with_second_factor(client, manager)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("accounts_recovery_codes") in account

    response = client.post(reverse("accounts_recovery_codes"))

    new_codes = response.context["codes"]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    assert StaticToken.objects.filter(token__in=new_codes).count() == 10
