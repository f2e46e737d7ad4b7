"""The sign-in audit trail, in Wagtail's audit log (Reports > Site history, filtered
by action "Sign-in ..."): every sign-in, failed sign-in, lockout, second-factor
check, device added or reset, and sign-out, recorded against the user account with
the client address. No entry ever holds a password or a code.

A failed sign-in for a username that does not exist has no account to be recorded
against: it goes to the log (logger `accounts.audit`) and to django-axes's failure
log, like every failure."""

import logging

from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.utils import timezone
from django.utils.functional import LazyObject
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

from home.client import client_address

logger = logging.getLogger(__name__)

SIGN_IN = "accounts.sign_in"
SIGN_IN_FAILED = "accounts.sign_in_failed"
LOCKED_OUT = "accounts.locked_out"
SECOND_FACTOR = "accounts.second_factor"
SECOND_FACTOR_FAILED = "accounts.second_factor_failed"
DEVICE_ADDED = "accounts.device_added"
DEVICE_RESET = "accounts.device_reset"
SIGN_OUT = "accounts.sign_out"

# Why a session ended, as `request.sign_out_reason` tells the sign-out receiver.
SIGN_OUT_REASONS = {
    "user": "Signed out",
    "idle": "Signed out after the idle time",
    "max_age": "Signed out at the session's maximum age",
}

ACTIONS = [
    (SIGN_IN, "Sign-in", "Signed in with password"),
    (SIGN_IN_FAILED, "Sign-in: failed", "Failed sign-in"),
    (LOCKED_OUT, "Sign-in: locked out", "Locked out after repeated failed sign-ins"),
    (SECOND_FACTOR, "Sign-in: second factor", "Verified the second factor"),
    (SECOND_FACTOR_FAILED, "Sign-in: wrong code", "Entered a wrong second-factor code"),
    (DEVICE_ADDED, "Sign-in: device added", "Set up two-factor sign-in"),
    (DEVICE_RESET, "Sign-in: devices reset", "Two-factor devices were reset"),
    (SIGN_OUT, "Sign-out", "Signed out"),
]


def sign_in_formatter(action_label, action_message):
    """A Wagtail log formatter: the event, its reason or method, and the address."""

    class SignInFormatter(LogFormatter):
        label = action_label

        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = data.get("reason") or action_message
            if data.get("method"):
                message += f" ({data['method']})"
            if data.get("locked_out"):
                message += " (sign-in locked)"
            if data.get("client_address"):
                message += f" from {data['client_address']}"
            return message

    return SignInFormatter


def register_sign_in_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action)(sign_in_formatter(label, message))


def log_sign_in_event(account, action, *, request=None, by=None, **data):
    """Record `action` against the user `account`; `by` is who did it (the account
    itself unless an administrator acted). `data` is shown to administrators: never
    pass a secret."""
    if request is not None:
        data.setdefault("client_address", client_address(request))
    account = concrete_user(account)
    by = concrete_user(by) if by is not None else account
    return log(instance=account, action=action, user=by, data=data)


def concrete_user(user):
    """`request.user` is a lazy object, twice over with django-otp's middleware,
    which Wagtail's log registry does not recognise as a model: load the user."""
    if isinstance(user, LazyObject):
        return get_user_model().objects.get(pk=user.pk)
    return user


def _on_logged_in(sender, request, user, **kwargs):
    log_sign_in_event(user, SIGN_IN, request=request)


def _on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked anything that looks like a password.
    username = credentials.get("username") or ""
    account = get_user_model().objects.filter(username=username).first()
    locked = bool(request is not None and getattr(request, "axes_locked_out", False))
    address = client_address(request) if request is not None else ""
    if account is None:
        logger.warning(
            "Failed sign-in for unknown username %r from %s", username[:150], address
        )
        return
    logger.warning("Failed sign-in for %r from %s", account.get_username(), address)
    log_sign_in_event(account, SIGN_IN_FAILED, request=request, locked_out=locked)


def _on_locked_out(sender, request, username, ip_address, **kwargs):
    # django-axes says so again at each attempt refused during the lockout: the
    # audit records when it began (the refused attempts are failed sign-ins).
    account = get_user_model().objects.filter(username=username or "").first()
    if account is None or _locked_out_recently(account):
        return
    logger.warning("Sign-in locked out: username %r, address %s", username, ip_address)
    log_sign_in_event(account, LOCKED_OUT, request=request)


def _locked_out_recently(account):
    since = timezone.now() - get_cool_off()
    return (
        ModelLogEntry.objects.for_instance(account)
        .filter(action=LOCKED_OUT, timestamp__gte=since)
        .exists()
    )


def _on_logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    reason = getattr(request, "sign_out_reason", "user")
    log_sign_in_event(
        user, SIGN_OUT, request=request, reason=SIGN_OUT_REASONS.get(reason, reason)
    )


def connect_signal_receivers():
    user_logged_in.connect(_on_logged_in, dispatch_uid="accounts.audit.logged_in")
    user_login_failed.connect(
        _on_login_failed, dispatch_uid="accounts.audit.login_failed"
    )
    user_locked_out.connect(_on_locked_out, dispatch_uid="accounts.audit.locked_out")
    user_logged_out.connect(_on_logged_out, dispatch_uid="accounts.audit.logged_out")
