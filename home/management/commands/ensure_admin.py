import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.logins import ensure_login


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists and print it. The password comes from "
        "ADMIN_PASSWORD, or is generated (development only) and kept in "
        ".dev-logins.json."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("ADMIN_USERNAME", "admin")
        )
        parser.add_argument(
            "--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.com")
        )

    def handle(self, *args, **options):
        try:
            password = ensure_login(
                options["username"],
                email=options["email"],
                password=os.environ.get("ADMIN_PASSWORD") or None,
                superuser=True,
                role="Administrator (superuser)",
            )
        except ValidationError as error:
            raise CommandError(
                f"ADMIN_PASSWORD is refused: {' '.join(error.messages)}"
            ) from None
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: username {options['username']!r}, password {password!r}"
            )
        )
