"""Clinic locations and their index."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.cache import cached_until_content_changes, valid_until
from home.listings import attach_listing_images
from home.models import BaseIndexPage, BasePage, optional_image
from home.query_params import page_number
from home.visibility import public_pages
from locations import hours
from locations.forms import LocationPageForm
from locations.jsonld import clinic_json_ld, postal_address_json_ld
from locations.validators import (
    US_STATES,
    US_TIME_ZONES,
    split_email_list,
    validate_email_list,
    validate_zip_code,
)

# Must match the {% picture %} filters of templates/includes/provider_card.html.
PROVIDER_PHOTO_FILTERS = "fill-{160x200,320x400}-c80|format-{webp,jpeg}"
RECIPIENTS_PERMISSION = "locations.change_location_recipients"
# A page of the location index: its cost stays flat however many clinics there are.
LOCATIONS_PER_PAGE = 24


class LocationIndexPage(BaseIndexPage):
    """The list of clinic locations visitors choose from."""

    subpage_types = ["locations.LocationPage"]

    class Meta:
        verbose_name = "location index page"

    def listing_context(self, request):
        # Computed only when the template's cached fragment is missing.
        number = page_number(request)
        return {
            "listing": SimpleLazyObject(lambda: self.listing(number)),
            "listing_cache_key": number,
        }

    def listing(self, number):
        """Page `number` of the live locations, in the editors' order (a Django Page
        of LOCATIONS_PER_PAGE, with hours and closures loaded)."""
        locations = (
            public_pages(LocationPage.objects.child_of(self))
            .defer_streamfields()
            .prefetch_related("opening_hours", "holiday_closures")
            .order_by("path")
        )
        return Paginator(locations, LOCATIONS_PER_PAGE).get_page(number)


class LocationPage(BasePage):
    """One clinic: where it is, when it is open, who practises there."""

    street_address = models.CharField(
        max_length=200, help_text="Number and street, e.g. '2400 Lake Austin Blvd'."
    )
    street_address_2 = models.CharField(
        "suite or floor",
        max_length=100,
        blank=True,
        help_text="Optional, e.g. 'Suite 210'.",
    )
    city = models.CharField(max_length=100, help_text="e.g. 'Austin'.")
    state = models.CharField(
        max_length=2,
        choices=US_STATES,
        default="TX",
        help_text="The US state.",
    )
    postal_code = models.CharField(
        "ZIP code",
        max_length=10,
        validators=[validate_zip_code],
        help_text="Five digits, or ZIP+4 such as 78701-1234.",
    )
    phone = PhoneNumberField(
        region="US",
        help_text="The number patients call for this clinic, e.g. (512) 555-0142.",
    )
    email = models.EmailField(
        blank=True, help_text="Optional public email address of this clinic."
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-90, "Latitude must be between -90 and 90."),
            MaxValueValidator(90, "Latitude must be between -90 and 90."),
        ],
        help_text="For maps and search engines, with at least 5 decimal places, "
        "e.g. 30.267153: search engines only pin a clinic on their maps that "
        "precisely (about a metre). Right-click the place in an online map to copy "
        "it.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-180, "Longitude must be between -180 and 180."),
            MaxValueValidator(180, "Longitude must be between -180 and 180."),
        ],
        help_text="With at least 5 decimal places too, e.g. -97.743061 (negative "
        "in the US).",
    )
    time_zone = models.CharField(
        max_length=40,
        choices=US_TIME_ZONES,
        default="America/Chicago",
        help_text="Opening hours are in this time zone.",
    )
    hero_image = optional_image(
        "A welcoming photo of the clinic, shown at the top and in lists."
    )
    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="One or two sentences about this clinic, also used in listings.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Anything else visitors should know, e.g. photos of the clinic or "
        "answers to common questions.",
    )
    parking_notes = models.TextField(
        "parking",
        max_length=1000,
        blank=True,
        help_text="Where to park and what it costs, e.g. 'Free parking behind the "
        "building'.",
    )
    accessibility_notes = models.TextField(
        "accessibility",
        max_length=1000,
        blank=True,
        help_text="Step-free access, lifts, accessible restrooms, transit nearby.",
    )
    services = ParentalManyToManyField(
        "home.Treatment",
        blank=True,
        related_name="locations",
        help_text="The treatments offered at this clinic. Manage the list under "
        "Snippets > Treatments.",
    )
    managers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_locations",
        help_text="Staff who receive this clinic's consultation requests and may see "
        "them in the admin. Put them in the 'Location managers' group too, so that "
        "they can sign in to read them.",
    )
    notification_emails = models.TextField(
        "extra notification addresses",
        blank=True,
        validators=[validate_email_list],
        help_text="Other addresses told about new requests (no answers are ever "
        "emailed). One address per line.",
    )

    base_form_class = LocationPageForm
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = ["locations.ConsultationFormPage"]
    seo_description_sources = ["search_description", "intro"]
    seo_image_sources = ["og_image", "hero_image"]
    listing_image_field = "hero_image"

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("city"),
        index.SearchField("street_address"),
        index.FilterField("state"),
    ]
    content_panels = [
        TitleFieldPanel(
            "title",
            heading="Clinic name",
            help_text="As patients know it, e.g. 'Austin – Clarksville'.",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("street_address_2"),
                FieldRowPanel(
                    [FieldPanel("city"), FieldPanel("state"), FieldPanel("postal_code")]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                InlinePanel(
                    "opening_hours",
                    label="Opening hours",
                    help_text="One row per opening range; add two rows for a day "
                    "with a lunch break. Days without rows show as closed.",
                ),
                InlinePanel(
                    "holiday_closures",
                    label="Holiday closure",
                    help_text="Days the clinic is closed although normally open.",
                ),
            ],
            heading="Opening hours",
        ),
        FieldPanel("parking_notes"),
        FieldPanel("accessibility_notes"),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("managers", permission=RECIPIENTS_PERMISSION),
                FieldPanel("notification_emails", permission=RECIPIENTS_PERMISSION),
            ],
            heading="Who receives consultation requests",
            permission=RECIPIENTS_PERMISSION,
        ),
    ]

    class Meta:
        verbose_name = "location page"
        permissions = [
            (
                "change_location_recipients",
                "Can choose who receives a location's consultation requests",
            )
        ]

    def get_context(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False):
            # Published hours change only with a publish: read them once per content
            # generation. A preview shows the draft's own rows.
            self.hours_rows, self.closure_rows = cached_until_content_changes(
                f"location-hours:{self.pk}",
                lambda: (
                    list(self.opening_hours.all()),
                    list(self.holiday_closures.all()),
                ),
            )
        return super().get_context(request, *args, **kwargs)

    @property
    def json_ld_id(self):
        """The @id of this clinic's MedicalClinic; provider pages point at it."""
        return f"{self.full_url}#clinic"

    def json_ld_address(self):
        """This clinic's schema.org PostalAddress (a dict); provider pages use it."""
        return postal_address_json_ld(self)

    @property
    def address_lines(self):
        lines = [self.street_address, self.street_address_2]
        lines.append(f"{self.city}, {self.state} {self.postal_code}")
        return [line for line in lines if line]

    @property
    def directions_url(self):
        """A maps link built from the address: no script, no API key."""
        destination = ", ".join([*self.address_lines, "USA"])
        return "https://www.google.com/maps/dir/?" + urlencode(
            {"api": 1, "destination": destination}
        )

    @property
    def extra_notification_addresses(self):
        return split_email_list(self.notification_emails)

    @cached_property
    def hours_rows(self):
        """The opening-hours rows, read once (or from a prefetch) per page view."""
        return list(self.opening_hours.all())

    @cached_property
    def closure_rows(self):
        return list(self.holiday_closures.all())

    def week(self, now=None):
        if now is None:  # "today" is marked: cached copies end at midnight
            valid_until(hours.next_midnight(self.time_zone))
        return hours.week_schedule(self.hours_rows, self.time_zone, now)

    def open_state(self, now=None):
        if now is None:  # cached copies end at the next opening or closing
            valid_until(hours.next_change(self.hours_rows, self.time_zone))
        return hours.open_state(self.hours_rows, self.closure_rows, self.time_zone, now)

    @cached_property
    def service_list(self):
        return list(self.services.all())

    def upcoming_closures(self, now=None):
        if now is None:
            valid_until(hours.next_midnight(self.time_zone))
        today = hours.local_now(self.time_zone, now).date()
        return [c for c in self.closure_rows if c.date >= today]

    def practising_providers(self):
        """Live providers who practise here, with their photos ready to show."""
        providers = list(
            public_pages(self.providers.all(), self.get_site())
            .defer_streamfields()
            .order_by("title")
            .select_related("headshot")
        )
        return attach_listing_images(providers, PROVIDER_PHOTO_FILTERS)

    def json_ld_objects(self, request):
        return [clinic_json_ld(self, request), *super().json_ld_objects(request)]


