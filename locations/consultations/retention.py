"""Deleting consultation requests once the site's retention period has passed."""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site

from locations.consultations import audit
from locations.consultations.models import ConsultationRequest, ConsultationSettings
from locations.consultations.models.requests import DEFAULT_RETENTION_DAYS

logger = logging.getLogger(__name__)


def retention_days_for(site):
    return ConsultationSettings.for_site(site).retention_days


def expired_requests(now=None):
    """The requests older than their site's retention period. A request whose form
    page no longer exists (or lies outside every site) follows the default site's
    period; with no default site, the shortest period of any site, or
    DEFAULT_RETENTION_DAYS when there is no site at all: health information is never
    kept for want of a period."""
    now = now or timezone.now()
    sites = list(Site.objects.select_related("root_page"))
    expired, in_any_site = Q(pk__in=[]), Q(pk__in=[])
    periods = {}
    for site in sites:
        periods[site.pk] = retention_days_for(site)
        in_site = Q(page__path__startswith=site.root_page.path)
        cutoff = now - datetime.timedelta(days=periods[site.pk])
        expired |= in_site & Q(submit_time__lt=cutoff)
        in_any_site |= in_site
    default = next((site for site in sites if site.is_default_site), None)
    if default is not None:
        orphan_days = periods[default.pk]
    else:
        orphan_days = min(periods.values(), default=DEFAULT_RETENTION_DAYS)
    cutoff = now - datetime.timedelta(days=orphan_days)
    outside_sites = Q(page__isnull=True) | ~in_any_site
    expired |= outside_sites & Q(submit_time__lt=cutoff)
    return ConsultationRequest.objects.filter(expired)


def purge_expired_requests(now=None, dry_run=False):
    """Delete expired requests (with their notifications); return how many. Each
    deletion is in the audit log; the Python log gets the count, never answers."""
    expired_ids = list(expired_requests(now).values_list("pk", flat=True))
    if dry_run:
        logger.info(
            "Retention (dry run): %s consultation requests would go.", len(expired_ids)
        )
        return len(expired_ids)
    with transaction.atomic():
        expired = ConsultationRequest.objects.filter(pk__in=expired_ids)
        for submission in expired.select_for_update():
            audit.log_request_action(submission, audit.EXPIRE)
        expired.delete()
    logger.info(
        "Retention: deleted %s expired consultation requests.", len(expired_ids)
    )
    return len(expired_ids)
