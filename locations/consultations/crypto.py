"""Encryption at rest of consultation answers, with keys from the environment.

`cryptography`'s MultiFernet does the work: the first configured key encrypts, every
key decrypts, and `rotate()` re-encrypts a token with the first key."""

import base64
import functools
import hashlib
import json
import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder

logger = logging.getLogger(__name__)

__all__ = [
    "InvalidToken",
    "decrypt_json",
    "decrypt_text",
    "encrypt_json",
    "encrypt_text",
    "reencrypt",
]


def development_key(secret_key):
    """A Fernet key derived from SECRET_KEY, for local development only."""
    digest = hashlib.sha256(f"consultation-answers:{secret_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def configured_keys():
    keys = list(settings.CONSULTATION_ENCRYPTION_KEYS)
    if keys:
        return keys
    if settings.CONSULTATION_DERIVE_DEVELOPMENT_KEY:
        return [development_key(settings.SECRET_KEY)]
    raise ImproperlyConfigured(
        "CONSULTATION_ENCRYPTION_KEYS is empty: consultation answers cannot be "
        "stored without an encryption key."
    )


@functools.lru_cache(maxsize=4)
def _cipher_for(keys):
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "CONSULTATION_ENCRYPTION_KEYS holds a value that is not a Fernet key."
        ) from error


@functools.cache
def _warn_about_development_key():
    logger.warning(
        "Consultation answers are encrypted with a key derived from SECRET_KEY "
        "because CONSULTATION_ENCRYPTION_KEYS is not set. Fine for development; "
        "production refuses to start like this."
    )


def cipher():
    """The MultiFernet for the keys configured now (settings may change in tests)."""
    keys = tuple(configured_keys())
    if not settings.CONSULTATION_ENCRYPTION_KEYS:
        _warn_about_development_key()
    return _cipher_for(keys)


def encrypt_text(text):
    """`text` encrypted with the first key: a URL-safe base64 string (ASCII)."""
    return cipher().encrypt(text.encode()).decode()


def decrypt_text(token):
    """The plaintext of `token`; raises InvalidToken when no key opens it, a
    damaged token included (one holding characters base64 does not use)."""
    return cipher().decrypt(token.encode()).decode()


def encrypt_json(data):
    return encrypt_text(json.dumps(data, cls=DjangoJSONEncoder))


def decrypt_json(token):
    return json.loads(decrypt_text(token))


def reencrypt(token):
    """The same plaintext encrypted with the first key (for key rotation)."""
    return cipher().rotate(token.encode()).decode()
