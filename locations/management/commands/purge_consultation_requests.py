from django.core.management.base import BaseCommand

from locations.consultations.retention import purge_expired_requests


class Command(BaseCommand):
    help = (
        "Delete consultation requests older than the retention period set in "
        "Settings > Consultation requests (default 180 days). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the requests that would be deleted.",
        )

    def handle(self, *args, dry_run=False, **options):
        count = purge_expired_requests(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"Retention: {verb} {count} consultation request(s).")
