"""The spam checks one by one, against a clock the tests move and a cache of their own
(no database, no web request): the signed form token and its lifetime, the honeypot,
the rate limit and its window, resent forms, and what happens when the cache fails."""

import itertools
import logging
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import signing
from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory

from locations.consultations import spam
from locations.consultations.spam import Verdict

NOW = 1_800_000_000.0
HOUR = 60 * 60
DAY = 24 * HOUR
PAGE = SimpleNamespace(pk=7)


class Clock:
    """time.time() as the tests set it: the spam checks and the cache both read it."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    clock = Clock(NOW)
    with mock.patch("time.time", clock):
        yield clock


@pytest.fixture
def spam_cache():
    """A local-memory cache for the checks alone, whatever cache the run uses."""
    local = LocMemCache("spam-checks", {})
    with mock.patch.object(spam, "cache", local):
        yield local
    local.clear()


def posted(token=None, honeypot="", page=PAGE, age=60):
    if token is None:
        token = spam.issue_form_token(page, issued_at=NOW - age)
    return {spam.HONEYPOT_FIELD: honeypot, spam.STAMP_FIELD: token}


_form_numbers = itertools.count()


def new_form(request):
    """Whether one more form (a fresh token digest) from this client is over the
    rate limit."""
    return spam.over_rate_limit(request, f"form-{next(_form_numbers)}")


def visitor(address="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/request-a-consultation/", **extra)


# The form token: which page showed the form, and when.


def test_a_token_names_its_page_and_the_moment_and_is_never_twice_the_same(clock):
    first = spam.issue_form_token(PAGE)
    second = spam.issue_form_token(PAGE)

    assert first != second
    payload = signing.loads(first, salt=spam.STAMP_SALT)
    assert payload["page"] == 7
    assert payload["at"] == int(NOW)
    assert signing.loads(second, salt=spam.STAMP_SALT)["nonce"] != payload["nonce"]


def test_a_token_may_be_dated_explicitly(clock):
    token = spam.issue_form_token(PAGE, issued_at=NOW - 90.7)

    assert signing.loads(token, salt=spam.STAMP_SALT)["at"] == int(NOW - 90.7)


def test_a_person_who_took_a_minute_gets_through_and_nothing_is_logged(clock, caplog):
    caplog.set_level(logging.INFO)

    assert spam.screen_post(PAGE, posted()) is Verdict.PERSON
    assert spam.spam_reason(PAGE, posted()) is None
    assert not caplog.records


@pytest.mark.parametrize(
    ("hours", "verdict"),
    [
        (1, Verdict.PERSON),
        (24, Verdict.PERSON),
        (47, Verdict.PERSON),
        (48, Verdict.PERSON),
        (48.01, Verdict.STALE),
        (72, Verdict.STALE),
    ],
)
def test_a_form_stays_valid_for_two_days(clock, hours, verdict):
    """A person may leave the form open overnight, or over a day, and still send it;
    after two days it is shown again with a fresh token (spam.STAMP_MAX_AGE)."""
    assert spam.screen_post(PAGE, posted(age=hours * HOUR)) is verdict


def test_a_stale_form_is_not_logged_as_spam(clock, caplog):
    caplog.set_level(logging.INFO)

    assert spam.screen_post(PAGE, posted(age=3 * DAY)) is Verdict.STALE
    assert spam.spam_reason(PAGE, posted(age=3 * DAY)) == "stale"
    assert not caplog.records


@pytest.mark.parametrize(
    ("seconds", "reason"),
    [(0, "sent too fast"), (2, "sent too fast"), (3, None), (4, None)],
)
def test_a_form_sent_faster_than_a_person_can_type_is_spam(clock, seconds, reason):
    assert spam.spam_reason(PAGE, posted(age=seconds)) == reason


def test_the_minimum_fill_time_comes_from_the_settings(clock, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 30

    assert spam.spam_reason(PAGE, posted(age=29)) == "sent too fast"
    assert spam.spam_reason(PAGE, posted(age=30)) is None


@pytest.mark.parametrize("honeypot", ["x", " http://spam.example ", "0"])
def test_a_filled_honeypot_is_spam_and_logged_with_its_reason(clock, caplog, honeypot):
    caplog.set_level(logging.INFO, logger="locations.consultations.spam")

    assert spam.screen_post(PAGE, posted(honeypot=honeypot)) is Verdict.SPAM

    assert caplog.messages == ["Consultation form 7: spam dropped (honeypot filled)."]
    assert caplog.records[0].levelno == logging.INFO


def test_a_honeypot_holding_only_spaces_is_left_alone(clock):
    assert spam.screen_post(PAGE, posted(honeypot="   ")) is Verdict.PERSON


def test_the_honeypot_is_checked_first(clock):
    assert spam.spam_reason(PAGE, posted(token="", honeypot="x")) == "honeypot filled"


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        signing.dumps({"page": 7, "at": int(NOW - 60)}, salt="another-salt"),
    ],
    ids=["missing", "garbage", "signed-for-something-else"],
)
def test_a_missing_or_forged_token_is_spam(clock, caplog, token):
    caplog.set_level(logging.INFO)

    assert spam.screen_post(PAGE, posted(token=token)) is Verdict.SPAM
    assert "missing or forged form stamp" in caplog.text


def test_a_post_without_the_fields_at_all_is_spam(clock):
    assert spam.spam_reason(PAGE, {}) == "missing or forged form stamp"


@pytest.mark.parametrize(
    "payload",
    [
        {"page": 8, "at": int(NOW - 60)},
        {"at": int(NOW - 60)},
        {"page": 7, "at": str(int(NOW - 60))},
        {"page": 7},
        [7, int(NOW - 60)],
    ],
)
def test_a_token_of_another_page_or_shape_is_spam(clock, payload):
    token = signing.dumps(payload, salt=spam.STAMP_SALT)

    assert spam.spam_reason(PAGE, posted(token=token)) == "form stamp from another page"


# The rate limit: so many requests per client per window.


def test_the_limit_lets_through_as_many_requests_as_set_then_refuses(
    clock, spam_cache, settings
):
    settings.CONSULTATION_RATE_LIMIT = 3
    request = visitor()

    assert [new_form(request) for _ in range(5)] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_the_rate_limit_window_expires(clock, spam_cache, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    settings.CONSULTATION_RATE_LIMIT_WINDOW = HOUR
    request = visitor()
    assert new_form(request) is False
    assert new_form(request) is True

    clock.advance(HOUR - 1)
    assert new_form(request) is True

    clock.advance(2)
    assert new_form(request) is False
    assert new_form(request) is True


def test_the_window_length_comes_from_the_settings(clock, spam_cache, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    settings.CONSULTATION_RATE_LIMIT_WINDOW = 10
    request = visitor()
    new_form(request)

    clock.advance(11)

    assert new_form(request) is False


def test_a_counter_that_expired_between_two_steps_starts_again_for_a_window(
    clock, spam_cache, settings
):
    """add() found the counter, then it expired before incr(): counting starts again
    at one, and that new counter lasts one whole window, no more."""
    settings.CONSULTATION_RATE_LIMIT = 2
    settings.CONSULTATION_RATE_LIMIT_WINDOW = HOUR
    request = visitor()
    real_add = spam_cache.add

    def add_finding_the_counter(key, *args, **kwargs):
        if key.startswith("consultation-rate:"):
            return False  # the client's counter is there...
        return real_add(key, *args, **kwargs)

    with (
        mock.patch.object(spam_cache, "add", side_effect=add_finding_the_counter),
        mock.patch.object(spam_cache, "incr", side_effect=ValueError("gone")),
    ):
        assert new_form(request) is False  # ...and gone by incr()

    assert new_form(request) is False  # the second of two
    clock.advance(HOUR - 1)
    assert new_form(request) is True  # the third, within the window
    clock.advance(2)
    assert new_form(request) is False


def test_the_request_that_restarts_the_counter_is_counted_as_the_first(
    clock, spam_cache, settings
):
    settings.CONSULTATION_RATE_LIMIT = 1
    real_add = spam_cache.add

    def add_finding_the_counter(key, *args, **kwargs):
        if key.startswith("consultation-rate:"):
            return False
        return real_add(key, *args, **kwargs)

    with (
        mock.patch.object(spam_cache, "add", side_effect=add_finding_the_counter),
        mock.patch.object(spam_cache, "incr", side_effect=ValueError("gone")),
    ):
        assert new_form(visitor()) is False


def test_clients_are_counted_apart(clock, spam_cache, settings):
    settings.CONSULTATION_RATE_LIMIT = 1

    assert new_form(visitor("203.0.113.9")) is False
    assert new_form(visitor("198.51.100.8")) is False
    assert new_form(visitor("203.0.113.9")) is True


def test_the_cache_holds_no_ip_address(clock, spam_cache):
    new_form(visitor("203.0.113.9"))

    keys = list(spam_cache._cache)
    assert not any("203.0.113.9" in key for key in keys)
    assert any("consultation-rate:" in key for key in keys)


def test_copies_of_one_form_are_counted_once(clock, spam_cache, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    request = visitor()

    copies = [spam.over_rate_limit(request, "form-a") for _ in range(4)]

    assert copies == [False] * 4
    assert spam.over_rate_limit(request, "form-b") is True
    assert spam.over_rate_limit(request, "form-b") is True  # its copies too


@pytest.mark.parametrize("failing", ["add", "incr"])
def test_a_cache_error_counts_in_this_process_and_is_logged(
    clock, spam_cache, settings, caplog, failing
):
    """A person asking for care is not turned away because the cache is down; the
    log says the limit was counted in this process only."""
    settings.CONSULTATION_RATE_LIMIT = 5
    request = visitor()
    new_form(request)  # the client's counter exists: a second form uses incr()
    with mock.patch.object(
        spam_cache, failing, side_effect=ConnectionError("cache is down")
    ):
        assert new_form(request) is False

    record = caplog.records[-1]
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith(
        "Consultation rate limit counted in this process only"
    )


@pytest.fixture
def cache_down(clock):
    """The shared cache unreachable (as ResilientRedisCache reports it), and an
    empty count kept in this process for the test alone."""
    local = LocMemCache("spam-checks-fallback", {})
    with (
        mock.patch.object(spam, "shared_cache_reachable", return_value=False),
        mock.patch.object(spam, "_local_counts", local),
    ):
        yield local
    local.clear()


def test_while_the_cache_is_down_a_flood_from_one_client_is_still_stopped(
    cache_down, settings
):
    settings.CONSULTATION_RATE_LIMIT = 2
    request = visitor()

    assert [new_form(request) for _ in range(4)] == [False, False, True, True]


def test_while_the_cache_is_down_clients_are_still_counted_apart(cache_down, settings):
    """One client over the limit does not turn away the next person."""
    settings.CONSULTATION_RATE_LIMIT = 1

    assert new_form(visitor("203.0.113.9")) is False
    assert new_form(visitor("203.0.113.9")) is True
    assert new_form(visitor("198.51.100.8")) is False


# Which client: the address the last trusted proxy saw.


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "203.0.113.9"),
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "1.2.3.4, 198.51.100.8", "198.51.100.8"),
        (2, "1.2.3.4, 198.51.100.8, 192.0.2.1", "198.51.100.8"),
        (2, "192.0.2.1", "203.0.113.9"),
        (1, "", "203.0.113.9"),
        (1, " 198.51.100.8 ,  ", "198.51.100.8"),
        (2, "1.2.3.4,,198.51.100.8", "1.2.3.4"),
    ],
)
def test_the_client_is_the_address_the_trusted_proxies_saw(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert spam.client_address(visitor(forwarded=forwarded)) == expected


def test_without_a_forwarded_header_the_peer_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert spam.client_address(visitor()) == "203.0.113.9"


def test_a_request_without_any_address_is_one_anonymous_client(settings):
    request = visitor()
    del request.META["REMOTE_ADDR"]

    assert spam.client_address(request) == ""


# Resent forms: the database keeps one request per token digest.


def test_copies_of_one_token_share_a_digest_and_other_tokens_do_not(clock):
    page = SimpleNamespace(pk=7)
    token = spam.issue_form_token(page)
    other = spam.issue_form_token(page)

    assert spam.form_token_digest(token) == spam.form_token_digest(token)
    assert spam.form_token_digest(token) != spam.form_token_digest(other)
    assert len(spam.form_token_digest(token)) == 64
    assert token not in spam.form_token_digest(token)


def test_a_forged_token_has_no_digest():
    with pytest.raises(signing.BadSignature):
        spam.form_token_digest("eyJwYWdlIjo3fQ:forged")


def test_a_token_whose_fields_were_written_in_another_order_has_the_same_digest():
    """A form shown by an earlier release that wrote the token's fields in another
    order, and resent after an upgrade, is still a copy of the one stored."""
    fields = {"page": 7, "at": int(NOW), "nonce": "0123456789abcdef"}
    token = signing.dumps(fields, salt=spam.STAMP_SALT)
    reordered = signing.dumps(dict(reversed(fields.items())), salt=spam.STAMP_SALT)

    assert reordered != token
    assert spam.form_token_digest(reordered) == spam.form_token_digest(token)


def test_the_digest_stored_for_a_form_stays_the_same_across_releases():
    """The database holds digests made by earlier releases: a form sent before an
    upgrade and resent after must give the digest stored for it (SHA-256 of the
    token's fields as compact JSON, keys sorted)."""
    token = signing.dumps(
        {"page": 7, "at": 1_800_000_000, "nonce": "0123456789abcdef"},
        salt=spam.STAMP_SALT,
    )

    assert spam.form_token_digest(token) == (
        "909b7779e96f7195f4c95f92bba4d1606b6710b26844c3917a826e24a8f36b7a"
    )
