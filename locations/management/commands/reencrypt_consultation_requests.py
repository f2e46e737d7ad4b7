from django.core.management.base import BaseCommand
from django.db import transaction

from locations.consultations.crypto import reencrypt
from locations.models import ConsultationNotification, ConsultationRequest


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored consultation request (and pending visitor "
        "address) with the first key of CONSULTATION_ENCRYPTION_KEYS. Run it after "
        "putting a new key first; then the old keys can be removed."
    )

    def handle(self, *args, **options):
        requests = self.rotate(ConsultationRequest, "answers")
        addresses = self.rotate(
            ConsultationNotification.objects.exclude(recipient_encrypted=""),
            "recipient_encrypted",
        )
        self.stdout.write(
            f"Re-encrypted {requests} consultation request(s) and {addresses} "
            "pending visitor address(es) with the first key."
        )

    def rotate(self, model_or_queryset, field):
        queryset = getattr(model_or_queryset, "objects", model_or_queryset)
        count = 0
        for pk, token in queryset.values_list("pk", field).iterator(chunk_size=500):
            with transaction.atomic():
                queryset.model.objects.filter(pk=pk, **{field: token}).update(
                    **{field: reencrypt(token)}
                )
            count += 1
        return count
