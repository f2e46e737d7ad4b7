from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import load_demo_content


class Command(BaseCommand):
    help = (
        "Build the demo clinic site (home page, menus, settings and each app's pages). "
        "Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            builder = load_demo_content(
                stdout=self.stdout if options["verbosity"] > 0 else None
            )
        if builder.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content: {len(builder.created)} items created."
                )
            )
        else:
            self.stdout.write("Demo content already present; nothing changed.")
