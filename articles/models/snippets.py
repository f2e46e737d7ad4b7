"""Lists that editors manage under Snippets: article topics, the "About us" boilerplate
of press releases, and media contacts. Boilerplates and media contacts, reused on
every release, have drafts, revisions and previews: visitors only ever see the live
version (`live_or_none`)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from home.blocks import INLINE_RICH_TEXT
from home.models.taxonomy import Term


class Topic(Term):
    """A subject articles are grouped by, e.g. 'Treatment-resistant depression'."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="As patients would say it, e.g. 'PTSD and trauma'. Shown on articles "
        "and as a filter on the article list.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses; filled in from the name if left empty.",
    )


def live_or_none(snippet):
    """`snippet` if visitors may see it (it is published), else None."""
    return snippet if snippet is not None and snippet.live else None


class Boilerplate(
    DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """The "About us" paragraph at the end of press releases. One of the published
    ones is the default, used by every release that does not choose another."""

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="For editors only, e.g. 'Standard' or 'Short version for wires'.",
    )
    heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="Leave empty to use 'About' and the clinic group name from "
        "Settings > Clinic settings.",
    )
    text = RichTextField(
        features=INLINE_RICH_TEXT,
        help_text="Who the clinic group is, where it practises and what it offers, in "
        "two to four sentences.",
    )
    is_default = models.BooleanField(
        "use by default",
        default=False,
        help_text="Used by every press release that does not choose another. "
        "Publishing it ticked unticks it on the others.",
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="boilerplate"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("is_default"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True, live=True),
                name="articles_one_live_default_boilerplate",
            )
        ]

    def __str__(self):
        return f"{self.name} (default)" if self.is_default and self.live else self.name

    def save(self, *args, **kwargs):
        # A draft ticked "use by default" changes nothing until it is published.
        with transaction.atomic():
            if self.is_default and self.live:
                Boilerplate.objects.filter(is_default=True, live=True).exclude(
                    pk=self.pk
                ).update(is_default=False)
            super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def default(cls):
        """The published boilerplate used when a press release chooses none, or
        None."""
        return cls.objects.filter(is_default=True, live=True).first()

    def get_preview_template(self, request, mode_name):
        return "articles/previews/boilerplate.html"


class MediaContact(
    DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """A person journalists can reach about our press releases."""

    name = models.CharField(max_length=120, help_text="Full name, e.g. 'Dana Ortiz'.")
    job_title = models.CharField(
        max_length=120, blank=True, help_text="e.g. 'Communications manager'."
    )
    email = models.EmailField(help_text="An address that is read every working day.")
    phone = PhoneNumberField(
        blank=True, help_text="Optional direct line, e.g. (512) 555-0199."
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="media_contact"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.job_title}" if self.job_title else self.name

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "articles/previews/media_contact.html"
