"""Second-factor devices (django-otp): one authenticator app (TOTP) and one set of
single-use recovery codes per user."""

from base64 import b32encode

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def pending_app_device(user):
    """The user's authenticator app being set up (unconfirmed), made on first ask
    and kept until confirmed, so that a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=APP_DEVICE_NAME, confirmed=False
        )
    return device


def app_secret(device):
    """The TOTP secret as authenticator apps take it typed in: base32, no padding."""
    return b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def confirm_app_device(device):
    """Confirm `device` (its first code was right) and give its user a fresh set of
    recovery codes; returns the codes, to be shown once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user, count=RECOVERY_CODE_COUNT):
    """Replace the user's recovery codes with `count` new ones (each works once);
    returns them. Only django-otp's table holds them afterwards."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(
        user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=code) for code in codes]
    )
    return codes


@transaction.atomic
def reset_devices(user):
    """Delete every second-factor device of `user` (confirmed or not); returns how
    many. Their sessions stop being verified at their next request."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


def has_app_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
