"""Property-based hostile input (issue 9): at least 1,000 generated posts to the
consultation form (oversized, NUL, invalid UTF-8, lone surrogates, markup, CRLF in
the email, lists for scalars, missing, extra and duplicated keys, other sites' and
unpublished locations, tampered tokens) give 0 answers of 500, 0 unescaped
reflections and 0 rows stored from invalid posts; every valid one is stored once."""

import os
import unicodedata
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from locations.consultations import spam
from locations.models import ConsultationNotification, ConsultationRequest
from tests.factories import (
    HomePageFactory,
    LocationIndexPageFactory,
    make_location,
    root_page,
)
from tests.locations.conftest import ANSWERS, FORM_PATH, form_token, thank_you

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

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
    "<!--{m}-->&amp;&lt;&#0;",
    "%00{m}%3Cscript%3E<p>",
]
EXAMPLES = int(os.environ.get("CONSULTATION_FUZZ_EXAMPLES", "1000"))
# Fields whose value any text may be (the visitor's own words): markup there is a
# valid answer, stored and shown escaped.
FREE_TEXT = ["first_name", "last_name", "what_would_you_like_help_with"]
# Fields where junk is invalid.
STRICT = ["email", "phone", "preferred_contact_method", "preferred_time_of_day"]
REQUIRED = ["first_name", "last_name", "email", "phone", "privacy_consent"]

marker_text = st.builds(
    lambda template, filler: template.format(m=MARK + filler),
    st.sampled_from(HOSTILE_TEMPLATES),
    st.text(alphabet="abcdefghijklmnop0123456789", max_size=12),
)
printable_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp"),
        blacklist_characters="\ufffd",
    ),
    min_size=1,
    max_size=80,
).filter(lambda text: text.strip())


def encode_post(pairs):
    """An application/x-www-form-urlencoded body from (key, value) pairs; str values
    are UTF-8 with lone surrogates passed through (which makes invalid UTF-8),
    bytes go as they are."""

    def raw(value):
        if isinstance(value, bytes):
            return value
        return value.encode("utf-8", "surrogatepass")

    return "&".join(
        f"{quote_from_bytes(raw(key))}={quote_from_bytes(raw(value))}"
        for key, value in pairs
    ).encode()


# Each mutation takes (pairs, places) and returns (pairs, invalid?): whether a form
# that follows the rules must refuse it (nothing stored).
def set_value(pairs, name, value):
    return [(key, value if key == name else old) for key, old in pairs]


def mutations(places):
    oversized = st.integers(min_value=2001, max_value=20000).map(lambda n: "x" * n)
    return st.one_of(
        # Invalid: must never be stored.
        st.tuples(st.just("oversized"), st.sampled_from(FREE_TEXT + STRICT), oversized),
        st.tuples(st.just("nul"), st.sampled_from(FREE_TEXT + STRICT), printable_text),
        st.tuples(
            st.just("invalid-utf8"),
            st.sampled_from(FREE_TEXT + STRICT),
            st.sampled_from([b"\xff\xfe", b"\xc3", b"abc\x80def", b"\xed\xa0\x80"]),
        ),
        st.tuples(
            st.just("lone-surrogate"),
            st.sampled_from(FREE_TEXT + STRICT),
            st.sampled_from(["\ud800", "a\udfffb", "\udc00\ud800"]),
        ),
        st.tuples(
            st.just("crlf-email"),
            st.just("email"),
            st.sampled_from(
                [
                    "a@b.example\r\nBcc: victim@example.com",
                    "a@b.example\nTo: x@y.example",
                    "a@b.example%0d%0aBcc:x@y.example",
                ]
            ),
        ),
        st.tuples(st.just("junk"), st.sampled_from(STRICT), marker_text),
        st.tuples(
            st.just("list-last-invalid"),
            st.sampled_from(STRICT + ["location"]),
            marker_text,
        ),
        st.tuples(
            st.just("missing"), st.sampled_from(REQUIRED + ["location"]), st.none()
        ),
        st.tuples(
            st.just("location"),
            st.just("location"),
            st.sampled_from(
                [
                    places["other_site"],
                    places["unpublished"],
                    "999999",
                    "-1",
                    "1e3",
                    "",
                    places["index"],
                ]
            ),
        ),
        st.tuples(
            st.just("token"),
            st.just("form_token"),
            st.sampled_from(["tampered", "forged", "other-page", "missing", "future"]),
        ),
        st.tuples(st.just("honeypot"), st.just("website"), printable_text),
        # Valid: the post is still a person's request.
        st.tuples(
            st.just("markup-in-free-text"), st.sampled_from(FREE_TEXT), marker_text
        ),
        st.tuples(st.just("extra-key"), printable_text, marker_text),
        st.tuples(
            st.just("duplicate-same"), st.sampled_from(FREE_TEXT + STRICT), st.none()
        ),
        st.tuples(
            st.just("list-last-valid"),
            st.sampled_from(STRICT + ["location"]),
            marker_text,
        ),
    )


