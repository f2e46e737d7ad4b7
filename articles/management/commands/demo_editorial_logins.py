from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.roles import MARKETING_EDITORS, MEDICAL_REVIEWERS
from home.logins import ensure_login

# (username, email, group, what `make run` prints beside the login)
DEMO_EDITORIAL_LOGINS = (
    ("editor", "editor@example.com", MARKETING_EDITORS, "Marketing editor"),
    ("reviewer", "reviewer@example.com", MEDICAL_REVIEWERS, "Medical reviewer"),
)


class Command(BaseCommand):
    help = (
        "Development only: make sure the demo has a marketing editor and a medical "
        "reviewer who can sign in (passwords generated and kept per database in "
        ".dev-logins.json), and print their logins."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo editorial logins exist in development only.")
        for username, email, group, role in DEMO_EDITORIAL_LOGINS:
            password = ensure_login(username, email=email, groups=[group], role=role)
            if options["verbosity"] >= 1:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{role}: username {username!r}, password {password!r}"
                    )
                )
