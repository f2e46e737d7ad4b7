import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Enqueue the periodic tasks of settings.PERIODIC_TASKS (scheduled publishing, "
        "the notification sweep, the retention purge, pruning finished tasks) for the "
        "task worker, each at its interval, until stopped. Run one per site, beside "
        "the worker; with --once it enqueues each task once and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Enqueue every task once, then exit."
        )

    def handle(self, *args, once=False, **options):
        jobs = self.periodic_tasks()
        if once:
            for path in jobs:
                self.enqueue(path)
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        if options["verbosity"] >= 1:
            listed = ", ".join(
                f"{path.rsplit('.', 1)[-1]} every {seconds:g} s"
                for path, seconds in jobs.items()
            )
            self.stdout.write(f"Scheduler: {listed}. Stop with Ctrl-C.")
        due = dict.fromkeys(jobs, time.monotonic())
        try:
            while not self.stopping:
                now = time.monotonic()
                for path, seconds in jobs.items():
                    if due[path] <= now:
                        # A long-running process must drop connections the
                        # database closed.
                        close_old_connections()
                        if self.enqueue(path):
                            due[path] = now + seconds
                        else:  # the database or Redis is down: try again soon
                            due[path] = now + min(seconds, 10)
                self.sleep_until(min(due.values()))
        except KeyboardInterrupt:
            pass

    def periodic_tasks(self):
        """{task path: seconds between runs}, checked before anything runs."""
        jobs = {}
        for path, seconds in settings.PERIODIC_TASKS.items():
            try:
                import_string(path)
            except ImportError as error:
                raise CommandError(
                    f"PERIODIC_TASKS: cannot import {path}: {error}"
                ) from error
            if not seconds or seconds <= 0:
                raise CommandError(f"PERIODIC_TASKS: {path} needs a positive interval.")
            jobs[path] = float(seconds)
        return jobs

    def enqueue(self, path):
        try:
            result = import_string(path).enqueue()
        except Exception:  # the database or Redis is down: keep going, loudly
            logger.exception(
                "Scheduler: could not enqueue %s; trying again soon.", path
            )
            return False
        logger.debug("Scheduler: enqueued %s as %s", path, result.id)
        return True

    def stop(self, signum, frame):
        self.stopping = True

    def sleep_until(self, moment):
        while not self.stopping and time.monotonic() < moment:
            time.sleep(min(0.5, max(moment - time.monotonic(), 0)))
