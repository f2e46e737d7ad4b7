import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from locations.consultations.notifications import (
    deliver_due_notifications,
    pending_count,
)

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the pending emails about consultation requests, retrying failures with "
        "exponential backoff. Runs until stopped, checking every --interval seconds; "
        "with --once it sends what is due and exits (for cron). Several copies may "
        "run at once: each email is claimed by one of them only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Send what is due, then exit."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=10.0,
            help="Seconds between checks when running continuously (default 10).",
        )

    def handle(self, *args, once=False, interval=10.0, **options):
        if once:
            self.report = self.stdout.write
            self.deliver()
            return
        # A long-running worker's reports are log lines: time, level, logger name.
        self.report = logger.info
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Sending consultation notifications every {interval:g} s "
                f"({pending_count()} waiting). Stop with Ctrl-C."
            )
        try:
            while not self.stopping:
                # A long-running worker must drop connections the database closed.
                close_old_connections()
                self.deliver()
                self.sleep(interval)
        except KeyboardInterrupt:
            pass
        if options["verbosity"] >= 1:
            self.stdout.write("Notification worker stopped.")

    def stop(self, signum, frame):
        self.stopping = True

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.5, max(deadline - time.monotonic(), 0)))

    def deliver(self):
        try:
            run = deliver_due_notifications()
        except DatabaseError:
            logger.exception("Consultation notifications: database error; will retry.")
            return
        if run.sent or run.failed:
            self.report(
                f"Consultation notifications: {run.sent} sent, {run.failed} failed"
                + (" (mail server not answering)" if run.mail_server_down else "")
            )
