"""Vocabularies that several apps share, managed by editors as snippets (registered
in each app's wagtail_hooks.py)."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """Abstract editor-managed term with a slug, for lists visitors filter by
    (treatments, specialties, conditions, article topics)."""

    name = models.CharField(
        max_length=100, unique=True, help_text="As patients would say it."
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="Used in web addresses; filled in from the name if left empty.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[: self._meta.get_field("slug").max_length]
        super().save(*args, **kwargs)


class Treatment(Term):
    """A treatment or service, e.g. 'Ketamine infusion therapy'; offered at locations
    and by providers."""

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="As patients would say it, e.g. 'Ketamine infusion therapy'.",
    )
    description = models.TextField(
        blank=True, max_length=500, help_text="Optional one-sentence explanation."
    )

    panels = [*Term.panels, FieldPanel("description")]
