"""Provider bios, the provider directory and the lists that describe providers."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BODY_RICH_TEXT
from home.models import BaseIndexPage, BasePage, optional_image
from home.models.taxonomy import Term
from providers.directory import directory_context
from providers.jsonld import clinician_json_ld, provider_json_ld
from providers.validators import split_credentials, validate_credentials, validate_npi

PHYSICIAN_CREDENTIALS = {"MD", "DO", "M.D.", "D.O."}
# Hook for other apps to add sections (e.g. "Articles by ...") to provider pages.
PROVIDER_SECTIONS_HOOK = "provider_page_sections"


class Specialty(Term):
    """A clinical specialty, e.g. 'Adult psychiatry' or 'Ketamine-assisted therapy'."""

    class Meta(Term.Meta):
        verbose_name_plural = "specialties"


class Condition(Term):
    """A condition providers treat, e.g. 'Treatment-resistant depression'."""


class ProviderIndexPage(BaseIndexPage):
    """The provider directory visitors search and filter."""

    subpage_types = ["providers.ProviderPage"]

    class Meta:
        verbose_name = "provider index page"

    def listing_context(self, request):
        return directory_context(self, request, ProviderPage)


class ProviderPage(BasePage):
    """A clinician's profile: credentials, what they treat, where they practise."""

    credentials = models.CharField(
        max_length=100,
        validators=[validate_credentials],
        help_text="Abbreviations separated by commas, e.g. 'MD' or 'DNP, PMHNP-BC'.",
    )
    job_title = models.CharField(
        max_length=120,
        help_text="e.g. 'Psychiatrist' or 'Psychiatric nurse practitioner'.",
    )
    headshot = optional_image(
        "A friendly portrait. Set the focal point on the face in the image "
        "library so that crops keep it."
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences shown in the directory and to search engines.",
    )
    bio = RichTextField(
        features=BODY_RICH_TEXT,
        blank=True,
        help_text="A few paragraphs in a warm, plain voice: training, approach, "
        "what patients can expect.",
    )
    specialties = ParentalManyToManyField(
        "providers.Specialty",
        blank=True,
        related_name="providers",
        help_text="Visitors can filter the directory by these.",
    )
    conditions = ParentalManyToManyField(
        "providers.Condition",
        blank=True,
        related_name="providers",
        verbose_name="conditions treated",
        help_text="Visitors can filter the directory by these.",
    )
    treatments = ParentalManyToManyField(
        "home.Treatment",
        blank=True,
        related_name="providers",
        verbose_name="treatments offered",
        help_text="The treatments this provider gives or prescribes.",
    )
    languages = models.CharField(
        max_length=200,
        default="English",
        help_text="Languages spoken with patients, separated by commas.",
    )
    npi = models.CharField(
        "NPI number",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text="The 10-digit National Provider Identifier, if the provider has one.",
    )
    accepting_new_patients = models.BooleanField(
        default=True,
        help_text="Untick when this provider's schedule is full; the directory "
        "shows it and can filter on it.",
    )
    telehealth = models.BooleanField(
        "telehealth available",
        default=False,
        help_text="Tick if this provider sees patients by video.",
    )
    locations = ParentalManyToManyField(
        "locations.LocationPage",
        blank=True,
        related_name="providers",
        help_text="The clinics where this provider sees patients.",
    )

    parent_page_types = ["providers.ProviderIndexPage"]
    subpage_types = []
    seo_description_sources = ["search_description", "summary"]
    seo_image_sources = ["og_image", "headshot"]
    listing_image_field = "headshot"

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("bio"),
        index.SearchField("job_title"),
        index.SearchField("credentials"),
    ]
    content_panels = [
        TitleFieldPanel(
            "title", heading="Full name", help_text="e.g. 'Maya Torres' (no titles)."
        ),
        FieldRowPanel([FieldPanel("credentials"), FieldPanel("job_title")]),
        FieldPanel("headshot"),
        FieldPanel("summary"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("accepting_new_patients"), FieldPanel("telehealth")]
                ),
                FieldPanel("languages"),
            ],
            heading="Where and how they see patients",
        ),
        MultiFieldPanel(
            [
                FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
                FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What they treat",
            help_text="Manage these lists under Snippets.",
        ),
        InlinePanel("education", label="Education and training"),
        FieldPanel("npi"),
    ]

    class Meta:
        verbose_name = "provider page"

    @property
    def credential_list(self):
        return split_credentials(self.credentials)

    @property
    def is_physician(self):
        return any(c.upper() in PHYSICIAN_CREDENTIALS for c in self.credential_list)

    @property
    def display_name(self):
        """Name with credentials, as bylines and cards show it: 'Maya Torres, MD'."""
        if self.credentials:
            return f"{self.title}, {self.credentials}"
        return self.title

    @property
    def language_list(self):
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    @property
    def listing_summary(self):
        return self.summary

    def live_locations(self):
        """The live clinics where this provider practises (read once per instance)."""
        if not hasattr(self, "_live_locations"):
            self._live_locations = [
                location for location in self.locations.all() if location.live
            ]
        return self._live_locations

    def json_ld_node(self):
        """This provider as an article's author or reviewer (a JSON-LD dict)."""
        return clinician_json_ld(self, self.live_locations())

    def json_ld_objects(self, request):
        return [provider_json_ld(self, request), *super().json_ld_objects(request)]


class ProviderEducation(Orderable):
    """A degree, residency, fellowship or certification on a provider's profile."""

    class Kind(models.TextChoices):
        DEGREE = "degree", "Degree"
        RESIDENCY = "residency", "Residency"
        FELLOWSHIP = "fellowship", "Fellowship"
        CERTIFICATION = "certification", "Board certification"
        TRAINING = "training", "Other training"

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="education")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.DEGREE,
        help_text="What kind of qualification this is.",
    )
    title = models.CharField(
        max_length=150, help_text="e.g. 'Doctor of Medicine' or 'Psychiatry residency'."
    )
    institution = models.CharField(
        max_length=150, blank=True, help_text="e.g. 'Baylor College of Medicine'."
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year it was completed, if known."
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("institution"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "education or training"
        verbose_name_plural = "education and training"

    def __str__(self):
        return f"{self.title}, {self.institution}" if self.institution else self.title
