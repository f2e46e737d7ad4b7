"""Spam gets the same thank-you page and leaves nothing behind; a person sending too
many requests is told so; a form left open for days is shown again, answers kept."""

import logging
import time
from unittest import mock

import pytest
from django.core import signing
from django.core.cache import cache

from locations.consultations import spam
from locations.models import ConsultationNotification, ConsultationRequest
from tests.helpers import soup
from tests.locations.conftest import FORM_PATH, form_data, thank_you

pytestmark = pytest.mark.django_db


def assert_nothing_stored():
    assert not ConsultationRequest.objects.exists()
    assert not ConsultationNotification.objects.exists()


def test_a_filled_honeypot_gets_the_thank_you_page_and_nothing_is_kept(
    clinics, post_request, caplog
):
    caplog.set_level(logging.INFO)
    response = post_request(
        clinics.form_page, clinics.austin, website="http://cheap-pills.example"
    )

    assert response.status_code == 200 and thank_you(response)
    assert "(512) 555-0101" in response.content.decode()  # same page as a person's
    assert_nothing_stored()
    assert "spam dropped (honeypot filled)" in caplog.text
    assert "cheap-pills" not in caplog.text and "Marisol" not in caplog.text


def test_a_form_sent_too_fast_is_spam(clinics, post_request):
    response = post_request(clinics.form_page, clinics.austin, token_age=1)

    assert thank_you(response)
    assert_nothing_stored()


def test_a_form_sent_after_the_minimum_time_is_a_person(clinics, post_request):
    response = post_request(clinics.form_page, clinics.austin, token_age=4)

    assert thank_you(response)
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        "forged-token",
        signing.dumps({"page": 1, "at": 0}, salt="another-salt"),
        "\x00" * 50,
    ],
    # The signed token changes every second; pytest-xdist's workers must collect
    # the same test names.
    ids=["missing", "empty", "forged", "another-salt", "nul-bytes"],
)
def test_a_missing_or_forged_form_token_is_spam(clinics, post_request, token):
    response = post_request(clinics.form_page, clinics.austin, form_token=token)

    assert thank_you(response)
    assert_nothing_stored()


def test_a_token_from_another_form_page_is_spam(clinics, post_request):
    from tests.factories import make_consultation_page

    other = make_consultation_page(clinics.home, slug="other-form")
    token = spam.issue_form_token(other, issued_at=time.time() - 60)

    post_request(clinics.form_page, clinics.austin, form_token=token)

    assert_nothing_stored()


def test_a_form_left_open_for_days_is_shown_again_with_its_answers(
    clinics, post_request
):
    response = post_request(
        clinics.form_page, clinics.austin, token_age=3 * 24 * 60 * 60
    )

    assert response.status_code == 200 and not thank_you(response)
    assert "This form was open for a long time" in response.content.decode()
    assert soup(response).find("input", attrs={"name": "first_name"})["value"] == (
        "Marisol"
    )
    fresh = soup(response).find("input", attrs={"name": "form_token"})["value"]
    with mock.patch.object(spam, "current_time", return_value=time.time() + 10):
        assert spam.screen_post(clinics.form_page, {"form_token": fresh}) is (
            spam.Verdict.PERSON
        )
    assert_nothing_stored()


def test_the_form_carries_a_fresh_signed_token(clinics, client):
    first = soup(client.get(FORM_PATH)).find("input", attrs={"name": "form_token"})
    second = soup(client.get(FORM_PATH)).find("input", attrs={"name": "form_token"})

    assert first["type"] == "hidden" and first["value"] != second["value"]
    assert spam.screen_post(clinics.form_page, {"form_token": first["value"]}) is (
        spam.Verdict.SPAM  # just shown: nobody fills the form in under a second
    )


def test_a_person_over_the_rate_limit_is_told_and_keeps_their_answers(
    clinics, post_request, settings
):
    settings.CONSULTATION_RATE_LIMIT = 2
    for _ in range(2):
        assert thank_you(post_request(clinics.form_page, clinics.austin))

    response = post_request(clinics.form_page, clinics.austin)

    assert response.status_code == 429
    assert "You have sent several requests from this device in a short time" in (
        response.content.decode()
    )
    assert soup(response).find("input", attrs={"name": "last_name"})["value"] == (
        "Quenneville"
    )
    assert ConsultationRequest.objects.count() == 2


def test_the_rate_limit_is_per_client(clinics, client, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    for address in ("198.51.100.1", "198.51.100.2"):
        response = client.post(
            FORM_PATH, form_data(clinics.form_page, clinics.austin), REMOTE_ADDR=address
        )
        assert thank_you(response)

    assert ConsultationRequest.objects.count() == 2


def test_behind_a_proxy_the_client_is_taken_from_x_forwarded_for(
    clinics, client, settings
):
    settings.CONSULTATION_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1

    def post(forwarded_for):
        return client.post(
            FORM_PATH,
            form_data(clinics.form_page, clinics.austin),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    assert post("198.51.100.7").status_code == 303
    assert post("198.51.100.8").status_code == 303
    # A spoofed first entry does not escape the limit: the proxy's entry counts.
    assert post("1.2.3.4, 198.51.100.8").status_code == 429


def test_the_rate_limit_window_ends(clinics, post_request, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    assert thank_you(post_request(clinics.form_page, clinics.austin))
    assert post_request(clinics.form_page, clinics.austin).status_code == 429

    cache.clear()  # the window's counter expires

    assert thank_you(post_request(clinics.form_page, clinics.austin))


def test_the_cache_being_down_lets_people_through_and_is_logged(
    clinics, post_request, caplog
):
    with mock.patch.object(spam.cache, "add", side_effect=ConnectionError("down")):
        response = post_request(clinics.form_page, clinics.austin)

    assert thank_you(response)
    assert ConsultationRequest.objects.count() == 1
    assert "rate limit skipped" in caplog.text


def test_the_same_form_sent_twice_is_stored_once(clinics, client):
    data = form_data(clinics.form_page, clinics.austin)

    first = client.post(FORM_PATH, data)
    second = client.post(FORM_PATH, data)

    assert thank_you(first) and thank_you(second)
    assert ConsultationRequest.objects.count() == 1


def test_the_cache_never_holds_the_visitors_ip_address(clinics, post_request):
    post_request(clinics.form_page, clinics.austin)

    store = cache._cache  # local memory: a dict; Redis: a client
    if isinstance(store, dict):
        keys = list(store)
    else:
        keys = [key.decode() for key in store.get_client().keys("*")]
    assert keys and not any("203.0.113.9" in str(key) for key in keys)
