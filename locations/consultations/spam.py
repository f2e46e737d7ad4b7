"""Spam defences without third-party scripts: a honeypot field, a minimum fill time
from a signed timestamp, and a per-client rate limit in the shared cache. The
signed token also names the form shown, so that a resent form is stored once
(the database claims its digest: see ConsultationRequest.form_token_digest)."""

import enum
import hashlib
import json
import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import salted_hmac

from home.client import client_address
from locations.consultations.forms import HONEYPOT_FIELD, STAMP_FIELD

logger = logging.getLogger(__name__)

STAMP_SALT = "locations.consultations.form-token"
# A form left open longer than this is shown again with a fresh token.
STAMP_MAX_AGE = 2 * 24 * 60 * 60


class Verdict(enum.Enum):
    PERSON = "person"
    SPAM = "spam"
    STALE = "stale"


def current_time():
    return time.time()


def issue_form_token(page, issued_at=None):
    """A signed note of which page showed the form, and when. The nonce makes each
    token unique, so that a resent form can be told from another person's."""
    issued_at = current_time() if issued_at is None else issued_at
    payload = {"page": page.pk, "at": int(issued_at), "nonce": secrets.token_hex(8)}
    return signing.dumps(payload, salt=STAMP_SALT)


def screen_post(page, data):
    """Whether a posted form came from a person, a machine, or a form left open.
    Dropped posts are logged with the reason (never their content), so that the
    traps can be checked for people caught by mistake."""
    reason = spam_reason(page, data)
    if reason == "stale":
        return Verdict.STALE
    if reason:
        logger.info("Consultation form %s: spam dropped (%s).", page.pk, reason)
        return Verdict.SPAM
    return Verdict.PERSON


def spam_reason(page, data):
    if str(data.get(HONEYPOT_FIELD, "")).strip():
        return "honeypot filled"
    try:
        payload = signing.loads(str(data.get(STAMP_FIELD, "")), salt=STAMP_SALT)
    except (signing.BadSignature, ValueError):
        return "missing or forged form stamp"
    if (
        not isinstance(payload, dict)
        or payload.get("page") != page.pk
        or not isinstance(payload.get("at"), int)
    ):
        return "form stamp from another page"
    age = current_time() - payload["at"]
    if age < settings.CONSULTATION_MIN_FILL_SECONDS:
        return "sent too fast"
    if age > STAMP_MAX_AGE:
        return "stale"
    return None


def _rate_key(request):
    # Keyed by a keyed hash: the cache never holds visitors' IP addresses.
    digest = salted_hmac(STAMP_SALT, client_address(request)).hexdigest()
    return f"consultation-rate:{digest[:40]}"


# Counts kept in this process only, while the shared cache cannot be reached.
_local_counts = LocMemCache(
    "consultation-rate-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}}
)


def _count_form(counter, key, form_key, window):
    """Count one form in `counter` (a cache); a copy of a form already counted
    (same `form_key`) only reads the count."""
    if not counter.add(form_key, 1, timeout=window):
        return counter.get(key) or 0
    if counter.add(key, 1, timeout=window):
        return 1
    try:
        return counter.incr(key)
    except ValueError:  # expired between add() and incr()
        counter.set(key, 1, timeout=window)
        return 1


def over_rate_limit(request, form_digest):
    """Count one form from this client; True when it is over the limit
    (settings.CONSULTATION_RATE_LIMIT per CONSULTATION_RATE_LIMIT_WINDOW seconds).
    Copies of one form (a double click, a resend: same `form_digest`) are counted
    once and read the count, so that they all get the answer the first copy got.

    Counted in the shared cache. When it cannot be reached, this falls back to a
    count kept in this process (logged as a warning): a flood from one client is
    still stopped, at worst after the limit times the number of worker processes,
    while a person asking for care is never turned away because the cache is down.
    Refusing everyone would do that; letting everyone through would let a flood
    reach the clinics' inboxes."""
    window = settings.CONSULTATION_RATE_LIMIT_WINDOW
    key = _rate_key(request)
    form_key = f"consultation-rate-form:{form_digest[:40]}"
    if shared_cache_reachable():
        try:
            count = _count_form(cache, key, form_key, window)
        except Exception as error:
            failure = type(error).__name__
        else:
            if shared_cache_reachable():  # the cache may have just failed (a miss)
                return count > settings.CONSULTATION_RATE_LIMIT
            failure = "unreachable"
    else:
        failure = "unreachable"
    logger.warning(
        "Consultation rate limit counted in this process only: cache %s", failure
    )
    count = _count_form(_local_counts, key, form_key, window)
    return count > settings.CONSULTATION_RATE_LIMIT


def shared_cache_reachable():
    """False while the default cache is known to be down (ResilientRedisCache turns
    errors into misses; a counter must know). Other backends raise instead."""
    is_reachable = getattr(cache, "is_reachable", None)
    return is_reachable() if is_reachable is not None else True


def form_token_digest(token):
    """SHA-256 (hex, 64 characters) of what a form token signs: the page, the time
    and the nonce. Every copy of one form gives the same digest however its
    signature is spelt; the database keeps one request per digest. Raises
    signing.BadSignature for a token screen_post() would have refused."""
    payload = signing.loads(str(token), salt=STAMP_SALT)
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