class LocationOpeningHours(Orderable):
    """One opening range of a location on one day of the week."""

    page = ParentalKey(
        LocationPage, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.IntegerField(
        "day", choices=hours.Weekday.choices, help_text="The day of the week."
    )
    opens = models.TimeField(null=True, blank=True, help_text="e.g. 08:00")
    closes = models.TimeField(null=True, blank=True, help_text="e.g. 17:30")
    closed = models.BooleanField(
        "closed all day",
        default=False,
        help_text="Tick for a day the clinic is closed; leave the times empty.",
    )

    # The tick box goes below the times: as a fourth column it overflowed the
    # editor at 1300 px, its label wrapping one word per line.
    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]
        ),
        FieldPanel("closed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self):
        if self.closed:
            return f"{self.get_weekday_display()}: closed"
        return f"{self.get_weekday_display()}: {self.opens}–{self.closes}"

    def clean(self):
        if self.closed:
            self.opens = self.closes = None
            return
        errors = {}
        if self.opens is None:
            errors["opens"] = "Enter the opening time, or tick 'closed all day'."
        if self.closes is None:
            errors["closes"] = "Enter the closing time, or tick 'closed all day'."
        if not errors and self.closes <= self.opens:
            errors["closes"] = "The closing time must be after the opening time."
        if errors:
            raise ValidationError(errors)


class LocationHolidayClosure(Orderable):
    """A date on which a location is closed, with a note for visitors."""

    page = ParentalKey(
        LocationPage, on_delete=models.CASCADE, related_name="holiday_closures"
    )
    date = models.DateField(help_text="The day the clinic is closed.")
    note = models.CharField(
        max_length=120, help_text="Shown to visitors, e.g. 'Closed for Thanksgiving'."
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        ordering = ["date"]

    def __str__(self):
        return f"{self.date}: {self.note}"
