"""Fixtures for consultation requests: two clinics with their managers, a form page,
and a helper that posts the form as a person would."""

import dataclasses
import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail

from locations.consultations import spam
from tests.factories import (
    LocationIndexPageFactory,
    make_consultation_page,
    make_location,
    make_location_manager,
)
from tests.tasks import queued_tasks

FORM_PATH = "/request-a-consultation/"

ANSWERS = {
    "first_name": "Marisol",
    "last_name": "Quenneville",
    "email": "marisol.q@visitor.example",
    "phone": "(512) 555-0177",
    "preferred_contact_method": "Text message",
    "preferred_time_of_day": "Evening (after 5 pm)",
    "what_would_you_like_help_with": "Panic attacks since my divorce, and poor sleep",
    "how_did_you_hear_about_us": "Friend or family member",
}


@dataclasses.dataclass
class Clinics:
    home: object
    index: object
    austin: object
    round_rock: object
    form_page: object
    austin_manager: object
    round_rock_manager: object


@pytest.fixture
def clinics(home_page):
    index = LocationIndexPageFactory(parent=home_page)
    austin = make_location(
        index,
        title="Austin Clinic",
        slug="austin",
        phone="+15125550101",
        notification_emails="austin-desk@clinic.example",
    )
    round_rock = make_location(
        index, title="Round Rock Clinic", slug="round-rock", phone="+15125550202"
    )
    austin_manager = make_location_manager(
        austin, "austin-manager", email="austin-manager@clinic.example"
    )
    round_rock_manager = make_location_manager(
        round_rock, "round-rock-manager", email="rr-manager@clinic.example"
    )
    form_page = make_consultation_page(home_page)
    # Building the pages queued Wagtail's reference-index tasks: not what the tests
    # of consultation requests run their task worker for.
    queued_tasks().delete()
    mail.outbox = []
    return Clinics(
        home_page,
        index,
        austin,
        round_rock,
        form_page,
        austin_manager,
        round_rock_manager,
    )


def form_token(page, seconds_ago=60):
    return spam.issue_form_token(page, issued_at=time.time() - seconds_ago)


def form_data(page, location=None, token_age=60, **overrides):
    """What a person's browser posts: every answer, consent, a token from a minute
    ago, an empty honeypot."""
    data = {
        **ANSWERS,
        "privacy_consent": "on",
        "website": "",
        "form_token": form_token(page, token_age),
    }
    if location is not None:
        data["location"] = str(location.pk)
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post_request(client):
    """Post the consultation form as a browser does, following the redirect to the
    thank-you page; returns the last response."""

    def post(page, location=None, path=None, **overrides):
        return client.post(
            path or page.url,
            form_data(page, location, **overrides),
            REMOTE_ADDR="203.0.113.9",
            follow=True,
        )

    return post


def thank_you(response):
    """Whether the visitor is sent to (or shown) the thank-you page."""
    if response.status_code == 303:
        return urlsplit(response["Location"]).path.endswith("/thank-you/")
    return "Thank you: your request has been sent" in response.content.decode()


def field_errors(response, name):
    """The error messages shown next to one field."""
    html = response.content.decode()
    match = re.search(
        rf'<ul class="field-errors" id="id_{name}_error">(.*?)</ul>', html, re.S
    )
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []
