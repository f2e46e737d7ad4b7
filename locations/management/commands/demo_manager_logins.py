from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.logins import ensure_login
from locations.demo.consultations import DEMO_MANAGERS, LOCATION_MANAGERS_GROUP
from locations.models import LocationPage


class Command(BaseCommand):
    help = (
        "Development only: give each demo location manager a password (generated "
        "and kept in .dev-logins.json) and print their logins."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo manager logins exist in development only.")
        User = get_user_model()
        for slug, username, _, _ in DEMO_MANAGERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                continue
            password = ensure_login(
                username, email=user.email, groups=[LOCATION_MANAGERS_GROUP]
            )
            location = LocationPage.objects.filter(slug=slug).first()
            where = location.title if location else slug
            self.stdout.write(
                self.style.SUCCESS(
                    f"Location manager ({where}): username {username!r}, "
                    f"password {password!r}"
                )
            )
