"""Email backends for tests: one whose server can be switched off, one that records
every send slowly enough for two workers to overlap."""

import threading
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class SwitchableBackend(LocmemBackend):
    """Like locmem, but raises as a dead SMTP server would while `down` is set."""

    down = False
    attempts = 0

    def send_messages(self, messages):
        SwitchableBackend.attempts += 1
        if SwitchableBackend.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


class SlowRecordingBackend(BaseEmailBackend):
    """Records the notification id of every message, taking a moment per send;
    refuses connections, as a dead server would, while `down` is set."""

    sent = []
    down = False
    lock = threading.Lock()

    def send_messages(self, messages):
        if SlowRecordingBackend.down:
            raise ConnectionRefusedError(111, "Connection refused")
        time.sleep(0.01)
        with SlowRecordingBackend.lock:
            SlowRecordingBackend.sent.extend(
                message.extra_headers["X-Consultation-Notification"]
                for message in messages
            )
        return len(messages)
