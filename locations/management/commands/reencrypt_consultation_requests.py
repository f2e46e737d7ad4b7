import logging

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from locations.consultations.crypto import InvalidToken, reencrypt
from locations.models import ConsultationNotification, ConsultationRequest

logger = logging.getLogger(__name__)

# Shown ids per kind in the error; the log has every one.
SHOWN_IDS = 20


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored consultation request (and pending visitor "
        "address) with the first key of CONSULTATION_ENCRYPTION_KEYS. Run it after "
        "putting a new key first; then the old keys can be removed. Values that no "
        "configured key opens are left as they are and counted: the command then "
        "exits with status 1, and no old key may be removed yet."
    )

    def handle(self, *args, **options):
        requests, bad_requests = self.rotate(ConsultationRequest, "answers")
        addresses, bad_addresses = self.rotate(
            ConsultationNotification.objects.exclude(recipient_encrypted=""),
            "recipient_encrypted",
        )
        self.stdout.write(
            f"Re-encrypted {requests} consultation request(s) and {addresses} "
            "pending visitor address(es) with the first key."
        )
        skipped = len(bad_requests) + len(bad_addresses)
        if skipped:
            raise CommandError(
                f"{skipped} stored value(s) could not be opened with any key in "
                "CONSULTATION_ENCRYPTION_KEYS and were left as they are "
                f"({self.describe('consultation request', bad_requests)}"
                f"{'; ' if bad_requests and bad_addresses else ''}"
                f"{self.describe('notification', bad_addresses)}). Do not remove "
                "an old key: add the key that encrypted them, and run this again.",
                returncode=1,
            )

    def rotate(self, model_or_queryset, field):
        """Re-encrypt `field` of every row; returns (rows re-encrypted, [pks of rows
        no key opens])."""
        queryset = getattr(model_or_queryset, "objects", model_or_queryset)
        count, unopened = 0, []
        for pk, token in queryset.values_list("pk", field).iterator(chunk_size=500):
            try:
                new_token = reencrypt(token)
            except (InvalidToken, UnicodeEncodeError):
                logger.warning(
                    "%s #%s: no configured key opens its %s; left as it is.",
                    queryset.model._meta.verbose_name.capitalize(),
                    pk,
                    field,
                )
                unopened.append(pk)
                continue
            with transaction.atomic():
                queryset.model.objects.filter(pk=pk, **{field: token}).update(
                    **{field: new_token}
                )
            count += 1
        return count, unopened

    @staticmethod
    def describe(kind, pks):
        if not pks:
            return ""
        shown = ", ".join(f"#{pk}" for pk in pks[:SHOWN_IDS])
        more = f" and {len(pks) - SHOWN_IDS} more" if len(pks) > SHOWN_IDS else ""
        return f"{kind} {shown}{more}"
