from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.devices import APP_DEVICE_NAME, app_secret
from home.logins import remember_login_details, saved_logins
from home.two_factor import second_factor_required


class Command(BaseCommand):
    help = (
        "Development only: give each development login that must sign in with two "
        "factors (the admin, the location managers) an authenticator-app device, and "
        "keep its secret in .dev-logins.json, where `make run` prints it. "
        "`manage.py two_factor_code USERNAME` prints the current code."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo two-factor devices exist in development only.")
        if not settings.TWO_FACTOR_ENABLED:
            self.stderr.write(
                self.style.WARNING(
                    "Two-factor sign-in is OFF (TWO_FACTOR_ENABLED=false): managers "
                    "read consultation requests with a password alone. Development "
                    "only; production refuses to start like this."
                )
            )
            return
        User = get_user_model()
        for username, login in saved_logins().items():
            user = User.objects.filter(username=username).first()
            if user is None or not second_factor_required(user):
                continue
            device = self.demo_device(user, login.get("totp_key"))
            remember_login_details(
                username, totp_key=device.key, totp_secret=app_secret(device)
            )
            if options["verbosity"] >= 1:
                self.stdout.write(f"{username}: TOTP secret {app_secret(device)}")

    def demo_device(self, user, saved_key):
        """The user's confirmed app device, the one whose key is saved when it
        still exists; otherwise a new one (older devices are removed)."""
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        kept = devices.filter(key=saved_key).first() if saved_key else None
        if kept is not None:
            return kept
        devices.delete()
        return TOTPDevice.objects.create(
            user=user, name=APP_DEVICE_NAME, confirmed=True
        )
