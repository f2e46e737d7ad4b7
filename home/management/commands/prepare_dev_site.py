import io

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.logins import database_identity

# Addresses a server listens on but nobody browses to.
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}  # noqa: S104 - names them, binds nothing


def parse_address(address):
    """`HOST:PORT` (or `[v6]:PORT`) as (hostname, port) for a Wagtail Site."""
    host, separator, port = address.rpartition(":")
    if not separator or not port.isdigit():
        raise CommandError(f"--address must be HOST:PORT, not {address!r}.")
    host = host.strip("[]")
    return ("localhost" if host in WILDCARD_HOSTS else host), int(port)


class Command(BaseCommand):
    help = (
        "Development only (`make run`): apply migrations quietly (their output is "
        "shown only if they fail), load the demo content, point the default Site at "
        "the address the development server is about to listen on, and make sure an "
        "admin login exists (kept in .dev-logins.json for this database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            required=True,
            help="HOST:PORT the development server will listen on. The default "
            "Site's hostname and port follow it, and with them canonical URLs, the "
            "sitemap and robots.txt.",
        )

    def handle(self, *args, address, **options):
        if not settings.DEBUG:
            raise CommandError("prepare_dev_site is for development only (DEBUG on).")
        hostname, port = parse_address(address)
        self.migrate_quietly()
        call_command("load_demo_content", verbosity=0, stdout=self.stdout)
        self.move_default_site(hostname, port)
        call_command("ensure_admin", verbosity=0)

    def migrate_quietly(self):
        output = io.StringIO()
        try:
            call_command("migrate", interactive=False, stdout=output, stderr=output)
        except BaseException:
            self.stderr.write(output.getvalue())
            raise
        applied = output.getvalue().count("  Applying ")
        state = f"{applied} migrations applied" if applied else "up to date"
        self.stdout.write(f"Database {database_identity()}: {state}.")

    def move_default_site(self, hostname, port):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or (site.hostname, site.port) == (hostname, port):
            return
        before = f"{site.hostname}:{site.port}"
        site.hostname, site.port = hostname, port
        site.save()
        self.stdout.write(
            f"Demo site moved from {before} to {hostname}:{port} (canonical URLs, "
            "sitemap and robots.txt follow)."
        )
