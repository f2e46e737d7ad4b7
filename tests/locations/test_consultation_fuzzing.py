"""Property-based: hundreds of hostile posts never cause a server error, are never
reflected unescaped, and store nothing unless the form accepted them."""

import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locations.models import ConsultationNotification, ConsultationRequest
from tests.locations.conftest import ANSWERS, FORM_PATH, form_token, thank_you

pytestmark = pytest.mark.django_db

MARK = "zq9x"
# Payloads that would do harm if reflected raw; each carries the marker so that a
# raw copy in the response can only be the reflection.
HOSTILE_TEMPLATES = [
    "<script>alert('{m}')</script>",
    '"><img src=x onerror=alert("{m}")>',
    "'><svg/onload=alert('{m}')>",
    "{{{{ {m} }}}}{{% debug %}}",
    "javascript:alert('{m}')//<a>",
    "{m}'; DROP TABLE locations_consultationrequest; --<b>",
    "\x00{m}\x00<i>",
    "\u202e{m}\u202d<u>",
    "{m}\r\nBcc: victim@example.com<br>",
    "<!--{m}-->&amp;&lt;&#0;",
    "%00{m}%3Cscript%3E<p>",
]
FIELD_NAMES = [*ANSWERS, "location", "privacy_consent"]
EXAMPLES = int(os.environ.get("CONSULTATION_FUZZ_EXAMPLES", "500"))

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
hostile_text = st.builds(
    lambda template, filler: template.format(m=MARK + filler),
    st.sampled_from(HOSTILE_TEMPLATES),
    st.text(alphabet="abcdefghijklmnop0123456789", max_size=12),
)
too_long = st.integers(min_value=256, max_value=3000).map(lambda n: "x" * n)


def field_value(valid):
    return st.one_of(st.just(valid), hostile_text, any_text, too_long, st.just(""))


def hostile_post(location_ids):
    values = {name: field_value(value) for name, value in ANSWERS.items()}
    values["location"] = st.one_of(
        st.sampled_from(location_ids), hostile_text, any_text
    )
    values["privacy_consent"] = st.one_of(st.just("on"), st.just(""), hostile_text)
    return st.fixed_dictionaries(values)


def unescaped_reflections(html, sent):
    """Raw copies of hostile values (with markup characters) in the page."""
    return [
        value
        for value in sent.values()
        if MARK in value and any(char in value for char in "<>\"'&") and value in html
    ]


def readable(value):
    return not any(
        unicodedata.category(char) == "Cc" and char not in "\n\t" for char in value
    )


@pytest.fixture
def fuzz_ready(clinics, settings):
    settings.CONSULTATION_RATE_LIMIT = 10**9
    return clinics


def test_hostile_posts_never_break_leak_or_store_junk(fuzz_ready, client):
    clinics = fuzz_ready
    location_ids = [str(clinics.austin.pk), str(clinics.round_rock.pk)]
    counter = {"posts": 0, "accepted": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(post=hostile_post(location_ids))
    def check(post):
        data = {**post, "website": "", "form_token": form_token(clinics.form_page)}
        stored_before = ConsultationRequest.objects.count()
        notes_before = ConsultationNotification.objects.count()

        response = client.post(FORM_PATH, data, REMOTE_ADDR="192.0.2.1")

        counter["posts"] += 1
        assert response.status_code < 500
        html = response.content.decode()
        assert not unescaped_reflections(html, post)
        if thank_you(response):
            counter["accepted"] += 1
            stored = ConsultationRequest.objects.order_by("-pk").first()
            assert ConsultationRequest.objects.count() == stored_before + 1
            assert str(stored.location_id) == post["location"]
            for label, value in stored.answer_rows():
                assert readable(value), (label, value)
                assert len(value) <= 2000
        else:
            assert response.status_code == 200
            assert ConsultationRequest.objects.count() == stored_before
            assert ConsultationNotification.objects.count() == notes_before

    check()

    assert counter["posts"] >= min(EXAMPLES, 500)
    assert counter["accepted"] > 0  # the strategy also produces valid requests


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(location=st.one_of(hostile_text, any_text))
def test_hostile_location_links_never_break_the_form(clinics, client, location):
    response = client.get(FORM_PATH, {"location": location})

    assert response.status_code == 200
    assert not unescaped_reflections(response.content.decode(), {"q": location})
