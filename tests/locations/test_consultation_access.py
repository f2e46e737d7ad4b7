"""Who may do what with a consultation request in the admin (access.py): model
permissions, limited to the requests each person may see; nobody adds one."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from locations.consultations.access import ConsultationRequestPermissionPolicy
from locations.models import ConsultationRequest
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ACTIONS = ["view", "change", "delete"]


@pytest.fixture
def policy():
    return ConsultationRequestPermissionPolicy(ConsultationRequest)


def stored_request(clinics, location):
    return ConsultationRequest.objects.create(
        page=clinics.form_page,
        location=location,
        location_name=location.title,
        answers="",
    )


@pytest.fixture
def requests(clinics):
    return stored_request(clinics, clinics.austin), stored_request(
        clinics, clinics.round_rock
    )


@pytest.fixture
def superuser(db):
    return make_user("root", is_superuser=True)


@pytest.fixture
def head_of_service(db):
    """Sees every request (the "view all" permission), may change and delete none."""
    return make_user(
        "head",
        groups=["Location managers"],
        permissions=["locations.view_all_consultation_requests"],
    )


@pytest.mark.parametrize("who", ["austin", "superuser"])
def test_nobody_may_add_a_request_not_even_a_superuser(policy, clinics, superuser, who):
    user = clinics.austin_manager if who == "austin" else superuser

    assert policy.user_has_permission(user, "add") is False
    assert policy.user_has_permission(user, "view") is True


def test_a_manager_may_act_on_their_own_locations_requests_only(
    policy, clinics, requests
):
    austin, round_rock = requests

    for action in ACTIONS:
        assert policy.user_has_permission_for_instance(
            clinics.austin_manager, action, austin
        )
        assert not policy.user_has_permission_for_instance(
            clinics.austin_manager, action, round_rock
        )
    assert list(
        policy.instances_user_has_any_permission_for(clinics.austin_manager, ACTIONS)
    ) == [austin]


def test_seeing_every_request_is_not_leave_to_change_them(
    policy, requests, head_of_service
):
    austin, round_rock = requests

    assert policy.user_has_permission_for_instance(head_of_service, "view", austin)
    assert policy.user_has_permission_for_instance(head_of_service, "view", round_rock)
    assert set(
        policy.instances_user_has_any_permission_for(head_of_service, ["view"])
    ) == {austin, round_rock}


def test_a_user_without_the_model_permission_sees_nothing_even_as_manager(
    policy, clinics, requests
):
    austin, _ = requests
    outsider = make_user("outsider")
    clinics.austin.managers.add(outsider)

    assert not policy.user_has_permission_for_instance(outsider, "view", austin)
    assert not policy.instances_user_has_any_permission_for(outsider, ACTIONS).exists()


def test_an_anonymous_visitor_sees_nothing(policy, requests):
    visitor = AnonymousUser()

    assert not policy.user_has_permission_for_instance(visitor, "view", requests[0])
    assert not policy.instances_user_has_any_permission_for(visitor, ACTIONS).exists()


def test_admin_links_to_a_request_only_for_those_who_may_see_it(clinics, requests):
    austin, round_rock = requests
    reverse("wagtailadmin_home")  # the admin's URLs register its link finders

    url = AdminURLFinder(clinics.austin_manager).get_edit_url(austin)
    assert url == f"/admin/consultation-requests/inspect/{austin.pk}/"
    assert AdminURLFinder(clinics.austin_manager).get_edit_url(round_rock) is None
    assert AdminURLFinder(clinics.round_rock_manager).get_edit_url(round_rock)
    # Without a user (a link built for no one in particular): the request's page.
    assert AdminURLFinder().get_edit_url(round_rock) == (
        f"/admin/consultation-requests/inspect/{round_rock.pk}/"
    )


def test_with_two_factors_on_a_manager_sees_nothing_until_verified_this_session(
    policy, clinics, requests, settings
):
    settings.TWO_FACTOR_ENABLED = True
    austin, _ = requests
    manager = clinics.austin_manager

    assert not policy.user_has_permission(manager, "view")
    assert not policy.user_has_permission_for_instance(manager, "view", austin)
    assert not policy.instances_user_has_any_permission_for(manager, ACTIONS).exists()

    manager.is_verified = lambda: True  # as django-otp's middleware sets it
    assert policy.user_has_permission_for_instance(manager, "view", austin)
    assert list(policy.instances_user_has_any_permission_for(manager, ACTIONS)) == [
        austin
    ]
