"""Who must sign in with a second factor, and whether they have this session.

The rule lives in the foundation so that any app guarding health information can ask
it; the sign-in screens and their middleware are in `accounts/`."""

from django.conf import settings


def second_factor_required(user):
    """True when `user` may not use the admin without a verified second factor:
    superusers, and holders of any permission in `TWO_FACTOR_REQUIRED_PERMISSIONS`
    (those who can read consultation requests). Always False when
    `TWO_FACTOR_ENABLED` is off (development and tests only)."""
    if not settings.TWO_FACTOR_ENABLED:
        return False
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or any(
        user.has_perm(permission)
        for permission in settings.TWO_FACTOR_REQUIRED_PERMISSIONS
    )


def second_factor_verified(user):
    """True when this request's user proved a second factor in this session
    (django-otp's middleware gives `request.user` an `is_verified()`; a user loaded
    any other way has proved nothing)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


def second_factor_satisfied(user):
    """True when `user` may see what needs two factors: they are not required to
    have one, or they verified it in this session."""
    return not second_factor_required(user) or second_factor_verified(user)