def apply(mutation, pairs, places):
    """(pairs, invalid) after one mutation."""
    kind, name, value = mutation
    values = dict(pairs)
    if kind in ("oversized", "junk", "crlf-email", "invalid-utf8", "lone-surrogate"):
        return set_value(pairs, name, value), True
    if kind == "nul":
        return set_value(pairs, name, value[:10] + "\x00" + value[10:]), True
    if kind == "list-last-invalid":
        return [*pairs, (name, value)], True
    if kind in ("list-last-valid", "duplicate-same") and name not in values:
        return pairs, False  # an earlier mutation removed the key
    if kind == "list-last-valid":
        others = [(key, old) for key, old in pairs if key != name]
        return [*others, (name, value), (name, values[name])], False
    if kind == "missing":
        return [(key, old) for key, old in pairs if key != name], True
    if kind == "location":
        return set_value(pairs, "location", value), True
    if kind == "token":
        return set_value(pairs, "form_token", places["tokens"](value)), True
    if kind == "honeypot":
        return set_value(pairs, "website", value), True
    if kind == "markup-in-free-text":
        return set_value(pairs, name, value[:200]), False
    if kind == "extra-key":
        if name in values or name.strip() in values:
            return pairs, False
        return [*pairs, (name, value)], False
    if kind == "duplicate-same":
        return [*pairs, (name, values[name])], False
    raise AssertionError(kind)


def unescaped_reflections(html, pairs):
    """Raw copies of hostile values (with markup characters) in the page."""
    return [
        value
        for _, value in pairs
        if isinstance(value, str)
        and MARK in value
        and any(char in value for char in "<>\"'&")
        and value in html
    ]


def readable(value):
    return not any(
        unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t"
        for char in value
    )


@pytest.fixture
def places(clinics, settings):
    """Values the mutations draw on: another site's and an unpublished location, the
    location index (a page, not a location), and token makers."""
    settings.CONSULTATION_RATE_LIMIT = 10**9
    unpublished = make_location(clinics.index, title="Opening Soon", slug="soon")
    unpublished.unpublish()
    other_home = HomePageFactory(parent=root_page(), title="Other group", slug="b")
    Site.objects.create(hostname="b.example", root_page=other_home)
    other_site = make_location(
        LocationIndexPageFactory(parent=other_home), title="Denver", slug="denver"
    )

    def token(kind):
        good = form_token(clinics.form_page)
        if kind == "tampered":
            return good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
        if kind == "forged":
            return "eyJwYWdlIjogMSwgImF0IjogMH0:1abc:forged"
        if kind == "other-page":
            return form_token(clinics.austin)
        if kind == "future":
            return spam.issue_form_token(clinics.form_page, issued_at=4102444800)
        return ""

    return {
        "other_site": str(other_site.pk),
        "unpublished": str(unpublished.pk),
        "index": str(clinics.index.pk),
        "tokens": token,
    }


def test_hostile_posts_never_break_leak_or_store_junk(clinics, places, client):
    offered = {str(clinics.austin.pk), str(clinics.round_rock.pk)}
    tally = {"posts": 0, "invalid": 0, "stored": 0, "status_500": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        location=st.sampled_from(sorted(offered)),
        chosen=st.lists(mutations(places), max_size=3),
    )
    def check(location, chosen):
        pairs = [
            *ANSWERS.items(),
            ("location", location),
            ("privacy_consent", "on"),
            ("website", ""),
            ("form_token", form_token(clinics.form_page)),
        ]
        invalid, touched = False, set()
        for mutation in chosen:
            if mutation[1] in touched:  # one mutation per key: none undoes another
                continue
            touched.add(mutation[1])
            pairs, made_invalid = apply(mutation, pairs, places)
            invalid = invalid or made_invalid
        stored_before = ConsultationRequest.objects.count()
        notes_before = ConsultationNotification.objects.count()

        response = client.generic(
            "POST",
            FORM_PATH,
            encode_post(pairs),
            content_type="application/x-www-form-urlencoded",
            REMOTE_ADDR="192.0.2.1",
        )

        tally["posts"] += 1
        tally["status_500"] += response.status_code >= 500
        assert response.status_code < 500, (pairs, response.status_code)
        assert not unescaped_reflections(response.content.decode(), pairs)
        stored = ConsultationRequest.objects.count() - stored_before
        if invalid:
            tally["invalid"] += 1
            assert stored == 0, (chosen, pairs)
            assert ConsultationNotification.objects.count() == notes_before
            return
        assert stored == 1, (chosen, response.status_code)
        assert thank_you(response)
        tally["stored"] += 1
        request = ConsultationRequest.objects.order_by("-pk").first()
        assert str(request.location_id) in offered
        for label, value in request.answer_rows():
            assert readable(value), (label, value)
            assert len(value) <= 2000

    check()

    assert tally["posts"] >= min(EXAMPLES, 1000)
    assert tally["status_500"] == 0
    # The strategy reaches both sides: refused posts and stored ones.
    assert tally["invalid"] > tally["posts"] // 4
    assert tally["stored"] > 0


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(location=st.one_of(marker_text, st.text(max_size=300)))
def test_hostile_location_links_never_break_the_form(clinics, client, location):
    response = client.get(FORM_PATH, {"location": location})

    assert response.status_code == 200
    assert not unescaped_reflections(response.content.decode(), [("q", location)])
