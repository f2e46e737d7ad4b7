"""The not-found log: addresses on the public site that visitors asked for and that
did not exist, counted by path."""

from django.db import models


class NotFoundPath(models.Model):
    """One public path that answered 404, with how often and when it was asked for
    and where the last visitor came from. Rows are written in batches, capped in
    number and pruned when old (seo.not_found)."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    path = models.CharField(
        max_length=255,
        help_text="The address visitors asked for, without the query string.",
    )
    hits = models.PositiveIntegerField(default=0)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)
    referrer_host = models.CharField(
        "came from",
        max_length=255,
        blank=True,
        help_text="The site of the page that linked here, when the browser said.",
    )

    class Meta:
        verbose_name = "not-found path"
        verbose_name_plural = "not-found paths"
        constraints = [
            models.UniqueConstraint(fields=["site", "path"], name="unique_site_path")
        ]
        indexes = [models.Index(fields=["-hits"], name="seo_notfound_hits")]
        permissions = [("view_seo_report", "Can view the SEO report")]

    def __str__(self):
        return self.path
